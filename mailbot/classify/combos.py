"""Requests told in ordinary words: a few terms that together ask for a right, in any language
we read in full.

Phrase lexicons miss letters that never use the words of the law: "my surname is wrongly
mentioned in my profile … kindly update the same", "Kauf auf Rechnung sofort abgelehnt … dass
sich ein Mitarbeiter den Fall ansieht". A combination names the parts such a letter must hold,
each a list of terms across en, de, fr, es, it, nl, pl, pt and sv (folded: lower case, no
accents), and where they must stand:

- rectification: something wrong (or the value on record: "has my surname as") and a field
  of a person's record or "my records" within one short stretch (for an address, no order or
  delivery word there: a wrong delivery address is logistics), and anywhere an ask to correct
  or what it should be; or an ask to correct something "in your records" (not an order, a
  document of business or a supplier's bank details); never when what is to be put right is a
  document to send again ("correct the invoice and send me a new copy");
- automated decision: "automatically" (or "within seconds", "the same minute") and "refused"
  within one short stretch, and anywhere a person to look again or a challenge of the
  decision; or a refusal and a manual review asked; or a system, program, app or model, an
  outcome (refused, blocked, flagged, deactivated, a decision) and a sentence asking a person
  to look at it again; a declined payment is none of these;
- access: a copy asked for, of recordings, notes, messages, data or everything (not of an
  invoice, a contract or another document of business), in one sentence; or recordings or
  footage of the person asked for; or what is held about them ("everything you've got on me",
  "tout ce que vous avez sur moi") asked for in one sentence;
- objection: not wanting a profile, picture or recommendations built from them, in a
  sentence; or to be left out of an analysis or research;
- restriction: "do not delete it" and "do not use it" in one message, or their data not to be
  used while something is cleared up;
- portability: a file format (CSV, a spreadsheet, "as a file") and the person's data or an ask
  to send it in one sentence, or a format and somewhere else to take it; not an invoice as a
  file or a shop's own figures, and a how-to question only when it asks to receive;
- information: two kinds of question about the person's data (what is stored, what for, who
  gets it, how long, where from).

``data_question`` is the safety net under all of it: a sentence that names the person's own
data and asks something of it. It never labels a right; it sends otherwise ordinary mail to a
person (triage) instead of leaving it unread.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from mailbot.classify.anchors import PhraseSet, branches
from mailbot.classify.rights import Hit
from mailbot.classify.text import Folded

COMBINED = "combined"  # the language of a combination's hits: all that we read
_WINDOW = 120
_COPY_OF = 40  # how far after "a copy" its object is read
_SEE_AFTER = 25  # how far after "I'd like" its "to see" or "to know" is read
_SENTENCE = re.compile(r"[^.!?;|\n]+")  # "|" joins the subject and the body's pieces
# Abbreviations whose full stop does not end a sentence ("z. B.", "np.", "usw.", "e.g."), nor
# does an ellipsis: a list trails off and goes on ("the notes, the tests... in a file").
_ABBREVIATION = re.compile(
    r"\b(np|usw|bzw|z\. ?b|e\.g|i\.e|etc|ca|nr|tel|ggf|evtl|inkl|p\.ex|t\.ex|bl\.a|ecc|dzw|itd|itp"
    r"|ex|vgl|ds|cf|d\. ?h)\.|(?<=\w)(?:\.\.\.|…)"
)


class _Terms:
    """One list of terms: gated by the text's words for whole messages (fast), one regex for
    the short stretch around another term."""

    def __init__(self, pattern: str, *, whole_words: bool = False) -> None:
        self.pattern, self.whole_words = pattern, whole_words
        terms = branches(pattern)
        end = r"\b" if whole_words else ""
        self.regex = re.compile(rf"\b(?:{'|'.join(terms)}){end}")
        self.phrases = PhraseSet([rf"\b(?:{term}){end}" for term in terms])

    def search(self, text: Folded) -> re.Match[str] | None:
        """A match anywhere in the text, or None."""
        return self.phrases.search(text)

    def finditer(self, text: Folded) -> Iterator[re.Match[str]]:
        """Every match in the text, in order."""
        yield from sorted(self.phrases.matches(text), key=lambda match: match.start())

    def search_in(self, stretch: str) -> re.Match[str] | None:
        """A match in a short stretch of text, or None."""
        return self.regex.search(stretch)

    def extended(self, pattern: str) -> _Terms:
        """These terms and some more."""
        return _Terms(f"{self.pattern}|{pattern}", whole_words=self.whole_words)

    def finditer_in(self, stretch: str) -> Iterator[re.Match[str]]:
        """Every match in a short stretch of text, in order."""
        return self.regex.finditer(stretch)


# Logging in: "identifiant ou mot de passe incorrect" is a support question, not a record.
_LOGIN = _Terms(
    r"password|passwort|mot de passe|contrasena|wachtwoord|haslo|senha|losenord|log ?in"
    r"|identifiant|username|benutzername|usuario|gebruikersnaam|anmeld\w*|connexion"
)
# Something wrong, or the right value given ("instead of", "statt"): what is on record is wrong.
_WRONG = _Terms(
    r"wrong\w*|incorrect\w*|misspel\w*|inaccurate|not correct|isn'?t correct|mistake|falsch\w*"
    r"|fehlerhaft\w*|unrichtig\w*|faux|fausse|erreur|errone\w*|inexact\w*|equivocad\w*"
    r"|mal escrit\w*|errat\w*|sbagliat\w*|inesatt\w*|verkeerd\w*|onjuist\w*|klopt niet|bledn\w*"
    r"|bledem|niepoprawn\w*|nieprawidlow\w*|errad\w*|incorret\w*|fel|felaktig\w*|felstava\w*"
    r"|felskriv\w*|instead of|rather than|richtig ist|statt|anstatt|errore|errori|fehler"
    r"|en realidad|au lieu de|en realite|en lugar de|en vez de|la correcta es|aparece mal|esta mal"
    r"|invece di|in realta|quello corretto|in plaats van|zamiast|em vez de|o correto|istallet for"
    r"|au lieu du|au lieu des|nieprawdziw\w*|it's actually|it is actually|en fait|eigenlijk"
    r"|na verdade|egentligen|stimmt nicht"
    r"|(?:has|have|had) (?:me|it|this|that|my \w+) (?:down |listed |recorded )?as"
    r"|(?:listed|recorded|registered|spelt|spelled|written|shown|saved|stored|entered) as"
    r"|als \w+ (?:eingetragen|gespeichert|hinterlegt|gefuhrt|geschrieben|vermerkt)"
    r"|(?:enregistre|inscrit|ecrit|orthographie|indique)e?s? comme|orthographe"
    r"|(?:aparece|figura|consta|registrad[oa]|escrit[oa]) como"
    r"|(?:risulta|registrat[oa]|scritt[oa]|compare) come"
    r"|(?:staat|geregistreerd|geschreven|vermeld) als|(?:zapisan\w*|figuruje|widnieje) jako"
    r"|(?:registad[oa]|escrit[oa]) como|(?:star|registrerad\w*|stavat) som|kloppen niet|falso"
    r"|falsa|false|untrue|unwahr|falsos|risulto come|(?:got|have got|'ve got) me down as"
    r"|klopt (?:\w+ ){0,4}niet|(?:apellido|nombre|direccion|dni|telefono|correo|email) mal"
    r"|out of date|outdated|no longer (?:correct|valid|current)|veraltet|nicht mehr aktuell"
    r"|perime\w*|plus a jour|desactualizad\w*|non (?:piu )?aggiornat\w*|verouderd"
    r"|niet meer actueel|nieaktualn\w*|desatualizad\w*|inaktuell\w*|foraldrad\w*"
    r"|(?:tienen|esta|estan|aparece|pone) mal (?:el |la |mi |su )?(?:dni|nombre|apellido\w*"
    r"|direccion|telefono|correo|email|fecha)|still (?:list|lists) (?:\w+ ){0,3}as|down as"
    r"|still the old|the old one|noch die alte|encore l'ancienne|todavia la antigua"
    r"|ancora il vecchio|nog het oude|nadal stary|ainda a antiga|fortfarande den gamla"
    r"|(?:isn'?t|is not|not) true|nicht wahr|pas vrai|no es (?:verdad|cierto)|non e vero|niet waar"
    r"|nieprawda|nao e verdade|inte sant|confused me with|mixed me up with|verwechselt|confondu\w*"
    r"|confundid\w*|scambiat\w*|verward|pomylil\w*|forvaxla\w*"
)
_FIELD = _Terms(
    r"(?:sur|first |last |family |maiden )?names?|date of birth|birth ?date|dob|birthday"
    r"|(?:home |postal )?address|house number|post ?code|zip code|phone number|mobile number"
    r"|(?:nach|vor|familien)?namen?s?|geburtsdatum|geburtstag|anschrift|adresse|hausnummer"
    r"|postleitzahl|telefonnummer|nom|prenom|nom de famille|date de naissance|apellidos?|nombre"
    r"|fecha de nacimiento|direccion|dni|cognome|nome|data di nascita|indirizzo|codice fiscale"
    r"|achternaam|voornaam|naam|geboortedatum|adres|huisnummer|nazwisk\w*|imie|imienia"
    r"|data urodzenia|adres\w*|pesel|apelido|data de nascimento|morada|endereco|nif|efternamn\w*"
    r"|fornamn\w*|namn\w*|fodelsedatum|adress\w*|personnummer|claims? (?:record|history)"
    r"|credit (?:record|file|history)|income|einkommen|revenus?|ingresos?|reddito|inkomen"
    r"|dochod\w*|rendimentos?|inkomst\w*|scheda|expediente|dossier|numero di telefono"
    r"|numero de telefono|numer telefonu|numero de telefone|telefoonnummer|fodd|born|geboren"
    r"|nacido|nato|urodzon\w*|nascido|telefonnumret"
    r"|(?:uppgifter|details|data|information|angaben|donnees|datos|dati|gegevens|dane|dados) "
    r"(?:om mig|about me|on me|uber mich|sur moi|sobre mi|su di me|over mij|o mnie|sobre mim)"
    r"|e-?mail address|e-?mail-?adresse|adresse e-?mail|indirizzo e-?mail|e-?mailadres"
    r"|e-?postadress|(?:my|the) (?:own )?mobile(?: number)?|emergency contact|numero di cellulare"
    r"|(?:il mio|numero) cellulare|birthplace|place of birth|parents|geburtsort|eltern"
    r"|lieu de naissance|lugar de nacimiento|padres|luogo di nascita|genitori|geboorteplaats"
    r"|ouders|miejsce urodzenia|rodzice|local de nascimento|fodelseort|foraldrar|next of kin"
    r"|nachste[rn]? angehorige\w*|personne a prevenir|contacto de emergencia"
    r"|familiare di riferimento|contactpersoon|osoba kontaktowa|pessoa de contacto|anhorig\w*"
    r"|passwort|password|mot de passe|date of death|sterbedatum|date de deces|fecha de defuncion"
    r"|data di morte|overlijdensdatum|data smierci|data de obito|dodsdatum",
    whole_words=True,
)
# A document put right and sent again: business, not the person's record ("correct the
# invoice and send me a new copy", "corregirlo en la reserva", "reissue the certificate").
_DOCUMENT_FIX = _Terms(
    r"new invoice|nuova fattura|neue rechnung|nouvelle facture|nueva factura|nieuwe factuur"
    r"|nowa faktura|nova fatura|ny faktura|nota di credito|credit note|gutschrift|nota de credito"
    r"|creditnota|korekta faktury|reissue|re-issue|new copy"
    r"|corrected (?:copy|version|invoice|certificate)|resend|re-send|renvoy\w*|reenvi\w*"
    r"|volver a enviar|rimand\w*|reinvi\w*|neu ausstell\w*|erneut zusend\w*|opnieuw (?:toe)?sturen"
    r"|nieuwe (?:factuur|versie)|ponownie wysla\w*|nova fatura|skicka en ny"
    r"|(?:correct|fix|amend|chang|updat|corrig|correg|korrigier|berichtig|ander|aanpass|popraw"
    r"|corrij|ratt)\w* (?:\w+ ){0,2}(?:(?:on|in|en|sur|sul|sulla|nella|auf|op|na|no|pa) )?(?:the "
    r"|la |le |el |il |die |der |de |het |a |o |my |mi |ma |mon |mijn |moja |min )?(?:booking"
    r"|reservation|ticket|invoice|receipt|certificate|engraving|reserva|billetes?|factura|recibo"
    r"|certificado|facture|billet|certificat|attestation|prenotazione|biglietto|fattura|ricevuta"
    r"|certificato|attestato|buchung|reservierung|rechnung|quittung|zertifikat|urkunde|boeking"
    r"|reservering|kaartje|factuur|certificaat|rezerwacj\w*|bilet|faktur\w*|certyfikat|fatura"
    r"|bilhete|bokning|biljett|faktura|kvitto|intyg)|rectificativ\w*|rettificativ\w*|rectificative"
)
# A booking or a ticket, on which a wrong name is the booking's to put right.
_BOOKING = _Terms(
    r"bookings?|reservations?|tickets?|reserva\w*|prenotazion\w*|buchung\w*|reservierung\w*"
    r"|boeking\w*|reservering\w*|rezerwacj\w*|bokning\w*|billetes?|biglietti?|bilhetes?|biljett\w*"
    r"|kaartje\w*|bilet\w*",
    whole_words=True,
)
# Where a person's record lives: a wrong name there is rectification, even on a booking.
_RECORDISH = _Terms(
    r"system|systeem|sistema|systeme|systemet|records?|database|datenbank|account|konto|compte"
    r"|cuenta|conta|profile|profil\w*|perfil|profilo|profiel|dossier|file|akte|fichier|expediente"
    r"|fascicolo|registo|ficha|scheda|systemie|systemu|koncie|recorded|lists?|liste|lista|lijst",
    whole_words=True,
)
# A supplier's new bank details "for your records": not a person's data.
_PAYEE = _Terms(
    r"remit\w*|future payments|sort code|iban|bankverbindung|coordonnees bancaires|datos bancarios"
    r"|coordinate bancarie|bankgegevens|rekeningnummer|dane bankowe|numer konta|dados bancarios"
    r"|bankuppgifter|kontonummer",
    whole_words=True,
)
_ADDRESS = _Terms(
    r"(?:home |postal )?address|post ?code|zip code|anschrift|adresse|adres\w*|direccion|indirizzo"
    r"|morada|endereco|adress\w*|hausnummer|huisnummer"
)
_CORRECT = _Terms(
    r"correct\w*|updat\w*|amend\w*|fix\w*|chang\w*|rectif\w*|should be|should read|korrigier\w*"
    r"|berichtig\w*|andern|anderung\w*|geandert|aktualisier\w*|richtig ist|lautet richtig"
    r"|corrig\w*|modifi\w*|devrait etre|correg\w*|actualiz\w*|actualic\w*|cambi\w*|deberia ser"
    r"|corrij\w*|corregg\w*|rettific\w*|aggiorn\w*|dovrebbe essere|corrett\w*|aanpass\w*|wijzig\w*"
    r"|verbeter\w*|moet zijn|popraw\w*|zmien\w*|aktualiz\w*|powinno byc|alter\w*|atualiz\w*"
    r"|deveria ser|ratta\w*|andra (?:det|den|dem|mitt|min|mina|uppgift\w*|namn\w*|adress\w*)"
    r"|uppdater\w*|ska vara|korriger\w*|sostitui\w*|mettete|inserite|mettre a jour|mettez a jour"
    r"|mise a jour|quell[oi] giust[oi]|the right one is|the correct one is|put (?:\w+ ){0,3}right"
    r"|set (?:it|this|that|the record) straight|les bonnes? (?:informations?|coordonnees)"
    r"|los correctos|el bueno es|de juiste|o correto e|richtigstell\w*|richtig stellen"
)
_ORDER = _Terms(
    r"orders?|deliver\w*|parcel|package|shipment|shipping|courier|basket|checkout|bestellung\w*"
    r"|lieferung\w*|paket\w*|sendung\w*|commande\w*|livraison\w*|colis|pedidos?|envio\w*"
    r"|paquete\w*|ordine|ordini|consegna\w*|spedizion\w*|pacco|bestelling\w*|levering\w*|pakket\w*"
    r"|zamowien\w*|dostaw\w*|paczk\w*|przesylk\w*|encomenda\w*|entrega\w*|pacote\w*|bestallning\w*"
    r"|leverans\w*|forsandelse\w*|livrer|livrez|livree?s?|liefern|geliefert|bezorg\w*|leverer\w*"
    r"|auftrag\w*|print job",
    whole_words=True,
)
_RECORDS = _Terms(
    r"in your (?:records|system|database|files)|in ihren unterlagen|in ihrem system"
    r"|in ihrer datenbank|dans vos (?:fichiers|dossiers)|dans votre (?:systeme|fichier|base)"
    r"|en (?:sus|vuestros) registros|en (?:su|vuestro) sistema|nei vostri archivi"
    r"|nel vostro sistema|in (?:jullie|uw) (?:systeem|administratie|bestand)"
    r"|w (?:systemie|bazie|panstwa bazie|panstwa systemie)|nos vossos registos"
    r"|no (?:vosso|seu) sistema|i (?:ert|erat) (?:register|system)|records you hold|the records"
    r"|your records|(?:nel|nella) (?:mio|mia) (?:fascicolo|scheda|profilo|archivio)"
    r"|in meinem (?:profil|konto|kundenkonto|datensatz)|dans mon dossier"
    r"|en mi (?:expediente|perfil|ficha)|in mijn (?:profiel|dossier)|w moim (?:profilu|koncie)"
    r"|no meu (?:perfil|processo)|i min profil"
    r"|(?:mojej|moich|moim) (?:historii|danych|profilu|koncie)"
    r"|(?:on|in) (?:my|his|her|their) (?:record|file)|sus registros|vuestros registros"
    r"|seus registos|ses dossiers|vos registres|ihre unterlagen|i vostri registri|uw administratie"
    r"|jullie administratie|wasze rejestry|era register|o meu registo|meu registro|no meu registo"
    r"|a minha ficha|na minha ficha|minha ficha|(?:op|in) (?:ons|mijn) profiel|meu registo"
    r"|dans ma fiche|ma fiche|mon dossier|(?:in )?(?:ihrer|eurer|der) (?:kunden)?kartei"
    r"|(?:those|these|the|my|his|her|their) (?:\w+ )?notes|(?:su|mi|tu|la) ficha"
    r"|(?:questa|la|quella) segnalazione|vossa base|sua base|votre base|vuestra base"
    r"|la vostra base|uw database|waszej bazie|er databas"
)
_SYSTEM = _Terms(
    r"(?:the|your|a) (?:\w+ )?system|(?:the |a )?computer|a (?:program|machine|bot)|das system"
    r"|ein programm|vom system|(?:le|votre) systeme|(?:el|su|vuestro) sistema"
    r"|(?:il|vostro) sistema|het systeem|(?:o|vosso) sistema|systemet|system|automat(?:en)?\b"
    r"|software|screening|a robot|robot|bot|systeem|sistema|systeme"
    r"|(?:risk|scoring|credit|fraud) (?:model|score|engine|check)|risikomodell|scoring|programm\w*"
    r"|program|programa|programma|programme|ordinateur|the app|die app|l'app|la app|l'appli|de app"
    r"|aplikacj\w*|o site|le site|the website|metrics|en dator|datorn|una maquina|eine maschine"
    r"|une machine|una macchina|een machine|maszyna|uma maquina|en maskin"
)
_OUTCOME = _Terms(
    r"blocked|suspended|cancell?ed|decision|decided|gesperrt|storniert|entscheidung|entschieden"
    r"|annulee?s?|bloquee?s?|suspendue?|decide|anulad[oa]|bloquead[oa]|suspendid[oa]|decidid[oa]"
    r"|annullat[oa]|bloccat[oa]|sospes[oa]|decisione|deciso|decidere|geblokkeerd|geannuleerd"
    r"|opgeschort|beslissing|besluit|beslist|zablokowan\w*|anulowan\w*|zawieszon\w*|decyzj\w*"
    r"|zdecydowa\w*|cancelad[oa]|suspens[oa]|decisao|decidiu|sparrad|avstangd|annullerad|beslut\w*"
    r"|flagged|markiert|signale\w*|marcad[oa]|segnalat[oa]|gemarkeerd|oznaczon\w*|sinalizad[oa]"
    r"|flaggad\w*|deactivated|disabled|terminated|deaktiviert|desactive|desactivad[oa]"
    r"|disattivat[oa]|gedeactiveerd|dezaktywowan\w*|desativad[oa]|inaktiverad|said no|a dit non"
    r"|dijo que no|ha detto no|zei nee|disse nao|sa nej"
    r"|(?:credit|risk|affordability) (?:assessment|check|score|rating)|bonitatspruf\w*|schufa"
    r"|vastgesteld|festgelegt|festgesetzt|determined|fixee?|fijad[oa]|determinad[oa]|stabilit[oa]"
    r"|ustalon\w*|faststall\w*|not selected|pas (?:ete )?retenue?s?|nicht ausgewahlt"
    r"|no (?:ha sido |fue )?seleccionad[oa]|non (?:e stat[oa] )?selezionat[oa]|niet geselecteerd"
    r"|nie zostal\w* wybran\w*|nao (?:foi )?selecionad[oa]|inte uttagen|no apt[oa]|not eligible"
    r"|assigned|asign\w*|attribue\w*|zugewiesen|eingestuft|ingedeeld|przypisa\w*|atribui\w*"
    r"|tilldela\w*|placed me|bestamde|bestamt|not (?:clinically )?suitable|unsuitable"
    r"|nicht geeignet|not progressed|avbok\w*|stoppad\w*|stopped|gestoppt|gestopt|zatrzyman\w*"
    r"|parad[oa]"
)
_HUMAN = _Terms(
    r"human|(?:a|one|real|an actual|actual|a real) person|member of staff|someone|employee"
    r"|mensch\w*|mitarbeiter\w*|personne|humain\w*|conseiller|persona|humano|empleado|umano"
    r"|operatore|mens|medewerker|czlowiek\w*|pracownik\w*|pessoa|funcionario|manniska|handlaggare"
    r"|handler|adviser|advisor|agent|underwriter|recruiter|somebody|staff|en person|en manniska"
    r"|einen menschen|une personne|una persona|een persoon|osoba|uma pessoa|sachbearbeiter\w*"
    r"|case ?worker|case handler|iemand|jemand|quelqu'un|alguien|qualcuno|ktos|alguem|nagon"
    r"|teacher|instructor|coach|profesor\w*|lehrer\w*|trainer\w*|professeur|entraineur"
    r"|professor\w*|docente|insegnante|allenatore|leraar|docent|nauczyciel\w*|trener\w*|larare"
    r"|tranare|pharmacist|doctor|clinician|nurse|apotheker\w*|pharmacien|farmaceutic\w*|farmaceuta"
    r"|apotekare|arzt|medecin|medico|arts|lekarz|lakare|formador\w*|instrutor\w*"
)
_REVIEW = _Terms(
    r"check\w*|look\w*|review\w*|reconsider\w*|examin\w*|re-?assess\w*|prufen|pruft|uberpruf\w*"
    r"|anschau\w*|ansieht|ansehen|reexamin\w*|revis\w*|riesamin\w*|verific\w*|valut\w*"
    r"|beoordeel\w*|bekijk\w*|herzie\w*|sprawdz\w*|sprawdzil\w*|rozpatrz\w*|ocen\w*|analis\w*"
    r"|revej\w*|reaval\w*|granska\w*|prova\w*|titta\w*|gepruft|prufung|gar igenom|ser over"
    r"|bedom\w*|go through|goes through|beoordel\w*|kijk\w*|regarde\w*|regarder|etudi\w*|mire\w*"
    r"|mirar|miren|guardare|guardi|guardate|spojrz\w*|olh\w*|przejrz\w*|patrz\w*|rived\w*"
    r"|rivist[ao]|rivedere|riveda|controll\w*|kontroll\w*|controle\w*|controla\w*|examen"
)
_PROFILE = _Terms(
    r"profile of me|picture of me|profile on me|profil(?:e|es|ing)?|personali[sz]\w*"
    r"|recommendations|perfil\w*|profilo|profilazione|profiel|profilering|profilowani\w*"
    r"|personaliz\w*|personnalis\w*|personalisier\w*|empfehlungen|recomendaciones|raccomandazioni"
    r"|aanbevelingen|rekomendacj\w*|recomendacoes|rekommendationer"
    r"|track(?:ed|ing) (?:me|my (?:\w+ )?(?:habits|behaviou?r|activity))"
    r"|track(?:ed|ing) my (?:\w+ )?(?:browsing|reading|location|movements)"
    r"|my (?:\w+ )?(?:habits|behaviou?r) (?:\w+ )?tracked|dopasowywa\w*"
    r"|(?:build|building|built|create|creating)(?: up)? (?:a )?(?:picture|profile) of"
    r"|(?:analys|track|profil|monitor|going through|look(?:ing)? at|us(?:e|ing))\w* (?:\w+ ){0,2}"
    r"(?:what i buy|my purchases|my shopping)|(?:work|figure|find) (?:things )?out about me"
    r"|research(?:ing)? (?:on )?me|keeping tabs on|looking me up|wealth screening"
    r"|keep(?:ing)? track of (?:my|what i)|tailor\w*"
    r"|(?:build|building|built|create|creating)(?: up)? (?:some |a )?(?:picture|profile) of"
    r"|analy\w* (?:pa|av|on|of|about) (?:mig|me)|(?:ein )?bild von mir"
)
_NOT_WANT = _Terms(
    r"(?:don't|do not|dont) (?:want|agree|consent)|switch off|turn off|disable|abschalten"
    r"|deaktivier\w*|desactiv\w*|disattiv\w*|uitzetten|wylacz\w*|desativ\w*|stang av|stop"
    r"|ich (?:will|mochte) nicht|(?:will|mochte) nicht|horen sie auf|je ne veux pas"
    r"|je ne souhaite pas|arretez|cessez|no quiero|no deseo|dejen de|non voglio|non desidero"
    r"|smettete|ik wil niet|stop met|nie chce|przestan\w*|nao quero|parem|jag vill inte|sluta"
    r"|nie zgadzam sie|(?:don't|do not|dont) (?:screen|profile|track|analy[sz]e|monitor|research)"
    r"|i refuse|je refuse|refuse que|ich lehne|me niego|rechazo que|mi rifiuto|rifiuto che"
    r"|ik weiger|nao aceito|recuso|jag vagrar|not happy (?:about|with)|geht mir zu weit"
    r"|goes too far|va trop loin|va demasiado lejos|gaat te ver|idzie za daleko|vai longe demais"
    r"|gar for langt|without (?:the |any )|non mi va"
    r"|(?:i'd|i would) prefer (?:it )?(?:if )?you (?:didn't|did not|don't|do not|wouldn't)"
    r"|(?:i'd|i would) rather not|not (?:want to )?be part of|hort auf|hoert auf"
    r"|lasst (?:das|es) bleiben|bleiben lasst|nicht mehr aus(?:werten)?"
    r"|wertet (?:\w+ ){0,4}nicht (?:mehr )?aus|werten sie (?:\w+ ){0,4}nicht (?:mehr )?aus"
)
# "Do not delete it", or the same wish as "keeping it is allowed".
_NOT_DELETE = _Terms(
    r"(?:don't|do not|dont) (?:delete|erase|remove)|not to (?:delete|erase)|nicht (?:zu )?losch\w*"
    r"|nichts (?:zu )?losch\w*|keine daten losch\w*|n'effacez|ne (?:les )?supprimez pas"
    r"|ne rien (?:effacer|supprimer)|no (?:los |las )?(?:borren|eliminen|borreis)"
    r"|non (?:li |le )?(?:cancellate|eliminate)|niet (?:te )?verwijderen"
    r"|verwijder (?:ze |het |niets )?niet|nie usuwal\w*|nie usuwac"
    r"|nao (?:os |as )?(?:apaguem|eliminem)|radera inte|ta inte bort|bewaren mag|mag bewaard"
    r"|aufbewahren (?:ist|darf)|conservez-les|conservateli|guardadlos|podeis guardar|podem guardar"
    r"|mozecie (?:je )?przechowywac|fa spara|ni far spara"
    r"|keep (?:it|them) (?:as it is|as they are|stored|on file)|just keep it|archived|kept,? but"
    r"|archiviert|archivad\w*|archiviat\w*|gearchiveerd|zarchiwizowan\w*|arquivad\w*|arkiverad\w*"
    r"|(?:durfen|konnen) (?:\w+ ){0,3}aufbewahren|jedynie przechowywac|tylko przechowywac"
    r"|(?:don't|do not|dont) (?:destroy|discard)|ne (?:le |la |les |l')?(?:detruisez|jetez) pas"
    r"|nicht (?:zu )?vernicht\w*|no (?:lo |la |los |las )?destruy\w*"
    r"|non (?:lo |la |li |le )?distrugg\w*|niet (?:te )?vernietigen|nie niszcz\w*"
    r"|nao (?:o |a |os |as )?destrua\w*|forstor inte|without (?:deleting|erasing)"
    r"|sans (?:pour autant )?(?:les |la |le )?(?:effacer|supprimer)|ohne (?:sie |es )?zu losch\w*"
    r"|sin (?:borrar|eliminar)\w*|senza (?:cancellar|eliminar)\w*|non (?:cancellar|eliminar)\w*"
    r"|zonder (?:ze |het )?te verwijderen|bez (?:ich )?usuwania"
    r"|sem (?:os |as )?(?:apagar|eliminar)|utan att radera|radera (?:ingenting|inget|inte)"
    r"|inte radera|tampoco (?:los |las )?(?:borren|eliminen|borreis)|nie kasujcie|nie kasowac"
    r"|nie usuwajcie|losch\w* (?:\w+ ){0,5}nichts|bewaard blijven|not asking you to delete"
    r"|want it kept|gardez-l(?:e|a|es)|conservez-l(?:e|a)|no (?:quiero|deseo) que se borre"
    r"|que se borre nada|not delete|not (?:be )?deleted|not (?:be )?destroyed"
)
_NOT_USE = _Terms(
    r"(?:don't|do not|dont|not) (?:want (?:it|them|my \w+) )?(?:be )?us(?:e|ed|ing)|on hold|freeze"
    r"|nicht (?:mehr )?(?:nutzen|verwenden|verarbeiten)|ne plus (?:les )?utiliser|n'utilisez"
    r"|ne (?:les |l')?utilisez|geler|no (?:los |las )?(?:utilicen|usen|useis)"
    r"|non (?:li |le )?(?:utilizzate|usate)|sospend\w*|niet (?:meer )?(?:gebruiken|gebruikt)"
    r"|nie wykorzystywal\w*|nie wykorzystywac|nao (?:os |as )?(?:usem|utilizem)|anvand inte"
    r"|inte anvanda|inte anvands|niet te gebruiken|gebruiken niet|no (?:lo |los )?(?:useis|usen)"
    r"|(?:don't|do not|dont) want you (?:using|to use)"
    r"|nicht (?:weiter|mehr) (?:verwendet|genutzt|verarbeitet|weitergegeben)"
    r"|stop using (?:it|them|my)|tampoco (?:los |las )?(?:useis|usen|utilicen)"
    r"|nergens voor gebruiken|voor niets gebruiken|non (?:usare|utilizzare)|inte anvander"
    r"|no hagan nada con|no hagais nada con|ne faites rien (?:avec|de)"
    r"|nichts (?:mit|damit) (?:\w+ )?(?:machen|tun)|non fate nulla con|niets doen met"
    r"|nic nie robcie z|nao facam nada com|inte gor nagot med"
    r"|(?:don't|do not|dont) do anything with|do nothing with|nie uzywac"
    r"|nicht (?:weiter|mehr) (?:verwenden|nutzen|verarbeiten|weitergeben)"
    r"|non (?:dovete |devono )?(?:usarl\w*|utilizzarl\w*)|bloccare tutto"
    r"|niet verder (?:gebruikt|gebruiken)"
    r"|(?:don't|do not|dont) want you doing anything (?:else )?with|leave it as it is"
    r"|nobody uses (?:it|them)|no one uses (?:it|them)|keep (?:it|them) locked away"
    r"|nicht zu (?:verwenden|nutzen|verarbeiten|benutzen)"
    r"|(?:don't|do not|dont|not) (?:send|pass|share|forward|give)\w* (?:\w+ ){0,5}(?:to|on|with) "
    r"(?:anyone|anybody|\w+)|weder zu (?:verwenden|nutzen)|nicht weiter(?:zu)?geben"
    r"|nicht (?:weiter)?(?:zu )?(?:senden|schicken|weiterleiten)"
    r"|ne (?:le |la |les )?(?:transmettez|communiquez|envoyez) pas"
    r"|no (?:lo |la |los |las )?(?:envieis|envien|paseis|pasen|compartais|compartan)"
    r"|non (?:lo |la |li |le )?(?:inviate|trasmettete|condividete)"
    r"|niet (?:door)?(?:sturen|geven|delen)|nie przekazywa\w*"
    r"|nem (?:o |a |os |as )?(?:enviem|partilhem|passem)|inte skickar|inte skicka|inte delar"
    r"|(?:don't|do not|dont) want (?:any of )?(?:it|them|this|that) used|keep it as it is"
    r"|(?:no|tampoco) quiero que (?:lo |la |los |las )?(?:usen|useis|utilicen|utiliceis)"
    r"|guardado y bloqueado"
    r"|niet dat (?:[\w-]+ ){0,4}(?:ergens )?(?:voor )?gebruikt (?:wordt|worden)|op slot"
    r"|keine weitergabe|keine weiterleitung|abstengan de utiliz\w*|abstenerse de utiliz\w*"
    r"|vous abstenir d'utiliser|s'abstenir d'utiliser|suspend\w* a utilizacao"
    r"|suspend\w* (?:el |o )?uso"
    r"|(?:don't|do not) want (?:my|the) (?:\w+ ){0,6}(?:passed|sent|given|shared|used)"
    r"|non usatel\w*|non utilizzatel\w*|non usateli|non utilizzateli"
    r"|nie (?:byly|byla|bylo|beda) wykorzystywan\w*|nie wykorzystywa\w*"
    r"|wstrzyma\w* wykorzystywani\w*|ne (?:pas |plus )?(?:rien )?transmettre"
    r"|ne (?:pas |plus )?(?:les |le |la )?utiliser"
    r"|no se (?:utilice|use|envie|utilicen|usen|envien)"
)
# Something on record that a stop while it is checked is about: a note, an entry, a report.
_ENTRY = _Terms(
    r"notes?|records?|entry|entries|comments?|remarks?|information|vermerk\w*|eintrag\w*|notiz\w*"
    r"|aktennotiz\w*|mention|remarques?|commentaires?|informations|anotacion\w*|nota|notas"
    r"|registros?|annotazion\w*|segnalazion\w*|aantekening\w*|notitie\w*|vermelding\w*|adnotacj\w*"
    r"|wpis\w*|notatk\w*|registo|anotac\w*|uppgift\w*|anteckning\w*|notering\w*|anmarkning\w*"
    r"|registrati\w*|registrering\w*"
    r"|(?:details|data|information) (?:you )?(?:hold|have|keep|held|kept) (?:on|about) me|imagens"
    r"|imagenes|images|photos|fotos|fotografias|immagini|bilder|footage|profile|profil|account"
    r"|konto|compte|cuenta|conta|chats?|\w*fotos|segnalazion\w*|dossier|infos?|informe|report"
    r"|bericht|rapport|relazione|verslag|raport|relatorio",
    whole_words=True,
)
_SEND = _Terms(
    r"send\w*|sent|email (?:it|them|me)|export\w*|transfer\w*|import\w*|schick\w*|sende\w*"
    r"|ubermittel\w*|envoy\w*|transmet\w*|envi\w*|mand\w*|invia\w*|mandat\w*|trasfer\w*|stuur\w*"
    r"|versturen|sturen|opsturen|toesturen|otrzyma\w*|przenie\w*|overdra\w*|wysl\w*|przeslac"
    r"|przekaz\w*|skicka\w*|overfor\w*|download\w*|move it|move them|herunterlad\w*|telecharg\w*"
    r"|descarg\w*|scaric\w*|downloaden|pobra\w*|baixar|ladda ner|bekommen|erhalten|recevoir"
    r"|recibir|ricevere|krijgen|ontvangen|przesla\w*|receber|get|have it|have them|avere|ottenere"
    r"|obtenir|obtener|obter|dostac|fa dem|fa det|recuper\w*|recuperar|recuperare|ophalen"
    r"|odzyska\w*|hamta\w*|aanlever\w*|leveren|bezorgen|bekomm\w*|erhalt\w*|me (?:\w+ ){0,2}pasar"
    r"|pasadme|pasame|pasenme|pasarme|give (?:me|us)"
)
_COPY = _Terms(r"cop(?:y|ies)|kopie|copie|copia|kopi\w*|kopia")
_ASK_FOR = _Terms(
    r"send me|give me|i want|i would like|i'd like|(?:can|could|may) i (?:have|get|see)"
    r"|(?:can|could) you (?:send|provide|give|email)|please (?:send|provide|give|email)"
    r"|i (?:am )?request\w*|bitte um|ich mochte|ich hatte gern|ich bitte"
    r"|(?:senden|schicken) sie mir|je vous demande|je souhaite|je voudrais|envoyez-moi|m'envoyer"
    r"|me gustaria"
    r"|(?:me )?(?:podeis|pueden|puede|podrian|podriais) (?:mandar|enviar|pasar|dar|facilitar)"
    r"|que me (?:envien|mandeis|manden|envieis)|pido|solicito|quiero|quisiera|necesito|envienme"
    r"|enviadme|vi chiedo|chiedo|vorrei|inviatemi|mandatemi|graag|ik wil|ik verzoek|kunnen jullie"
    r"|stuur me|prosze o|chcial\w*|chce|gostaria|quero|preciso|peco|enviem|jag vill|kan ni skicka"
    r"|skicka mig|begar|je souhaiterais|j'aimerais|obtenir|solicitar|solicitamos"
    r"|venho (?:por este meio )?(?:solicitar|pedir)"
    r"|(?:can|could|would) you (?:please )?(?:send|provide|give|email|print|post|let me (?:see"
    r"|have))|please (?:print|post)|let me have|(?:would|could) you let me (?:have|see)"
    r"|vill jag (?:fa|ha)|(?:ce serait|serait-il|est-il) possible d'(?:avoir|obtenir|recevoir)"
    r"|possible to (?:have|get|receive)|seria posible (?:tener|recibir|obtener)"
    r"|sarebbe possibile (?:avere|ricevere)|grateful to (?:receive|have|get|be sent)"
    r"|grateful if you (?:could|would) (?:send|provide|let me have)"
    r"|(?:she|he|they)(?:'d| would) like|i'?m wanting|i am wanting"
)
_ACCESS_OBJECT = _Terms(
    r"footage|cctv|videos?|recordings?|cameras?|notes?|messages|chats?|conversations?|photos?"
    r"|pictures?|readings?|history|data|information|infos?|everything|records?|file|aufnahme\w*"
    r"|notiz\w*|nachrichten|daten|informationen|alles|enregistrements?|commentaires|donnees"
    r"|informations|tout|grabacion\w*|notas|mensajes|datos|informacion|todo|registros?"
    r"|registrazion\w*|filmat\w*|messaggi|dati|informazioni|tutto|opname\w*|beelden|notities"
    r"|berichten|gegevens|informatie|nagran\w*|notatk\w*|wiadomosci|danych|dane|informacj\w*"
    r"|wszystk\w*|gravac\w*|imagens|mensagens|dados|informac\w*|tudo|inspelning\w*|anteckning\w*"
    r"|meddelanden|uppgifter|allt|matarstallning\w*|dossier|fichier|fascicolo|expediente|akte"
    r"|personalakte|processo|historial|cartella|medical records?|patient records?|historia clinica"
    r"|whatever|the lot|all of it|documentation|dokumentation|documentacion|documentazione"
    r"|documentatie|dokumentacj\w*|documentacao|ce que|tout ce que|lo que|todo lo que|quello che"
    r"|tutto quello che|alles wat|o que|tudo o que|allt som|stuff|what you(?:'ve| have)? got"
    r"|what you have|what you hold",
    whole_words=True,
)
_RECORDING = _Terms(
    r"footage|cctv|recordings?|aufnahme\w*|videoaufnahme\w*|enregistrements?|grabacion\w*"
    r"|registrazion\w*|opname\w*|nagran\w*|gravac\w*|inspelning\w*|logs|log files?|gps"
    r"|location (?:data|history)|trip (?:logs|history)|call logs?"
)
_MINE = _Terms(
    r"my|me|mine|mein\w*|mich|mir|mes|mon|ma|moi|mis|mi|miei|mie|mijn|mij|moich|moje|mnie|meus"
    r"|minhas|mina|mitt|mig|our|us|uns|nous|nos|noi|ons|nas|oss",
    whole_words=True,
)
# What is held about the person: "everything you've got on me", "tout ce que vous avez sur moi".
_ABOUT_ME = _Terms(
    r"(?:about|on|concerning|regarding|relating to) me(?! \w+ing\b)|uber mich|zu meiner person"
    r"|(?:have|hold|keep|held|kept|got) on (?:record|file)|sur moi|me concernant"
    r"|(?:tien\w*|guard\w*|almacen\w*|trat\w*|conserv\w*|dispon\w*|hay) (?:\w+ ){0,2}sobre mi"
    r"|ten\w* (?:\w+ ){0,2}sobre mi|(?:tene\w*|tien\w*|guard\w*) de mi|que me concierne\w*"
    r"|su di me|che mi riguard\w*|over mij|o mnie|na moj temat|dotyczac\w* mnie|sobre mim"
    r"|a meu respeito|que me diz\w* respeito|om mig|guardad\w* de mim"
    r"|(?:got|have|hold|keep|held|kept) on (?:her|him|them)"
    r"|(?:have|hold|keep|got|store) (?:\w+ )?(?:about|on) (?:him|her|them)"
)
# Seeing or receiving it: an ask in the sentence next to what is held ("I'd like to see it").
_SEE = _Terms(
    r"see(?! you| if| whether| how| why| that)|look at|have (?:it|them|a copy)"
    r"|get (?:it|them|a copy)|receive|sent to me|send (?:it|them) to me|sehen|einsehen|zugeschickt"
    r"|zuschicken|voir|consulter|recevoir|ver|recibir|vedere|ricevere|zien|inzien|ontvangen"
    r"|zobaczyc|wglad|otrzymac|receber|fa (?:se|den|dem)|se (?:dem|det|allt|vad)",
    whole_words=True,
)
# All that is held: "a copy of whatever records you hold", "tout ce que vous avez".
_ALL_OF_IT = _Terms(
    r"everything|whatever|all (?:the|of|that)|tout ce|toutes? les|tutto|tutti i|todo lo|todos los"
    r"|alles|alle|allt|alla|wszystk\w*|tudo|todos os|alles wat|al (?:mijn|de)"
)
# Knowing, not receiving: "I'd like to know what you keep" may be a question of information.
_KNOW = _Terms(
    r"know|find out|wissen|erfahren|savoir|saber|sapere|weten|wiedziec|dowiedziec|veta",
    whole_words=True,
)
# "Until it is cleared up": a stop asked for while something is checked.
_PENDING = _Terms(
    r"until|while|pending|till|bis|solange|jusqu'a|tant que|en attendant|hasta que|mientras|finche"
    r"|fino a quando|in attesa|totdat|zolang|dopoki|do czasu|ate que|enquanto|tills|medan|sa lange"
    r"|ate (?:isto|isso|tudo) (?:estar|ser|ficar)",
    whole_words=True,
)
_DOCUMENT = _Terms(
    r"data ?sheets?|spec(?:ification)? sheets?|specifications?|datenblatt|fiche technique"
    r"|ficha tecnica|scheda tecnica|invoices?|receipts?|bills?|statements?|contracts?"
    r"|polic(?:y|ies)|certificates?|confirmations?|terms|conditions|brochures?|catalog\w*|manuals?"
    r"|instructions|price list|tariffs?|guides?|p60|p45|payslips?|tickets?|bookings?|itinerar\w*"
    r"|rechnung\w*|quittung\w*|belege?|vertrag\w*|police|bescheinigung\w*|bestatigung\w*|agb"
    r"|factures?|recu|contrats?|attestation\w*|facturas?|recibos?|contratos?|poliza|certificados?"
    r"|condiciones|fattur\w*|ricevut[ae]|contratt\w*|polizza|certificat\w*|condizioni|factu\w*|bon"
    r"|contract|polis|voorwaarden|faktur\w*|paragon\w*|umow\w*|zaswiadczen\w*|regulamin|fatura\w*"
    r"|apolice|certidao|termos|kvitto|avtal|villkor|inventor(?:y|ies)|check-in report"
    r"|tenancy agreement|etat des lieux|inventaire|mietvertrag|ubergabeprotokoll"
    r"|contrato de arrendamiento|huurcontract|umowa najmu|hyreskontrakt|besiktningsprotokoll"
    r"|bescheinigung\w*|\w*bescheinigung\w*|\w*nachweis|agreements?|vereinbarung\w*|acuerdos?"
    r"|accordo|overeenkomst|dpa|signed|unterschrieben\w*|signee?s?|firmad[oa]s?|firmat[oa]"
    r"|getekend\w*|podpisan\w*|assinad[oa]s?|undertecknad\w*",
    whole_words=True,
)
# "I don't need a copy": an information request says so.
_NO_COPY = _Terms(
    r"(?:don't|do not|dont) (?:need|want)|no need|not (?:asking|requesting)|nao preciso"
    r"|no necesito|no quiero|no pido|sin copia|sem copia|je ne demande pas|pas besoin"
    r"|brauche keine|nicht notig|keine kopie|non ho bisogno|non chiedo|non voglio|niet nodig"
    r"|hoef geen|nie potrzebuj\w*|nie chce|behover inte|vill inte ha"
)
_ERASING = _Terms(
    r"delet\w*|eras\w*|remov\w*|wip\w*|losch\w*|supprim\w*|effac\w*|borr\w*|elimin\w*|cancell\w*"
    r"|verwijder\w*|usun\w*|apag\w*|radera\w*"
)
_HOW_TO = _Terms(
    r"is there (?:a|an) (?:button|option|setting|feature|link)|how (?:do|can) i|wo finde ich"
    r"|wie kann ich|gibt es (?:einen|eine) (?:knopf|button|funktion|moglichkeit)"
    r"|comment (?:puis-je|faire pour)|como puedo|hay (?:un|una) (?:boton|opcion)|come posso"
    r"|c'e un (?:pulsante|tasto)|hoe kan ik|is er een (?:knop|optie)|jak moge|como posso"
    r"|hur kan jag|finns det en (?:knapp|funktion)|is there (?:a|any) way|is er een manier"
    r"|gibt es (?:einen weg|eine moglichkeit)|y a-t-il un moyen|existe-t-il un moyen"
    r"|hay (?:alguna )?(?:forma|manera)|c'e un modo|czy jest (?:sposob|mozliwosc)"
    r"|ha (?:alguma )?(?:forma|maneira)|finns det (?:ett|nagot) satt"
    r"|(?:can't|cannot|can not) find (?:a way|how)|kann (?:\w+ )?nicht finden"
    r"|ne trouve pas comment|no encuentro (?:como|la forma)|non trovo (?:come|il modo)"
    r"|kan (?:\w+ )?niet vinden|nie moge znalezc|nao encontro (?:como|a forma)|hittar inte"
)
# Automatic, or so fast that no one can have looked ("refused within seconds", "4 minutes
# later", "the same minute").
_AUTOMATIC = _Terms(
    r"automatic\w*(?! (?:e-?mails?|messages?|repl(?:y|ies)|responses?|notifications?"
    r"|confirmations?|mails?))|automated|algorithm\w*|a computer|automatisch\w*|automatisiert\w*"
    r"|ein computer|algorithmus|automatique\w*|automatis\w*|algorithme|automatic[oa]"
    r"|automaticamente|algoritmo|automatizzat\w*|in automatico|geautomatiseerd\w*|algoritme"
    r"|automatycznie|automatyczn\w*|algorytm\w*|automatico|automatizad\w*|automatiskt?|algoritm\w*"
    r"|within (?:a few |a couple of |\d+ )?(?:seconds|minutes)|in (?:a few )?seconds"
    r"|(?:a few |\d+ )(?:seconds|minutes) later"
    r"|innerhalb (?:von )?(?:weniger |wenigen |\d+ )?(?:sekunden|minuten)"
    r"|nach (?:wenigen |\d+ )sekunden|sekunden spater|en quelques secondes"
    r"|(?:quelques |\d+ )(?:secondes|minutes) plus tard|en (?:pocos |unos |\d+ )?segundos"
    r"|(?:pocos |unos |\d+ )(?:segundos|minutos) despues|in pochi secondi"
    r"|(?:pochi |\d+ )(?:secondi|minuti) dopo|binnen (?:enkele |een paar |\d+ )?seconden"
    r"|(?:enkele |een paar |\d+ )(?:seconden|minuten) later|w (?:ciagu )?(?:kilku |\d+ )?sekund"
    r"|(?:kilka |\d+ )(?:sekund|minut) pozniej|em (?:poucos |alguns |\d+ )?segundos"
    r"|(?:poucos |alguns |\d+ )(?:segundos|minutos) depois|inom (?:nagra |ett par |\d+ )?sekunder"
    r"|(?:nagra |ett par |\d+ )(?:sekunder|minuter) senare"
    r"|in (?:under )?(?:a few |\d+ |two |a couple of )?seconds|\d+ seconds after|the same minute"
    r"|(?:in )?under a minute|within a minute|in der gleichen minute|la meme minute"
    r"|el mismo minuto|lo stesso minuto|dezelfde minuut|tej samej minucie|no mesmo minuto"
    r"|samma minut|po (?:\w+ )?(?:\d+|kilku) sekund\w*"
    r"|(?:quelques |\d+ )(?:secondes|minutes) apres"
    r"|dopo (?:\w+ )?(?:pochi|due|tre|\d+) (?:secondi|minuti)|(?:nagra|\d+) minuter efter"
    r"|inom (?:nagra )?(?:sekunder|minuter)"
    r"|kein mensch (?:hat )?(?:\w+ )?(?:draufgeschaut|angeschaut|gepruft|geschaut)"
    r"|no (?:human|one|person) (?:has |had )?(?:even )?(?:looked|checked|read)"
    r"|personne n'a (?:\w+ )?(?:regarde|lu|verifie)|nadie (?:lo )?ha (?:mirado|revisado|leido)"
    r"|nessuno (?:l'ha|ha) (?:guardato|controllato|letto)|niemand heeft (?:ernaar )?gekeken"
    r"|nikt nie (?:sprawdzil|przeczytal|patrzyl)|ninguem (?:olhou|viu|leu)"
    r"|ingen har (?:\w+ )?(?:tittat|pratat)|fick direkt"
    r"|(?:instantly|immediately) (?:rejected|declined|refused)|sofort abgelehnt"
    r"|refusee? immediatement|rechazad[oa] al instante|rifiutat[oa] immediatamente"
    r"|(?:about |around )?(?:a few|ten|five|two|three|twenty|thirty) (?:seconds|minutes) later"
    r"|nach ein paar sekunden|apres quelques secondes|a los pocos segundos|dopo pochi secondi"
    r"|na een paar seconden|po kilku sekundach|apos (?:alguns|poucos) segundos"
    r"|efter (?:nagra|ett par) sekunder|en menos de (?:un|\d+) minutos?|in less than a minute"
    r"|in unter einer minute|en moins d'une minute|in meno di un minuto|binnen een minuut"
    r"|w mniej niz minute|em menos de um minuto|pa mindre an en minut"
    r"|en moins de (?:deux|trois|cinq|\d+) minutes",
    whole_words=True,
)
# A declined payment is the bank's or the shop's business, not a decision about the person.
_PAYMENT = _Terms(
    r"payments?|transactions?|checkout|direct debit|top-?up|zahlung\w*|kartenzahlung|lastschrift"
    r"|paiements?|prelevement|pagos?|transaccion\w*|pagament\w*|transazion\w*|betaling\w*"
    r"|transactie\w*|platnosc\w*|transakcj\w*|transac\w*|betalning\w*|transaktion\w*",
    whole_words=True,
)
_REFUSED = _Terms(
    r"refus\w*|reject\w*|declin\w*|denied|turned down|abgelehnt|ablehnung|rejet\w*|rechaz\w*"
    r"|denegad\w*|rifiutat\w*|respint\w*|afgewezen|geweigerd|afwijzing|odrzucon\w*|odrzuc\w*"
    r"|odmow\w*|recusad\w*|rejeitad\w*|negad\w*|nekad\w*|avslag\w*|avslog\w*|absage\w*"
    r"|rejection\w*|not eligible|ineligible|nicht berechtigt|non eligible|no (?:es |soy )?elegible"
    r"|niet in aanmerking|nao elegivel|inte berattigad|nie spelnia kryteriow"
    r"|(?:does not|doesn't|did not|didn't) meet (?:the |our )?criteria"
    r"|erfullt (?:\w+ )?nicht die (?:kriterien|voraussetzungen)"
    r"|ne (?:repond|remplit) pas (?:aux|les) criteres"
    r"|no cumple (?:con )?(?:los )?(?:criterios|requisitos)"
    r"|non soddisfa (?:i )?(?:criteri|requisiti)|voldoet niet aan"
    r"|nao cumpre (?:os )?(?:criterios|requisitos)|uppfyller inte"
    r"|ne correspond pas (?:a|aux) (?:nos |vos )?criteres|unable to offer|cannot offer|can't offer"
    r"|ne sommes pas en mesure de vous proposer|no podemos ofrecer|non possiamo offrir\w*"
    r"|nie mozemy zaoferowac|nao podemos oferecer|kan inte erbjuda|scartat\w*|escartad\w*"
    r"|descartad\w*|scartat\w*|esito negativo|risposta negativa|respuesta negativa"
    r"|reponse negative|negative response|odpowiedz negatywna|resposta negativa|ert nej|fick nej"
    r"|not progressed|unsuccessful|cannot offer|can't offer|keine (?:\w+ )?anbieten"
    r"|no (?:le |te |os )?podemos ofrecer|ne pouvons pas (?:vous )?(?:proposer|offrir)"
    r"|non possiamo offrir\w*|failed|did not pass|didn't pass|nicht bestanden|echoue\w*"
    r"|no superad\w*|non superat\w*|niet geslaagd|nie zaliczon\w*|underkand",
    whole_words=True,
)
_LOOK_AGAIN = _Terms(
    r"human|a person|real person|member of staff|someone|manual\w*|contest\w*|challeng\w*"
    r"|appeal\w*|disput\w*|reconsider\w*|review\w*|mensch\w*|mitarbeiter\w*|manuell\w*"
    r"|personlich\w*|nicht einverstanden|anfecht\w*|uberpruf\w*|personne|humain\w*|conseiller"
    r"|reexamin\w*|contester|conteste|persona|humano|empleado|impugn\w*|revis\w*|umano|operatore"
    r"|riesamin\w*|contesto|mens|medewerker|handmatig\w*|bezwaar|herzie\w*|heroverweg\w*"
    r"|pracownik\w*|czlowiek\w*|nie zgadzam|rozpatrz\w*|pessoa|funcionario|reaprecia\w*|manniska"
    r"|handlaggare|granska\w*|ompro\w*|overklag\w*|sachbearbeiter\w*|case ?worker|case handler"
    r"|explain\w*|explanation",
    whole_words=True,
)
_MANUAL_REVIEW = _Terms(
    r"manual (?:review|check|assessment)|human review|manuelle (?:prufung|uberprufung)"
    r"|examen manuel|verification manuelle|revision manual|revisione manuale"
    r"|handmatige (?:beoordeling|controle)|reczn\w* (?:weryfikacj\w*|ocen\w*)|revisao manual"
    r"|analise manual|manuell (?:granskning|provning|bedomning)",
    whole_words=True,
)
_FORMAT = _Terms(
    r"csv|json|xml|machine[- ]readable|spreadsheets?|excel|(?:as|in) a (?:\w+ )?files?"
    r"|als datei\w*|en (?:un |algun )?(?:fichier|archivo)|in un file|als bestand|w pliku"
    r"|num (?:ficheiro|arquivo)|som (?:en )?fil"
    r"|(?:in|en|num|em|w|i|im|als|dans|nel|in een) (?:a |an |un |une |um |uno |una |een |ett "
    r"|einem |jakims )?(?:\w+ ){0,2}(?:format|formato|formaat)|file format|som filer|gpx|tcx"
    r"|(?:whatever|any|which ?ever) (?:\w+ )?format|fit-?fil\w*|standaardformaat|standardformat"
    r"|standaard formaat|raw (?:dna |genetic |genome )?data|(?:raw )?dna file|dans un fichier",
    whole_words=True,
)
# What the person should receive: in a how-to question only these make it an ask.
_RECEIVE = _Terms(
    r"you (?:can|could) (?:\w+ )?(?:send|export|give|email|transfer|provide)|give me|get|receive"
    r"|have it|have them|send (?:me|it|them)|sent to me|email (?:it|them|me)|bekommen|erhalten"
    r"|zuschick\w*|zusend\w*|schickt|schicken|recevoir|obtenir|envoyer|m'envoyer|recibir|obtener"
    r"|enviar\w*|mandar\w*|ricevere|avere|ottenere|inviar\w*|krijgen|ontvangen|toesturen|sturen"
    r"|otrzymac|dostac|przeslac|receber|obter|fa|erhalla|skicka"
)
# A business asking about its own shop's figures: not a person's data.
_BUSINESS = _Terms(
    r"my (?:shop|store|business)'?s?|my company's"
    r"|our (?:shop|store|business|company|webshop|customers|school|organisation|organization)"
    r"|trade account|business account|storefront|my customers"
    r"|(?:onze|mijn) (?:webwinkel|webshop|winkel|zaak|bedrijf)"
    r"|(?:unser|mein)\w* (?:onlineshop|shop|geschaft|firma|laden)"
    r"|(?:ma|notre) (?:boutique|entreprise|societe)|(?:mi|nuestra) (?:tienda|empresa)"
    r"|(?:il mio|il nostro) (?:negozio|e-commerce)|(?:la mia|la nostra) (?:azienda|attivita)"
    r"|(?:moj|nasz) sklep|(?:moja|nasza) firma|(?:a minha|a nossa) (?:loja|empresa)"
    r"|(?:min|var) (?:butik|natbutik|firma)|accountant|steuerberater|buchhalter\w*|comptable"
    r"|expert-comptable|contable|commercialista|boekhouder|ksiegow\w*|contabilista|royalt\w*"
    r"|revisor|auditor\w*|wirtschaftsprufer|lista de alunos|lista de alumnos"
    r"|list of (?:students|pupils|participants|guests)|student list|class list"
    r"|liste des (?:eleves|participants)|teilnehmerliste|schulerliste"
    r"|elenco (?:degli )?(?:alunni|partecipanti)|deelnemerslijst|lista (?:uczniow|uczestnikow)"
    r"|deltagarlista|fuhrpark\w*|flotte\w*|fleet|dienstfahrzeug\w*"
    r"|(?:our|unsere\w*|nos|nuestros|i nostri|onze|naszych|vara|nossos|os) (?:employees|staff"
    r"|drivers|mitarbeiter\w*|salaries|empleados|dipendenti|werknemers|medewerkers|pracownikow"
    r"|anstallda|colaboradores)|empresa com \d+ colaboradores",
    whole_words=True,
)
# A business's own figures exported: a report, not the person's data.
_REPORT = _Terms(
    r"reports?|analytics|visitors?|sales figures|rapport\w*|bezoekers\w*|besucher\w*|visiteurs"
    r"|visitantes|visitatori|odwiedzajacy\w*|besokare",
    whole_words=True,
)
# Somewhere else to take it: why a person wants their data in a file.
_ELSEWHERE = _Terms(
    r"another (?:\w+ )?(?:service|provider|platform|app|company|supplier|system|website|site|shop"
    r"|bank|school|library|academy|salon)"
    r"|new (?:\w+ )?(?:provider|supplier|service|platform|app|system|website)|moving (?:over )?to"
    r"|switching to|upload (?:it |them )?(?:to|into)|import (?:it |them )?(?:to|into)"
    r"|load (?:it |them )?into|take (?:it|them|my \w+) with me|anderen (?:\w+-?)?anbieter"
    r"|neuen (?:\w+-?)?anbieter|mitnehmen|importieren|hochladen"
    r"|un autre (?:fournisseur|service|prestataire|site)"
    r"|nouveau (?:fournisseur|service|prestataire)|emporter"
    r"|otra (?:plataforma|academia|empresa|app|aplicacion|compania|clinica)"
    r"|otro (?:proveedor|servicio)|nuevo (?:proveedor|servicio)|llevarme|altra piattaforma"
    r"|un altro (?:fornitore|servizio)|nuovo (?:fornitore|servizio)|portare con me|importare"
    r"|een andere (?:aanbieder|provider|dienst|app)|nieuwe (?:aanbieder|provider|dienst)|meenemen"
    r"|importeren|uploaden|innego (?:dostawcy|operatora|serwisu)|nowego (?:dostawcy|operatora)"
    r"|zabrac|zaimportowac|wgrac|outro (?:fornecedor|servico|operador)"
    r"|outra (?:plataforma|aplicacao|app)|novo (?:fornecedor|servico)|levar comigo"
    r"|en annan (?:leverantor|tjanst|app|plattform)|ny (?:leverantor|tjanst)|ta med mig|importera"
    r"|ladda upp|(?:put|load|upload|import) (?:it|them|this|that) (?:into|in|to|onto)"
)
# Straight to the other provider: "send my history directly to CoachTrack".
_DIRECTLY = _Terms(
    r"directly to|straight (?:across |over )?to|direkt an|direkt zu|directement a|directamente a"
    r"|direttamente a|rechtstreeks naar|direct naar|bezposrednio do|diretamente para|direkt till"
)
# Questions about what happens to the person's data; two kinds asked make an information
# request ("what do you store, what for, who gets it, when is it deleted?").
_STORED = _Terms(
    r"what (?:data |information |details )?(?:do|does|did) (?:you|they|it) (?:\w+ )?(?:store|keep"
    r"|save|record|collect|hold)"
    r"|what (?:is|gets|was) (?:\w+ )?(?:stored|saved|kept|recorded|collected)"
    r"|was (?:wird|werden|speichern|speichert|genau) (?:\w+ ){0,3}(?:gespeichert|erfasst"
    r"|gesammelt)|welche daten (?:\w+ ){0,3}(?:gespeichert|erfasst|speichern|sammeln)"
    r"|quelles (?:donnees|informations) (?:\w+ ){0,3}(?:conserv\w*|enregistr\w*|stock\w*"
    r"|collect\w*|gard\w*)|qu'est-ce que vous (?:conservez|enregistrez|stockez|collectez|gardez)"
    r"|que datos (?:\w+ ){0,3}(?:guard\w*|almacen\w*|recog\w*|registr\w*|conserv\w*)"
    r"|quali dati (?:\w+ ){0,3}(?:salv\w*|conserv\w*|registr\w*|raccogli\w*|memorizz\w*)"
    r"|cosa (?:salvate|conservate|registrate|memorizzate|raccogliete)"
    r"|welke gegevens (?:\w+ ){0,3}(?:opgeslagen|bewaard|verzameld|vastgelegd|bewaren|opslaan"
    r"|verzamelen)|wat (?:slaan|bewaren|verzamelen) (?:jullie|u)"
    r"|jakie dane (?:\w+ ){0,3}(?:przechow\w*|zapis\w*|zbier\w*|gromadz\w*)"
    r"|co (?:przechowujecie|zapisujecie|zbieracie)"
    r"|que dados (?:\w+ ){0,3}(?:guard\w*|armazen\w*|recolh\w*|registr\w*|conserv\w*)"
    r"|o que (?:guardam|armazenam|recolhem|registam)"
    r"|vilka uppgifter (?:\w+ ){0,3}(?:sparas|lagras|sparar|lagrar|samlar)"
    r"|vad (?:sparar|lagrar|samlar) ni|vad (?:sparas|lagras)"
    r"|what (?:kinds? of |sorts? of |types? of )?(?:data|information|info|details) (?:do )?you "
    r"(?:\w+ )?(?:keep|store|hold|collect|save|record)"
    r"|where (?:does|do|is|are) (?:\w+ ){0,7}(?:go|stored|kept|saved)"
    r"|ou sont(?:-elles|-ils)? (?:\w+ )?stock\w*"
    r"|what (?:\w+ )?happens to (?:those|the|my|these|our) (?:\w+ ){0,3}(?:photos|pictures"
    r"|videos?|data|footage|recordings|details|information)"
    r"|qu'est-ce qui est (?:enregistre|stocke|conserve|garde)"
    r"|what happens to (?:it|them) (?:after|when|if|once)|o que (?:\w+ ){0,2}tem guardad\w*"
    r"|(?:tem|tenham) guardado de mim"
    r"|what (?:\w+ )?(?:you|they) (?:\w+ )?(?:store|keep|collect|record|hold|save)\b"
    r"|che (?:tipo di )?dati (?:\w+ )?avete|ou sont (?:stockee?s?|conservee?s?|enregistree?s?)"
)
_PURPOSE = _Terms(
    r"what (?:do|will|did) you (?:\w+ )?(?:use|need) (?:it|them|this|that|my \w+|the \w+) for"
    r"|why do you (?:need|keep|store|collect|want)|for what purpose|wofur|wozu|zu welche\w* zweck"
    r"|what (?:each|the|this|that|it|they) (?:\w+ ){0,2}(?:is|are) (?:actually |really )?(?:for"
    r"|used for|needed for)\b"
    r"|pourquoi (?:vous |avez-vous |en avez-vous )?(?:besoin|conservez|gardez|collectez)"
    r"|a quoi (?:sert|servent|ca sert)|dans quel but|a quelles fins"
    r"|para que (?:los |las |lo |la )?(?:us\w*|utiliz\w*|necesit\w*|quier\w*|sirve\w*)"
    r"|con que (?:fin|finalidad)|a che (?:cosa )?serv\w*"
    r"|per (?:quale|quali) (?:scop\w*|fin\w*|motiv\w*)|waarvoor"
    r"|waarom (?:hebben|bewaren|verzamelen|gebruiken) (?:jullie|u)|w jakim celu|po co|do czego"
    r"|para que (?:fim|serve\w*|usam|utilizam)|com que (?:finalidade|fim)"
    r"|varfor (?:behover|sparar|samlar) ni|i vilket syfte"
    r"|why (?:do )?you (?:\w+ )?(?:need|keep|store|collect|want) (?:it|them|this|that|my|the|all)"
    r"|varfor ni (?:behover|sparar|samlar)|vad (?:\w+ ){0,2}ska anvandas till"
    r"|perche (?:lo |la |li |le )?(?:dovete|volete) (?:tenere|conservare)"
    r"|que haceis con (?:mis|los) datos"
    r"|what do you do with (?:my|the|our) (?:data|details|information)"
    r"|was machen sie mit (?:meinen|den) daten|que faites-vous de (?:mes|nos) donnees"
    r"|cosa fate con i (?:miei )?dati|wat doen jullie met (?:mijn|de) gegevens"
    r"|co robicie z (?:moimi )?danymi|o que fazem com os (?:meus )?dados"
    r"|vad gor ni med (?:mina )?uppgifter|(?:pra|para) que (?:\w+ )?(?:usam|utilizam|serve)"
    r"|what (?:you )?(?:\w+ )?do with (?:\w+'? )?(?:data|details|information)|a cosa serv\w*"
    r"|wat (?:jullie|u) (?:\w+ )?met (?:die|mijn|de|deze) gegevens doe\w*"
    r"|para que se (?:usa|utiliza|usan|utilizan)"
)
_RECIPIENTS = _Terms(
    r"who (?:gets|receives|sees|can see|has access|else has)"
    r"|who (?:do|did|will) you (?:\w+ )?(?:share|pass|give|sell|send|disclose)"
    r"|you (?:\w+ )?(?:share|pass|give|sell|send) (?:it|them|this|my \w+) (?:on )?(?:to|with) "
    r"(?:anyone|anybody|third|other|partners)|wer bekommt|wer erhalt|wer hat zugriff|wer sieht"
    r"|an wen (?:geben|gehen|werden|leiten|gebt)|geben sie (?:\w+ ){0,3}weiter"
    r"|qui (?:recoit|a acces|peut (?:voir|consulter)|y a acces)"
    r"|a qui (?:\w+ ){0,2}(?:transmettez|communiquez|donnez|vendez|envoyez)"
    r"|quien (?:recibe|tiene acceso|puede ver)|con quien (?:\w+ ){0,2}compart\w*"
    r"|avec qui (?:[\w'-]+ ){0,3}partag\w*"
    r"|(?:whether|if) any of (?:it|them|this|that) (?:goes|go|is passed|gets passed|is shared|is"
    r" sent|is given)"
    r"|(?:pasais|pasan|cedeis|ceden|compartis|comparten|vendeis|venden) a (?:alguien|terceros"
    r"|otras)|chi (?:riceve|ha accesso|puo vedere)|con chi (?:\w+ ){0,2}condivid\w*"
    r"|wie (?:krijgt|ontvangt|heeft toegang)|met wie (?:\w+ ){0,2}(?:delen|deelt|gedeeld)"
    r"|aan wie (?:\w+ ){0,2}(?:geven|verkopen|doorgeven|verstrekken)"
    r"|kto (?:otrzymuje|ma dostep|widzi)|komu (?:\w+ ){0,2}(?:przekaz\w*|udostep\w*|sprzeda\w*)"
    r"|quem (?:recebe|tem acesso)|com quem (?:\w+ ){0,2}(?:partilh\w*|compartilh\w*)"
    r"|vem (?:far|har tillgang)|med vem (?:\w+ ){0,2}del\w*"
    r"|till vem (?:\w+ ){0,2}(?:lamna\w*|ger|salj\w*)"
    r"|(?:whether|if|does|do) (?:it|they|this|my \w+) (?:go|goes|gets?|is passed|are passed|is"
    r" shared|are shared) (?:on )?(?:to|with) (?:other|third|any|partners)"
    r"|a quem (?:\w+ ){0,3}(?:foi|foram) (?:enviad|passad|partilhad|cedid)\w*"
    r"|(?:does|do|can|will) (?:anyone|anybody|someone|staff) (?:\w+ ){0,5}(?:watch|see|view|look"
    r" at|access|listen to)"
    r"|(?:sont|seront)(?:-elles|-ils)? (?:\w+ )?(?:transmis|partage|communique|vendu)\w* a (?:des"
    r" )?tiers|lamnas ut|si se los han pasado|who else (?:gets|receives|sees|has)"
    r"|(?:sao|serao) (?:enviad|passad|partilhad|cedid)\w* (?:para|a) (?:\w+ ){0,4}(?:alguem"
    r"|terceiros|outr\w*)|quem (?:e que )?(?:o |a |os |as )?ve"
    r"|quelqu'un d'autre (?:\w+ ){0,3}(?:y )?a acces|qui (?:y )?a acces"
    r"|chi (?:lo |la |li |le )?(?:puo|possono) vedere|who gets to see"
    r"|who (?:actually |exactly )(?:gets|receives|sees|can see|has access)"
    r"|se (?:lo|la|los|las) (?:mandais|mandan|enviais|envian|pasais|pasan|dais|dan|cedeis|ceden) a"
    r"|vilka har (?:\w+ )?tillgang|vem har (?:\w+ )?tillgang"
    r"|(?:does|do|can|will) (?:anyone|anybody) (?:else )?(?:get|gets|receive)"
    r"|a quien (?:se )?(?:los |las |lo |la )?(?:pasais|pasan|dais|dan|cedeis|ceden|vendeis|venden"
    r"|enviais|envian)|quem mais (?:tem acesso|recebe|ve)"
    r"|(?:dajecie|przekazujecie|udostepniacie|sprzedajecie) (?:\w+ )?komus"
    r"|repassam (?:\w+ ){0,3}(?:pra|para) outr\w*|se lo date (?:\w+ )?(?:ad|a) altri"
    r"|who (?:it|they|this|that|my \w+) (?:is|are|gets|get) (?:passed|given|sent|shared|sold) "
    r"(?:on )?(?:to|with)"
    r"|(?:does|do|will) any of (?:it|this|that|them) (?:go|get passed|get sent|get shared)"
    r"|(?:pra|para) quem (?:\w+ )?(?:mandam|enviam|passam|dao)|who can (?:watch|see|view|access)"
    r"|(?:whether|if) (?:it's|it is|they're|they are) (?:shared|passed|given|sent) (?:on )?(?:to"
    r"|with)"
    r"|(?:whether|if) (?:\w+ ){0,2}(?:is|are) (?:sent|passed|given|shared) (?:on )?(?:to|with)"
    r"|qui d'autre (?:[\w']+ ){0,4}(?:peut|peuvent|a acces|voit)"
    r"|which (?:other )?(?:companies|organi[sz]ations|partners|third parties) (?:can )?(?:access"
    r"|see|get|receive)"
    r"|a chi (?:li |le |lo |la )?(?:passate|date|cedete|inviate|girate|comunicate)"
    r"|si se comparte\w* con"
)
_RETENTION = _Terms(
    r"how long (?:[\w']+ ){0,4}(?:keep|kept|store|stored|retain|retained|hold|held|saved)"
    r"|when (?:will|is|are|do|does) (?:\w+ ){0,3}(?:deleted|erased|removed|destroyed)"
    r"|wie lange (?:\w+ ){0,4}(?:gespeichert|aufbewahrt|speichern|aufbewahren|behalten)"
    r"|wann (?:wird|werden) (?:\w+ ){0,3}(?:geloscht|vernichtet)"
    r"|combien de temps (?:\w+ ){0,3}(?:conserv\w*|gard\w*|stock\w*)"
    r"|quand (?:\w+ ){0,4}(?:supprim\w*|efface\w*)"
    r"|cuanto tiempo (?:\w+ ){0,3}(?:guard\w*|conserv\w*|almacen\w*|mant\w*)"
    r"|cuando (?:\w+ ){0,3}(?:borr\w*|elimin\w*)"
    r"|quanto tempo (?:\w+ ){0,3}(?:conserv\w*|tene\w*|salv\w*|guard\w*|armazen\w*)"
    r"|quando (?:\w+ ){0,3}(?:cancellat\w*|eliminat\w*|apagad\w*)"
    r"|hoe lang (?:\w+ ){0,3}(?:bewar\w*|bewaar\w*|bewaard|opgeslagen)"
    r"|wanneer (?:\w+ ){0,4}(?:verwijderd|gewist)|jak dlugo (?:\w+ ){0,3}(?:przechow\w*)"
    r"|kiedy (?:\w+ ){0,3}(?:usun\w*|skasow\w*)"
    r"|hur lange (?:\w+ ){0,3}(?:sparar|sparas|lagrar|lagras|behaller)"
    r"|nar (?:\w+ ){0,3}(?:raderas|tas bort)"
    r"|(?:keep|store|retain|hold)\w* (?:it|them|this|that|the data|my data)?,? (?:and )?(?:for"
    r" )?how long|how long (?:\w+ ){0,4}(?:hang on to|hold on to|hang onto|hold onto)"
    r"|guardad\w* (?:\w+ )?quanto tempo|sparas (?:\w+ ){0,3}kvar|is it deleted"
    r"|jak dlugo (?:\w+ ){0,3}trzyma\w*"
    r"|how long (?:[\w']+ ){0,3}(?:stay|stays|remain|remains) (?:up|online|on)"
    r"|combien de temps (?:[\w'-]+ ){0,3}rest\w*"
)
_SOURCE = _Terms(
    r"where did you get|how did you get|woher|d'ou (?:vient|viennent|tenez|avez)"
    r"|de donde (?:\w+ ){0,2}(?:sac\w*|obtuv\w*|consegu\w*)|da dove|waar (?:\w+ ){0,3}vandaan|skad"
    r"|de onde|varifran|var (?:fick|har) ni|van wie hebben|hoe kom\w* (?:jullie|u) aan"
    r"|who gave you|how you got my|chi vi ha dato|dove (?:lo|la|li|le) avete pres\w*"
    r"|dove avete preso"
)
_DATA_TALK = _Terms(
    r"data|daten|donnees|datos|dati|gegevens|dane|danych|dados|uppgifter|personal|information"
    r"|informationen|informations|informazioni|informacion|informatie|informacje|informacoes"
    r"|stored|gespeichert|recorded|scan\w*|cameras?|kamera\w*|camaras|telecamere|reconocimiento"
    r"|facial|fingerprints?|biometric\w*|ausweis\w*|passport|location|standort|ubicacion"
    r"|coordonnees|details|videos?|clips?|footage|recordings?|photos?|servers?|personnummer|pesel"
    r"|nif|dni|bsn|codice fiscale|national insurance|id number|images?|medic\w*|sanitar\w*|salute"
    r"|gesundheit\w*|health|sante|salud|gezondheid|zdrowi\w*|saude|halsa|pps|ppsn|ssn"
    r"|social security|uppgifterna|medlemslista\w*|telefonnummer\w*|adresser|address|adresse"
    r"|indirizzo|direccion|adres|endereco|morada|adress|my number|mio numero|mi numero"
    r"|date of birth|birthday|income|occupation|geburtsdatum|date de naissance|fecha de nacimiento"
    r"|data di nascita|geboortedatum|data urodzenia|data de nascimento|fodelsedatum|matricula\w*"
    r"|license plates?|number plates?|kennzeichen|targh\w*|kentekens?|tablic\w*"
    r"|registreringsnummer|passaporte|pasaporte|passeport|reisepass|paspoort|paszport|passaporto"
    r"|carne|carnet|licen[cs]e|fuhrerschein|permis de conduire|patente|rijbewijs|prawo jazdy"
    r"|carta de conducao|korkort|id card|fotos?",
    whole_words=True,
)
# Analysis of the person, and "leave me out of it": an objection in plain words.
_ANALYSIS = _Terms(
    r"analys\w*|analyz\w*|auswert\w*|analis\w*|profil\w*|research\w*|forschung\w*|recherche\w*"
    r"|investigacion\w*|ricerc\w*|onderzoek\w*|badani\w*|pesquisa\w*|forskning\w*|insights"
    r"|statisti\w*|studie\w*|study|studies",
    whole_words=True,
)
_LEAVE_ME_OUT = _Terms(
    r"(?:take|leave|keep) me out|exclude me|count me out|nehmen sie mich (?:da )?raus"
    r"|nehmt mich (?:da )?raus|schliessen sie mich (?:davon )?aus|excluez-moi|retirez-moi"
    r"|excluidme|excluyanme|escludetemi|escludermi|haal me (?:er)?uit|sluit me uit|wykluczcie mnie"
    r"|wylaczcie mnie|excluam-me|retirem-me|ta bort mig fran|uteslut mig"
    r"|(?:take|leave|keep) my (?:\w+ )?(?:data|details|information|application) out"
    r"|(?:be )?left out of (?:it|this|that)|leave me out of|undanta\w*|vill inte vara med"
    r"|fosse escluso|fossi escluso|essere escluso|escludere il mio"
)
# "My" in the languages we read: the person's own.
_MY = r"my|mein\w*|mes|mon|ma|mis|mi|miei|mie|mio|mia|mijn|moj\w*|meus?|minhas?|mina|mitt|min"
_POSSESSIVE = re.compile(rf"\b(?:{_MY})\b")
_OWN_DATA = re.compile(
    rf"\b(?:mine|moich|moim|{_MY})\b(?:\s+\w+){{0,3}}\s+(?:data|details|information|info|records?|profile"
    r"|account|\w*daten|angaben|konto|kundenkonto|profil|donnees|compte|informations|datos"
    r"|cuenta|perfil|dati|account|profilo|gegevens|persoonsgegevens|profiel|dane|danych|konta?"
    r"|dados|conta|uppgifter|personuppgifter|konto|history|historie|verlauf\w*|historique|historial"
    r"|storico|cronologia|geschiedenis|historia|historico|historik|recensioni|reviews|ratings)\b"
)
# The safety net: the person's own data (not an account alone) and something asked of it.
_POSSESSIVES = frozenset(
    {"my", "meine", "mein", "meinen", "meinem", "meiner", "meines", "mes", "mis", "miei"}
    | {"mijn", "moje", "moich", "moim", "moimi", "moja", "mojej", "mojego", "meus", "mina"}
)
# "Data", not a phone's data allowance ("my mobile data", "my data plan").
_DATA_WORD = (
    r"(?<!mobile )(?<!cellular )(?<!phone )data(?! (?:plan|allowance|usage|roaming|limit|bundle"
    r"|package|cap)\b)"
)
_PERSONAL_DATA = re.compile(
    r"\b(?:my|meine?\w*|mes|mis|miei|mijn|moj\w*|moich|moimi|moim|meus|mina|his|her|their|ses|sus"
    r"|seine[nmrs]?"
    r"|suoi|sue|zijn|jego|jej|seus|suas|hans|hennes)\b(?:\s+\w+){0,2}\s+(?:"
    rf"{_DATA_WORD}|details"
    r"|personal information|information you hold|records|daten|angaben|donnees|informations"
    r"|datos|dati|gegevens|persoonsgegevens|dane|danych|dados|uppgifter|personuppgifter)\b"
)
_ASK_OF_DATA = re.compile(
    r"\b(?:delet\w*|eras\w*|remov\w*|wip\w*|correct\w*|rectif\w*|copy|export\w*|transfer\w*"
    r"|stop\w*|freez\w*|suspend\w*|us(?:e|ed|ing)|shar\w*|sell\w*|sold|keep\w*|stor\w*"
    r"|how long|what for|why|purpose\w*|losch\w*|entfern\w*|korrigier\w*|berichtig\w*"
    r"|kopie|ubertrag\w*|nutz\w*|verwend\w*|weitergeg\w*|speicher\w*|wie lange|wofur|warum"
    r"|supprim\w*|effac\w*|corrig\w*|copie|utilis\w*|conserv\w*|transmi\w*|pourquoi"
    r"|combien de temps|borr\w*|elimin\w*|correg\w*|usa\w*|utiliz\w*|guard\w*|compart\w*"
    r"|cuanto tiempo|por que|cancell\w*|utilizz\w*|condivi\w*|quanto tempo|perche"
    r"|verwijder\w*|wis|corrigeer\w*|gebruik\w*|bewaar\w*|bewar\w*|delen|gedeeld|hoe lang|waarom"
    r"|usun\w*|popraw\w*|kopi\w*|wykorzyst\w*|przechow\w*|udostep\w*|jak dlugo|dlaczego"
    r"|apag\w*|exclu\w*|corrij\w*|partilh\w*|compartilh\w*|quanto tempo|radera\w*|ta bort"
    r"|ratta\w*|anvand\w*|sparar|lagrar|delat|hur lange|varfor)\b"
)


# The wider net: one's own (or a relative's) things named in a sentence that asks for
# something. Measured on 11 sets of mail from new writers, with the code of the session's
# start: it sent 27 of the 213 requests otherwise missed to a person, and 4 of 552 ordinary
# mails.
_THEIR = (
    rf"(?:{_MY}|his|her|our|their|sein\w*|ihr\w*|unser\w*|ses|son|sa|nos|notre|sus|su|nuestr\w*"
    r"|suoi|sue|nostr\w*|zijn|haar|ons|onze|moich|jego|jej|nasz\w*|seus?|suas?|nossos?|nossas?"
    r"|hans|hennes|vara|vart)"
)
_OWN_THINGS = re.compile(
    rf"\b{_THEIR}\b(?:\s+[\w'-]+){{0,3}}?\s+(?:{_DATA_WORD}|details|information|info|file|records?"
    r"|photos?"
    r"|pictures?|pics|images?|videos?|clips?|footage|recordings?|profile|history|messages|notes"
    r"|licen[cs]e|passport|daten|angaben|profil|fotos?|akte|unterlagen|donnees|informations"
    r"|coordonnees|dossier|historique|datos|informacion|perfil|expediente|historial|dati"
    r"|informazioni|profilo|scheda|storico|gegevens|persoonsgegevens|profiel|dane|danych|danymi"
    r"|konto|zdjecia|historia|dados|informacoes|ficha|registo|historico|uppgifter|personuppgifter"
    r"|bilder|historik)\b"
)
_ASKING = re.compile(
    r"\b(?:please|pls|can you|could you|would you|i'd like|i would like|i want|i don't want|bitte"
    r"|ich mochte|ich will|pouvez|merci de|je voudrais|je souhaite|je veux|je ne veux|por favor"
    r"|pueden|podeis|quisiera|quiero|no quiero|per favore|potete|vorrei|voglio|non voglio|graag"
    r"|kunnen jullie|kunt u|ik wil|prosze|chce|nie chce|podem|gostaria|quero|nao quero|kan ni"
    r"|jag vill|vill inte|snalla|vanligen|pourriez|pourrais|konnten sie|konnen sie|podrian|podriais"
    r"|potreste|zou u|zouden jullie|czy mozecie|czy moga|poderiam|poderia|skulle ni)\b"
)


def combination_hits(texts: list[Folded]) -> list[Hit]:
    """Rights asked for in ordinary words: every combination that the texts complete."""
    whole = Folded(
        " | ".join(text.text for text in texts), frozenset().union(*(t.words for t in texts))
    )
    hits: list[Hit] = []
    reissued = _DOCUMENT_FIX.search(whole) and not _RECORDS.search(whole)
    if not reissued and not _bank_details_of_business(whole):
        wrong = _wrong_field(whole)
        if wrong is not None and _CORRECT.search(whole):
            hits.append(Hit("rectification", wrong, COMBINED, False))
        elif (records := _correct_in_records(whole)) is not None:
            hits.append(Hit("rectification", records, COMBINED, False))
    automated = _automated_decision(whole)
    if automated is not None:
        hits.append(Hit("automated_decision", automated, COMBINED, False))
    for right, found in (("objection", _no_profile(whole)), ("restriction", _keep_unused(whole))):
        if found is not None:
            hits.append(Hit(right, found, COMBINED, False))
    access = _copy_asked(whole)
    if access is not None:
        hits.append(Hit("access", access, COMBINED, False))
    portable = _portability(whole) or _sent_directly(whole)
    if portable is not None:
        hits.append(Hit("portability", portable, COMBINED, False))
    informed = _information_asked(whole)
    if informed is not None:
        hits.append(Hit("information", informed, COMBINED, False))
    return hits


def _bank_details_of_business(text: Folded) -> bool:
    """Bank details named, not as the person's own details ("my details should be: … IBAN")."""
    if not _PAYEE.search(text):
        return False
    return not _OWN_DATA.search(text.text) or _BUSINESS.search(text) is not None


