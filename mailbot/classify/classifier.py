"""The classifier: ``InboundMessage -> Classification``, pure and deterministic.

    own words → robot? → language → phrase hits + article citations → rights, channels
              → on whose behalf → kind and confidence

Robots are recognised first from headers and structure, so a bounce or an out-of-office that
quotes a request stays a robot. Everything after that reads only the sender's own words. A
robot known only by a phrase of the body ("I'm on holiday") gives way to a clear request in
the same words: people mention their holidays too.
"""

from __future__ import annotations

import re

from mailbot.classify.anchors import PhraseSet
from mailbot.classify.citations import find_citations
from mailbot.classify.combos import combination_hits, data_question
from mailbot.classify.labels import READ_LANGUAGES, RIGHTS, TRIAGE_BELOW, Classification, Kind
from mailbot.classify.language import detect_language, likely_languages
from mailbot.classify.lookalikes import is_paid_plan, put_right
from mailbot.classify.quotes import own_words
from mailbot.classify.reading import Reading, read
from mailbot.classify.rights import Hit, find_hits, languages, stop_reply
from mailbot.classify.robots import detect_robot
from mailbot.classify.text import Folded, clip, folded, paragraphs
from mailbot.mail.message import InboundMessage

_HEAD = 20_000
_TAIL = 10_000
_REPLY_PREFIX = re.compile(r"^(?:(?:re|aw|sv|vs|antw|r|rif|odp|res|tr|fw|fwd|wg)\s*:\s*)+", re.I)
_ADDRESS = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_PRIVACY = PhraseSet(
    [
        r"\b(?:gdpr|dsgvo|rgpd|avg|rodo|privacy|datenschutz|persoonsgegevens|personuppgifter)\b",
        r"\b(?:data protection|personal data|donnees personnelles|datos personales)\b",
        r"\b(?:dati personali|dane osobowe|dados pessoais)\b",
        r"\bpersonenbezogen\w*",
    ]
)
# Cold sales mail to support@ talks of "DSARs" and "deletion" for other people's requests:
# two of these signs and a person reads it before anything is sent.
_PITCH = PhraseSet(
    [
        r"\b(?:book|schedule|grab|set up|arrange|hop on) (?:a |an )?(?:quick |short |brief )?"
        r"(?:\d+[- ]?min(?:ute)?s? |fifteen[- ]minutes? |thirty[- ]minutes? )?(?:call|demo|chat"
        r"|meeting)\b",
        r"\b(?:10|15|20|30|fifteen|twenty|thirty)[- ]?min(?:ute)?s?\b",
        r"\bcalendly\b|\bmy calendar\b|\bbook (?:a )?(?:time|slot)\b",
        r"\b(?:account executive|sales (?:director|manager|representative)|business development"
        r"|head of growth|partnerships? manager)\b",
        r"\b(?:our|the) (?:platform|solution|software|tool) (?:helps|automates|enables|allows"
        r"|handles)\b|\bautomates the (?:whole|entire)\b",
        r"\bwe help (?:companies|businesses|retailers|brands|organi[sz]ations|teams)\b",
        r"\brather not hear from me\b|\bnot the right person\b|\bif this isn'?t a priority\b",
        r"\bfree (?:trial|demo|audit|consultation)\b|\bcase stud(?:y|ies)\b|\bshow you a demo\b",
        r"\b(?:we offer|wir bieten|nous (?:vous )?proposons|ofrecemos|offriamo|wij bieden"
        r"|oferujemy|oferecemos|vi erbjuder)\b",
        r"\b\d[\d.,]* ?(?:[€$£] ?|\w{1,4} )?(?:netto|\+ ?vat|zzgl|excl\.? vat|ht)\b",
        r"\b(?:can|could|may) i (?:give you a )?call you\b|\bczy moge (?:\w+ )?zadzwonic\b"
        r"|\bdarf ich sie (?:\w+ )?anrufen\b|\bpuis-je vous (?:\w+ )?appeler\b"
        r"|\b(?:puedo|podria) llamarle\b|\bposso chiamarla\b|\bmag ik u (?:\w+ )?bellen\b"
        r"|\bkan jag ringa (?:dig|er)\b|\bposso ligar-lhe\b",
    ]
)
_PITCH_SIGNS = 2
# A journalist's enquiry about the company's handling of data: a person answers it.
_PRESS = PhraseSet(
    [
        r"\b(?:i'm|i am) a (?:\w+ )?(?:reporter|journalist)\b|\b(?:media|press) (?:enquiry"
        r"|inquiry)\b",
        r"\b(?:reporter|journalist|correspondent) (?:at|for|with) (?:the )?\w+",
        r"\b(?:aiming|planning|going|hoping) to publish\b|\bfor (?:an|a) (?:article|story|piece)\b",
        r"\b(?:presseanfrage|anfrage der presse|demande (?:de )?presse|solicitud de prensa"
        r"|richiesta (?:della )?stampa|persvraag|zapytanie prasowe|pedido de imprensa"
        r"|pressfraga)\b",
        r"\b(?:ich bin|je suis|soy|sono|ik ben|jestem|sou|jag ar) (?:\w+ )?(?:journalist\w*"
        r"|redakteur\w*|periodista|giornalista|dziennikar\w*|jornalista|reporter\w*)\b",
    ]
)
# A business partner asking how its own customers' data would be handled: a person answers.
_PARTNER = PhraseSet(
    [
        r"\bour (?:guests|customers|clients|members|passengers|patients)'? (?:data|details)\b",
        r"\b(?:guest|customer|client|passenger) (?:data|manifests?|lists?)\b",
        r"\bdados dos (?:hospedes|clientes|nossos clientes)\b|\bdonnees de nos (?:clients|hotes)\b",
        r"\bdaten unserer (?:kunden|gaste)\b|\bdatos de nuestros (?:clientes|huespedes)\b",
        r"\bdati dei nostri (?:clienti|ospiti)\b|\bgegevens van onze (?:klanten|gasten)\b",
        r"\bdane naszych (?:klientow|gosci)\b|\bvara (?:kunders|gasters)\b",
        r"\b(?:data )?processing (?:agreement|addendum)\b|\bsupplier file\b|\bour compliance\b",
        r"\b(?:partnership|parceria|partenariat|partnerschaft|colaboracion|collaborazione"
        r"|samenwerking|wspolprac\w*|samarbete)\b",
        r"\b(?:dpa|data protection lead|ig toolkit)\b",
        r"\bas your (?:\w+ ){0,3}insurers?\b",
        r"\b(?:the )?(?:claimant|policyholder|our insured)\b",
    ]
)
_PARTNER_SIGNS = 2
# A company's director writing about its own affairs ("I am the director of La Piazzetta Ltd").
_COMPANY = PhraseSet(
    [
        r"\bi am the (?:director|owner|managing director|ceo|founder) of [\w' &.-]{1,40}\b(?:ltd"
        r"|limited|gmbh|sarl|b\.v|s\.r\.l|s\.l|plc|llc|inc)\b",
    ]
)
# A student or researcher asking how the company handles requests: a person answers.
_RESEARCH = PhraseSet(
    [
        r"\b(?:master'?s|phd|doctoral|bachelor'?s) (?:student|candidate|thesis|research)\b",
        r"\b(?:my|our) (?:thesis|dissertation|research project)\b|\bresearch interview\b",
        r"\b(?:masterarbeit|doktorarbeit|memoire de master|tesis|tesi di laurea|scriptie|praca"
        r" magisterska|dissertacao|uppsats)\b",
    ]
)
# "Is this genuine?" about a forwarded mail that asks to "update my details": a person answers.
_GENUINE = PhraseSet(
    [
        r"\bis (?:this|it) (?:genuine|real|legit\w*|a scam|phishing|from you)\b|\bphishing\b",
        r"\bist (?:das|diese mail) echt\b|\best-ce une arnaque\b",
        r"\bes (?:real|legitimo) (?:esto|este)\b",
        r"\be una truffa\b|\bis dit echt\b|\bczy to (?:prawdziwe|oszustwo)\b|\bisso e golpe\b",
        r"\bar (?:detta|det har) (?:akta|bedrageri)\b",
    ]
)
_PRESS_SIGNS = 1
_OTHER_CONFIDENCE = 0.85
_UNSURE_OTHER = 0.6
_UNREAD_OTHER = 0.4
_PARTIAL_CAP = TRIAGE_BELOW - 0.1
_SHORT_WITH_ATTACHMENT = 200
_SHORT_TEXT = 400
_MAX_EVIDENCE = 10  # a formal letter repeats itself; the first phrases show why


