"""French: accès, effacement, opposition, désinscription."""

from __future__ import annotations

_DATA = r"(?:donnees|informations|coordonnees)"
_MES = r"(?:mes|toutes mes|l'ensemble (?:de|des) mes|toutes les|l'ensemble des|les)"
_PERSON = r"(?:client|cliente|mere|pere|fils|fille|enfant|mari|epouse|femme|mandant)"

CUES: dict[str, tuple[str, ...]] = {
    "access": (
        r"\bdroit d'acces\b",
        r"\bdemande(?:r|s)? (?:d'|l')acces\b",
        rf"\bacces (?:a|aux) {_MES}? ?(?:\w+ )?{_DATA}",
        rf"\bcopie (?:de |des |de toutes )?(?:mes|les|l'ensemble des) {_DATA}",
        rf"\bquelles (?:sont les )?{_DATA} (?:personnelles )?(?:vous )?(?:\S+ ){{0,3}}"
        r"(?:sur moi|me concernant)\b",
        rf"\bcommuniquer {_MES} {_DATA}",
        r"\bconfirm\w* si vous traitez\b",
    ),
    "rectification": (
        r"\bcorrig\w+ (?:sa|ma|leur|la) fiche\b",
        r"\brectifi(?!catifs?\b|cative?s?\b|co\b|eur)\w+\b",
        rf"\bcorrig\w+ {_MES} {_DATA}",
        rf"\b{_DATA} (?:\w+ )?(?:inexactes|erronees|incorrectes|incompletes)\b",
    ),
    "erasure": (
        r"\bque (?:mon|ma|mes) (?:compte|profil|donnees|photos|informations)(?: \w+){0,3} "
        r"(?:disparaisse|disparaissent|soit supprime|soient supprimees|soit efface)\w*",
        r"\bne reste rien (?:de moi |de mes \w+ )?chez vous\b",
        r"\bfaire disparaitre de vos (?:fichiers|dossiers|registres|bases?)\b",
        r"\bfaire disparaitre (?:\w+ )?(?:mon|mes|ma) (?:profil|compte|donnees|photos?|informations"
        r"|coordonnees)\b",
        r"\b(?:veux|voulons|voudrais|voudrions|souhaite|souhaitons|demande|demandons) que vous "
        r"(?:le |la |les )?(?:supprimiez|effaciez)\b",
        rf"\b(?:supprim|effac)\w* (?:de |immediatement |definitivement |completement |totalement )?"
        rf"{_MES} (?:\w+ )?"
        r"(?:donnees|informations|compte|coordonnees|profil)",
        r"\b(?:suppression|effacement) (?:immediate |definitive )?(?:de |des |de mes |de toutes "
        r"mes |de l'ensemble de mes )(?:\w+ )?(?:donnees|informations|compte)",
        r"\bdroit (?:a l'oubli|a l'effacement|de suppression)\b",
        r"\b(?:supprim|effac)\w* (?:de |immediatement |definitivement |completement |totalement )?"
        r"(?:mon|ma) (?:compte|"
        r"profil|adresse e-?mail|fiche)\b",
        r"\bdemande de suppression\b",
        r"\b(?:supprim|effac)\w* (?:\w+ ){0,6}(?:toutes? )?(?:les |ses |mes |leurs )?donnees "
        r"personnelles\b",
    ),
    "restriction": (
        r"\blimitation du traitement\b",
        r"\blimit\w* (?:le )?traitement\b",
        r"\bgeler (?:l'utilisation|le traitement) de mes donnees\b",
        r"\bne (?:les )?utilisez (?:pour )?rien\b",
    ),
    "portability": (
        r"\bportabilite\b",
        r"\blisible par (?:une )?machine\b",
        r"\bformat structure\b",
    ),
    "objection": (
        r"\bne (?:souhaite|veux) (?:pas|plus) que vous (?:l'|les )(?:utilisiez|diffusiez|publiiez"
        r"|exploitiez)\b",
        r"\bje ne (?:veux|souhaite) (?:pas|plus) que (?:mes|mon|ma) (?:\w+ ){0,3}(?:servent"
        r"|serve) a\b",
        r"\bne plus utiliser (?:son|sa|ses|mon|ma|mes|leur|leurs) (?:\w+ )?(?:image|images"
        r"|photos?|nom|prenom)\b",
        r"\b(?:ne (?:souhaite|veux) (?:pas|plus)|refuse) que mes (?:coordonnees|donnees"
        r"|informations|photos?|images?) (?:\w+ ){0,3}(?:transmises|partagees|utilisees"
        r"|communiquees|cedees|vendues)\b",
        r"\b(?:cesser|cessez|arreter|arretez) (?:ce|le|tout|votre) partage\b",
        r"\bje n'autorise pas (?:l'utilisation|le traitement|la transmission|le partage|l'usage"
        r"|que)\b",
        r"\barret(?:er|ez) de (?:transmettre|partager|communiquer|vendre|ceder|exploiter"
        r"|utiliser) (?:mes|mon|ma)\b",
        r"\bje ne (?:veux|souhaite) (?:pas|plus) que (?:mes|mon|ma) (?:\w+ ){0,4}(?:soient|soit) "
        r"(?:utilis|exploit|partag|analys|transmis|vendu|trait|communiqu)\w*",
        r"\bje ne (?:veux|souhaite) (?:pas|plus) que vous (?:\w+ )?(?:utilisiez|exploitiez|"
        r"partagiez|analysiez|transmettiez|vendiez) (?:\w+ ){0,2}(?:mes|mon|ma)\b",
        r"\bje (?:m'oppose|m'y oppose|fais opposition|forme opposition)\b",
        r"\bm'opposer au traitement\b",
        r"\bmon opposition\b",
        r"\bdroit d'opposition\b",
        r"\bopposition (?:a|au) (?:la |le )?(?:prospection|traitement|profilage)\b",
        r"\bne (?:pas|plus) vendre mes\b",
    ),
    "objection_weak": (r"\bje retire (?:mon|ce) consentement\b",),
    "marketing_objection": (
        r"\boppos\w*\b[^.;]{0,120}\b(?:prospection|marketing direct|demarchage|publicit\w+)",
        r"\b(?:prospection|marketing direct)\b[^.;]{0,60}\boppos",
    ),
    "optout_email": (
        r"\bje (?:veux|souhaite|voudrais) plus recevoir (?:vos |de |des |les )?(?:\w+ )?(?:mails"
        r"|e-?mails|courriels|newsletters?|pubs?|promos?)\b",
        r"\b(?:me|nous) (?:retirer|supprimer|enlever) de (?:cette|ces|la) "
        r"(?:\w+ )?listes?\b(?! d'attente| de mariage| de naissance| des (?:participants|inscrits"
        r"|invites))",
        r"\barret\w* de m'envoyer (?:des |vos |de )?(?:e-?mails|mails|courriels|newsletters?)\b",
        r"\bdesinscri(?:re|vez|ption)\b(?![^.?!]{0,40}?\b(?:stage|cours|atelier|club|activite"
        r"|colonie|camp|seance|competition|tournoi)s?\b)",
        r"\bdesabonn\w+\b",
        r"\bne (?:\w+ )?(?:plus|pas) (?:\w+ )?recevoir (?:vos |de |d'|la |les |des )?(?:e-?mails|"
        r"courriels|newsletters?|lettres? d'information|mails|messages)",
        r"\bretirez[- ]moi de (?:votre|vos) (?:liste|fichier)",
        r"\bplus de (?:mails|e-?mails|courriels|newsletters?)\b",
    ),
    "optout_phone": (
        r"\bcess\w* (?:immediatement |definitivement )?(?:tout|tous les|les|vos) (?:appels?|sms)\b",
        r"\b(?:cess|arret|stopp)\w* (?:immediatement |tout de suite |definitivement )?(?:ces|vos"
        r"|les|tous ces|tous vos|de tels) (?:\w+ )?appels\b",
        r"\barret\w* de (?:m'|nous )?envoyer (?:ces |ses |les )?(?:sms|textos)\b",
        r"\barret\w* de (?:m'|nous )?envoyer (?:des |de |vos )?(?:sms|textos)\b",
        r"\bne (?:\w+ ){0,2}plus (?:etre )?demarch\w*",
        r"\bretirer mon numero(?: \([^)]{0,30}\)| [\d ]{8,20})? de vos (?:listes?|fichiers?)\b",
        r"\b(?:ne (?:plus |pas )?m'appel\w+|arretez de m'appeler|cessez de m'appeler)\b",
        r"\bbloctel\b",
        r"\bplus d'appels\b",
        r"\b(?:arret\w*|cess\w*) (?:le |votre |vos |ce |tout )?demarchage(?: telephonique)?\b",
    ),
    "optout_all": (
        r"\bne plus m'en envoyer\b",
        r"\barret\w* (?:les |vos |ces )?(?:mails|e-?mails|courriels|sms)(?: et (?:les |vos )?"
        r"(?:mails|e-?mails|sms|appels))?(?: publicitaires)?\b",
        r"\b(?:ne (?:plus )?me (?:contacter|solliciter|contactez)|arretez de me (?:contacter|"
        r"solliciter|harceler))\b",
        r"\bplus de (?:publicite|sollicitations)\b",
        r"\b(?:me )?retirer de vos (?:\w+ )?listes?\b",
        r"\b(?:arret\w*|cess\w*) (?:[\w']+ ){0,6}l'envoi (?:de |des )?(?:vos |ces |les )?(?:offres"
        r"|promotions|publicites|mails|e-?mails|courriels|newsletters?|sms)\b",
        r"\bje ne (?:souhaite|veux) plus (?:recevoir|etre (?:appele|contacte|sollicite))\w*",
        r"\bne (?:plus|pas) m'envoyer (?:de |d'|des )?(?:\w+ )?(?:e-?mails?|courriels?|sms"
        r"|newsletters?|pub\w*|offres|messages)",
    ),
    "on_behalf": (
        r"\b(?:avis de deces|faire-part de deces|pierre tombale|arriere-grand-\w+)",
        rf"\bau nom de (?:mon|ma|mes|notre) {_PERSON}\b",
        r"\bpour le compte de\b",
        r"\bmon client\b|\bma cliente\b|\bnotre client\b",
        r"\bprocuration\b",
    ),
    "information": (
        r"\bd'ou vous (?:tenez|avez (?:obtenu|eu)) (?:ses|mes|leurs|nos|son|sa|mon|ma)\b",
        r"\bdans quel but vous (?:les |l')?(?:utilisez|traitez|conservez)\b",
        r"\bcomment vous vous (?:l'|les )?etes procure\w*|\bvous vous etes procure (?:mon|ma"
        r"|mes)\b",
        r"\bvous (?:l'|les )?utilisez pour quoi\b|\bvous (?:la|le|les) (?:partagez|transmettez"
        r"|vendez)\b|\bgardez combien de temps\b",
        r"\bcomment vous avez (?:obtenu|eu|trouve|recupere) (?:mon|ma|mes)\b",
        r"\ba qui (?:d'autre )?(?:\w+ ){0,3}(?:ont ete |a ete |avez )?(?:transmis|communique|vendu"
        r"|cede)",
        r"\bou avez-vous (?:obtenu|eu|trouve|recupere) mes\b",
        r"\bd'ou (?:tenez|avez|viennent)[- ]vous (?:obtenu |eu )?mes\b",
        r"\bcomment avez-vous (?:obtenu|eu) mes\b",
        r"\ba qui avez-vous (?:transmis|vendu|communique) mes\b",
        r"\ba quelles fins\b|\bcombien de temps (?:vous )?(?:les )?conservez\b(?![- ](?:vous"
        r" )?les objets)",
    ),
    "legal_basis": (
        r"\bbase (?:legale|juridique) (?:du|de ce|de votre) traitement\b",
        r"\bsur quelle base (?:legale|juridique)\b",
        r"\bpreuve (?:de mon|du) consentement\b",
        r"\bfondement (?:juridique|legal|qui justifie)\b",
    ),
    "automated_decision": (
        r"\bintervention humaine\b",
        r"\bdecision (?:\w+ ){0,2}automatis\w*\b[^.]{0,100}\b(?:personne|humain|reexamin|contest)"
        r"\w*",
        r"\b(?:reexamine|examine|revue|revise)e?s? par (?:une personne|un humain|un conseiller)\b",
    ),
    "request": (r"\bdemande (?:rgpd|au titre du rgpd)\b", r"\bexercer mes droits\b"),
}

STOP_WORDS = ("desinscription", "desinscrire", "desabonner", "stop", "arret")