def _sentences_with(text: Folded, *parts: _Terms) -> Iterator[tuple[str, list[re.Match[str]]]]:
    """The sentences of the text that hold a term of every part, with those terms."""
    if not all(part.search(text) for part in parts):
        return
    for sentence in _sentences(text.text):
        found = [part.search_in(sentence) for part in parts]
        if all(found):
            yield sentence, [match for match in found if match]


@lru_cache(maxsize=4)
def _sentences(text: str) -> tuple[str, ...]:
    """The text's sentences, abbreviations' full stops kept: split once for every combination
    that reads the same message."""
    kept = _ABBREVIATION.sub(lambda found: (found[1] or "").replace(".", ""), text)
    return tuple(match[0] for match in _SENTENCE.finditer(kept))


def _correct_in_records(text: Folded) -> str | None:
    """An ask to correct something "in your records", not in talk of an order or of a
    supplier's bank details."""
    for sentence, _found in _sentences_with(text, _RECORDS, _CORRECT):
        if any(terms.search_in(sentence) for terms in (_ORDER, _DOCUMENT, _PAYEE)):
            continue
        if _ALL_OF_IT.search_in(sentence) and (
            _COPY.search_in(sentence) or _SEND.search_in(sentence)
        ):
            continue  # "send me a copy of everything in your records": access, whatever changed
        return sentence.strip()[:60]
    return None


