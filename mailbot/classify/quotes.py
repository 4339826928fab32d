"""The sender's own words: quoted replies, forwarded mail, signatures and list footers removed.

A reply that quotes our newsletter's "unsubscribe" or a forwarded request written by someone
else must not decide the label. The one exception is a forward of the sender's own earlier
mail ("see my request below"): those words are theirs, so they are kept.
"""

from __future__ import annotations

import re

from mailbot.classify.text import fold_lines

_VERBS = (
    r"wrote|schrieb|a ecrit|escribio|ha scritto|schreef|napisal\(a\)|napisala|napisal|pisze"
    r"|escreveu|skrev|kirjoitti|napsal|napisao|εγραψε|написа"
)
_ATTRIBUTION = re.compile(
    rf"^(?:on|am|le|el|il(?: giorno)?|op|w dniu|dnia|em|den|dne|the)\b.{{0,250}}\b(?:{_VERBS})\b"
    rf".{{0,120}}:$|^.{{0,160}}(?:<[^<>\s]+@[^<>\s]+>|\S+@\S+)\)?\s*(?:{_VERBS})\s*:$"
)
_ORIGINAL = re.compile(
    r"^[-_=*\s]{2,}\s*(?:original message|ursprungliche nachricht|message d'origine"
    r"|mensaje original|messaggio originale|oorspronkelijk bericht|oryginalna wiadomosc"
    r"|wiadomosc oryginalna|mensagem original|ursprungligt meddelande|originalmeddelande"
    r"|puvodni zprava|izvorna poruka|forwarded message|weitergeleitete nachricht"
    r"|message transfere|mensaje reenviado|messaggio inoltrato|doorgestuurd bericht"
    r"|przekazana wiadomosc|wiadomosc przekazana|mensagem encaminhada"
    r"|vidarebefordrat meddelande|videresendt melding|reply message|original)\s*[-_=*\s]*$"
    r"|^(?:begin forwarded message|anfang der weitergeleiteten nachricht"
    r"|debut du message reexpedie|comienzo del mensaje reenviado|inizio messaggio inoltrato"
    r"|begin doorgestuurd bericht|inicio da mensagem reencaminhada)\s*:?$"
)
_FROM_LINE = re.compile(r"^\*?(?:from|von|de|da|van|od|fra|fran|от|απο)\s*:\*?\s*\S")
_DATE_LINE = re.compile(
    r"^\*?(?:sent|gesendet|envoye|enviado(?: el)?|inviato|verzonden|wyslano|enviada|skickat"
    r"|sendt|date|datum|fecha|data|envoye le|odeslano|poslano)\s*:"
)
_SIGNATURE = re.compile(r"^(?:--|__+|-- ?)$")
_FOOTER = re.compile(
    r"click here to unsubscribe|tap here to unsubscribe|unsubscribe (?:here|link|via|now)\b"
    r"|to unsubscribe,|to unsubscribe (?:from (?:this|these|our|the|all)|click|visit|reply|send"
    r"|go|use|please)|(?:can|may) unsubscribe|unsubscribe at any time"
    r"|you (?:are|were) receiving this|you received this (?:e-?mail|message)"
    r"|if you (?:no longer|don't|do not) (?:wish|want) to receive"
    r"|manage (?:your )?(?:e-?mail )?(?:preferences|subscriptions?)"
    r"|update your (?:e-?mail |subscription )?preferences"
    r"|view (?:this e-?mail )?in (?:your|a) browser"
    r"|newsletter abbestellen|vom newsletter abmelden|hier abmelden|zum abmelden"
    r"|um sich abzumelden|sie erhalten diese|pour vous desinscrire|pour vous desabonner"
    r"|se desinscrire|se desabonner|vous recevez ce|darse de baja|darte de baja"
    r"|para dejar de recibir|cancelar (?:la )?suscripcion|disiscriviti|per cancellarti"
    r"|annulla (?:l')?iscrizione|klik hier om (?:je|u) af te melden|afmelden voor (?:deze|onze)"
    r"|u ontvangt deze|aby zrezygnowac|wypisz sie z|descadastre-se|cancelar (?:a )?inscricao"
    r"|para deixar de receber|avregistrera dig|avsluta prenumerationen|du far detta"
)
_FIRST_PERSON = re.compile(
    r"\b(?:i|i'm|im|me|my|ich|mich|mein\w*|je|moi|mes|mon|ma|yo|mis|mi|io|mio|mia|miei|mie|ik|mij"
    r"|mijn|ja|mnie|moje|moj|eu|meus?|minhas?|jag|mig|mina|min|mitt)\b"
)
# A line (or a later sentence of it) that opens with "please" and holds no link is someone
# asking, not a footer: "Bitte den Newsletter abbestellen, danke." is the sender's own request,
# and so is "Your unsubscribe link is broken. Please take me off your list."
_POLITE_ASK = re.compile(
    r"^(?:please|pls|plz|kindly|bitte|svp|s'il vous plait|merci de|por favor|per favore"
    r"|graag|prosze|vanligen|snalla)\b"
)
_SENTENCE_END = re.compile(r"[.!?]\s+")
_LINK = re.compile(r"https?:|www\.|click|klick|cliqu|clic\b|haga clic|\bhere\b|\bhier\b|link")
_HEADER_LINES = 8
_LONGEST_ATTRIBUTION = 400
_LABEL_WIDTH = 14
_FOOTER_HINTS = (
    "unsubscri",
    "abmelden",
    "abbestellen",
    "sinscri",
    "sabonn",
    "baja",
    "suscrip",
    "iscri",
    "afmelden",
    "uitschrij",
    "wypisz",
    "zrezygnow",
    "descadastr",
    "inscri",
    "avregistr",
    "prenumer",
    "receiving this",
    "received this",
    "wish to receive",
    "want to receive",
    "preferences",
    "browser",
    "erhalten diese",
    "recevez ce",
    "ontvangt deze",
    "far detta",
    "cancellarti",
    "dejar de recibir",
    "deixar de receber",
)


