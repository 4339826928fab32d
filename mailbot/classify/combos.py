"""Requests told in ordinary words: a few terms that together ask for a right, in any language
we read in full.

Phrase lexicons miss letters that never use the words of the law: "my surname is wrongly
mentioned in my profile … kindly update the same", "Kauf auf Rechnung sofort abgelehnt … dass
sich ein Mitarbeiter den Fall ansieht". A combination names the parts such a letter must hold,
each a list of terms across en, de, fr, es, it, nl, pl, pt and sv (folded: lower case, no
accents), and where they must stand:

- rectification: something wrong and a field of a person's record within one short stretch
  (no order or delivery word there: a wrong delivery address is logistics), and anywhere an ask
  to correct or what it should be;
- automated decision: "automatically" and "refused" within one short stretch, and anywhere a
  person to look again or a challenge of the decision; or a refusal and a manual review asked;
- portability: a file format (CSV, JSON, XML) and the person's data or account in one sentence.

``data_question`` is the safety net under all of it: a sentence that names the person's own
data and asks something of it. It never labels a right; it sends otherwise ordinary mail to a
person (triage) instead of leaving it unread.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from mailbot.classify.anchors import PhraseSet, branches
from mailbot.classify.rights import Hit
from mailbot.classify.text import Folded

_WINDOW = 120
_SENTENCE = re.compile(r"[^.!?;\n]+")


class _Terms:
    """One list of terms: gated by the text's words for whole messages (fast), one regex for
    the short stretch around another term."""

    def __init__(self, pattern: str, *, whole_words: bool = False) -> None:
        terms = branches(pattern)
        end = r"\b" if whole_words else ""
        self.regex = re.compile(rf"\b(?:{'|'.join(terms)}){end}")
        self.phrases = PhraseSet([rf"\b(?:{term}){end}" for term in terms])

    def search(self, text: Folded) -> re.Match[str] | None:
        """A match anywhere in the text, or None."""
        return self.phrases.search(text)

    def finditer(self, text: Folded) -> Iterator[re.Match[str]]:
        """Every match in the text, in order."""
        found = (
            match
            for variant in self.phrases.candidates(text)
            for match in self.phrases.finditer(variant, text.text)
        )
        yield from sorted(found, key=lambda match: match.start())

    def search_in(self, stretch: str) -> re.Match[str] | None:
        """A match in a short stretch of text, or None."""
        return self.regex.search(stretch)


# Something wrong, or the right value given ("instead of", "statt"): what is on record is wrong.
_WRONG = _Terms(
    r"wrong\w*|incorrect\w*|misspel\w*|inaccurate|not correct|isn'?t correct|mistake|falsch\w*"
    r"|fehlerhaft\w*|unrichtig\w*|faux|fausse|erreur|errone\w*|inexact\w*|equivocad\w*"
    r"|mal escrit\w*|incorrect\w*|errat\w*|sbagliat\w*|inesatt\w*|verkeerd\w*|onjuist\w*"
    r"|klopt niet|bledn\w*|bledem|niepoprawn\w*|nieprawidlow\w*|errad\w*|incorret\w*|fel"
    r"|felaktig\w*|felstava\w*|felskriv\w*|instead of|rather than|richtig ist|statt|anstatt"
    r"|au lieu de|en realite|en lugar de|en vez de|la correcta es|aparece mal|esta mal"
    r"|invece di|in realta|quello corretto|in plaats van|zamiast|em vez de|o correto"
    r"|istallet for"
)
_FIELD = _Terms(
    r"(?:sur|first |last |family |maiden )?names?|date of birth|birth ?date|dob|birthday"
    r"|(?:home |postal )?address|house number|post ?code|zip code|phone number|mobile number"
    r"|(?:nach|vor|familien)?namen?s?|geburtsdatum|geburtstag|anschrift|adresse|hausnummer"
    r"|postleitzahl|telefonnummer|nom|prenom|nom de famille|date de naissance|apellidos?"
    r"|nombre|fecha de nacimiento|direccion|dni|cognome|nome|data di nascita|indirizzo"
    r"|codice fiscale|achternaam|voornaam|naam|geboortedatum|adres|huisnummer|nazwisk\w*|imie"
    r"|imienia|data urodzenia|adres\w*|pesel|apelido|data de nascimento|morada|endereco|nif"
    r"|efternamn\w*|fornamn\w*|namn\w*|fodelsedatum|adress\w*|personnummer",
    whole_words=True,
)
_CORRECT = _Terms(
    r"correct\w*|updat\w*|amend\w*|fix\w*|chang\w*|rectif\w*|should be|should read"
    r"|korrigier\w*|berichtig\w*|andern|anderung\w*|geandert|aktualisier\w*|richtig ist"
    r"|lautet richtig|corrig\w*|modifi\w*|devrait etre|correg\w*|actualiz\w*|actualic\w*"
    r"|cambi\w*|deberia ser|corrij\w*|corregg\w*|rettific\w*|aggiorn\w*|dovrebbe essere"
    r"|corrett\w*|aanpass\w*|wijzig\w*|verbeter\w*|moet zijn|popraw\w*|zmien\w*|aktualiz\w*"
    r"|powinno byc|alter\w*|atualiz\w*|deveria ser|ratta\w*"
    r"|andra (?:det|den|dem|mitt|min|mina|uppgift\w*|namn\w*|adress\w*)|uppdater\w*|ska vara"
    r"|korriger\w*"
)
_ORDER = _Terms(
    r"orders?|deliver\w*|parcel|package|shipment|shipping|courier|basket|checkout"
    r"|bestellung\w*|lieferung\w*|paket\w*|sendung\w*|commande\w*|livraison\w*|colis|pedidos?"
    r"|envio\w*|paquete\w*|ordine|ordini|consegna\w*|spedizion\w*|pacco|bestelling\w*"
    r"|levering\w*|pakket\w*|zamowien\w*|dostaw\w*|paczk\w*|przesylk\w*|encomenda\w*"
    r"|entrega\w*|pacote\w*|bestallning\w*|leverans\w*|forsandelse\w*",
    whole_words=True,
)
_AUTOMATIC = _Terms(
    r"automatic\w*|automated|algorithm\w*|a computer|automatisch\w*|automatisiert\w*"
    r"|ein computer|algorithmus|automatique\w*|automatis\w*|algorithme|automatic[oa]"
    r"|automaticamente|algoritmo|automatizzat\w*|in automatico|geautomatiseerd\w*|algoritme"
    r"|automatycznie|automatyczn\w*|algorytm\w*|automatico|automatizad\w*|automatiskt?"
    r"|algoritm\w*",
    whole_words=True,
)
_REFUSED = _Terms(
    r"refus\w*|reject\w*|declin\w*|denied|turned down|abgelehnt|ablehnung|rejet\w*|rechaz\w*"
    r"|denegad\w*|rifiutat\w*|respint\w*|afgewezen|geweigerd|afwijzing|odrzucon\w*|odrzuc\w*"
    r"|odmow\w*|recusad\w*|rejeitad\w*|negad\w*|nekad\w*|avslag\w*|avslog\w*",
    whole_words=True,
)
_LOOK_AGAIN = _Terms(
    r"human|a person|real person|member of staff|someone|manual\w*|contest\w*|challeng\w*"
    r"|appeal\w*|disput\w*|reconsider\w*|review\w*|mensch\w*|mitarbeiter\w*|manuell\w*"
    r"|personlich\w*|nicht einverstanden|anfecht\w*|uberpruf\w*|personne|humain\w*|conseiller"
    r"|reexamin\w*|contester|conteste|persona|humano|empleado|impugn\w*|revis\w*|umano"
    r"|operatore|riesamin\w*|contesto|mens|medewerker|handmatig\w*|bezwaar|herzie\w*"
    r"|heroverweg\w*|pracownik\w*|czlowiek\w*|nie zgadzam|rozpatrz\w*|pessoa|funcionario"
    r"|reaprecia\w*|contest\w*|manniska|handlaggare|granska\w*|ompro\w*|overklag\w*",
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
    r"csv|json|xml|machine[- ]readable",
    whole_words=True,
)
_OWN_DATA = re.compile(
    r"\b(?:my|mine|meine?\w*|mes|mon|ma|mis|mi|miei|mie|mio|mia|mijn|moj\w*|meus?|minhas?"
    r"|mina|mitt|min)\b(?:\s+\w+){0,3}\s+(?:data|details|information|info|records?|profile"
    r"|account|daten|angaben|konto|kundenkonto|profil|donnees|compte|informations|datos"
    r"|cuenta|perfil|dati|account|profilo|gegevens|persoonsgegevens|profiel|dane|danych|konta?"
    r"|dados|conta|uppgifter|personuppgifter|konto)\b"
)
# The safety net: the person's own data (not an account alone) and something asked of it.
_POSSESSIVES = frozenset(
    {"my", "meine", "mein", "meinen", "meinem", "meiner", "meines", "mes", "mis", "miei"}
    | {"mijn", "moje", "moich", "moim", "moimi", "moja", "mojej", "mojego", "meus", "mina"}
)
_PERSONAL_DATA = re.compile(
    r"\b(?:my|meine?\w*|mes|mis|miei|mijn|moj\w*|meus|mina)\b(?:\s+\w+){0,2}\s+(?:data|details"
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
    r"|verwijder\w*|wis|corrigeer\w*|gebruik\w*|bewaar\w*|delen|gedeeld|hoe lang|waarom"
    r"|usun\w*|popraw\w*|kopi\w*|wykorzyst\w*|przechow\w*|udostep\w*|jak dlugo|dlaczego"
    r"|apag\w*|exclu\w*|corrij\w*|partilh\w*|compartilh\w*|quanto tempo|radera\w*|ta bort"
    r"|ratta\w*|anvand\w*|sparar|lagrar|delat|hur lange|varfor)\b"
)


def combination_hits(texts: list[Folded]) -> list[Hit]:
    """Rights asked for in ordinary words: every combination that the texts complete."""
    whole = Folded(
        " | ".join(text.text for text in texts), frozenset().union(*(t.words for t in texts))
    )
    hits: list[Hit] = []
    wrong = _wrong_field(whole)
    if wrong is not None and _CORRECT.search(whole):
        hits.append(Hit("rectification", wrong, "combo", False))
    refused = _automatic_refusal(whole)
    if refused is not None and _LOOK_AGAIN.search(whole):
        hits.append(Hit("automated_decision", refused, "combo", False))
    elif (manual := _MANUAL_REVIEW.search(whole)) and _REFUSED.search(whole):
        hits.append(Hit("automated_decision", manual[0], "combo", False))
    if _FORMAT.search(whole):
        for sentence in _SENTENCE.finditer(whole.text):
            format_ = _FORMAT.search_in(sentence[0])
            own = _OWN_DATA.search(sentence[0])
            if format_ and own:
                hits.append(Hit("portability", f"{own[0]} … {format_[0]}", "combo", False))
                break
    return hits


def _wrong_field(text: Folded) -> str | None:
    """Something wrong beside a field of a person's record, not in talk of an order."""
    for wrong in _WRONG.finditer(text):
        start, end = max(0, wrong.start() - _WINDOW), wrong.end() + _WINDOW
        stretch = text.text[start:end]
        field = _FIELD.search_in(stretch)
        if field is not None and not _ORDER.search_in(stretch):
            return stretch[min(field.start(), wrong.start() - start) :][:60].strip()
    return None


def _automatic_refusal(text: Folded) -> str | None:
    """A refusal said to be automatic, both words within one short stretch."""
    for automatic in _AUTOMATIC.finditer(text):
        start = max(0, automatic.start() - _WINDOW)
        refused = _REFUSED.search_in(text.text[start : automatic.end() + _WINDOW])
        if refused is not None:
            return f"{automatic[0]} … {refused[0]}"
    return None


def data_question(texts: list[Folded]) -> str | None:
    """A sentence that names the person's own data and asks something of it, if one does."""
    for text in texts:
        if not text.words & _POSSESSIVES:
            continue
        for sentence in _SENTENCE.finditer(text.text):
            data = _PERSONAL_DATA.search(sentence[0])
            if data is not None and _ASK_OF_DATA.search(sentence[0]):
                return sentence[0].strip()
    return None
