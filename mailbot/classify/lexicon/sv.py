"""Swedish: registerutdrag, radering, invändning, avregistrering."""

from __future__ import annotations

_DATA = r"(?:person)?(?:uppgifter|data)"
_PERSON = r"(?:klients|mammas|pappas|sons|dotters|barns|makes|makas|frus)"

CUES: dict[str, tuple[str, ...]] = {
    "access": (
        r"\bkopia (?:av|pa) (?:min|mitt|mina|hans|hennes) (?:journal\w*|rontgenbilder|provsvar"
        r"|personalakt)\b",
        r"\b(?:ha|fa) (?:hans|hennes|min|mina) (?:rontgenbilder|journal)\b",
        r"(?<!intyg om )\bregisterutdrag\b(?! for)",
        r"\b(?:vill ha ut|fa ut|begar ut|begara ut) (?:allt|alla (?:\w+ )?uppgifter|det) (?:som )?"
        r"ni har (?:\w+ )?om mig\b",
        rf"\btillgang till (?:mina |de |alla )?(?:\w+ )?{_DATA}\b",
        r"\bbegar (?:\w+ ){0,2}tillgang\b",
        rf"\bkopia (?:av|pa) (?:mina|de|alla) (?:\w+ )?{_DATA}\b",
        rf"\bvilka {_DATA} (?:ni )?(?:\w+ ){{0,3}}om mig\b",
        r"\bratt(?:en)? till tillgang\b",
    ),
    "rectification": (
        r"\b(?:namn|fornamn|efternamn|adress|personnummer|fodelsedatum|uppgifter)\b[^?]{0,200}"
        r"\b(?:kan|kunde) ni ratta (?:det|detta|dem|uppgifterna)\b",
        r"\brattelse\b",
        rf"\bratta (?:mina|de) (?:\w+ )?{_DATA}\b",
        rf"\bfelaktiga {_DATA}\b",
        r"\bratta (?:\w+ ){0,2}(?:uppgift\w*|adress\w*|namn\w*|efternamn\w*|personnummer\w*"
        r"|fodelsedat\w*)",
        r"\bfel (?:\w+ )?(?:adress|namn|efternamn|fodelsedatum|personnummer|uppgifter)\b"
        r"[^?]{0,200}?\b(?:ratta|andra|korrigera|uppdatera)\w*",
    ),
    "erasure": (
        r"\bradera (?:allt|alla (?:\w+ )?uppgifter|all (?:\w+ )?information|all data) (?:som )?"
        r"(?:ni )?(?:har )?om mig\b",
        r"\bradera mig\b",
        rf"\bradera\w* (?:\w+ ){{0,2}}(?:mina|alla) (?:\w+ )?(?:{_DATA}|konto)\b",
        r"\bradering av (?:mina|alla)\b",
        r"\bta bort mig (?:ur|fran) (?:ert|era|vart) (?:\w+ )?(?:system|register|kundregister"
        r"|databas)\w*",
        r"\braderas (?:ur|fran) (?:min|mina|ert|er) (?:\w+ )?(?:journal|register|system)\w*",
        r"\b(?:radera|avlagsna|ta bort) (?:\w+ ){0,4}uppgifter (?:om mig )?(?:ur|fran) (?:ert|era"
        r"|vart) (?:\w+ )?\w*(?:system|register|databas)\w*",
        r"\b(?:ta|tar|tas) bort mig (?:ur|fran) (?:\w+ )?\w*(?:register|registret|registren"
        r"|systemet|databasen|kartoteket)\b",
        rf"\b(?:ta|tar) bort (?:mina|alla|mitt|min) (?:\w+ )?(?:{_DATA}|konto|profil)\b",
        r"\bradera\w* (?:mitt|min) (?:\w+ )?(?:konto|profil)\b",
        r"\bratt(?:en)? att bli bortglomd\b|\bratt(?:en)? till radering\b",
    ),
    "restriction": (r"\bbegransning av behandling\w*\b", r"\bbegransa behandlingen\b"),
    "portability": (r"\bdataportabilitet\b", r"\bmaskinlasbar\w*\b"),
    "objection": (
        r"\bvill att ni slutar (?:att )?(?:anvanda|publicera|visa) (?:min |mina |mitt )?(?:bild\w*"
        r"|foto\w*|namn)\b",
        r"\banvand inte (?:min|mina|mitt) (?:[\w-]+ ){0,3}(?:till|for) (?:annonser|reklam"
        r"|marknadsforing|profilering)\b",
        r"\bopt-?outa (?:fran|ur) (?:all |allt )?(?:tracking|sparning|sparande|personali\w+"
        r"|riktad)",
        r"\bvill (?:jag )?inte att ni (?:anvander|analyserar|sparar|kartlagger|profilerar)\b"
        r"[^.;]{0,50}\b(?:det jag|mina kop|min \w*historik|mina uppgifter|mina data"
        r"|personuppgift\w*|for att rakna ut)",
        r"\b(?:sluta|slutar) (?:visa|publicera|dela) (?:min|mitt|mina)\b",
        r"\bjag (?:godkanner|tillater) inte att\b",
        r"\bsluta (?:dela|lamna ut|salja|anvanda) mina\b",
        r"\binvander (?:jag )?mot\b",
        r"\bjag gor invandning\b|\binvandning mot\b",
        r"\bmotsatter mig\b",
        r"\bvill inte att (?:mitt|min|mina) (?:\w+ ){0,6}anvand\w*",
    ),
    "objection_weak": (r"\baterkallar (?:mitt|detta) samtycke\b",),
    "marketing_objection": (
        r"\binvand\w*\b[^.;]{0,120}\b(?:direktmarknadsforing|marknadsforing|reklam)",
    ),
    "optout_email": (
        r"\b(?:inga|ingen) (?:fler|mer) (?:\w+ (?:eller|och) )?(?:nyhetsbrev|kampanj\w*|reklammejl"
        r"|mejl\w*|mail\w*|e-?post\w*|utskick\w*)",
        r"\bvill inte (?:langre )?(?:fa|ha) (?:fler |mer )?utskick\w*",
        r"\bvill inte (?:langre |langer )?(?:fa|ha) (?:\w+ ){0,2}(?:nyhetsbrev|e-?post|mejl|mail"
        r"|erbjudanden|reklam)",
        r"\bsluta skicka (?:\w+ ){0,2}(?:reklam\w*|mejl\w*|mail\w*|nyhetsbrev\w*|e-?post\w*)",
        r"\bavregistrera (?:mig|oss)\b",
        r"\bstryk mig (?:fran|ur) (?:er |era |ert )?(?:\w+ )?(?:utskick\w*|e-?postutskick\w*"
        r"|e-?postlista\w*|nyhetsbrev\w*|utskickslista\w*|mejllista\w*)\b",
        r"\bavregistrera\b(?= (?:\w+ )?(?:fran|pa) (?:ert |ditt |vart )?(?:nyhetsbrev\w*|utskick\w*"
        r"|mejl\w*|e-?post\w*|mailinglist\w*|lista\w*))",
        r"\bavsluta (?:min )?prenumeration\b",
        r"\bvill inte (?:langre )?(?:ha|fa) (?:fler )?(?:mejl|e-?post|mail|nyhetsbrev)\b",
        r"\bta bort mig fran (?:er |din |ert )?(?:lista|e-?postlista|utskickslista|nyhetsbrev\w*"
        r"|utskick\w*|mejllista\w*)\b",
    ),
    "optout_phone": (
        r"\bsluta skicka (?:\w+ ){0,2}sms\b",
        r"\bsluta ringa\b",
        r"\bring inte (?:mig)?\b",
        r"\bnix-?registret\b",
        r"\binga fler samtal\b",
    ),
    "optout_all": (
        r"\bsluta kontakta mig\b",
        r"\bkontakta mig inte\b",
        r"\bingen (?:mer )?reklam\b",
        r"\b(?:vill inte ha|inga|ingen) (?:mer |fler )?(?:reklam|marknadsforing|reklamutskick)\b",
    ),
    "on_behalf": (
        r"\b(?:dodsannons|gravsten|gammelfar\w*|gammelmor\w*)\b",
        rf"\bfor (?:min|mitt|mina) {_PERSON} rakning\b",
        r"\bpa uppdrag av\b|\bombud for\b",
        r"\bfullmakt\b",
    ),
    "information": (
        r"\bvar fick ni (?:mina|min|mitt)\b",
        r"\bhur fick ni (?:tag pa )?(?:mina|min|mitt)\b",
        r"\bvilka har ni (?:delat|salt|gett|lamnat)\b|\bhur lange (?:sparar|lagrar|behaller) ni\b"
        r"(?= (?:mina|min|mitt|uppgifter|data|informationen|det|dem|personuppgifter)\b)",
    ),
    "legal_basis": (r"\brattslig grund\b",),
    "automated_decision": (
        r"\bmansklig (?:inblandning|bedomning|provning)\b",
        r"\b(?:granskas|provas|omprovas|bedomas) (?:\w+ ){0,2}av en (?:manniska|person"
        r"|handlaggare)\b",
        r"\bmanuell (?:granskning|provning|bedomning)\b",
    ),
    "request": (r"\butova mina rattigheter\b",),
}

STOP_WORDS = ("stopp", "avregistrera", "avsluta")
