"""Phrases that ask for a right in the words of business: put right before they are read.

Support mail borrows the words of a request in these ways:

- an objection to a fee, a bill or a price ("Ich lege Widerspruch gegen diese Gebühr ein",
  "je m'oppose à ces frais") is a complaint: the objection becomes a weak cue, so a person
  looks at it (triage) instead of an automatic acknowledgement;
- rectifying a booking, an order, an invoice or an appointment ("rettificare la prenotazione",
  "rectifier la facture", "rectificar la hora de la visita") is not rectifying personal data:
  the hit is dropped;
- "portability" of a voucher, a pass or a membership between branches is a product question:
  the hit is dropped;
- "your algorithm has decided …" with no review or explanation asked is a story, not a request
  about an automated decision: the hit is dropped;
- "unsubscribe" from a paid plan ("How do I unsubscribe? I'm paying £39.99 a week") is
  cancelling a service, not a marketing opt-out: without a word of marketing in the mail and
  with a word of paying, the opt-out is dropped.
"""

from __future__ import annotations

import re
from dataclasses import replace

from mailbot.classify.rights import Hit
from mailbot.classify.text import Folded

_OBJECTIONS = frozenset({"objection", "marketing_objection"})
_FEE = re.compile(
    r"\b(?:fees?|charges?|bills?|invoices?|prices?|fines|penalt\w*|surcharges?|increases?"
    r"|(?:a|the|this|that|parking|speeding|late|library) fine"
    r"|\w*gebuhr\w*|\w*rechnung\w*|\w*kosten|mahnung\w*|\w*preis\w*|forderung\w*|abbuchung\w*"
    r"|\w*strafe|\w*avgift\w*|decisione|decision|decisao|beslissing|entscheidung|decyzj\w*|beslut\w*"
    r"|rimbors\w*|refunds?|erstattung|remboursement|reembolso|terugbetaling|zwrot\w*"
    r"|aterbetalning|comision\w*|commission\w*|commissione|provision\w*"
    r"|frais|factures?|prix|penalites?|amendes?|majorations?|tarif\w*|factura\w*|cuotas?|cargos?"
    r"|recargos?|subida|penalizacion\w*|multas?|importe|tariff\w*|fattur\w*|costo|costi|penale"
    r"|addebit\w*|aumento|factuur|rekening|boete|toeslag|prijs\w*|verhoging|oplat\w*|faktur\w*"
    r"|kary|kare|kara|podwyzk\w*|taxas?|fatura\w*|cobranc\w*|avgift\w*|pris\w*|hojning\w*"
    r"|levy|levies|motions?|proposals?|resolutions?|agenda|\w*entgelt\w*|zahlungsaufforderung\w*"
    r"|\w*aufforderung|potracen\w*|kaucj\w*|deposits?|kaution|fianza|cauzione|borg|caucao"
    r"|suplemento\w*|supplements?|zuschlag\w*|pagar|pay|paying|payer|pagare|betalen|zaplacic"
    r"|betala|\w*faktur\w*|\w*beitrag\w*|erhohung\w*|\w*afrekening)\b"
)
_FEE_AFTER = 40
# The objection is to the processing of data after all: "Widerspruch gegen die Verarbeitung".
_DATA = re.compile(
    r"\b(?:data|daten|donnees|datos|dati|gegevens|dane|danych|dados|uppgifter|information\w*"
    r"|\w*verarbeitung|processing|traitement|tratamiento|trattamento|verwerking|przetwarzani\w*"
    r"|tratamento|behandling\w*|profil\w*|marketing|werbung|publicit\w*)\b"
)
# The object of "rectify": a booking, an order or a document of business, named just after
# it ("rettificare la prenotazione") or just before it ("Facture à rectifier").
_BUSINESS_NOUN = (
    r"(?:bookings?|reservations?|orders?|invoices?|bills?|receipts?|quotes?|prenotazion\w*"
    r"|reserva\w*|reservierung\w*|buchung\w*|boeking\w*|rezerwacj\w*|bokning\w*|ordine"
    r"|pedido\w*|commande\w*|bestellung\w*|bestelling\w*|zamowieni\w*|encomenda\w*"
    r"|bestallning\w*|factur\w*|fattur\w*|rechnung\w*|factuur\w*|faktur\w*|fatura\w*|devis"
    r"|presupuesto|preventivo|offerte|angebot|appointments?|viewings?|hora|heure|orario|termin\w*"
    r"|rendez-vous|cita|appuntamento|afspraak|visita|visite|besichtigung|bezichtiging|wizyt\w*"
    r"|marcacao|besok|annonces?|avis de deces|faire-part|obituar\w*|death notice|traueranzeige"
    r"|esquela|necrologio|overlijdensbericht|nekrolog\w*|dodsannons|avis|busta paga|cedolino"
    r"|payslips?|gehaltsabrechnung|lohnabrechnung|fiche de paie|bulletin de salaire|nomina"
    r"|loonstrook|lonespecifikation|holerite|saldo|punti|points|balance|punkte|solde|puntos|punten"
    r"|punkty|pontos|poang|auftrag\w*|print job|chart|charts|pattern|recipe|instructions|diagram"
    r"|appel de fonds"
    r"|decompte|nebenkostenabrechnung|liquidacion|conguaglio|afrekening|tantiemes|articles?"
    r"|artykul\w*|newspaper|zeitungsartikel|artikel|periodico|giornale|krant|jornal|tidning\w*)"
)
# "… because the invoices still go to the old one": the reason, not the object corrected.
_BECAUSE = (
    r"(?:because|since|bo|poniewaz|gdyz|car|weil|denn|porque|perche|poiche|omdat|eftersom|pois)"
)
_BUSINESS_OBJECT = re.compile(
    r"\s*(?:l'|(?:la|le|les|the|this|that|our|il|lo|el|los|las|die|der|das|den|de|het|a|an|une?"
    r"|des|del|della|dello|o|os|as|en|ett|mein\w*|unser\w*|notre|nos|nuestr\w*|nostr\w*|onze"
    rf"|nasz\w*|nosso|nossa|var|vart)\s+)?(?:(?!{_BECAUSE}\b)\w+\s+)?{_BUSINESS_NOUN}\b"
)
_BUSINESS_BEFORE = re.compile(
    rf"\b{_BUSINESS_NOUN}(?:\s+\S+){{0,4}}\s+(?:a|to|to be|da|zu|te|do|para|att|al)?\s*$"
)
# "Your algorithm has decided that I want cat hats": a story, unless it asks for a review or
# an explanation.
_MACHINE_DECIDED = re.compile(
    r"(?:a computer|an algorithm|the algorithm|your algorithm|an automated system|a machine)\b"
)
_REVIEW_ASKED = re.compile(
    r"\b(?:(?:human|person|someone|somebody|member of staff) (?:to )?(?:review|reconsider|look"
    r"|check|assess|re-?evaluate)|review\w*|reconsider\w*|appeal\w*|contest\w*|challeng\w*"
    r"|explain\w*|explanation|why|how (?:was|did|were)|reasons?)\b"
)
_PAID = re.compile(
    r"(?:[£€$]|\b(?:paying|paid|pay|charged?|charging|debited|money|per (?:week|month|year)"
    r"|a (?:week|month)|refund\w*|bezahl\w*|zahle|abgebucht|abbuchung\w*|geld|payer|paye\w*"
    r"|preleve\w*|argent|pagar|pagando|pago|cobr\w*|dinero|pagare|addebit\w*|soldi|betal\w*"
    r"|afgeschreven|afschrijving\w*|oplat\w*|obciaz\w*|pieniadz\w*|cobranc\w*|dinheiro"
    r"|dragning\w*|pengar|avgift\w*|kronor|recibos?|cuotas?|facturas?|bills?|rechnung\w*|factures?"
    r"|fatture|facturen|rachun\w*|faturas?|fakturor)\b)"
)
_MARKETING = re.compile(
    r"\b(?:newsletter\w*|marketing|promo\w*|advert\w*|offers?|deals|spam|mailing\w*|e-?mails"
    r"|werbung|werbe\w*|angebote|publicit\w*|offres|publicidad|ofertas|pubblicit\w*|offerte"
    r"|reclame|aanbiedingen|nieuwsbrie\w*|reklam\w*|oferty|ofert|publicidade|nyhetsbrev\w*"
    r"|erbjudanden|utskick\w*|flash sales?|last chance|daily deals?)\b"
)