def _automated_decision(text: Folded) -> str | None:
    """A refusal said to be automatic and a person asked to look again (three ways)."""
    refused = _automatic_refusal(text)
    if refused is not None and _LOOK_AGAIN.search(text):
        return refused
    if (manual := _MANUAL_REVIEW.search(text)) and _REFUSED.search(text):
        return manual[0]
    system = _SYSTEM.search(text) or _AUTOMATIC.search(text)
    outcomes = (*_OUTCOME.finditer(text), *_REFUSED.finditer(text)) if system else ()
    if any(not _of_something_else(text.text, outcome) for outcome in outcomes):
        for _sentence, found in _sentences_with(text, _HUMAN, _REVIEW):
            return " … ".join(match[0] for match in found)
    return None


def _of_something_else(text: str, outcome: re.Match[str]) -> bool:
    """Whether the refusal or decision is of a payment ("my card payment was declined", but
    not a credit refused) or of something the person posted ("your advert did not pass our
    automated check"): named just before it or just after, so not a decision about them."""
    stretch = text[max(0, outcome.start() - 50) : outcome.end() + 25]
    payment = _PAYMENT.search_in(stretch) is not None and _CREDIT.search_in(stretch) is None
    return payment or _CONTENT.search_in(stretch) is not None


# Credit is a decision about the person, not a payment: "unable to offer you a payment plan".
_CREDIT = _Terms(
    r"payment plans?|instal?lments?|financ\w*|credit|loans?|ratenzahlung\w*|teilzahlung\w*"
    r"|kredit\w*|delbetalning\w*|avbetalning\w*|credito|prestito|finanziament\w*|lening|kredyt\w*"
    r"|raty|emprestimo|parcelamento|prestamo|pret",
    whole_words=True,
)


