"""Italian: accesso, cancellazione, opposizione, disiscrizione."""

from __future__ import annotations

_DATA = r"(?:dati|informazioni)"
_MIEI = r"(?:i miei|tutti i|tutti i miei|dei miei|dei|di tutti i)"
_PERSON = r"(?:cliente|assistit\w|madre|padre|figlio|figlia|moglie|marito)"

CUES: dict[str, tuple[str, ...]] = {
    "access": (
        r"\bcopia (?:completa )?(?:della|delle|del|dei|degli) (?:mia |mie |mio |miei )?(?:cartella"
        r" clinica|referti|esami|radiografie|valutazioni|appunti|registrazioni|verbali)\b",
        r"\bdiritto di accesso\b(?! agli atti)",
        r"\brichiesta di accesso\b(?! agli atti)",
        r"\brichiedo (?:inoltre )?(?:l')?accesso\b",
        rf"\baccesso ai (?:miei )?{_DATA}\b",
        rf"\bcopia (?:di tutti i|dei miei|dei) {_DATA}\b",
        rf"\bquali {_DATA} (?:personali )?(?:avete|conservate|trattate|possedete) (?:su di me|"
        r"che mi riguardano)\b",
    ),
    "rectification": (
        r"\b(?:il mio|la mia) (?:cognome|nome|indirizzo|data di nascita|codice fiscale) (?:\w+ )?"
        r"(?:risulta|e scritt\w|e sbagliat\w|e errat\w)",
        r"\bsistemare (?:nel vostro archivio|i (?:miei )?dati|la (?:mia )?scheda)\b",
        r"\bcorregg\w* (?:questi|quei|i miei) dati\b",
        r"\brettific(?!ativ[ae]\b)\w+\b",
        rf"\bcorregg\w+ {_MIEI} {_DATA}\b",
        rf"\b{_DATA} (?:\w+ )?(?:errati|inesatti|incompleti)\b",
        r"\b(?:correggere|correggete|rettificare|aggiornare) (?:\w+ ){0,3}(?:il mio|la mia|i miei)"
        r" (?:\w+ )?(?:nome|cognome|indirizzo|data di nascita|dati)\b",
    ),
    "erasure": (
        r"\bcancellare (?:definitivamente |completamente )?(?:il mio|il suo) (?:account|profilo)\b",
        r"\b(?:cancell|elimin)\w* (?:tutti )?i (?:suoi|loro) dati\b",
        r"\b(?:vorrei|voglio|chiedo) che (?:\w+ )?(?:cancellaste|eliminaste|cancelliate"
        r"|eliminiate) (?:il mio|la mia|i miei|le mie|tutt\w)",
        rf"\bcancellazione (?:immediata )?(?:di tutti |dei |dei miei |di tutti i )(?:\w+ )?{_DATA}"
        r"\b",
        r"\b(?:cancell|elimin)\w* (?:tutti )?(?:i )?(?:miei|seguenti) (?:\w+ )?"
        r"(?:dati|informazioni)\b",
        r"\b(?:cancell|elimin)\w* (?:tutti )?(?:i )?dati personali\b",
        r"\bdiritto (?:all'oblio|alla cancellazione)\b",
        r"\b(?:cancell|elimin)\w* (?:il )?mio account\b",
    ),
    "restriction": (
        r"\blimitazione del trattamento\b",
        r"\b(?:limit|restring)\w* (?:il |la )?(?:trattamento|processazione)\b",
        r"\bsospend\w* (?:qualsiasi |ogni )?(?:utilizzo|uso|trattamento) dei miei dati\b",
    ),
    "portability": (
        r"\bportabilita\b",
        r"\bleggibile da (?:dispositivo automatico|macchina)\b",
        r"\bformato strutturato\b",
    ),
    "objection": (
        r"\bnon mi va che (?:i miei|il mio|la mia|le mie) (?:\w+ ){0,4}(?:vengano|siano|venga"
        r"|sia) (?:usat|utilizzat|condivis|analizzat|trattat|cedut|vendut)\w*",
        r"\bnon autorizzo (?:l'uso|l'utilizzo|il trattamento|la cessione|la condivisione|che)\b",
        r"\bdi non (?:utilizzare|usare|pubblicare) piu (?:il mio|la mia|i miei|le mie) (?:nome"
        r"|immagine|dati|foto\w*|voce|video)\b",
        r"\bsmett(?:ete|ere|a) di (?:condividere|cedere|usare|utilizzare|vendere|passare) (?:i"
        r" miei|il mio|la mia|le mie)\b",
        r"\bnon (?:voglio|desidero) che (?:i miei|il mio|la mia|le mie) (?:\w+ ){0,4}(?:vengano|"
        r"siano|venga|sia) (?:usat|utilizzat|condivis|analizzat|trattat|cedut|vendut)\w*",
        r"\bnon (?:voglio|desidero) che (?:usiate|utilizziate|condividiate|analizziate|trattiate|"
        r"cediate|vendiate) (?:\w+ )?(?:i miei|il mio|la mia|le mie)\b",
        r"\bmi oppongo\b",
        r"\bopposizione al trattamento\b",
        r"\bdiritto di opposizione\b",
        r"\bnon vend\w+ i miei dati\b",
    ),
    "objection_weak": (r"\b(?:revoco|ritiro) (?:il mio|tale|il) consenso\b",),
    "marketing_objection": (
        r"\boppo\w+\b[^.;]{0,120}\b(?:marketing|pubblicit\w+|comunicazioni commerciali)",
    ),
    "optout_email": (
        r"\btoglie\w* (?:il mio (?:indirizzo|nome|contatto) |mi )?da(?:lla|lle|l)? (?:vostra "
        r"|vostre )?(?:newsletter|mailing|lista)",
        r"\bnon ricevere piu (?:\w+ ){0,3}(?:newsletter|email|e-mail|mail|comunicazioni"
        r" promozionali|promozioni)\b",
        r"\bdisiscriv\w+\b",
        r"\bnon (?:inviatemi|mandatemi|speditemi) piu\b",
        r"\bcancellare (?:la mia )?iscrizione\b(?! (?:(?:al|alla|allo|all'|ai|alle) ?)?(?:corso"
        r"|lezione|evento|workshop|gara|torneo|viaggio|campo))",
        r"\bcancellatemi dalla (?:vostra )?(?:lista|newsletter|mailing list)\b",
        r"\bnon (?:voglio|desidero) (?:piu )?ricevere (?:\w+ ){0,2}(?:email|e-mail|newsletter"
        r"|mail)\b",
        r"\bsmett\w* di (?:inviarmi|mandarmi|spedirmi) (?:\w+ )?(?:email|"
        r"e-mail|mail|newsletter)\b",
    ),
    "optout_phone": (
        r"\bbasta (?:chiamarmi|telefonarmi|chiamarci|telefonarci|con (?:le )?(?:chiamate"
        r"|telefonate))\b",
        r"\bnon (?:mi )?chiam(?:armi|atemi) piu\b",
        r"\b(?:smettete|smettetela|smettere|smetti|smettiate) di (?:chiamarmi|telefonarmi)\b",
        r"\bnon chiamatemi piu\b",
        r"\b(?:smettete|smettetela|smetti) di (?:inviarmi|mandarmi|spedirmi) (?:\w+ )?(?:sms|"
        r"messaggi)\b",
        r"\bregistro (?:pubblico )?delle opposizioni\b",
        r"\bnon (?:voglio|desidero) (?:piu )?(?:ricevere )?(?:telefonate|chiamate)\b",
    ),
    "optout_all": (
        r"\bbasta (?:con )?(?:gli |le |i |la )?(?:sms|messaggi|chiamate|telefonate|e-?mail"
        r"|newsletter|pubblicita)\b",
        r"\b(?:di )?non (?:inviarmi|mandarmi|spedirmi) piu (?:\w+ )?(?:sms|email|e-mail|newsletter"
        r"|messaggi|offerte|pubblicita)",
        r"\b(?:smettete|smettetela) di contattarmi\b",
        r"\bnon contattatemi piu\b",
        r"\b(?:smettete|smettetela|smetti) di (?:inviarmi|mandarmi) (?:\w+ )?pubblicita\b",
        r"\bnon (?:voglio|desidero) (?:piu )?(?:essere contattat\w|ricevere (?:comunicazioni "
        r"commerciali|pubblicita))\b",
    ),
    "on_behalf": (
        r"\b(?:cancell|elimin)\w* (?:tutti )?i (?:suoi|loro) dati\b",
        r"\b(?:necrologio|lapide|bisnonn[oa])\b",
        rf"\bper conto (?:di|del|della) (?:mio|mia|nostro|nostra) {_PERSON}\b",
        r"\bin nome e per conto\b",
        r"\bmio (?:cliente|assistito)\b",
    ),
    "information": (
        r"\bda dove avete (?:preso|ottenuto) (?:i miei|il mio|la mia|le mie)\b",
        r"\bcome avete ottenuto i miei\b",
        r"\bcome avete (?:avuto|ottenuto|preso|trovato) (?:il mio|la mia|i miei|le mie)\b",
        r"\bchi ve (?:l'ha|li ha|le ha) (?:fornit|dat|passat|ceduto)\w*",
        r"\ba quali (?:soggetti )?terzi\b|\bper quanto tempo (?:li |le )?conservate\b",
    ),
    "legal_basis": (
        r"\bbase (?:giuridica|legale) del trattamento\b",
        r"\bprova del (?:mio )?consenso\b",
    ),
    "automated_decision": (
        r"\bintervento umano\b",
        r"\bdecisione (?:\w+ ){0,2}automatizzat\w*\b[^.]{0,100}\b(?:persona|umano|riesam|contest"
        r"|rivalut)\w*",
        r"\b(?:riesaminat|rivalutat|esaminat|verificat)\w* da (?:una persona|un operatore"
        r"|un essere umano)\b",
    ),
    "request": (r"\besercitare i miei diritti\b",),
}

STOP_WORDS = ("stop", "disiscrivimi", "cancellami", "rimuovimi")
