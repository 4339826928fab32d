"""Portuguese (European and Brazilian): acesso, eliminação, oposição, descadastro."""

from __future__ import annotations

_DATA = r"(?:dados|informacoes)"
_PERSON = r"(?:cliente|mae|pai|filho|filha|esposa|marido|constituinte)"

CUES: dict[str, tuple[str, ...]] = {
    "access": (
        r"\bem que (?:sou|fui|estou) (?:mencionad|referid|citad)[oa]s?\b",
        r"\bdireito (?:de|ao) acesso\b",
        r"\bpedido de acesso\b(?! (?:a|ao|as|aos) (?:marina|pontao|edificio|instalacoes|sala|parque"
        r"|garagem|piscina|ginasio|predio|escola|clube)\b)",
        rf"\bacesso (?:aos?|a todos os) (?:meus )?{_DATA}\b",
        rf"\bcopia (?:dos|de todos os) (?:meus )?{_DATA}\b",
        r"\bcopia de (?:\w+ ){0,2}(?:informac\w*|dados)\b",
        r"\b(?:informac\w*|dados) que (?:\w+ ){0,2}(?:sobre mim|a meu respeito)\b",
        rf"\bquais (?:os )?{_DATA} (?:pessoais )?(?:\w+ ){{0,3}}(?:sobre mim|a meu respeito)\b",
    ),
    "rectification": (
        r"\bcorrijam (?:a|esta|essa) (?:informacao|informacoes|dados|registo)\b",
        r"\batualiz\w* (?:os )?meus dados\b",
        r"\bo meu e-?mail (?:esta|e) errad[oa]\b",
        r"\bre(?:c)?tifica\w+\b",
        rf"\bcorrigir (?:os )?meus {_DATA}\b",
        rf"\b{_DATA} (?:pessoais )?(?:incorretos|inexatos|errados)\b",
    ),
    "erasure": (
        r"\bapag\w* (?:a minha|o meu|os meus|as minhas) (?:ficha|conta|registo|cadastro|dados"
        r"|perfil)\b",
        r"\b(?:apaguem|eliminem|apagar|eliminar) (?:todos |todas )?(?:os |as )?(?:meus |minhas )?"
        r"(?:dados|informacoes)\b",
        r"\bpreferia que (?:\w+ ){0,3}nao (?:ficassem|fossem|estivessem) (?:\w+ )?guardad\w*",
        r"\b(?:apag|elimin|exclu|remov|suprim)\w* (?:todos )?(?:os )?(?:meus|seguintes) (?:\w+ )?"
        rf"{_DATA}\b",
        r"\b(?:apag|elimin|exclu|remov|suprim)\w* (?:todos )?(?:os )?dados pessoais\b",
        r"\b(?:eliminacao|exclusao|apagamento|supressao|remocao) (?:imediata )?(?:de |dos |de "
        rf"todos os )?(?:meus )?{_DATA}",
        r"\bdireito (?:a|ao) (?:esquecimento|apagamento|eliminacao)\b",
        r"\b(?:exclu|apag|elimin)\w* (?:a )?minha conta\b",
        r"\b(?:apag|elimin|exclu|remov)\w* a conta e (?:todos )?(?:os )?dados\b",
    ),
    "restriction": (
        r"\benquanto (?:a |o )?(?:\w+ )?nao (?:for|estiver) (?:analisad|resolvid|decidid"
        r"|esclarecid)\w*\b[^.]{0,80}\bnao (?:seja|sejam) (?:usad|utilizad|partilhad)\w*",
        r"\blimitacao do tratamento\b",
        r"\b(?:restri|limit)\w+ (?:do |o )?tratamento\b",
    ),
    "portability": (r"\bportabilidade\b", r"\bleitura automatica\b", r"\bformato estruturado\b"),
    "objection": (
        r"\bnao (?:usem|utilizem) (?:os )?(?:meus |seus )?dados(?: dele| dela| deles)? para "
        r"(?:me |lhe |nos |lhes )?(?:\w+ )?(?:publicidade|marketing|anuncios|perfis|perfil"
        r"|campanhas|ofertas|propostas)\b",
        r"\bnao quero que [^.;!?]{0,80}?\b(?:sejam|seja) "
        r"(?:usad|utilizad|partilhad|compartilhad|vendid|cedid)\w*",
        r"\bnao autorizo (?:o uso|a utilizacao|o tratamento|a cedencia|a partilha|que)\b",
        r"\bparem de (?:partilhar|compartilhar|ceder|usar|utilizar|vender|passar) (?:os |as )?"
        r"(?:meus|minhas)\b",
        r"\bnao (?:quero|desejo) que (?:os meus|o meu|a minha|as minhas|meus|minhas) (?:\w+"
        r" ){0,4}(?:sejam|seja) (?:usad|utilizad|partilhad|compartilhad|analisad|tratad|vendid|"
        r"cedid)\w*",
        r"\bnao (?:quero|desejo) que (?:usem|utilizem|partilhem|compartilhem|analisem|tratem|"
        r"vendam) (?:\w+ )?(?:os |as )?(?:meus|minhas)\b",
        r"\bme oponho\b|\boponho-me\b",
        r"\boposicao ao tratamento\b",
        r"\bdireito de oposicao\b",
        r"\bnao vend\w+ (?:os )?meus dados\b",
    ),
    "objection_weak": (r"\b(?:retiro|revogo) (?:o )?(?:meu )?consentimento\b",),
    "marketing_objection": (r"\bop(?:osicao|onho)\w*\b[^.;]{0,120}\b(?:marketing|publicidade)",),
    "optout_email": (
        r"\bnao quero receber mais (?:(?:estes|estas|esses|essas|os|as|vossos|vossas|seus|suas) )?"
        r"(?:e-?mails|emails|newsletters?|mensagens)\b",
        r"\bretirem o meu (?:endereco|e-?mail|email|contacto) d[ao]s? (?:vossa |sua )?(?:\w+ )?"
        r"(?:lista|newsletter)\b",
        r"\bpar(?:ar|em|e) de (?:me )?(?:mandar|enviar) (?:e-?mails?|emails?) (?:de )?(?:promo\w*"
        r"|propaganda|publicidade)",
        r"\btirar (?:o )?(?:meu )?e-?mail d[ao]s? (?:vossa |sua )?(?:\w+ )?(?:lista|newsletter)\b",
        r"\b(?:me retir\w*|retirem-me|tirem-me) d[ao]s? (?:vossa |sua )?(?:\w+ )?(?:lista"
        r"|newsletter)\b",
        r"\btirar-?me d[ao]s? (?:\w+ )?(?:newsletters?|e-?mails|emails|lista)\b",
        r"\bnao (?:quero|desejo) receber (?:mais )?(?:os |as )?(?:e-?mails|emails|newsletters?"
        r"|promocoes|mensagens)",
        r"\btirar-?me d(?:a|essa|esta) lista\b",
        r"\bdeix(?:em|ar) de (?:me )?(?:enviar|mandar) (?:\w+ ){0,3}(?:newsletters?|e-?mails?"
        r"|campanhas"
        r"|promocoes|publicidade)",
        r"\bcancelar (?:a )?(?:minha )?(?:inscricao|subscricao|assinatura) (?:da |de |do |dos )?"
        r"(?:\w+ )?(?:newsletter|e-?mails|emails|lista|comunicac)",
        r"\bdescadastr\w+\b",
        r"\bnao (?:quero|desejo) (?:mais )?receber (?:mais )?(?:e-?mails|emails|newsletters?|"
        r"mensagens)\b",
        r"\bremov\w+ (?:o meu e-?mail|me) da (?:sua )?lista\b",
    ),
    "optout_phone": (
        r"\bdeixem de (?:me |lhe |nos |lhes )?(?:telefonar|ligar)\b",
        r"\bdeix(?:em|ar) de (?:me |nos )?(?:telefonar|ligar|contactar)\b",
        r"\bparem de (?:me )?ligar\b",
        r"\bparem de (?:me )?(?:mandar|enviar) (?:\w+ )?(?:sms|mensagens)\b",
        r"\bnao me liguem\b",
        r"\bnao quero (?:mais )?(?:receber )?(?:chamadas|ligacoes|telefonemas)\b",
    ),
    "optout_all": (
        r"\bdeix(?:em|ar) de (?:me )?(?:enviar|mandar) mensagens\b",
        r"\bnao (?:quero|desejo) receber (?:mais )?(?:publicidade|propaganda)\b",
        r"\bparem de me conta(?:c)?tar\b",
        r"\bpar(?:ar|em|e) de (?:me )?(?:mandar|enviar) (?:\w+ )?(?:promo\w*|propaganda|publicidade"
        r"|ofertas|anuncios)\b",
        r"\bnao me conta(?:c)?tem\b",
        r"\bnao quero (?:mais )?ser conta(?:c)?tad\w\b",
    ),
    "on_behalf": (
        r"\b(?:obituario|lapide|bisav[oô]\w*)\b",
        rf"\bem nome d[oa] (?:meu|minha|nosso|nossa) {_PERSON}\b",
        r"\bmeu cliente\b|\bem representacao\b",
        r"\bprocuracao\b",
    ),
    "information": (
        r"\ba quem (?:\w+ ){0,3}(?:foi|foram|tem sido|e que foi) (?:enviad|passad|partilhad|cedid"
        r"|comunicad|vendid)\w*",
        r"\bque informac\w* recolhem\b|\bpara que (?:a|o|as|os) (?:usam|utilizam)\b",
        r"\bse (?:a|o|as|os) partilham\b",
        r"\bdurante quanto tempo\b(?=[^.?!]{0,40}\b(?:dados|informac\w*|(?:os|as) (?:guardam"
        r"|conservam)))",
        r"\bquanto tempo ficam guardad\w*",
        r"\bque dados (?:exatamente )?(?:e para que|recolhem|guardam)",
        r"\bonde (?:obtiveram|conseguiram) os meus\b",
        r"\bcomo (?:obtiveram|conseguiram) (?:os )?meus\b",
        r"\bpara que (?:finalidades?|fins)\b",
        r"\b(?:por )?quanto tempo (?:voces |vos )?(?:guardam|conservam|mantem|armazenam)\b"
        r"(?= (?:os |as )?(?:meus|minhas|dados|informac\w*|isso|estes|esses|este|esse|eles"
        r"|elas)\b)",
        r"\bpara que (?:sao|serao) usad\w*|\bquem tem acesso a (?:elas|eles|os meus|as minhas)\b",
        r"\bcom quem (?:voces |vos )?(?:compartilham|partilham)\b",
        r"\b(?:partilh|compartilh|ced)\w* com (?:terceiros|outras empresas)\b",
    ),
    "legal_basis": (
        r"\bbase (?:legal|juridica) (?:do|para o) tratamento\b",
        r"\bprova do (?:meu )?consentimento\b",
    ),
    "automated_decision": (
        r"\bintervencao humana\b",
        r"\bdecis(?:ao|oes) (?:\w+ ){0,3}automatizad\w*\b[^.]{0,100}\b(?:pessoa|humano|revist"
        r"|reaprecia|contest)\w*",
        r"\brevist\w* por (?:uma pessoa|um humano|um colaborador)\b",
    ),
    "request": (r"\bexercer os meus direitos\b", r"\bpedido (?:rgpd|lgpd)\b"),
}

STOP_WORDS = ("parar", "stop", "descadastrar", "cancelar")