# Content refused, not the person: "your advert did not pass our automated check".
_CONTENT = _Terms(
    r"adverts?|advertisements?|listings?|postings?|posts?|comments?|uploads?|anzeige\w*|annonces?"
    r"|anuncios?|annunci\w*|advertenties?|ogloszeni\w*|annons\w*|artwork|pdf|preflight|files?",
    whole_words=True,
)


def _no_profile(text: Folded) -> str | None:
    """Not wanting a profile or recommendations built from them; or to be left out of an
    analysis or research."""
    for sentence, _found in _sentences_with(text, _PROFILE, _NOT_WANT):
        return sentence.strip()[:60]
    analysis = _ANALYSIS.search(text)
    left_out = _LEAVE_ME_OUT.search(text) if analysis else None
    return f"{analysis[0]} … {left_out[0]}" if analysis and left_out else None


def _information_asked(text: Folded) -> str | None:
    """Two or more kinds of question about what happens to the person's data (not to lost
    property: "how long do you keep things left behind, and who gets them?")."""
    if not _DATA_TALK.search(text) or _LOST_PROPERTY.search(text):
        return None
    kinds = (_STORED, _PURPOSE, _RECIPIENTS, _RETENTION, _SOURCE)
    asked = [match for terms in kinds if (match := terms.search(text)) is not None]
    return " … ".join(match[0] for match in asked) if len(asked) >= 2 else None


