"""German: Auskunft, Löschung, Widerspruch – in Behördendeutsch and in a hurry."""

from __future__ import annotations

_DATA = r"(?:personenbezogenen |personlichen |gespeicherten )?(?:daten|angaben|informationen)"
_MY = (
    r"(?:meine|meiner|meinen|meinem|meines|mein|die mich betreffenden|die uber mich"
    r"|die zu meiner person|alle|samtliche)"
)
_LOSCH = r"(?:losch|loesch)"
# "Was Sie über mich gespeichert haben, löschen": what is held, named only to be erased.
_THEN_ERASED = rf"(?!\w*,? (?:\w+,? ){{0,2}}(?:{_LOSCH}|entfern))"
_PERSON = (
    r"(?:mandant\w*|mutter|vater|sohn(?:es)?|tochter|kind(?:es)?|frau|mann(?:es)?|ehefrau"
    r"|ehemann(?:es)?|eltern|bruder|schwester)"
)

CUES: dict[str, tuple[str, ...]] = {
    "access": (
        r"\bkopien? (?:meiner|seiner|ihrer|der) (?:\w+ )?(?:behandlungsunterlagen|patientenakte"
        r"|krankenakte|personalakte|rontgen\w*|befunde)\b",
        rf"\bwas (?:\w+ ){{0,5}}(?:uber|von) mich (?:\w+ ){{0,4}}gespeichert\b{_THEN_ERASED}",
        r"auskunft(?:sersuchen|sanfrage|santrag|sbegehren|sanspruch|srecht)\b",
        r"\bauskunft (?:gem\w*|nach|gema?e?ss|im sinne) (?:des |der )?(?:art|artikel|§|dsgvo)",
        r"\b(?:um|eine) auskunft (?:uber|zu) (?:die |alle |samtliche |meine |der )?(?:bei ihnen |"
        r"zu meiner person |uber mich )?(?:gespeicherten|personenbezogenen|meine|mich betreffend)",
        r"\b(?:datenauskunft|auskunftsersuchen|dsgvo-auskunft)\b",
        r"\bkopie (?:meiner|der|aller|samtlicher) (?:\w+ ){0,2}(?:daten|angaben)\b",
        rf"\bwelche {_DATA} (?:sie |ihr )?(?:\w+ ){{0,3}}(?:uber mich|von mir|zu meiner person)\b",
        r"\bzugang zu (?:meinen|den) (?:personenbezogenen )?daten\b",
        r"\brecht auf auskunft\b",
        r"\bwas (?:sie|ihr) (?:[\w.]+ ){0,5}(?:uber mich|von mir) (?:[\w.]+ ){0,4}(?:gespeichert"
        r"|wissen|habt|haben)"
        rf"\b{_THEN_ERASED}",
        r"\bkopie (?:davon|dieser daten|der (?:gespeicherten )?daten)\b",
    ),
    "rectification": (
        r"\bberichtig(?:ung|en|t|e)\b",
        r"\b(?:korrigieren|berichtigen|aktualisieren) sie (?:bitte )?(?:meine|die) (?:\w+ )?"
        r"(?:daten|angaben|namen|geburtsdatum)\b",
        r"\b(?:meine|die) (?:\w+ )?(?:daten|angaben) (?:\w+ ){0,3}(?:korrigieren|berichtigen)\b",
        r"\b(?:falsch|unrichtig|fehlerhaft|veraltet|unvollstandig)\w* (?:personenbezogene\w* )?"
        r"(?:daten|angaben)\b",
        r"\b(?:ist|sind) (?:\w+ )?(?:falsch|fehlerhaft|veraltet|nicht korrekt)\w*,? (?:\w+ ){0,3}"
        r"(?:korrigieren|berichtigen)\b",
        r"\b(?:falsch|fehlerhaft|unrichtig|veraltet)\w* (?:\w+ )?(?:geburtsdatum|namen?|nachnamen?"
        r"|vornamen?|adresse|anschrift|e-?mail-adresse|telefonnummer)\b[^?]{0,200}?\b(?:korrigier"
        r"|berichtig|andern|aktualisier)\w*",
    ),
    "erasure": (
        r"\bmein (?:[\w-]+ ){0,3}konto (?:\w+ )?loschen\b",
        r"\blosch\w* sie (?:bitte )?alles (?:von|uber) mir\b",
        rf"\balles,? (?:\w+,? ){{0,3}}(?:von|uber) mi(?:r|ch),? (?:\w+,? ){{0,3}}"
        rf"{_LOSCH}(?:en|t)\b",
        rf"\b{_LOSCH}en sie (?:bitte )?(?:die|alle|diese) (?:\w+ )?(?:aufnahmen|fotos|bilder"
        r"|videos)\b",
        r"\b(?:mich|mein\w* (?:\w+ ){0,3}(?:daten|fotos?|bilder|angaben|adresse|telefonnummer))"
        r"(?: \w+){0,4} aus (?:eurem|ihrem|dem|der|eurer|ihrer) (?:\w+ )?(?:system|datenbank"
        r"|kartei|computer|verteiler|mitgliederliste)\w* (?:\w+ )?(?:raus|heraus)?(?:nehm|nimm"
        r"|entfern|losch|streich)\w*",
        rf"\b{_LOSCH}t (?:bitte )?(?:mein|meine|meinen) (?:\w+ )?(?:profil|konto|account|daten"
        r"|fotos|bilder)",
        rf"\b{_LOSCH}en sie (?:bitte )?(?:umgehend |sofort |unverzuglich )?{_MY} "
        r"(?:\w+ )?(?:\w*(?:daten|angaben|informationen|konto|account|profil)|e-?mail)",
        rf"\b(?:meine|mein|alle|samtliche) (?:\w+ ){{0,2}}(?:daten|angaben|kundenkonto|konto|"
        rf"account|profil|e-?mail-adresse)\w* (?:\w+ ){{0,4}}(?:raus|heraus|weg)?{_LOSCH}"
        r"(?:en|t)\b",
        rf"\b{_LOSCH}ung der daten (?:meines|meiner) \w+",
        rf"\b{_LOSCH}ung (?:meiner|aller|samtlicher|der (?:mich betreffenden|uber mich)|"
        r"personenbezogener|mich betreffender|meines (?:kunden)?kontos|meiner daten)",
        rf"\brecht auf (?:{_LOSCH}ung|vergessenwerden|vergessen werden)\b",
        rf"{_LOSCH}(?:ung|antrag|ungsantrag|ungsersuchen|anfrage)\b(?= gem| nach| "
        r"im sinne| art)",
        rf"\bantrag auf (?:\w+ )?{_LOSCH}ung\b",
        rf"\bdaten{_LOSCH}ung\b",
        rf"\b{_LOSCH}en sie mich\b",
        r"\b(?:entfernen|loschen|streichen) sie mich (?:\w+ ){0,3}(?:datenbank|system|kartei|"
        r"datensatzen|daten)\b",
        r"\b(?:mein|meine|meinen) (?:\w+ )?(?:konto|kundenkonto|account|daten|profil)\w* "
        r"(?:\w+ ){0,3}(?:geloscht|geloescht|entfernt)\b",
    ),
    "restriction": (
        r"\beinschrankung der verarbeitung\b",
        r"\b(?:meine|die|alle) (?:\w+ )?daten (?:\w+ )?(?:zu )?sperren\b",
        r"\bsperrung (?:meiner|der) daten\b",
        r"\bverarbeitung\b.{0,140}?\beinzuschranken\b",
        r"\b(?:schranken sie|einschranken)\b[^.]{0,40}\bverarbeitung\b",
    ),
    "portability": (
        r"\bdatenubertragbarkeit\b|\bmaschinenlesbar\w*\b",
        r"\bstrukturierten, gangigen\b",
    ),
    "objection": (
        r"\bhoren sie auf\b[^.;]{0,80}\b(?:auszuwerten|zu analysieren|zu verfolgen|zu tracken"
        r"|zu profilieren|weiterzugeben|zu verkaufen)\b",
        r"\b(?:gebt|geben sie) meine (?:\w+ )?daten (?:\w+ ){0,2}nicht (?:\w+ ){0,10}weiter\b",
        r"\bich (?:erlaube|gestatte|genehmige) (?:\w+ ){0,3}nicht,? (?:dass|die (?:nutzung"
        r"|verwendung|weitergabe))",
        r"\bhoren sie auf,? meine (?:\w+ ){0,2}(?:weiterzugeben|zu verkaufen|zu nutzen|zu"
        r" verwenden)\b",
        r"\b(?:lege|erhebe)(?: \w+){0,10} widerspruch\b",
        r"\bwiderspreche (?:ich )?(?:hiermit )?(?:der|dem|jeder|dieser|diesem|diesen)\b"
        r"|\bich widerspreche\b",
        r"\bwiderspreche ich\b|\bwidersprech ich hiermit\b|\bhiermit widersprech\w*",
        r"\b(?:will|mochte) nicht,? dass (?:mein|meine) (?:\w+ ){0,3}(?:ausgewertet|analysiert"
        r"|genutzt|verwendet|weitergegeben)\b",
        r"\bwiderspruch gegen (?:die|jede|jegliche) (?:\w+ )?(?:verarbeitung|nutzung|verwendung)",
        r"\bnicht (?:an dritte )?(?:zu )?verkaufen\b",
        r"\b(?:will|mochte|wollen) nicht,? dass (?:ihr|sie) (?:\w+ ){0,4}(?:auswerte\w*"
        r"|analysier\w*|nutz\w*|verwende\w*|verarbeite\w*|weitergebe\w*)",
        r"\bwiderrufe (?:ich )?(?:hiermit )?meine (?:\w+ )?einwilligung\b",
    ),
    "objection_weak": (
        r"\bwiderrufe (?:ich )?(?:hiermit )?(?:meine|die|diese) (?:\w+ )?einwilligung\b",
    ),
    "marketing_objection": (
        r"\bwerbewiderspruch\b",
        r"\bwiderspr\w*\b[^.;]{0,120}\b(?:direktwerbung|werbung|werbezwecke|marketing)",
        r"\b(?:direktwerbung|werbezwecke)\b[^.;]{0,60}\bwiderspr",
    ),
    "optout_email": (
        r"\b(?:newsletter|e-?mails?|mails?) (?:\w+ )?(?:abbestellen|abmelden|kundigen)\b",
        r"\b(?:melden|tragen|nehmen) sie mich (?:\w+ ){0,5}(?:ab|aus)\b",
        r"\bmochte (?:\w+ ){0,3}(?:abbestellen|abmelden|austragen)\b",
        r"\bkeine (?:weiteren |weitere )?(?:e-?mails|newsletter|werbe-?e?-?mails|werbemails|mails)"
        r"\b",
        r"\baus (?:dem|ihrem|eurem) (?:e-?mail-?|newsletter-?)?verteiler\b",
        r"\bhoren sie auf,? mir (?:\w+ )?(?:e-?mails|mails|newsletter) zu schicken\b",
    ),
    "optout_phone": (
        r"\bhoren sie auf,? mich (?:\w+ ){0,3}(?:anzurufen|anrufen)\b",
        r"\bkeine (?:\w+ )?(?:angebote|werbung|anrufe) mehr (?:am|per|uber das) telefon\b",
        r"\bmich nicht mehr (?:\w+ ){0,4}anzurufen\b",
        r"\brufen sie (?:mich|uns) (?:bitte )?nicht mehr (?:\w+ ){0,3}an\b",
        r"\b(?:rufen sie mich nicht|nicht mehr anrufen|horen sie auf,? mich anzurufen)\b",
        r"\bkeine (?:weiteren |weitere )(?:anrufe|werbeanrufe|telefonwerbung|sms)\b",
        r"\bkeine (?:werbeanrufe|telefonwerbung|werbe-?sms)\b|\bkeine (?:anrufe|sms) mehr\b",
        r"\b(?:will|mochte|wunsche) (?:\w+ ){0,2}keine (?:anrufe|sms)\b",
        r"\bnicht mehr an(?:zu)?rufen\b",
        r"\bunterlassen sie (?:\w+ ){0,4}(?:werbeanrufe|anrufe|telefonwerbung|telefonanrufe)\b",
        r"\bkeine (?:telefonische|telefonischen) (?:werbung|angebote|anrufe|kontaktaufnahme)\b",
        r"\b(?:werbeanrufe|telefonwerbung) (?:\w+ ){0,4}(?:unterlassen|einstellen)\b"
        r"|\banrufe (?:\w+ ){0,4}unterlassen\b",
        r"\buntersage (?:ich )?(?:ihnen )?(?:\w+ ){0,2}(?:werbeanrufe|anrufe|telefonwerbung)\b",
    ),
    "optout_all": (
        r"\bkeine (?:weitere )?werbung\b",
        r"\b(?:horen sie auf|hort auf|aufhoren),? mir (?:\w+ ){0,2}(?:werbung|e-?mails|newsletter|"
        r"mails|sms)\b",
        r"\b(?:kontaktieren sie mich nicht mehr|nicht mehr (?:zu )?kontaktieren)\b",
        r"\bwerbung (?:\w+ ){0,3}(?:einstellen|unterlassen)\b",
    ),
    "on_behalf": (
        r"\b(?:sterbedatum|todesanzeige|traueranzeige|grabstein|urgross\w*)\b",
        r"\bim (?:namen|auftrag) (?:meines|meiner|unseres|unserer|von)\b",
        r"\bunser(?:e|er|es)? mandant\w*\b|\bmein(?:e|er|es)? mandant\w*\b",
        rf"\b(?:fur|uber) (?:meine|meinen|meinem|meines|unsere|unseren) {_PERSON}\b",
        r"\bvollmacht\b|\bbevollmachtigt\w*\b",
    ),
    "information": (
        r"\bwoher (?:haben sie|habt ihr|stammen) (?:meine|die)\b",
        r"\b(?:an wen|wem) (?:haben sie )?(?:meine )?daten (?:\w+ )?(?:weitergegeben|verkauft|"
        r"ubermittelt)\b",
        r"\bwarum (?:speichern|verarbeiten|nutzen|haben) sie meine\b",
        r"\bwoher (?:sie|ihr) (?:\w+ ){0,6}(?:haben|habt|bekommen|erhalten)\b",
        r"\ban wen (?:sie|ihr) (?:\w+ ){0,4}(?:weitergegeben|ubermittelt|verkauft)\b",
        r"\bwie lange (?:sie|ihr) (?:\w+ ){0,3}(?:speichern|aufbewahren|speichert)\b",
        r"\bzu welchen zwecken\b|\ban wen (?:\w+ ){0,3}weitergegeben\b",
        r"\bwelche (?:arten von )?daten sie (?:\w+ ){0,3}verarbeiten\b",
    ),
    "legal_basis": (
        r"\brechtsgrundlage (?:der|fur die|ihrer) verarbeitung\b",
        r"\bauf welche(?:r)? (?:rechts)?grundlage\b",
        r"\bnachweis (?:meiner|der) einwilligung\b",
    ),
    "automated_decision": (
        r"\b(?:menschliche|personliche) (?:uberprufung|entscheidung|intervention|eingreifen)\b",
        r"\bnicht einer ausschliesslich auf einer automatisierten\b",
        r"\bvon einem menschen (?:\w+ ){0,2}(?:uberpruft|gepruft|bewertet|getroffen|angesehen)\b",
        r"\bautomatisiert\w* (?:\w+ )?entscheidung\b[^.]{0,100}\b(?:uberpruf|prufen|anfecht"
        r"|menschen|mensch|mitarbeiter)\w*",
    ),
    "request": (
        r"\b(?:dsgvo|datenschutz)-?(?:anfrage|antrag|ersuchen)\b",
        r"\bbetroffenenrechte? (?:geltend|wahrnehmen)\b",
    ),
}

STOP_WORDS = ("abmelden", "abbestellen", "stopp", "austragen", "bitte abmelden")