def own_words(text: str, sender: str | None = None, *, keep_footers: bool = False) -> str:
    """The text the sender wrote themselves, line breaks kept.

    ``keep_footers`` keeps lines that look like a newsletter footer: a staff member may well
    write "you can unsubscribe at any time" to a requester, and their words are relayed whole.
    """
    lines = text.splitlines()
    footers = not keep_footers and _may_have_footer(text)
    kept: list[str] = []
    index = 0
    while index < len(lines):
        stripped = lines[index].strip()
        if stripped.startswith(">"):
            index += 1
            continue
        if _may_cut(stripped) and _cut_at(lines, index):
            resume = _own_forward(lines, index, sender)
            if resume is None:
                if kept and _wrapped_attribution(lines, index):
                    kept.pop()  # "On …, Jo <jo@example.org>" / "wrote:" — both lines go
                break
            index = resume
            continue
        if not (footers and _is_footer(stripped)):
            kept.append(lines[index])
        index += 1
    return "\n".join(kept).strip()


def _may_cut(stripped: str) -> bool:
    """A cheap test that skips the regexes for lines that cannot end the sender's text."""
    return bool(stripped) and (
        stripped[0] in "-_=*" or stripped.endswith(":") or ":" in stripped[:_LABEL_WIDTH]
    )


def _may_have_footer(text: str) -> bool:
    """Whether a footer is possible at all, so most mail skips the per-line footer test."""
    lowered = text.lower()
    return any(hint in lowered for hint in _FOOTER_HINTS)


def _cut_at(lines: list[str], index: int) -> bool:
    """Whether the sender's own text ends at this line."""
    line = _fold_line(lines, index)
    if not line:
        return False
    if line[0] in "-_=*" and (_SIGNATURE.match(line) or _ORIGINAL.match(line)):
        return True
    if line.endswith(":") and len(line) < _LONGEST_ATTRIBUTION:
        if _ORIGINAL.match(line) or _ATTRIBUTION.match(line):
            return True
        if index > 0 and _ATTRIBUTION.match(f"{_fold_line(lines, index - 1)} {line}"):
            return True
    return ":" in line[:_LABEL_WIDTH] and _outlook_block(lines, index)


def _wrapped_attribution(lines: list[str], index: int) -> bool:
    """An attribution whose first half sits on the line before ``index``."""
    line = _fold_line(lines, index)
    if not line.endswith(":") or _ATTRIBUTION.match(line) or _ORIGINAL.match(line):
        return False
    return index > 0 and bool(_ATTRIBUTION.match(f"{_fold_line(lines, index - 1)} {line}"))


def _fold_line(lines: list[str], index: int) -> str:
    """One folded, stripped line; empty outside the text."""
    return fold_lines(lines[index]).strip() if 0 <= index < len(lines) else ""


def _outlook_block(lines: list[str], index: int) -> bool:
    """An Outlook-style "From: … Sent: …" header block opening a quoted message."""
    if not _FROM_LINE.match(_fold_line(lines, index)):
        return False
    following = range(index + 1, index + 1 + _HEADER_LINES // 2)
    return any(_DATE_LINE.match(_fold_line(lines, number)) for number in following)


def _own_forward(lines: list[str], index: int, sender: str | None) -> int | None:
    """Where the body of a forwarded copy of the sender's own mail starts, if it is theirs."""
    line = _fold_line(lines, index)
    if not sender or _SIGNATURE.match(line) or _ATTRIBUTION.match(line):
        return None
    block = [_fold_line(lines, number) for number in range(index, index + _HEADER_LINES)]
    if not any(_FROM_LINE.match(line) and sender.lower() in line for line in block):
        return None
    for offset, line in enumerate(block[1:], start=1):
        if not line:
            return index + offset + 1
    return index + len(block)


def _is_footer(stripped: str) -> bool:
    """A newsletter or list footer line: not the sender's words."""
    line = fold_lines(stripped)
    match = _FOOTER.search(line)
    if match is None or _FIRST_PERSON.search(line[: match.start()]):
        return False
    # The footer's own sentence and the later ones: "… link is broken. Please …", and "Graag
    # afmelden voor deze nieuwsbrief. De afmeldlink werkt niet." (the link is the next one's).
    own = (
        _SENTENCE_END.split(line[: match.start()])[-1]
        + _SENTENCE_END.split(line[match.start() :])[0]
    )
    asks = [own, *_SENTENCE_END.split(line[match.end() :])[1:]]
    return not any(_POLITE_ASK.match(ask.strip()) and not _LINK.search(ask) for ask in asks)