_LOST_PROPERTY = _Terms(
    r"objets? trouves?|lost property|lost and found|fundsachen|fundburo|objetos perdidos"
    r"|oggetti smarriti|gevonden voorwerpen|rzeczy znalezione|achados e perdidos|hittegods"
)


def _keep_unused(text: Folded) -> str | None:
    """Keep it, but do not use it: "don't delete" and "don't use" in one message; or their
    data not to be used, or not to be deleted, while something is cleared up."""
    keep = _NOT_DELETE.search(text)
    unused = _NOT_USE.search(text) if keep else None
    if keep and unused:
        return f"{keep[0]} … {unused[0]}"
    for parts in ((_NOT_USE, _PENDING), (_NOT_DELETE, _PENDING)):
        for sentence, found in _sentences_with(text, *parts):
            if _PERSONAL_DATA.search(sentence) or _ENTRY.search_in(sentence):
                return " … ".join(match[0] for match in found)
    return None


def _copy_asked(text: Folded) -> str | None:
    """A copy of their recordings, notes, messages or data asked for; or recordings of them."""
    for sentence, found in _sentences_with(text, _COPY, _ASK_OR_PLEASE, _ACCESS_OBJECT):
        copy_of = sentence[found[0].end() : found[0].end() + _COPY_OF]
        named = _DOCUMENT.search_in(sentence[: found[0].start()])
        if _DOCUMENT.search_in(copy_of) or (named and not _PERSONAL_DATA.search(sentence)):
            continue  # a copy of an invoice or a certificate is business, not access
        if not any(terms.search_in(sentence) for terms in (_ERASING, _NO_COPY)):
            return " … ".join(match[0] for match in found)
    for sentence, found in _sentences_with(text, _RECORDING, _ASK_FOR, _MINE):
        if not _ERASING.search_in(sentence):
            return " … ".join(match[0] for match in found)
    return _held_asked(text)