# A voucher, a pass or a membership moved between branches: "¿el bono tiene portabilidad?".
_PRODUCT = re.compile(
    r"\b(?:bono|abono|vouchers?|gift cards?|memberships?|pass|season ticket|tickets?|tarjeta"
    r"|cartes?|karte|gutschein\w*|tessera|biglietto|abbonamento|kaart|strippenkaart|karnet"
    r"|cartao|kort|presentkort|centros?|branch(?:es)?|filial\w*|sede|del numero|du numero"
    r"|do numero|numeru|rufnummer\w*|number port\w*|nummerbehoud|nummerflytt|(?:meu|mi|mon|il mio"
    r"|mijn|moj) numero|numero fijo|telemovel|movil|handynummer|assurance|ubezpieczeni\w*)\b"
)


# The minutes of a meeting put right: "une rectification du procès-verbal", "a PV rectifié".
_MINUTES = re.compile(
    r"\b(?:proces-verbal|pv|minutes|protokoll\w*|acta|verbale|notulen|protokol\w*|ata)\b"
)


# Machining, not data: "rectification de la culasse", "rettifica della testata"; a message
# about engine work rectifies metal, wherever the word stands in it.
_MACHINING = re.compile(
    r"\b(?:culasse|cylinder head|zylinderkopf|culata|testata|cilinderkop|glowic\w*|cabecote"
    r"|topplock|vilebrequin|crankshaft|kurbelwelle|ciguenal|albero motore|krukas|soupapes?|valves?"
    r"|disques? de frein|brake discs?|bremsscheiben)\b"
)