def classify(message: InboundMessage) -> Classification:
    """Label one message: robot, rights request, opt-out or other, with the evidence."""
    own = own_words(_head_and_tail(message.text), message.from_address)
    robot = detect_robot(message, own)
    if robot is not None and robot.by_text:
        person = _classify_person(message, own)
        if person.kind in ("rights_request", "opt_out") and not person.needs_triage:
            return person
    if robot is not None:
        return Classification(
            kind=robot.kind,
            language=detect_language(own or message.subject, words=robot.words),
            confidence=robot.confidence,
            evidence=(robot.evidence,),
        )
    return _classify_person(message, own)


def warm_up() -> None:
    """Load the language model and compile every lexicon now (about a second), so that the
    first message a daemon reads is not the slow one."""
    detect_language("This sentence only loads the language model.", words=frozenset())
    for name in languages():
        find_hits(folded("warm up"), (name,))


def _head_and_tail(text: str) -> str:
    """A very long mail's start and end, cut at line breaks: a request sits in one of them."""
    if len(text) <= _HEAD + _TAIL:
        return text
    head = text[:_HEAD].rpartition("\n")[0]
    tail = text[-_TAIL:].partition("\n")[2]
    return f"{head}\n{tail}"


def _classify_person(message: InboundMessage, own: str) -> Classification:
    """Read a person's own words: hits and citations, then rights, channels and confidence."""
    subject = folded(_REPLY_PREFIX.sub("", message.subject))
    parts = paragraphs(own)
    body = " ".join(part.text for part in parts)
    words = frozenset().union(*(part.words for part in parts))
    short = len(body) < _SHORT_TEXT
    language = "en" if short else detect_language(own, words=words)
    latin = body.isascii() and subject.text.isascii()
    chosen = _lexicons_for(language, short, words | subject.words, latin)
    opening = parts[0] if parts else Folded("", frozenset())
    joined = Folded(f"{subject.text} | {opening.text}", subject.words | opening.words)
    hits = find_hits(joined, chosen, subject_length=len(subject.text))
    for part in parts[1:]:
        hits += find_hits(part, chosen)
    hits = put_right(hits, [subject, *parts])  # a fee objected to, a booking rectified
    if (language in READ_LANGUAGES or short) and not any(hit.cue in RIGHTS for hit in hits):
        hits += combination_hits([subject, *parts])  # letters without the words of the law
    reading = read(hits, find_citations([subject, *parts]))
    if short:
        language = detect_language(own or message.subject, _hint(hits), words)
    if not reading.asks and not is_paid_plan([subject, *parts]):
        replied = _REPLY_PREFIX.match(message.subject) is not None
        _read_stop_reply(reading, body, "" if replied else subject.text)
    kind = _kind(reading)
    if kind == "other":
        return _other(message, (subject, *parts), language)
    confidence = reading.confidence()
    if language not in READ_LANGUAGES:
        confidence = min(confidence, _PARTIAL_CAP)
    with_subject = [subject, *parts]
    pitch = (
        _reads_like("a sales pitch", _PITCH, parts, _PITCH_SIGNS)
        or _reads_like("a press enquiry", _PRESS, with_subject, _PRESS_SIGNS)
        or _reads_like("a business partner's question", _PARTNER, with_subject, _PARTNER_SIGNS)
        or _reads_like("a question whether a mail is genuine", _GENUINE, with_subject, 1)
        or _reads_like("a researcher's enquiry", _RESEARCH, with_subject, 2)
        or _reads_like("a company writing about its own affairs", _COMPANY, with_subject, 1)
    )
    if pitch:
        confidence = min(confidence, _PARTIAL_CAP)
    behalf = _on_behalf(message, hits, own)
    return Classification(
        kind=kind,
        rights=reading.sorted_rights(),
        opt_out=reading.sorted_channels(),
        language=language,
        confidence=round(confidence, 2),
        evidence=(*reading.evidence[:_MAX_EVIDENCE], *pitch, *behalf),
        on_behalf=bool(behalf),
    )