def _held_asked(text: Folded) -> str | None:
    """What is held about the person, asked for in the sentence that names it or, as "I would
    like to see it", in the sentence just before or after."""
    if not (_ABOUT_ME.search(text) and _ACCESS_OBJECT.search(text)):
        return None
    sentences = _sentences(text.text)
    for index, sentence in enumerate(sentences):
        held, what = _ABOUT_ME.search_in(sentence), _ACCESS_OBJECT.search_in(sentence)
        if held is None or what is None:
            continue
        asked = _ASK_FOR.search_in(sentence) or _SEND.search_in(sentence)
        near = sentence
        if asked is None:
            near = " | ".join(sentences[max(0, index - 1) : index + 2])
            asked = next((a for a in _ASK_FOR.finditer_in(near) if _follows(near, a, _SEE)), None)
            asked = asked or _sent_whole(sentences[max(0, index - 1) : index + 2])
        guards = (_ERASING, _CORRECT, _NO_COPY) if _ALL_OF_IT.search_in(near) else _HELD_GUARDS
        if asked is None or any(t.search_in(near) for t in guards):
            continue
        if _follows(near, asked, _KNOW) and _information_asked(text) is not None:
            continue  # "I'd like to know what you keep of me, what for, who gets it": information
        return " … ".join(match[0] for match in (asked, held, what))
    return None