# A loan, an insurance or a phone number moved to another provider: "portabilità del mutuo",
# "portabilidade do número". Anywhere in the message: it says what is being moved.
_PORTED = re.compile(
    r"\b(?:mutuo|hipoteca|mortgage|loan|mutuelle|insurance|versicherung|seguro|assicurazione"
    r"|verzekering|polizza|carencias|portabilidade do (?:meu )?numero"
    r"|portabilidad de (?:mi )?(?:numero|linea)|portabilita del (?:mio )?numero|number porting"
    r"|rufnummernmitnahme)\b"
)


# A letter to a newspaper's editors asking for a printed correction ("sprostowanie").
_EDITORIAL = re.compile(
    r"\b(?:redakcj\w*|redaktion|redaction|redaccion|redazione|redactie|redacao|to the editor"
    r"|dear editor)\b"
)


def put_right(hits: list[Hit], texts: list[Folded]) -> list[Hit]:
    """The hits, with those that only borrow a request's words weakened or dropped."""
    paid_plan = asked = None
    whole = _Whole(texts) if any(hit.cue in _WHOLE_CHECKED for hit in hits) else None
    kept: list[Hit] = []
    for hit in hits:
        if hit.cue in _OBJECTIONS and _of_a_fee(hit):
            kept.append(replace(hit, cue="objection_weak"))
        elif whole is not None and _of_business(hit, whole):
            continue
        elif hit.cue == "automated_decision" and _MACHINE_DECIDED.match(hit.text):
            if asked is None:
                asked = any(_REVIEW_ASKED.search(text.text) for text in texts)
            if asked:
                kept.append(hit)
        elif hit.cue == "optout_email":
            if paid_plan is None:
                paid_plan = is_paid_plan(texts)
            if not paid_plan:
                kept.append(hit)
        else:
            kept.append(hit)
    return kept


_WHOLE_CHECKED = frozenset({"rectification", "portability"})


class _Whole:
    """What the whole message says about the thing rectified or ported, read once per message
    however many hits ask."""

    def __init__(self, texts: list[Folded]) -> None:
        text = " | ".join(part.text for part in texts)
        # engine work or a newspaper's correction: not the person's data, wherever it stands
        self.not_data = bool(_MACHINING.search(text) or _EDITORIAL.search(text))
        self.ported = _PORTED.search(text) is not None  # a loan, an insurance, a phone number


def _of_business(hit: Hit, whole: _Whole) -> bool:
    """Rectifying a booking, a document, a meeting's minutes or an engine part, or the
    "portability" of a voucher, a loan or a phone number: not the person's data."""
    if hit.cue == "rectification":
        return bool(
            _BUSINESS_OBJECT.match(hit.after)
            or _BUSINESS_BEFORE.search(hit.before)
            or _MINUTES.search(f"{hit.before} {hit.after}")
            or whole.not_data
        )
    if hit.cue == "portability":
        return whole.ported or _PRODUCT.search(f"{hit.before} {hit.text} {hit.after}") is not None
    return False


def _of_a_fee(hit: Hit) -> bool:
    """An objection whose object, just after it or just before it, is a fee or a bill and not
    data ("Widerspruch gegen die Blockiergebühr", "gegen Ihre Stornorechnung lege ich
    Widerspruch ein")."""
    after, before = hit.after[:_FEE_AFTER], hit.before
    if _DATA.search(after) or _DATA.search(before):
        return False
    return bool(_FEE.search(after) or _FEE.search(before))


def is_paid_plan(texts: list[Folded]) -> bool:
    """Whether the mail talks of paying and not of marketing."""
    whole = " ".join(text.text for text in texts)
    return _PAID.search(whole) is not None and _MARKETING.search(whole) is None