def _lexicons_for(
    language: str, short: bool, words: frozenset[str], latin: bool
) -> tuple[str, ...]:
    """Which lexicons to read: the text's language and English (which formal letters and
    templates mix in); for short texts, where identification is unsure, every language
    whose function words appear, and the keyword lists when the script or words suggest a
    language we read only in part."""
    chosen = {"en", language}
    if short:
        chosen.update(likely_languages(words))
    if not latin or not chosen <= READ_LANGUAGES:
        chosen.add("partial")
    return tuple(name for name in languages() if name in chosen)


def _hint(hits: list[Hit]) -> str | None:
    """The language of the lexicon that matched most, for texts too short to identify."""
    counts: dict[str, int] = {}
    for hit in hits:
        if hit.language in READ_LANGUAGES:
            counts[hit.language] = counts.get(hit.language, 0) + 1
    return max(counts, key=lambda language: counts[language]) if counts else None


def _read_stop_reply(reading: Reading, body: str, subject: str) -> None:
    """A bare "STOP" or "unsubscribe" reply, or that word as the subject of a short note:
    an e-mail opt-out."""
    if stop_reply(body) is not None:
        reading.note(f'opt-out reply: "{clip(body, 30)}"')
    elif len(body) < _SHORT_WITH_ATTACHMENT and stop_reply(subject) is not None:
        reading.note(f'opt-out reply (subject): "{clip(subject, 30)}"')
    else:
        return
    reading.channels.add("email")
    reading.stop = True