_HELD_GUARDS = (_ERASING, _CORRECT, _NO_COPY, _DOCUMENT)
# A copy asked for in a word: "copy of my consent form + any photos you took pls".
_ASK_OR_PLEASE = _ASK_FOR.extended(
    r"please|pls|plz|kindly|bitte|svp|por favor|per favore|graag|prosze|snalla"
)
_IT = re.compile(r"\s*(?:me |us )?(?:that|this|it|them|those|these|all that)\b")


def _sent_whole(sentences: tuple[str, ...]) -> re.Match[str] | None:
    """An ask to send all of it, next to what is held: "Could you send over everything?"."""
    for sentence in sentences:
        asked = _ASK_FOR.search_in(sentence)
        if not asked or not _SEND.search_in(asked[0]):
            continue
        if _ALL_OF_IT.search_in(sentence) or _IT.match(sentence, asked.end()):
            return asked
    return None


def _follows(text: str, asked: re.Match[str], verbs: _Terms) -> bool:
    """Whether the ask is to do one of these: "I'd like to see it", "I'd like it sent to me"."""
    return verbs.search_in(text[asked.end() : asked.end() + _SEE_AFTER]) is not None


def _portability(text: Folded) -> str | None:
    """A file format with the person's data or an ask to send it, or with somewhere else to
    take it; not a document of business or a shop's own figures, and a how-to question only if
    it asks to receive."""
    elsewhere = None
    if _BUSINESS.search(text):
        return None
    for sentence, found in _sentences_with(text, _FORMAT):
        fmt = found[0]
        before = sentence[max(0, fmt.start() - _COPY_OF) : fmt.start()]
        mine = _OWN_DATA.search(sentence)
        if not mine and (_DOCUMENT.search_in(before) or _REPORT.search_in(sentence)):
            continue  # an invoice as a file, a report in Excel: business
        how_to = _HOW_TO.search_in(sentence) is not None
        if how_to:
            asked = _RECEIVE.search_in(sentence)
        else:
            asked = _OWN_DATA.search(sentence) or _SEND.search_in(sentence)
        if asked is not None:
            return f"{asked[0]} … {fmt[0]}"
        if not how_to and elsewhere is None:
            elsewhere = fmt
    moved = _ELSEWHERE.search(text) if elsewhere is not None else None
    return f"{elsewhere[0]} … {moved[0]}" if elsewhere is not None and moved else None


