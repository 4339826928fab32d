"""Dutch: inzage, verwijdering, bezwaar, afmelden."""

from __future__ import annotations

_DATA = r"(?:persoons)?(?:gegevens|data)"
_PERSON = r"(?:client\w*|moeder|vader|zoon|dochter|kind|vrouw|man|echtgeno\w+)"

CUES: dict[str, tuple[str, ...]] = {
    "access": (
        r"\boverzicht (?:\w+ ){0,3}(?:van )?(?:alle |mijn )?(?:persoons)?gegevens\b",
        r"\binzageverzoek\b",
        rf"\binzage (?:in|van) (?:mijn|de|alle) (?:\w+ )?{_DATA}",
        r"\brecht (?:op|van) inzage\b",
        r"\bverzoek (?:\w+ ){0,2}om (?:toegang|inzage)\b",
        rf"\btoegang (?:tot|van) (?:mijn|de|alle) (?:persoonlijke )?{_DATA}\b",
        rf"\bkopie van (?:\w+ ){{0,3}}{_DATA}",
        r"\bwelke gegevens (?:jullie|u) (?:\w+ )?van (?:mij|haar|hem) (?:\w+ )?(?:hebben|heeft"
        r"|bewaren|bewaart)\b",
        rf"\bwelke (?:persoonlijke )?{_DATA} (?:\w+ ){{0,4}}(?:van mij|over mij)\b",
    ),
    "rectification": (
        r"\brectificatie\b",
        rf"\b(?:correctie|verbetering) van (?:mijn )?{_DATA}",
        rf"\bverbeter\w* (?:mijn )?{_DATA}",
        rf"\bonjuiste (?:persoonlijke )?{_DATA}",
        r"\b(?:verkeerd|onjuist|fout|incorrect)\w* (?:\w+ )?(?:geboortedatum|naam|achternaam"
        r"|voornaam|adres|e-?mailadres|telefoonnummer|gegevens)\b[^?]{0,250}?\b(?:corrigeren"
        r"|verbeteren|aanpassen|wijzigen|rechtzetten)\b",
        r"\b(?:corrigeer|verbeter|wijzig|pas)\w* (?:\w+ ){0,3}(?:mijn|de) (?:\w+ )?(?:geboortedatum"
        r"|achternaam|voornaam|adres|gegevens|persoonsgegevens)\b",
    ),
    "erasure": (
        r"\bwil (?:ik|wij|we) dat (?:dit|het|mijn|zijn|haar|ons|hun) (?:account|profiel|gegevens)\b"
        r"[^.]{0,60}\b(?:verwijderd|gewist)\b",
        r"\b(?:mijn|onze) (?:\w+ )?gegevens (?:\w+ ){0,4}verwijder\w*",
        r"\buit (?:jullie|uw) (?:systeem|bestand|administratie) (?:\w+ )?verwijder\w*",
        r"\b(?:al )?mijn (?:\w+ )?(?:gegevens|account|profiel|data)\w* (?:\w+ ){0,3}(?:weghalen"
        r"|weg te halen|weghaalt)\b|\balles van mij (?:\w+ )?verwijder\w*",
        r"(?<!uit )(?<!van )\b(?:mijn|m'n) account (?:\w+ ){0,4}(?:laten )?verwijderen\b",
        r"\balles (?:wat|dat) (?:jullie|u) (?:van|over) mij (?:\w+ )?(?:hebben|heeft|hebt) (?:\w+"
        r" )?(?:wissen|verwijderen)\b",
        r"\balle (?:\w+ )?gegevens (?:van (?:mij|ons|mijn \w+|ons \w+) )?(?:te )?verwijderen\b",
        rf"\bverwijder\w* (?:\w+ ){{0,3}}(?:mijn|alle|de) (?:persoonlijke |klant)?(?:{_DATA}|"
        r"account|klantaccount)\b",
        rf"\bwis (?:alle|mijn) (?:\w+ )?{_DATA}\b",
        rf"\bverwijdering van (?:de |mijn |alle )?(?:mij betreffende )?(?:persoonlijke )?{_DATA}",
        r"\brecht op (?:vergetelheid|verwijdering|gegevenswissing)\b",
        r"(?<!uit )(?<!van )\bmijn (?:\w+ )?(?:account|gegevens|persoonsgegevens|klantaccount"
        r"|profiel|data) "
        r"(?:\w+ ){0,3}(?:verwijderen|wissen|verwijderd|gewist)\b",
        r"\b(?:gegevens|persoonsgegevens|data) (?:\w+ ){0,5}te (?:verwijderen|wissen)\b",
    ),
    "restriction": (
        r"\bzolang (?:dit|het|dat|de (?:zaak|kwestie|klacht))(?: \w+){0,3} niet (?:is )?"
        r"(?:uitgezocht|opgelost|duidelijk|afgehandeld|rechtgezet)\b(?=[^.]{0,120}\bniet\b)"
        r"(?=[^.]{0,120}\b(?:gegevens|dossier)\b)",
        r"\bzolang (?:dit|het|dat|de (?:zaak|kwestie|klacht))(?: \w+){0,3} niet (?:is )?"
        r"(?:uitgezocht"
        r"|opgelost|duidelijk|afgehandeld|rechtgezet)\b[^.]{0,80}\b(?:gegevens|dossier)\b[^.]{0,40}"
        r"\bniet\b",
        r"\bbeperking van de verwerking\b",
        r"\bverwerking (?:\w+ ){0,8}te beperken\b",
    ),
    "portability": (r"\boverdraagbaarheid\b", r"\bmachineleesbare?\b"),
    "objection": (
        r"\bik wil (?:dus )?niet dat mijn gegevens (?:\w+ ){0,4}(?:gaan|worden gedeeld|gedeeld"
        r" worden"
        r"|doorgegeven)",
        r"\bmijn (?:\w+ )?gegevens hoeven niet naar\b",
        r"\bik geef (?:\w+ )?geen toestemming (?:voor|om)\b",
        r"\bstop(?:pen)? met het (?:delen|doorgeven|verkopen|gebruiken) van mijn\b",
        r"\bik wil niet dat mijn (?:\w+ ){0,4}(?:wordt|worden) (?:gebruikt|gedeeld|geanalyseerd|"
        r"verkocht|doorgegeven|verwerkt)\b",
        r"\bik wil niet dat (?:jullie|u) (?:\w+ ){0,3}mijn (?:\w+ ){0,7}(?:gebruik|deel|"
        r"analyse|verkoop|doorge|verwerk)\w*",
        r"\bmaakt? (?:ik |hij |zij |ze |wij |we )?(?:hierbij |daar |hier |hiertegen )?bezwaar\b"
        r"(?=[^.;!?]{0,100}\b(?:verwerk"
        r"\w*|gebruik\w*|gegevens|persoonsgegevens|data|profiel\w*|marketing|reclame|delen"
        r"|doorgeven"
        r"|bewaren|volgen|analyse\w*))",
        r"\b(?:daar|hier|hiertegen) maak ik (?:\w+ )?bezwaar\b",
        r"\bbezwaar tegen (?:de|het) (?:\w+ )?(?:verwerk|gebruik)\w*",
        r"\bik teken bezwaar aan\b",
        r"\brecht (?:van|op) bezwaar\b",
        r"\bverkoop mijn (?:gegevens|data) niet\b",
    ),
    "objection_weak": (
        r"\btrek (?:ik )?(?:hierbij )?(?:mijn|de|deze) toestemming\b",
        r"\bmaak (?:ik )?(?:hierbij |daar |hier |hiertegen )?bezwaar\b",
    ),
    "marketing_objection": (r"\bbezwaar\b[^.;]{0,120}\b(?:direct marketing|marketing|reclame)",),
    "optout_email": (
        r"\b(?:afmelden|uitschrijven)\b(?![^.?!]{0,30}?\b(?:voor (?:de |het )?)?(?:zwemles|les"
        r"|lessen|cursus|training|club|vereniging|wedstrijd|toernooi|kamp|dansles|muziekles"
        r"|proefles|als lid|lidmaatschap|\w+club|\w+vereniging)\b)",
        r"\bschrijf (?:me|mij) uit\b|\bmeld (?:me|mij) af\b",
        r"\bgeen \w*(?:e-?mails|nieuwsbrieven|nieuwsbrief|mails) meer\b",
        r"\b(?:me|mij) van (?:de|jullie|uw) (?:mailinglijst|verzendlijst|nieuwsbrief|lijst) "
        r"(?:halen|afhalen|verwijderen)\b",
        r"\bverwijder (?:mij|me) (?:uit|van) (?:de |uw |jullie )?(?:mailinglijst|lijst|"
        r"verzendlijst|nieuwsbrief)\b",
    ),
    "optout_phone": (
        r"\bmijn (?:telefoon|mobiele )?nummer (?:\w+ ){0,2}(?:van|uit) (?:de|jullie) (?:\w+ )?"
        r"(?:lijst|bellijst)\w*",
        r"\bbel (?:me|mij) niet\b",
        r"\bniet meer (?:bellen|gebeld)\b",
        r"\bstop met bellen\b|\bbel-me-niet\b",
        r"\bgeen (?:telefoontjes|sms)\b",
    ),
    "optout_all": (
        r"\bstoppen met (?:die |de |jullie )?(?:sms\S*|mails|e-?mails|nieuwsbrie\w*|berichtjes"
        r"|acties)",
        r"\bneem geen contact (?:meer )?met (?:mij|me) op\b",
        r"\bgeen reclame meer\b",
        r"\bstop met (?:het )?(?:sturen|versturen|zenden) van (?:\w+ )?(?:reclame|aanbiedingen)\b",
        r"\bniet meer benaderen\b",
    ),
    "on_behalf": (
        r"\b(?:overlijdensbericht|grafsteen|overgroot\w*)\b",
        rf"\bnamens (?:mijn|onze) {_PERSON}\b",
        r"\bmijn client\w*\b|\bin opdracht van\b",
        r"\bmachtiging\b",
    ),
    "information": (
        r"\bmet welke (?:partijen|bedrijven|organisaties|derden|instanties)\b[^.?]{0,50}\b(?:delen"
        r"|deelt|gedeeld|doorgeven|doorgegeven|verkopen|verkocht)\b",
        r"\bhoe komen (?:jullie|u) aan mijn\b|\bvan wie hebben (?:jullie|u) mijn\b",
        r"\bwaar (?:u|jullie) (?:die|deze|dat|mijn \w+) vandaan (?:heeft|hebben|hebt)\b",
        r"\bof (?:u|jullie) (?:die|deze|dat|mijn \w+) (?:deelt|delen) met\b",
        r"\bwelke soorten gegevens\b",
        r"\bhoe komt u aan mijn\b",
        r"\bwaar hebben (?:jullie|u) mijn (?:\w+ )?vandaan\b",
        r"\bhoe (?:hebben|heeft) (?:u|jullie) mijn (?:\w+ )?(?:gekregen|verkregen)\b",
        r"\bwaarvoor (?:u|jullie) (?:mijn )?(?:persoons)?gegevens (?:\w+ )?(?:gebruik|verwerk)\w*",
        r"\bwaarvoor gebruiken (?:jullie|u)\b|\bhoe lang bewaren (?:jullie|u)\b(?! (?:gevonden"
        r"|verloren) )",
        r"\bmet wie (?:u|jullie) (?:mijn )?(?:persoons)?gegevens (?:\w+ )?de(?:e|l)\w*",
    ),
    "legal_basis": (
        r"\bgrondslag (?:voor|van) de verwerking\b",
        r"\bbewijs van (?:mijn )?toestemming\b",
    ),
    "automated_decision": (
        r"\b(?:een mens|een echt persoon|een echte medewerker) (?:hier ?naar|ernaar|naar) "
        r"(?:kijkt|kijken|laten kijken)\b",
        r"\bmenselijke (?:tussenkomst|beoordeling)\b",
        r"\bgeautomatiseerd\w* (?:\w+ )?(?:besluit|beslissing)\b[^.]{0,100}\b(?:mens|medewerker"
        r"|beoordeel|herzien|bezwaar)\w*",
        r"\bdoor een (?:mens|medewerker) (?:\w+ ){0,2}(?:beoordeeld|bekeken|herzien|genomen)\b",
    ),
    "request": (r"\bavg-verzoek\b", r"\bmijn rechten uitoefenen\b"),
}

STOP_WORDS = ("afmelden", "uitschrijven", "stop")