def _kind(reading: Reading) -> Kind:
    """Rights win over opt-outs; a data request with no recognisable right is still one."""
    if reading.rights:
        return "rights_request"
    if reading.channels:
        return "opt_out"
    if reading.generic:
        return "rights_request"
    return "other"


def _other(message: InboundMessage, texts: tuple[Folded, ...], language: str) -> Classification:
    """Ordinary mail, with less confidence when it talks about privacy or can't be read."""
    confidence, why = _OTHER_CONFIDENCE, "no request or opt-out phrase in the sender's words"
    privacy = next(filter(None, map(_PRIVACY.search, texts)), None)
    body = sum(len(text.text) for text in texts[1:])
    if language not in READ_LANGUAGES:
        confidence, why = _UNREAD_OTHER, f"language {language} is read only in part"
    elif privacy:
        confidence, why = _UNSURE_OTHER, f'mentions "{privacy[0]}" but asks for nothing we know'
    elif question := data_question(list(texts)):
        confidence, why = _UNSURE_OTHER, f'asks something of their data: "{clip(question)}"'
    elif message.attachments and body < _SHORT_WITH_ATTACHMENT:
        confidence, why = _UNSURE_OTHER, "short message with an attachment we cannot read"
    return Classification(kind="other", language=language, confidence=confidence, evidence=(why,))


def _reads_like(what: str, phrases: PhraseSet, texts: list[Folded], needed: int) -> tuple[str, ...]:
    """Why the message reads like mail for a person and not a request (a sales pitch, a press
    enquiry, a business partner's question): enough distinct signs of it, or nothing."""
    signs = dict.fromkeys(match[0] for text in texts for match in phrases.matches(text))
    if len(signs) < needed:
        return ()
    return (f'reads like {what}: "{clip(" … ".join(list(signs)[:3]))}"',)


def _on_behalf(message: InboundMessage, hits: list[Hit], own: str) -> tuple[str, ...]:
    """Why the request is made for someone else or about another address, if it is."""
    found = [f'on_behalf: "{clip(hit.text)}"' for hit in hits if hit.cue == "on_behalf"]
    ours = {address.lower().rpartition("@")[2] for address in message.to_addresses}
    known = {message.from_address or "", *message.reply_to, *message.cc_addresses}
    known = {address.lower() for address in known}
    for address in _addresses(own):
        if address not in known and address.rpartition("@")[2] not in ours:
            found.append(f'on_behalf: about another address "{address}"')
    return tuple(found[:3])


def _addresses(text: str) -> list[str]:
    """E-mail addresses written in the text, lower-cased, each once."""
    if "@" not in text:
        return []
    found = (_ADDRESS.search(token) for token in text.split() if "@" in token)
    return list(dict.fromkeys(match[0].lower() for match in found if match))