def _sent_directly(text: Folded) -> str | None:
    """Their data or history asked to be sent straight to another provider; not a certificate
    or a document named in the message ("send the certificate directly to the TÜV")."""
    if _DOCUMENT.search(text) and not _OWN_DATA.search(text.text):
        return None
    for sentence, found in _sentences_with(text, _SEND, _DIRECTLY):
        mine = _POSSESSIVE.search(sentence)
        if mine is not None:
            return f"{found[0][0]} … {mine[0]} … {found[1][0]}"
    return None


def _wrong_field(text: Folded) -> str | None:
    """Something wrong beside a field of a person's record, not in talk of an order or of a
    booking (unless a system, an account or a record is named too)."""
    for wrong in _WRONG.finditer(text):
        start, end = max(0, wrong.start() - _WINDOW), wrong.end() + _WINDOW
        stretch = text.text[start:end]
        field = _FIELD.search_in(stretch) or _RECORDS.search_in(stretch)
        if _LOGIN.search_in(stretch):
            continue  # a wrong password or login: a support question
        if field is None or (_ADDRESS.search_in(field[0]) and _delivery(text, stretch)):
            continue
        if _ORDER.search_in(stretch) and not (
            _RECORDS.search_in(stretch) or _OWN_DATA.search(stretch)
        ):
            continue  # a wrong number on an order or a print job is the order's
        if _BOOKING.search_in(stretch) and not _RECORDISH.search(text):
            continue  # a name wrong on a booking or a ticket: the booking is put right
        return stretch[min(field.start(), wrong.start() - start) :][:60].strip()
    return None


def _delivery(text: Folded, stretch: str) -> bool:
    """Whether an address is one to deliver an order to: an order named beside it, or in the
    message when no system or record is named beside it ("in your system it says No 4")."""
    if _ORDER.search_in(stretch):
        return True
    return _ORDER.search(text) is not None and _RECORDS.search_in(stretch) is None


def _automatic_refusal(text: Folded) -> str | None:
    """A refusal said to be automatic, both words within one short stretch."""
    for automatic in _AUTOMATIC.finditer(text):
        start = max(0, automatic.start() - _WINDOW)
        stretch = text.text[start : automatic.end() + _WINDOW]
        refused = _REFUSED.search_in(stretch)
        if refused is not None and not _of_something_else(stretch, refused):
            return f"{automatic[0]} … {refused[0]}"
    return None


def data_question(texts: list[Folded]) -> str | None:
    """A sentence that names the person's own data and asks something of it, or names their
    own things (photos, file, history) and asks for something, if one does."""
    for text in texts:
        mine = bool(text.words & _POSSESSIVES)
        for sentence in _SENTENCE.finditer(text.text):
            if mine and _PERSONAL_DATA.search(sentence[0]) and _ASK_OF_DATA.search(sentence[0]):
                return sentence[0].strip()
            if _OWN_THINGS.search(sentence[0]) and _ASKING.search(sentence[0]):
                return sentence[0].strip()
    return None
