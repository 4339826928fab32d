"""The classifier on hand-written mail: every right, channel, language and trap, as tables."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import dataclass, field

import pytest

from mailbot.classify import Classification, classify, warm_up
from mailbot.classify.labels import READ_LANGUAGES, TRIAGE_BELOW
from mailbot.mail.message import InboundMessage
from mailbot.mail.parse import parse_message

SENDER = "Ann Example <ann@example.org>"


def make(
    body: str,
    subject: str = "Hello",
    *,
    sender: str = SENDER,
    headers: tuple[str, ...] = (),
    content_type: str = "text/plain; charset=utf-8",
) -> InboundMessage:
    """Raw bytes as a mail client would send them, parsed the way the daemon parses them."""
    head = [
        f"From: {sender}",
        "To: Support <support@example.co.uk>",
        f"Subject: {subject}",
        "Date: Tue, 03 Sep 2024 10:00:00 +0100",
        "Message-ID: <case@example.org>",
        "MIME-Version: 1.0",
        f"Content-Type: {content_type}",
        "Content-Transfer-Encoding: 8bit",
        *headers,
    ]
    raw = "\r\n".join(head) + "\r\n\r\n" + body.replace("\n", "\r\n")
    return parse_message(raw.encode("utf-8"))


@dataclass(frozen=True)
class Case:
    """One message and what the classifier must say about it."""

    body: str
    kind: str
    rights: tuple[str, ...] = ()
    opt_out: tuple[str, ...] = ()
    subject: str = "Hello"
    language: str | None = None
    on_behalf: bool | None = None
    headers: tuple[str, ...] = field(default=())
    sender: str = SENDER
    content_type: str = "text/plain; charset=utf-8"


def check(case: Case) -> Classification:
    result = classify(make(case.body, case.subject, sender=case.sender, headers=case.headers))
    assert result.kind == case.kind, result.evidence
    assert set(result.rights) == set(case.rights), result.evidence
    assert set(result.opt_out) == set(case.opt_out), result.evidence
    if case.language is not None:
        assert result.language == case.language
    if case.on_behalf is not None:
        assert result.on_behalf is case.on_behalf, result.evidence
    assert result.evidence, "every label names what decided it"
    return result


R = "rights_request"
ALL = ("email", "phone")

ENGLISH_RIGHTS = {
    "sar-formal": Case(
        "Dear Sir or Madam,\n\nUnder Article 15 of the UK GDPR I request a copy of all personal "
        "data you hold about me.\n\nYours faithfully,\nAnn Example",
        R,
        ("access",),
        subject="Subject access request",
    ),
    "sar-acronym": Case("This is a DSAR. Please respond within one month.", R, ("access",)),
    "access-casual": Case("what info do u have on me", R, ("access",)),
    "access-know": Case("I want to know what data you have about me.", R, ("access",)),
    "access-typo": Case("wat data do you hav on me", R, ("access",)),
    "access-no-keywords": Case(
        "Could you tell me everything you have on me? Thanks.", R, ("access",)
    ),
    "access-angry": Case(
        "Under GDPR I demand to know what you know about me and who you sold it to!!!",
        R,
        ("access",),
    ),
    "rectification-formal": Case(
        "I am requesting rectification of inaccurate personal data under Article 16.",
        R,
        ("rectification",),
    ),
    "rectification-casual": Case(
        "Hi, my name is spelled wrong in your records, it should be Smyth not Smith.",
        R,
        ("rectification",),
    ),
    "rectification-update-details": Case(
        "Please update my details, I have married and my surname has changed.",
        R,
        ("rectification",),
    ),
    "erasure-account": Case("please delete my account", R, ("erasure",)),
    "erasure-forgotten": Case(
        "I want to exercise my right to be forgotten.", R, ("erasure",), subject="RTBF"
    ),
    "erasure-database": Case("Remove me from your database, all of it.", R, ("erasure",)),
    "erasure-typos": Case("Plese delte my acount and all my informaton", R, ("erasure",)),
    "erasure-citation-only": Case(
        "Request under Art. 17 GDPR, customer number 48213.", R, ("erasure",)
    ),
    "restriction": Case(
        "Please restrict processing of my personal data until the dispute is resolved.",
        R,
        ("restriction",),
    ),
    "portability": Case(
        "Please send my data in a machine-readable format so I can move to another provider.",
        R,
        ("portability",),
    ),
    "objection-profiling": Case(
        "I object to you processing my data for profiling.", R, ("objection",)
    ),
    "objection-do-not-sell": Case("Do not sell my personal information.", R, ("objection",)),
    "objection-consent-withdrawn": Case(
        "I hereby withdraw my consent to the processing of my data.", R, ("objection",)
    ),
    "automated-decision": Case(
        "Your system rejected my loan application automatically. I want a human to review "
        "the decision.",
        R,
        ("automated_decision",),
    ),
    "automated-decision-formal": Case(
        "I request human intervention regarding the automated decision on my credit limit.",
        R,
        ("automated_decision",),
    ),
    "information-source": Case("Where did you get my email address from?", R, ("information",)),
    "information-recipients": Case("Who have you shared my details with?", R, ("information",)),
    "information-legal-basis": Case(
        "On what legal basis do you process my data?", R, ("information",)
    ),
    "information-consent-proof": Case(
        "Please send me proof of my consent to your newsletter.", R, ("information",)
    ),
    "access-subsumes-purposes": Case(
        "Please send me a copy of my personal data and tell me why you are processing my data.",
        R,
        ("access",),
    ),
    "access-and-legal-basis": Case(
        "Please send me a copy of my personal data. What is the legal basis for the processing?",
        R,
        ("access", "information"),
    ),
    "erasure-and-marketing": Case(
        "Delete all my data and stop sending me marketing emails.",
        R,
        ("erasure",),
        ("email",),
    ),
    "direct-marketing-objection": Case(
        "I object to the processing of my personal data for direct marketing purposes.",
        R,
        ("objection",),
        ALL,
    ),
    "direct-marketing-objection-channel": Case(
        "I object to direct marketing by email.", R, ("objection",), ("email",)
    ),
    "several-rights": Case(
        "Please send me a copy of my data, then erase all my personal data.",
        R,
        ("access", "erasure"),
    ),
    "erasure-wipe-everything": Case(
        "Hi there, can you please close my account and wipe everything you have on me? cheers",
        R,
        ("erasure",),
    ),
    "erasure-gone": Case("i want all my info gone from ur system", R, ("erasure",)),
    "access-and-erasure-if-any": Case(
        "Hello, I'd like to know whether you hold any data about me, and if so please delete it.",
        R,
        ("access", "erasure"),
    ),
    "access-have-a-copy": Case(
        "Can I have a copy of everything you hold on me please?", R, ("access",)
    ),
    "portability-csv": Case(
        "Can I get my data in CSV so I can take it to a competitor?", R, ("portability",)
    ),
    "automated-decision-casual": Case(
        "I think a computer decided to refuse my application. I'd like someone to look at it "
        "again.",
        R,
        ("automated_decision",),
    ),
    "information-never-gave": Case(
        "Why did you send me this email? I never gave you my address.", R, ("information",)
    ),
    "marketing-use-objection": Case(
        "Please don't use my data for marketing anymore.", R, ("objection",), ALL
    ),
    "generic-gdpr-request": Case(
        "This is a GDPR request, please process it.", R, (), subject="GDPR request"
    ),
}

OPT_OUTS = {
    "stop-calling": Case("stop calling me", "opt_out", (), ("phone",)),
    "do-not-call": Case(
        "Please put my number on your do not call list.", "opt_out", (), ("phone",)
    ),
    "tps": Case(
        "Please remove me from your call list. I'm registered with the TPS.",
        "opt_out",
        (),
        ("phone",),
    ),
    "no-more-texts": Case("No more texts please.", "opt_out", (), ("phone",)),
    "keep-ringing": Case("You keep ringing me at dinner time. Stop it.", "opt_out", (), ("phone",)),
    "take-me-off": Case("Please take me off your list", "opt_out", (), ("email",)),
    "unsubscribe-me": Case("Unsubscribe me from your newsletter.", "opt_out", (), ("email",)),
    "want-to-unsubscribe": Case(
        "I want to unsubscribe from these emails", "opt_out", (), ("email",)
    ),
    "stop-emailing": Case("Stop emailing me, thanks.", "opt_out", (), ("email",)),
    "stop-reply": Case("STOP", "opt_out", (), ("email",), subject="Re: Spring sale"),
    "unsubscribe-reply": Case("unsubscribe", "opt_out", (), ("email",), subject="Re: News"),
    "subject-only-unsubscribe": Case("", "opt_out", (), ("email",), subject="Unsubscribe"),
    "stop-contacting": Case("Stop contacting me!", "opt_out", (), ALL),
    "all-marketing": Case(
        "I do not want to receive any more marketing from you.", "opt_out", (), ALL
    ),
    "marketing-both-named": Case(
        "No more marketing please, neither by email nor by phone.", "opt_out", (), ALL
    ),
    "marketing-emails": Case("Please stop sending me marketing emails.", "opt_out", (), ("email",)),
    "never-signed-up": Case(
        "I never signed up for this. How did you get my email? Remove me now.",
        R,
        ("information",),
        ("email",),
    ),
}

LANGUAGES = {
    "de-access": Case(
        "Ich möchte wissen, welche Daten Sie über mich gespeichert haben.",
        R,
        ("access",),
        language="de",
    ),
    "de-erasure": Case("Bitte löschen Sie alle meine Daten. Danke!", R, ("erasure",)),
    "de-erasure-no-umlaut": Case("bitte meine daten loeschen", R, ("erasure",)),
    "de-objection": Case(
        "Hiermit widerspreche ich der Nutzung meiner Daten für Werbezwecke.",
        R,
        ("objection",),
        ALL,
    ),
    "de-phone": Case("Bitte rufen Sie mich nicht mehr an.", "opt_out", (), ("phone",)),
    "de-newsletter": Case(
        "Bitte melden Sie mich vom Newsletter ab.", "opt_out", (), ("email",), language="de"
    ),
    "de-formal": Case(
        "Sehr geehrte Damen und Herren,\n\nich bitte hiermit um Auskunft gemäß Art. 15 DSGVO "
        "über die zu meiner Person gespeicherten Daten.\n\nMit freundlichen Grüßen",
        R,
        ("access",),
        language="de",
    ),
    "fr-erasure": Case(
        "Merci de supprimer toutes mes données personnelles.", R, ("erasure",), language="fr"
    ),
    "fr-access": Case("Je souhaite obtenir une copie de mes données personnelles.", R, ("access",)),
    "fr-email": Case("Je ne veux plus recevoir vos e-mails.", "opt_out", (), ("email",)),
    "fr-phone": Case("Arrêtez de m'appeler s'il vous plaît.", "opt_out", (), ("phone",)),
    "fr-objection": Case(
        "Je m'oppose au traitement de mes données à des fins de prospection.",
        R,
        ("objection",),
        ALL,
    ),
    "es-erasure": Case(
        "Quiero que borren todos mis datos personales.", R, ("erasure",), language="es"
    ),
    "es-access": Case("Quiero saber qué datos tienen sobre mí.", R, ("access",)),
    "es-email": Case("Por favor, denme de baja de su lista de correo.", "opt_out", (), ("email",)),
    "es-phone": Case("Dejen de llamarme, por favor.", "opt_out", (), ("phone",)),
    "it-erasure": Case(
        "Vi chiedo di cancellare tutti i miei dati personali.", R, ("erasure",), language="it"
    ),
    "it-access": Case("Vorrei sapere quali dati avete su di me.", R, ("access",)),
    "it-email": Case("Non voglio più ricevere email da voi.", "opt_out", (), ("email",)),
    "it-rectification": Case(
        "Chiedo la rettifica del mio indirizzo, i dati sono errati.", R, ("rectification",)
    ),
    "nl-erasure": Case("Verwijder al mijn gegevens alstublieft.", R, ("erasure",), language="nl"),
    "nl-access": Case("Ik wil graag inzage in mijn persoonsgegevens.", R, ("access",)),
    "nl-email": Case(
        "Ik wil geen e-mails meer ontvangen, schrijf me uit.", "opt_out", (), ("email",)
    ),
    "nl-phone": Case("Bel me niet meer.", "opt_out", (), ("phone",)),
    "pl-erasure": Case(
        "Proszę usunąć wszystkie moje dane osobowe.", R, ("erasure",), language="pl"
    ),
    "pl-access": Case("Chcę wiedzieć, jakie dane o mnie przechowujecie.", R, ("access",)),
    "pl-phone": Case("Proszę nie dzwonić do mnie więcej.", "opt_out", (), ("phone",)),
    "pt-erasure": Case(
        "Por favor apaguem todos os meus dados pessoais.", R, ("erasure",), language="pt"
    ),
    "pt-access": Case(
        "Gostaria de saber quais dados pessoais vocês têm sobre mim.", R, ("access",)
    ),
    "pt-phone": Case("Parem de me ligar.", "opt_out", (), ("phone",)),
    "sv-erasure": Case("Radera alla mina personuppgifter.", R, ("erasure",), language="sv"),
    "sv-access": Case("Jag vill veta vilka uppgifter ni har om mig.", R, ("access",)),
    "sv-phone": Case("Sluta ringa mig.", "opt_out", (), ("phone",)),
    "sv-email": Case("Avregistrera mig från nyhetsbrevet.", "opt_out", (), ("email",)),
    "sv-account": Case("Jag vill att ni tar bort mitt konto.", R, ("erasure",)),
    "sv-marketing": Case("Jag vill inte ha mer reklam.", "opt_out", (), ALL),
    "de-database": Case("Hallo, bitte entfernen Sie mich aus Ihrer Datenbank.", R, ("erasure",)),
    "de-account-passive": Case("Ich will, dass mein Konto gelöscht wird.", R, ("erasure",)),
    "de-advertising": Case("Hören Sie auf, mir Werbung zu schicken!", "opt_out", (), ALL),
    "de-rectification": Case(
        "Meine Adresse in Ihrem System ist falsch, bitte korrigieren Sie sie.",
        R,
        ("rectification",),
    ),
    "de-source": Case("Woher haben Sie meine E-Mail-Adresse?", R, ("information",)),
    "fr-account": Case("Je veux que vous effaciez mon compte.", R, ("erasure",)),
    "fr-what-data": Case("Quelles informations avez-vous sur moi ?", R, ("access",)),
    "fr-source": Case("D'où tenez-vous mes coordonnées ?", R, ("information",)),
    "fr-advertising": Case("Ne m'envoyez plus de publicité.", "opt_out", (), ALL),
    "es-access-right": Case("Quiero ejercer mi derecho de acceso.", R, ("access",)),
    "es-account": Case("Borren mi cuenta, por favor.", R, ("erasure",)),
    "es-advertising": Case("No quiero recibir más publicidad.", "opt_out", (), ALL),
    "it-account": Case("Voglio che cancelliate il mio account.", R, ("erasure",)),
    "it-promo-email": Case("Smettete di inviarmi email pubblicitarie.", "opt_out", (), ("email",)),
    "nl-account": Case("Ik wil dat jullie mijn account verwijderen.", R, ("erasure",)),
    "nl-advertising": Case("Stop met het sturen van reclame.", "opt_out", (), ALL),
    "pl-account": Case("Chcę usunąć moje konto.", R, ("erasure",)),
    "pl-copy": Case("Proszę o kopię moich danych osobowych.", R, ("access",)),
    "pl-marketing-mail": Case(
        "Nie chcę otrzymywać więcej maili marketingowych.", "opt_out", (), ("email",)
    ),
    "pt-account": Case("Quero excluir minha conta.", R, ("erasure",)),
    "pt-copy": Case("Quero uma cópia dos meus dados pessoais.", R, ("access",)),
    "pt-promo-email": Case(
        "Não quero receber mais e-mails promocionais.", "opt_out", (), ("email",)
    ),
    "sv-copy": Case("Skicka en kopia av mina personuppgifter.", R, ("access",)),
}

HARD_NEGATIVES = {
    "duplicate-invoice": Case("please delete the duplicate invoice", "other"),
    "attachment": Case("remove the attachment from my last email please", "other"),
    "account-access": Case("I can't access my account, can you help?", "other"),
    "delivery-address": Case(
        "please update the delivery address on order 1234 to 5 High Street", "other"
    ),
    "cookies": Case("Do you use cookies on your website?", "other"),
    "privacy-question": Case("Is my data stored in the EU? Just curious.", "other"),
    "sales": Case("Can you send me a quote for 500 units of the blue widget?", "other"),
    "phishing": Case(
        "Dear customer, your account will be suspended. Verify your details at "
        "http://bit.ly/xyz within 24 hours.",
        "other",
    ),
    "job-application": Case(
        "I'd like to apply for the sales manager position. Please find my CV attached.", "other"
    ),
    "parcel": Case("My parcel could not be delivered, can you check?", "other"),
    "negated-erasure": Case(
        "Please do not delete my account, I only want to change my password.", "other"
    ),
    "access-word": Case("How do I access the invoices for last year?", "other"),
    "data-sheet": Case("Could you send me a copy of the data sheet for model X?", "other"),
    "de-invoice": Case("Bitte löschen Sie die doppelte Rechnung.", "other"),
    "de-login": Case("Ich kann mich nicht in mein Konto einloggen.", "other"),
    "fr-invoice": Case("Pouvez-vous supprimer la facture en double ?", "other"),
    "es-invoice": Case("¿Pueden eliminar la factura duplicada?", "other"),
    "it-order": Case("Potete annullare il mio ordine numero 5521?", "other"),
    "nl-invoice": Case("Kunt u de dubbele factuur verwijderen?", "other"),
    "pl-job-consent": Case(
        "Wyrażam zgodę na przetwarzanie moich danych osobowych w celu rekrutacji.", "other"
    ),
    "pt-order": Case("Quando chega a minha encomenda?", "other"),
    "sv-invoice": Case("Kan ni skicka fakturan igen?", "other"),
    "newsletter-praise": Case("I love your newsletter, keep it coming!", "other"),
    "invoice-copy": Case("Can you send me a copy of my invoice from March?", "other"),
    "app-access": Case("I want to access my data in the app but it crashes on login.", "other"),
    "delete-message": Case("Please delete my previous message, I sent it by mistake.", "other"),
    "card-details": Case("Please remove my card details from the checkout page.", "other"),
    "old-address": Case("Could you delete my old address and use the new one?", "other"),
    "de-which-data": Case(
        "Können Sie mir sagen, welche Daten ich für die Registrierung brauche?", "other"
    ),
    "fr-quoted-footer": Case(
        "Merci beaucoup !\n\nLe mar. 3 sept. 2024 à 10:00, Example <news@example.co.uk> a "
        "écrit :\n> Pour vous désinscrire, cliquez ici.",
        "other",
    ),
    "es-quoted-footer": Case(
        "Gracias.\n\nEl mar, 3 sept 2024 a las 10:00, Example (<news@example.co.uk>) "
        "escribió:\n> Para darte de baja haz clic aquí.",
        "other",
    ),
    "report-data-wrong": Case(
        "The data in the report is wrong, please delete it and send again.", "other"
    ),
    "invoice-resend": Case("Can you delete the invoice and send me a new one?", "other"),
    "complaint-no-request": Case(
        "Your delivery driver was rude and the parcel was late. Very disappointing.", "other"
    ),
}

QUOTED = "\n".join(
    [
        "Thanks, that answers my question!",
        "",
        "On Tue, 3 Sep 2024 at 10:00, Example Trading <news@example.co.uk> wrote:",
        "> Our autumn range is here.",
        "> To unsubscribe, click here. You are receiving this email because you signed up.",
        "> Delete your data at any time in your account settings.",
    ]
)
OUTLOOK_QUOTE = "\n".join(
    [
        "Great, thank you.",
        "",
        "From: Example Trading <news@example.co.uk>",
        "Sent: Tuesday, 3 September 2024 10:00",
        "To: Ann Example",
        "Subject: Autumn sale",
        "",
        "If you no longer wish to receive these emails, unsubscribe here.",
        "Please delete my account is what many customers ask us.",
    ]
)
GERMAN_QUOTE = "\n".join(
    [
        "Vielen Dank für die schnelle Antwort.",
        "",
        "Am 03.09.2024 um 10:00 schrieb Example Trading <news@example.co.uk>:",
        "Newsletter abbestellen: hier klicken. Bitte löschen Sie alle meine Daten.",
    ]
)
FORWARD_OWN = "\n".join(
    [
        "I have had no answer to this, see below.",
        "",
        "---------- Forwarded message ---------",
        "From: Ann Example <ann@example.org>",
        "Date: Tue, 3 Sep 2024",
        "Subject: Please delete my account",
        "",
        "Please delete my account and all my personal data.",
    ]
)
FORWARD_OTHER = "\n".join(
    [
        "FYI, look what this customer sent us.",
        "",
        "---------- Forwarded message ---------",
        "From: Bob <bob@example.net>",
        "Date: Tue, 3 Sep 2024",
        "",
        "Please delete my account and all my personal data.",
    ]
)
LONG_MAIL = (
    "Hello,\n\n"
    + "I ordered a sofa in March and it arrived with a broken leg. " * 30
    + "\n\nThe replacement took six weeks and the courier left it in the rain.\n\n"
    "Anyway, I am done with you. Please delete all my personal data.\n\nAnn"
)
SIGNATURE = (
    "Where did you get my number from?\n\n-- \nAnn Example\nTo unsubscribe from my "
    "thoughts, delete me from your heart"
)

TRAPS = {
    "quoted-footer": Case(QUOTED, "other"),
    "outlook-quoted-footer": Case(OUTLOOK_QUOTE, "other"),
    "german-quoted-request": Case(GERMAN_QUOTE, "other"),
    "forwarded-own-request": Case(FORWARD_OWN, R, ("erasure",)),
    "forwarded-other-request": Case(FORWARD_OTHER, "other"),
    "buried-request": Case(LONG_MAIL, R, ("erasure",)),
    "signature-ignored": Case(SIGNATURE, R, ("information",)),
    "footer-in-own-mail-first-person": Case(
        "I want to unsubscribe from this newsletter.", "opt_out", (), ("email",)
    ),
    "on-behalf-client": Case(
        "I am writing on behalf of my client, Mr John Smith, to request a copy of all personal "
        "data you hold about him under Article 15 UK GDPR.",
        R,
        ("access",),
        on_behalf=True,
    ),
    "on-behalf-parent": Case(
        "My son is 14. Please delete his account and all his data.",
        R,
        ("erasure",),
        on_behalf=True,
    ),
    "on-behalf-deceased": Case(
        "My mother passed away last month. Please delete her account.",
        R,
        ("erasure",),
        on_behalf=True,
    ),
    "on-behalf-other-address": Case(
        "Please delete all my personal data, including my old address bob.old@example.net.",
        R,
        ("erasure",),
        on_behalf=True,
    ),
    "objection-citation-in-the-middle": Case(
        "I object under Article 21 to the processing of my personal data.",
        R,
        ("objection",),
    ),
    "objection-under-protest-is-not-gdpr": Case(
        "I object under protest to paying this invoice twice.", "other"
    ),
    "on-behalf-spouse-data": Case(
        "Please send me a copy of all data you hold on my husband.",
        R,
        ("access",),
        on_behalf=True,
    ),
    "own-address-is-not-behalf": Case(
        "Please delete all my personal data. My email is ann@example.org.",
        R,
        ("erasure",),
        on_behalf=False,
    ),
    "solicitor-third-person": Case(
        "We act for Mrs Jane Doe and request all records you hold on her pursuant to Article 15.",
        R,
        ("access",),
        on_behalf=True,
    ),
    "de-on-behalf": Case(
        "Im Namen meines Mandanten beantrage ich Auskunft gemäß Art. 15 DSGVO.",
        R,
        ("access",),
        on_behalf=True,
    ),
    "automatic-reply-mentioned-by-person": Case(
        "I got an automatic reply from you yesterday but nobody answered. Please delete my "
        "account.",
        R,
        ("erasure",),
    ),
    "reply-to-auto-reply-subject": Case(
        "please delete my data", R, ("erasure",), subject="Re: Automatic reply: hello"
    ),
    "subject-only-request": Case("", R, ("erasure",), subject="Delete my account"),
    "unsubscribe-subject-polite-body": Case(
        "Please remove me.", "opt_out", (), ("email",), subject="Unsubscribe"
    ),
    "reply-in-unsubscribe-thread": Case("thanks for the info", "other", subject="Re: Unsubscribe"),
    "verification-reply-quoting-us": Case(
        "Yes, I confirm. Code 123456.\n\nOn Tue, 3 Sep 2024 at 10:00, Support "
        "<support@example.co.uk> wrote:\n> You asked us to delete your data. Reply to confirm.",
        "other",
        subject="Re: [DSR-2026-00042] Please confirm your request",
    ),
    "html-only": Case(
        "<html><body><p>Hello,</p><p>please <b>delete my account</b>.</p></body></html>",
        R,
        ("erasure",),
        content_type="text/html; charset=utf-8",
    ),
}

AUTO_HEADERS = {
    "auto-submitted": ("Auto-Submitted: auto-replied",),
    "auto-generated": ("Auto-Submitted: auto-generated",),
    "x-autoreply": ("X-Autoreply: yes",),
    "x-autorespond": ("X-Autorespond: yes",),
    "precedence-bulk": ("Precedence: bulk",),
    "precedence-junk": ("Precedence: junk",),
    "suppress-oof": ("X-Auto-Response-Suppress: OOF",),
    "suppress-all": ("X-Auto-Response-Suppress: All",),
    "null-return-path": ("Return-Path: <>",),
}
REQUEST = "Please delete all my personal data. Also unsubscribe me."


@pytest.mark.parametrize(("name", "headers"), AUTO_HEADERS.items(), ids=list(AUTO_HEADERS))
def test_autoresponder_headers_win_over_a_quoted_request(
    name: str, headers: tuple[str, ...]
) -> None:
    result = classify(make(REQUEST, "Re: your request", headers=headers))
    assert result.kind == "auto_reply", name
    assert result.is_robot and not result.needs_triage
    assert result.rights == () and result.opt_out == ()


def test_auto_submitted_no_is_a_person() -> None:
    result = classify(make(REQUEST, headers=("Auto-Submitted: no",)))
    assert result.kind == R


BOUNCE_SENDERS = {
    "mailer-daemon": "MAILER-DAEMON@mx.example.net",
    "mailer-daemon-no-at": "MAILER-DAEMON",
    "null-sender": "Mail Delivery System <>",
    "postmaster": "postmaster@example.net",
}


@pytest.mark.parametrize("sender", BOUNCE_SENDERS.values(), ids=list(BOUNCE_SENDERS))
def test_daemon_senders_are_bounces(sender: str) -> None:
    result = classify(make(REQUEST, "Returned mail", sender=sender))
    assert result.kind == "bounce"
    assert result.rights == ()


BOUNCE_TEXTS = {
    "postfix": (
        "Undelivered Mail Returned to Sender",
        "This is the mail system at host mx.example.net.\n\nI'm sorry to have to inform you "
        "that your message could not be delivered to one or more recipients.",
    ),
    "exim": (
        "Mail delivery failed: returning message to sender",
        "This message was created automatically by mail delivery software.\n\nA message that "
        "you sent could not be delivered to one or more of its recipients.",
    ),
    "qmail": (
        "failure notice",
        "Hi. This is the qmail-send program at mx.example.net.\nI'm afraid I wasn't able to "
        "deliver your message to the following addresses.",
    ),
    "sendmail": (
        "Returned mail: see transcript for details",
        "The original message was received at Tue, 3 Sep 2024 10:00:00 +0100\n\n"
        "----- The following addresses had permanent fatal errors -----\n<bob@example.net>",
    ),
    "exchange-en": (
        "Undeliverable: Please delete my data",
        "Delivery has failed to these recipients or groups:\nbob@example.net",
    ),
    "exchange-de": (
        "Unzustellbar: Bitte löschen Sie meine Daten",
        "Die Nachricht konnte nicht zugestellt werden.",
    ),
    "exchange-fr": ("Non remis : Demande", "La remise a échoué pour ces destinataires ou groupes."),
    "exchange-es": (
        "No se puede entregar: Solicitud",
        "Error en la entrega a estos destinatarios o grupos:",
    ),
    "gmail": (
        "Delivery Status Notification (Failure)",
        "** Address not found **\n\nYour message wasn't delivered to bob@example.net because "
        "the address couldn't be found.",
    ),
    "quoting-request": (
        "Undelivered Mail Returned to Sender",
        "This is the mail system at host mx.example.net.\n\n--- original ---\n" + REQUEST,
    ),
}


@pytest.mark.parametrize(("subject", "body"), BOUNCE_TEXTS.values(), ids=list(BOUNCE_TEXTS))
def test_mail_server_failure_texts_are_bounces(subject: str, body: str) -> None:
    result = classify(make(body, subject, sender="Mail System <system@mx.example.net>"))
    assert result.kind == "bounce", result.evidence
    assert result.rights == () and result.opt_out == ()


def test_delivery_status_report_structure_is_a_bounce() -> None:
    raw = (
        "From: someone@example.net\r\nTo: support@example.co.uk\r\nSubject: Hello\r\n"
        "MIME-Version: 1.0\r\nContent-Type: multipart/report; report-type=delivery-status; "
        'boundary="b"\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\n'
        + REQUEST
        + "\r\n--b\r\nContent-Type: message/delivery-status\r\n\r\nReporting-MTA: dns; mx\r\n"
        "\r\nFinal-Recipient: rfc822; bob@example.net\r\nAction: failed\r\n--b--\r\n"
    )
    result = classify(parse_message(raw.encode()))
    assert result.kind == "bounce"
    assert "delivery-status" in result.evidence[0]


def test_x_failed_recipients_is_a_bounce() -> None:
    headers = ("X-Failed-Recipients: bob@example.net",)
    assert classify(make(REQUEST, headers=headers)).kind == "bounce"


VACATIONS = {
    "en": "I am out of the office until Monday 3 June with limited access to email.",
    "en-leave": "Thank you for your email. I am currently on annual leave and will respond on "
    "my return.",
    "de": "Vielen Dank für Ihre Nachricht. Ich bin bis zum 12.08. nicht im Büro.",
    "fr": "Je suis absente du bureau jusqu'au 15 août.",
    "es": "Estoy fuera de la oficina hasta el lunes.",
    "it": "Sono fuori ufficio fino al 20 agosto.",
    "nl": "Ik ben momenteel afwezig tot en met 5 mei.",
    "pl": "Jestem na urlopie do 10 lipca.",
    "pt": "Estou ausente até dia 3 de junho.",
    "sv": "Jag är på semester till den 1 augusti.",
    "ticket-receipt": "This is an automated response. Your request has been received and a "
    "ticket has been created.",
    "helpdesk-receipt": "Thank you for contacting us. Your ticket #1234 has been created and we "
    "will get back to you.",
    "helpdesk-receipt-bracketed-number": "Your request (#88213) has been received and is being "
    "reviewed by our support staff.",
    "ticket-created": "We would like to acknowledge that we have received your request and a "
    "ticket has been created.",
    "away-until-reply-when-back": "Thank you for your message. I'm away in the hills until 2 June "
    "and will reply when I'm back.",
}


@pytest.mark.parametrize("body", VACATIONS.values(), ids=list(VACATIONS))
def test_vacation_texts_without_headers_are_auto_replies(body: str) -> None:
    quoted = f"{body}\n\n-----Original Message-----\n{REQUEST}"
    assert classify(make(quoted, "Re: Request")).kind == "auto_reply"


AUTO_SUBJECTS = ["Automatic reply: Data request", "Abwesenheitsnotiz: Anfrage", "Out of Office"]


@pytest.mark.parametrize("subject", AUTO_SUBJECTS)
def test_autoresponder_subjects(subject: str) -> None:
    assert classify(make("Thanks for your mail.", subject)).kind == "auto_reply"


def test_newsletter_is_other_not_opt_out() -> None:
    headers = ("List-Unsubscribe: <mailto:leave@news.example.com>", "Precedence: bulk")
    body = "Big sale this week!\n\nTo unsubscribe, click here. Stop receiving these emails."
    result = classify(make(body, "Our sale", sender="news@news.example.com", headers=headers))
    assert result.kind == "other"
    assert "List-Unsubscribe" in result.evidence[0]


def test_abuse_feedback_report_is_other() -> None:
    body = "This is an email abuse report for an email message received from IP 192.0.2.1."
    result = classify(make(body, "Abuse report", sender="feedback@isp.example.net"))
    assert result.kind == "other"


PARTIAL = {
    "cs": "Prosím o výmaz všech mých osobních údajů podle článku 17 GDPR.",
    "ja": "個人情報の開示を請求します。",
    "zh": "请删除我的个人数据。",
    "el": "Παρακαλώ διαγράψτε τα προσωπικά μου δεδομένα.",
}


@pytest.mark.parametrize(("language", "body"), PARTIAL.items(), ids=list(PARTIAL))
def test_languages_read_in_part_are_requests_for_triage(language: str, body: str) -> None:
    result = classify(make(body, "Request"))
    assert result.kind == R
    assert result.language == language
    assert result.needs_triage and result.confidence < TRIAGE_BELOW


def test_unreadable_ordinary_mail_goes_to_triage() -> None:
    result = classify(make("Hyvää päivää, milloin tilaukseni saapuu perille?", "Tilaus"))
    assert result.kind == "other"
    assert result.language not in READ_LANGUAGES
    assert result.needs_triage


# Phrasings a held-out set of mail by another writer found missing (each written anew here):
# the possessive "mein", plurals of non-native English, wrong-field-then-correct letters, a
# polite request that shares its words with a newsletter footer, Art. 22 cited alone.
UNSEEN = {
    "de-erasure-mein-konto": Case(
        "Guten Tag,\n\nlöschen Sie bitte mein Benutzerkonto samt allen Daten.\n\nGruß, Uwe",
        R,
        ("erasure",),
        subject="Konto",
        language="de",
    ),
    "de-optout-polite-over-footer": Case(
        "Bitte den Newsletter abbestellen, danke.\n\nUwe\n\n"
        "Am 03.09.2024 um 09:00 schrieb Example <news@example.co.uk>:\n"
        "> Angebote der Woche\n> Newsletter abbestellen: https://example.co.uk/ab",
        "opt_out",
        opt_out=("email",),
        subject="AW: Angebote der Woche",
    ),
    "de-automated-human": Case(
        "Mein Ratenkauf wurde automatisch abgelehnt. Ich verlange, dass die automatisierte "
        "Entscheidung von einem Menschen überprüft wird.",
        R,
        ("automated_decision",),
        subject="Ratenkauf",
        language="de",
    ),
    "en-erasure-plural-informations": Case(
        "hello pls delete all my informations and my card, i closed my account", R, ("erasure",)
    ),
    "en-optout-marketing-emails": Case(
        "The link in your emails is broken. Please take me off your promotional emails.",
        "opt_out",
        opt_out=("email",),
    ),
    "en-information-use-and-share": Case(
        "Can you explain what you use my data for and whether you share it with other "
        "companies? I do not want a copy.",
        R,
        ("information",),
    ),
    "en-rectification-right-to-have": Case(
        "Your system has my birthday as 1 March instead of 3 January. I have the right to have "
        "inaccurate data corrected, so please fix it.",
        R,
        ("rectification",),
    ),
    "en-article-22-alone": Case(
        "Your system refused my credit application in seconds. Under Article 22 of the UK GDPR "
        "I contest it.",
        R,
        ("automated_decision",),
    ),
    "en-access-citing-article-22": Case(
        "Under Article 15 GDPR please send me a copy of my personal data, including the logic "
        "of any automated decision-making under Article 22.",
        R,
        ("access",),
    ),
    "nl-rectification-wrong-address": Case(
        "Beste,\n\nJullie hebben een verkeerd adres van mij in het systeem staan. Kunnen jullie "
        "dat aanpassen naar Dorpsstraat 4?\n\nGroet, Sanne",
        R,
        ("rectification",),
        subject="Adres",
        language="nl",
    ),
    "sv-rectification-surname": Case(
        "Hej! Mitt efternamn är felstavat hos er. Kan ni rätta mitt efternamn till Lindqvist? "
        "Tack på förhand.",
        R,
        ("rectification",),
        subject="Efternamn",
        language="sv",
    ),
    "sv-erasure-present-tense": Case(
        "Hej, jag vill att ni raderar mitt konto och alla mina personuppgifter. Tack.",
        R,
        ("erasure",),
        subject="Radering",
        language="sv",
    ),
    "it-optout-stop-phoning": Case(
        "Buongiorno, vi chiedo di smettere di telefonarmi con offerte. Grazie.",
        "opt_out",
        opt_out=("phone",),
        subject="Telefonate",
        language="it",
    ),
    "es-automated-person-reviews": Case(
        "Buenos días, rechazaron mi solicitud de forma automática. Pido que una persona revise "
        "la decisión, por favor.",
        R,
        ("automated_decision",),
        subject="Solicitud rechazada",
        language="es",
    ),
    "pt-information-purposes": Case(
        "Bom dia, gostaria de saber para que finalidades usam os meus dados e se os partilham "
        "com terceiros. Obrigado.",
        R,
        ("information",),
        subject="Os meus dados",
        language="pt",
    ),
}


# Requests in ordinary words, without the vocabulary of the law (mailbot/classify/combos.py
# and the phrases a second held-out set found missing).
ORDINARY_WORDS = {
    "rectification-instead-of": Case(
        "Your letters all show my surname as Grene instead of Greene. Kindly update the same.",
        R,
        ("rectification",),
    ),
    "de-rectification-statt": Case(
        "Auf Ihren Rechnungen steht mein Vorname als Jurgen statt Jürgen, bitte ändern Sie das.",
        R,
        ("rectification",),
        subject="Vorname",
        language="de",
    ),
    "pl-rectification-wrong-birth-date": Case(
        "Dzień dobry, w moim profilu jest błędna data urodzenia. Proszę ją poprawić. Dziękuję",
        R,
        ("rectification",),
        subject="Profil",
        language="pl",
    ),
    "automated-rejected-staff-to-look": Case(
        "My request to pay in instalments was rejected automatically within seconds. I want a "
        "member of staff to look at it again.",
        R,
        ("automated_decision",),
    ),
    "pl-automated-refused": Case(
        "Dzień dobry, mój wniosek o raty został automatycznie odrzucony. Proszę, aby rozpatrzył "
        "go pracownik. Pozdrawiam",
        R,
        ("automated_decision",),
        subject="Raty",
        language="pl",
    ),
    "de-manual-review-subject": Case(
        "Danke.", R, ("automated_decision",), subject="Ratenkauf abgelehnt, bitte manuelle Prüfung"
    ),
    "portability-csv": Case(
        "Could you email me my account details as a CSV so I can import them elsewhere?",
        R,
        ("portability",),
    ),
    "information-how-long-customers": Case(
        "How long do you keep customers' details after they stop ordering?", R, ("information",)
    ),
    "restriction-freeze-use": Case(
        "Please freeze any use of my information until my complaint is settled, but don't "
        "delete anything.",
        R,
        ("restriction",),
    ),
    "information-indirect-question": Case(
        "Someone from your company rang me. I want to know where you got my number and who "
        "else you have passed it to.",
        R,
        ("information",),
    ),
    "es-information-where-from": Case(
        "Buenas tardes, quiero saber de dónde han sacado mi número y a quién más se lo han dado.",
        R,
        ("information",),
        subject="Mi número",
        language="es",
    ),
    "optout-typo-unsubcribe": Case("pls unsubcribe me from these", "opt_out", opt_out=("email",)),
    "fr-optout-no-more-sms-or-mail": Case(
        "Bonjour, merci de ne plus m'envoyer de SMS ni d'e-mails publicitaires.",
        "opt_out",
        opt_out=("email", "phone"),
        subject="Publicité",
        language="fr",
    ),
    "automated-blocked-by-system": Case(
        "My account was blocked by your fraud system overnight. I want a real person to review "
        "it, I have done nothing wrong.",
        R,
        ("automated_decision",),
    ),
    "it-automated-blocked-by-system": Case(
        "Buongiorno, il vostro sistema ha bloccato il mio account. Chiedo che un operatore "
        "verifichi la decisione. Grazie",
        R,
        ("automated_decision",),
        subject="Account bloccato",
        language="it",
    ),
    "rectification-in-your-records": Case(
        "Please correct my surname in your records to Okafor, it has been like that for years.",
        R,
        ("rectification",),
    ),
    "objection-profile-of-me": Case(
        "Stop building a profile of me from what I browse on your site.", R, ("objection",)
    ),
    "es-objection-no-profile": Case(
        "Hola, no quiero que usen mis compras para hacerme un perfil. Gracias.",
        R,
        ("objection",),
        subject="Perfil",
        language="es",
    ),
    "de-restriction-keep-unused": Case(
        "Hallo, bitte nichts löschen, aber meine Daten auch nicht mehr nutzen, bis der Streit "
        "geklärt ist. Danke",
        R,
        ("restriction",),
        subject="Streitfall",
        language="de",
    ),
    "portability-send-json": Case(
        "Can you send everything you hold from my fitness readings as a JSON file to my new "
        "provider?",
        R,
        ("portability",),
    ),
    "pt-access-copy-of-information": Case(
        "Olá, gostaria de receber uma cópia de toda a informação que têm sobre mim. Obrigada",
        R,
        ("access",),
        subject="Informação",
        language="pt",
    ),
    "pl-erasure-account-and-data": Case(
        "Dzień dobry, proszę o usunięcie mojego konta oraz wszystkich moich danych.",
        R,
        ("erasure",),
        subject="Konto",
        language="pl",
    ),
    "nl-access-copy-of-all": Case(
        "Hoi, kunnen jullie mij een kopie van al mijn gegevens sturen? Groet",
        R,
        ("access",),
        subject="Gegevens",
        language="nl",
    ),
    "access-copy-of-footage": Case(
        "Could you send me a copy of the camera footage from Tuesday evening that shows me at "
        "reception?",
        R,
        ("access",),
    ),
    "access-recordings-of-my-calls": Case(
        "I want the recordings of my phone calls with your agents last month.", R, ("access",)
    ),
    "de-access-copy-of-recordings": Case(
        "Guten Tag, ich bitte um eine Kopie der Aufnahmen von mir aus Ihrem Studio. Danke",
        R,
        ("access",),
        subject="Aufnahmen",
        language="de",
    ),
    "information-no-copy-needed": Case(
        "I don't need a copy of anything. I'd like to know what you use my data for.",
        R,
        ("information",),
    ),
    "erasure-brand-account": Case("Please delete my Streamly account.", R, ("erasure",)),
    "erasure-photos-of-child": Case(
        "Please delete all the photos of my son from your website and your files.",
        R,
        ("erasure",),
    ),
    "de-erasure-informal": Case(
        "Hi, bitte löscht mein Profil mit allen Fotos. Danke", R, ("erasure",), subject="Profil"
    ),
    "automated-cancelled-by-system": Case(
        "Your system cancelled my booking automatically. I'd like an actual person to look at "
        "it again.",
        R,
        ("automated_decision",),
    ),
    "objection-switch-off-personalised": Case(
        "Please switch off the personalised recommendations on my account.", R, ("objection",)
    ),
    "nl-restriction-keep-not-use": Case(
        "Beste, ik verzoek jullie die gegevens niet te gebruiken tot de klacht is afgehandeld. "
        "Bewaren mag.",
        R,
        ("restriction",),
        subject="Klacht",
        language="nl",
    ),
    "it-rectification-errore-scheda": Case(
        "Buongiorno, c'è un errore nella mia scheda cliente: vi chiedo di correggerla. Grazie",
        R,
        ("rectification",),
        subject="Scheda",
        language="it",
    ),
    "es-rectification-income": Case(
        "Hola, en mi expediente figura un ingreso de 18.000 €, cuando en realidad son 38.000 €. "
        "Os pido que lo corrijáis.",
        R,
        ("rectification",),
        subject="Expediente",
        language="es",
    ),
    "pl-information-purpose-and-retention": Case(
        "Dzień dobry, w jakim celu przetwarzacie moje dane i jak długo je przechowujecie?",
        R,
        ("information",),
        subject="Dane",
        language="pl",
    ),
    "pt-information-how-long-recordings": Case(
        "Olá, quanto tempo guardam as gravações das câmaras e quem tem acesso a elas?",
        R,
        ("information",),
        subject="Câmaras",
        language="pt",
    ),
    "pl-optout-stop-sms": Case(
        "Dzień dobry, proszę o zaprzestanie wysyłania mi SMS-ów z ofertami.",
        "opt_out",
        opt_out=("phone",),
        subject="SMS",
        language="pl",
    ),
    "it-optout-no-more-newsletter": Case(
        "Buongiorno, per favore non inviatemi più la newsletter. Grazie",
        "opt_out",
        opt_out=("email",),
        subject="Newsletter",
        language="it",
    ),
    "fr-optout-no-more-sms-offers": Case(
        "Bonjour, je ne souhaite plus recevoir vos offres par SMS. Merci",
        "opt_out",
        opt_out=("phone",),
        subject="Offres",
        language="fr",
    ),
    "optout-do-not-telephone": Case(
        "I'm happy to keep giving monthly, but please do not telephone me again.",
        "opt_out",
        opt_out=("phone",),
    ),
    "automated-screening-software": Case(
        "I was rejected four minutes after applying, so I assume screening software decided. I "
        "would like a recruiter to go through my application properly.",
        R,
        ("automated_decision",),
    ),
    "sv-automated-en-person": Case(
        "Hej, jag fick avslag efter två minuter från ett automatiskt system. Jag vill att en "
        "person går igenom min ansökan. Tack",
        R,
        ("automated_decision",),
        subject="Avslag",
        language="sv",
    ),
    "restriction-keep-it-as-it-is": Case(
        "While the dispute is open I don't want you using or passing on my payment history. "
        "Just keep it as it is until it is resolved.",
        R,
        ("restriction",),
    ),
    "access-location-logs": Case(
        "Please send me the location logs for every trip on my account in March.", R, ("access",)
    ),
    "fr-access-copy-of-personnel-file": Case(
        "Madame, Monsieur, je souhaiterais obtenir une copie de mon dossier du personnel. "
        "Cordialement",
        R,
        ("access",),
        subject="Dossier",
        language="fr",
    ),
    "rectification-correct-the-records": Case(
        "The vet notes you were sent belong to another dog. Please correct the records you hold "
        "for me.",
        R,
        ("rectification",),
    ),
    "objection-reading-habits-tracked": Case(
        "I don't want my reading habits tracked and used for adverts.", R, ("objection",)
    ),
    "es-information-who-and-how-long": Case(
        "Hola, quisiera saber con quién comparten mis datos y cuánto tiempo los guardan. Gracias",
        R,
        ("information",),
        subject="Datos",
        language="es",
    ),
    "de-optout-untersage-werbeanrufe": Case(
        "Hiermit untersage ich Ihnen weitere Werbeanrufe. Gruß",
        "opt_out",
        opt_out=("phone",),
        subject="Anrufe",
        language="de",
    ),
    "de-rectification-name-since-first-order": Case(
        "Hallo, in meinem Kundenkonto steht mein Name seit der ersten Bestellung falsch: Moller "
        "statt Möller. Könnten Sie das bitte korrigieren?",
        R,
        ("rectification",),
        subject="Name",
        language="de",
    ),
    "rectification-actually-on-my-record": Case(
        "My date of birth is down as 12/09/1985. It's actually 21/09/1985. Could you get it fixed "
        "on my record?",
        R,
        ("rectification",),
    ),
    "information-where-you-got-it-from": Case(
        "Could you tell me where you got this address from, and what you're using it for?",
        R,
        ("information",),
    ),
    "nl-automated-medewerker-beoordelen": Case(
        "Mijn boeking werd door uw systeem geannuleerd. Ik vraag u deze beslissing door een "
        "medewerker te laten beoordelen.",
        R,
        ("automated_decision",),
        subject="Boeking",
        language="nl",
    ),
    "nl-objection-to-a-fee-is-not-confident": Case(
        "Ik maak bezwaar tegen de bezorgkosten van mijn laatste bestelling.", R, ("objection",)
    ),
    "unsubscribe-from-a-paid-plan-is-ordinary": Case(
        "I want to unsubscribe from Plus and stop being charged every month.", "other"
    ),
    "erasure-cv-and-details": Case(
        "I've found a job, could you delete my CV and all my details from your database please.",
        R,
        ("erasure",),
    ),
    "access-copies-of-everything-about-a-child": Case(
        "As his dad I'd like copies of everything you hold about Sam: the incident report, his "
        "first aid log and the booking form.",
        R,
        ("access",),
        on_behalf=True,
    ),
    "objection-not-used-in-research": Case(
        "I don't want my DNA or my survey answers used in any research, please take me out.",
        R,
        ("objection",),
    ),
    "pl-portability-abbreviation": Case(
        "Dzień dobry, czy mogą Państwo przesłać mi moje dane w formacie do importu, np. CSV albo "
        "JSON? Dziękuję",
        R,
        ("portability",),
        subject="Eksport",
        language="pl",
    ),
    "it-rectification-phone-number": Case(
        "Ciao, il numero di telefono nel mio profilo è sbagliato, quello giusto è 347 112 9083. "
        "Potete correggere per favore?",
        R,
        ("rectification",),
        subject="Profilo",
        language="it",
    ),
    "es-optout-no-mails-or-sms": Case(
        "Hola, por favor no me mandéis más correos ni SMS con ofertas. Gracias",
        "opt_out",
        opt_out=("email", "phone"),
        subject="Ofertas",
        language="es",
    ),
    "log-in-is-ordinary": Case(
        "I want to log in to my account but the page keeps reloading.", "other"
    ),
    "copy-of-invoice-is-ordinary": Case("Please send me a copy of my invoice for March.", "other"),
    "csv-button-question-is-ordinary": Case(
        "Is there a button to download my orders as CSV for my accountant?", "other"
    ),
    "es-product-subscription-is-ordinary": Case(
        "Hola, quiero cancelar mi suscripción a la caja mensual de café.", "other"
    ),
    "email-change-on-account-is-ordinary": Case(
        "I'm leaving my job, please change the email address on my account to jo@home.example.",
        "other",
    ),
    "wrong-address-of-an-order-is-logistics": Case(
        "The delivery address on my order is wrong, can you change it before it ships?", "other"
    ),
    "journalist-asks-about-deletions": Case(
        "I'm a reporter writing about how long shops take to handle customers asking for their "
        "data to be deleted. Could your press team comment?",
        "other",
    ),
}

# Ordinary words found missing by an eighth held-out set, in fresh phrasings, and the look-alike
# support mail that must stay ordinary.
PLAIN_ASKS = {
    "access-contraction-youve": Case(
        "Hiya, could you email me everything you've kept about me since 2019? Cheers, Sam",
        R,
        ("access",),
    ),
    "access-everything-on-me": Case(
        "I'd like you to send me all the info you have on me, including the chat transcripts.",
        R,
        ("access",),
    ),
    "fr-access-infos-sur-moi": Case(
        "Bonjour, j'aimerais recevoir toutes les infos que vous gardez sur moi. Merci, Léa",
        R,
        ("access",),
        subject="Mes infos",
        language="fr",
    ),
    "erasure-wants-account-deleted": Case(
        "My mum asked me to write: she wants her profile on your site deleted, pictures and all.",
        R,
        ("erasure",),
    ),
    "rectification-has-me-as": Case(
        "Your booking system has my name as Jon Smyth. It is John Smith. Please fix that.",
        R,
        ("rectification",),
    ),
    "es-rectification-aparece-como": Case(
        "Hola, en la app mi apellido aparece como Garcya y es García. ¿Podéis corregirlo?",
        R,
        ("rectification",),
        subject="Apellido",
        language="es",
    ),
    "automated-minutes-later": Case(
        "I applied for the flat on your site and got a rejection two minutes after pressing "
        "send, 3 minutes later to be exact. Please have someone actually review my application.",
        R,
        ("automated_decision",),
    ),
    "de-automated-seconds-caseworker": Case(
        "Mein Kreditantrag wurde nach wenigen Sekunden abgelehnt. Bitte lassen Sie einen "
        "Sachbearbeiter den Antrag noch einmal ansehen.",
        R,
        ("automated_decision",),
        subject="Kreditantrag",
        language="de",
    ),
    "automated-model-flagged": Case(
        "Your fraud model flagged my account and froze my card. I want a real person to check "
        "this, not the computer.",
        R,
        ("automated_decision",),
    ),
    "portability-sent-as-csv": Case(
        "Could my reading list and reviews be sent to me as a CSV file? I'm moving to another app.",
        R,
        ("portability",),
    ),
    "fr-objection-refuse-profil": Case(
        "Je refuse que vous vous serviez de mes achats pour faire un profil de moi.",
        R,
        ("objection",),
        subject="Profil",
        language="fr",
    ),
    "it-objection-non-voglio-che": Case(
        "Buongiorno, non voglio che i miei dati siano condivisi con le assicurazioni partner.",
        R,
        ("objection",),
        subject="Dati",
        language="it",
    ),
    "nl-objection-wil-niet-dat": Case(
        "Ik wil niet dat jullie mijn gegevens doorgeven aan het marketingbureau.",
        R,
        ("objection",),
        subject="Gegevens",
        language="nl",
    ),
    "objection-not-included": Case(
        "I don't want my photos included in your product research. Please leave me out.",
        R,
        ("objection",),
    ),
    "restriction-until-checked": Case(
        "Someone opened an account in my name. Until that is sorted, please don't use my "
        "personal details for anything.",
        R,
        ("restriction",),
    ),
    "fr-restriction-sans-effacer": Case(
        "Merci de ne plus utiliser mes données, sans les supprimer : j'en ai besoin pour mon "
        "dossier au tribunal.",
        R,
        ("restriction",),
        subject="Mes données",
        language="fr",
    ),
    "sv-restriction-radera-inget": Case(
        "Hej, använd inte mina uppgifter medan ni utreder bedrägeriet, men radera inget.",
        R,
        ("restriction",),
        subject="Mina uppgifter",
        language="sv",
    ),
    "optout-named-newsletter": Case(
        "I no longer want the 'Weekend Deals' newsletter, thanks. Invoices by email are fine.",
        "opt_out",
        opt_out=("email",),
    ),
    "pl-optout-wypisanie": Case(
        "Proszę o wypisanie mojego adresu z listy mailingowej. Pozdrawiam",
        "opt_out",
        opt_out=("email",),
        subject="Wypisanie",
        language="pl",
    ),
    "es-access-envien-datos-personales": Case(
        "Buenas, ¿me pueden mandar los datos personales que guardan de mí? Gracias",
        R,
        ("access",),
        subject="Mis datos",
        language="es",
    ),
    "fr-restriction-ne-detruisez-pas": Case(
        "Ne détruisez pas mon dossier, mais ne l'utilisez plus pour le moment, s'il vous plaît.",
        R,
        ("restriction",),
        subject="Mon dossier",
        language="fr",
    ),
    # A negation governs the words after it, not the clause that "and" starts.
    "objection-after-not-happy-and": Case(
        "I'm not pleased about the new terms and I object to you processing my data for them.",
        R,
        ("objection",),
    ),
    "de-objection-nicht-einverstanden-und": Case(
        "Mit der Auswertung bin ich nicht einverstanden und widerspreche der Nutzung meiner Daten.",
        R,
        ("objection",),
        subject="Auswertung",
        language="de",
    ),
    "access-what-you-have-on-record": Case(
        "Before I pay, I want to see every reading you have on record for my meter, with dates.",
        R,
        ("access",),
    ),
    "rectification-have-it-down-as": Case(
        "Your records have it down as a fault claim. It was not my fault: please correct the "
        "claim history.",
        R,
        ("rectification",),
    ),
    "it-rectification-nel-fascicolo-ricevuto": Case(
        "Vi chiedo di correggere la data di assunzione nel mio fascicolo e di avvisare chi ha "
        "ricevuto la mia referenza.",
        R,
        ("rectification",),
        subject="Fascicolo",
        language="it",
    ),
    "objection-dont-profile-me": Case(
        "If you have looked up my house price to decide how much to ask me for, please don't "
        "profile me like that.",
        R,
        ("objection",),
    ),
    "erasure-copies-of-my-documents": Case(
        "I never took the flat. Please destroy the scans of my passport and payslips.",
        R,
        ("erasure",),
    ),
    # Look-alikes that stay ordinary support mail.
    "invoice-you-have-on-file": Case(
        "Can you send me the invoice you have on file for March? I need it for my taxes.", "other"
    ),
    "vendor-names-kinds-of-request": Case(
        "Our new dashboard lets you answer access, rectification and erasure requests from your "
        "customers in minutes. Book a demo today.",
        "other",
    ),
    "card-payment-declined-automatically": Case(
        "My card payment was automatically declined at checkout. Can someone check why?",
        "other",
    ),
    "order-on-hold-until": Case(
        "Please put my order on hold until I'm back from holiday on the 14th.", "other"
    ),
    "info-about-me-joining": Case(
        "Could you send me some information about me joining as a family member?", "other"
    ),
    "newsletter-to-new-address": Case(
        "I don't want the newsletter to go to my old address any more, please send it to "
        "jo@example.org instead.",
        "other",
    ),
}

# Requests two further held-out sets (the ninth and tenth) found missing, in fresh phrasings,
# and the support mail that borrows their words.
MORE_PLAIN_ASKS = {
    "automated-app-deactivated": Case(
        "The app deactivated my driver account on Sunday over 'quality metrics'. I want somebody "
        "to look at it, not the app.",
        R,
        ("automated_decision",),
    ),
    "nl-automated-systeem-iemand": Case(
        "Mijn aanvraag is door jullie systeem afgewezen. Ik wil dat iemand naar mijn aanvraag "
        "kijkt.",
        R,
        ("automated_decision",),
        subject="Aanvraag",
        language="nl",
    ),
    "fr-automated-site-conseiller": Case(
        "Votre site a refusé mon devis sans explication, c'est un ordinateur qui a dit non. "
        "Je voudrais qu'un conseiller regarde mon dossier.",
        R,
        ("automated_decision",),
        subject="Devis refusé",
        language="fr",
    ),
    "information-two-questions": Case(
        "What exactly do you store when I use the fingerprint reader at the gym, and how long do "
        "you keep it?",
        R,
        ("information",),
    ),
    "de-information-gespeichert-wer-bekommt": Case(
        "Was wird bei der Anmeldung gespeichert, und wer bekommt diese Daten?",
        R,
        ("information",),
        subject="Anmeldung",
        language="de",
    ),
    "it-information-telecamere": Case(
        "Buongiorno, quali dati registrate con le telecamere all'ingresso e per quanto tempo li "
        "conservate?",
        R,
        ("information",),
        subject="Telecamere",
        language="it",
    ),
    "portability-spreadsheet-another-app": Case(
        "Is there any way to get my listening history as a spreadsheet? I'm moving to another app.",
        R,
        ("portability",),
    ),
    "es-portability-otra-plataforma": Case(
        "Me voy a otra plataforma. ¿Podéis pasarme mis valoraciones en un archivo?",
        R,
        ("portability",),
        subject="Valoraciones",
        language="es",
    ),
    "objection-leave-me-out-of-research": Case(
        "I read that you analyse customers' energy use for research. Please leave me out of it.",
        R,
        ("objection",),
    ),
    "objection-picture-of-what-i-buy": Case(
        "I don't want you building a picture of me from what I buy in your shops.",
        R,
        ("objection",),
    ),
    "objection-stop-passing-my-details": Case(
        "Stop passing my contact details to your partners, please.", R, ("objection",)
    ),
    "es-objection-dejen-de-compartir": Case(
        "Dejen de compartir mis datos con otras empresas, por favor.",
        R,
        ("objection",),
        subject="Mis datos",
        language="es",
    ),
    "es-restriction-no-hagan-nada": Case(
        "No hagan nada con mis datos mientras revisan la reclamación; tampoco los borren.",
        R,
        ("restriction",),
        subject="Reclamación",
        language="es",
    ),
    "restriction-that-number-used-for-anything": Case(
        "I don't want that phone number used for anything until you've checked whose it is.",
        R,
        ("restriction",),
    ),
    "fr-erasure-que-vous-le-supprimiez": Case(
        "Non, pas de pause. Je veux que vous le supprimiez, avec tout ce qu'il contient.",
        R,
        ("erasure",),
        subject="Mon compte",
        language="fr",
    ),
    "erasure-my-daughters-profile": Case(
        "Please erase my daughter's profile and everything she uploaded.",
        R,
        ("erasure",),
        on_behalf=True,
    ),
    "de-optout-rufen-sie-nicht-mehr-an": Case(
        "Bitte rufen Sie mich nicht mehr zu Werbezwecken an.",
        "opt_out",
        opt_out=("phone",),
        subject="Anrufe",
        language="de",
    ),
    "pt-optout-deixem-de-ligar": Case(
        "Peço que deixem de me ligar com promoções.",
        "opt_out",
        opt_out=("phone",),
        subject="Chamadas",
        language="pt",
    ),
    "sv-optout-sluta-skicka-reklam": Case(
        "Hej, sluta skicka reklammejl till mig.",
        "opt_out",
        opt_out=("email",),
        subject="Reklam",
        language="sv",
    ),
    "it-optout-non-ricevere-piu": Case(
        "Vorrei non ricevere più le vostre email promozionali.",
        "opt_out",
        opt_out=("email",),
        subject="Email",
        language="it",
    ),
    "optout-after-broken-unsubscribe-link": Case(
        "The unsubscribe link in your newsletter is dead. Please remove me from the mailing list.",
        "opt_out",
        opt_out=("email",),
    ),
    "information-kinds-and-why": Case(
        "I don't need a copy. What kind of data do you keep on guests, and why do you need to "
        "keep it?",
        R,
        ("information",),
    ),
    "automated-credit-assessment": Case(
        "After an automated credit assessment you want a £300 deposit from me. I'd like a person "
        "to review it.",
        R,
        ("automated_decision",),
    ),
    "nl-automated-vastgesteld-medewerker": Case(
        "Mijn premie is vastgesteld door een geautomatiseerd model. Ik wil dat een medewerker "
        "mijn situatie opnieuw beoordeelt.",
        R,
        ("automated_decision",),
        subject="Premie",
        language="nl",
    ),
    "pl-automated-sekundach-kryteriow": Case(
        "Po 20 sekundach dostałem odpowiedź, że wniosek nie spełnia kryteriów. Proszę, żeby "
        "przejrzał go człowiek.",
        R,
        ("automated_decision",),
        subject="Wniosek",
        language="pl",
    ),
    "es-objection-no-autorizo": Case(
        "No autorizo el uso de mis datos para ese estudio de la universidad.",
        R,
        ("objection",),
        subject="Estudio",
        language="es",
    ),
    "nl-rectification-kloppen-niet-dossier": Case(
        "De gegevens in mijn dossier kloppen niet. Kunnen jullie het aanpassen?",
        R,
        ("rectification",),
        subject="Dossier",
        language="nl",
    ),
    "sv-erasure-radera-allt-om-mig": Case(
        "hej, radera allt ni har om mig tack",
        R,
        ("erasure",),
        subject="radera",
        language="sv",
    ),
    "sv-portability-som-filer": Case(
        "Kan ni skicka min träningshistorik som filer (GPX) så jag kan ladda upp den i en annan "
        "app?",
        R,
        ("portability",),
        subject="Träningshistorik",
        language="sv",
    ),
    "erasure-her-removed-from-database": Case(
        "I have power of attorney for my aunt. I want her removed from your database completely.",
        R,
        ("erasure",),
        on_behalf=True,
    ),
    "access-see-whats-on-my-file": Case(
        "I was told there are incidents on file. I want to see what's on my file, all of it.",
        R,
        ("access",),
    ),
    "erasure-delete-the-lot": Case(
        "I've left the club. Please delete the lot: my health form and the notes.",
        R,
        ("erasure",),
    ),
    "optout-take-me-off-all-of-it": Case(
        "Please take me off all of it - the emails and the texts about test drives.",
        "opt_out",
        opt_out=("email", "phone"),
    ),
    "pl-optout-przestac-wysylac-sms": Case(
        "Proszę przestać wysyłać mi SMS-y z reklamami.",
        "opt_out",
        opt_out=("phone",),
        subject="SMS",
        language="pl",
    ),
    "pt-optout-deixem-de-enviar-newsletter": Case(
        "Peço que deixem de me enviar a newsletter.",
        "opt_out",
        opt_out=("email",),
        subject="Newsletter",
        language="pt",
    ),
    "automated-algorithm-rejected-why": Case(
        "Your algorithm rejected my application in a second. Why?", R, ("automated_decision",)
    ),
    # Look-alikes that stay ordinary support mail.
    "certificate-name-corrected-and-reissued": Case(
        "The surname on my course certificate is misspelt as Smyth instead of Smith. Could you "
        "correct it and reissue the certificate?",
        "other",
    ),
    "es-name-corrected-in-a-booking": Case(
        "En la reserva el apellido de mi hija aparece como Garsia. ¿Pueden corregirlo en la "
        "reserva y en los billetes?",
        "other",
        subject="Reserva",
    ),
    "supplier-new-bank-details": Case(
        "Please update your records and remit all future payments to our new account, sort code "
        "11-22-33, account 12345678.",
        "other",
    ),
    "algorithm-story-without-an-ask": Case(
        "lol your algorithm has decided I love garden gnomes, my whole homepage is gnomes now",
        "other",
    ),
    "signed-up-story-account-hacked": Case(
        "Someone took over my account. I still have the welcome mail from when I signed up, "
        "please help me get it back.",
        "other",
    ),
    "sv-how-long-lost-property-is-kept": Case(
        "Hej, jag glömde en halsduk i salongen. Hur länge sparar ni hittegods?",
        "other",
        subject="Halsduk",
    ),
    "shop-orders-to-csv-for-accountant": Case(
        "Is there a way to export my shop's orders to CSV for my accountant?", "other"
    ),
    "two-questions-not-about-data": Case(
        "How long will the delivery take, and who receives the parcel if I'm out?", "other"
    ),
    "sales-report-to-excel": Case(
        "I can't find a way to export the monthly sales report to Excel for our shop.", "other"
    ),
    "invoices-as-a-pdf-file": Case(
        "Could you send me last year's invoices as a PDF file for my accountant?", "other"
    ),
    "it-rectify-an-order": Case(
        "Vorrei rettificare l'ordine 5521: mi servono due taglie M invece di una.",
        "other",
        subject="Ordine 5521",
    ),
    "es-rectify-a-booking": Case(
        "Necesito rectificar la reserva del sábado, seremos cuatro y no tres.",
        "other",
        subject="Reserva",
    ),
    "unsubscribe-from-a-paid-plan": Case(
        "How do I unsubscribe? You took £12.99 again this month and I cancelled in May.",
        "other",
    ),
    "sv-unsubscribe-from-a-paid-plan": Case(
        "Jag vill avregistrera mig och sluta betala för matkassarna.", "other", subject="Avsluta"
    ),
}

# Requests the twelfth and thirteenth held-out sets found missing, in fresh phrasings.
STILL_MORE_PLAIN_ASKS = {
    "erasure-everything-you-hold-on-him-deleted": Case(
        "I'd like everything you hold on me deleted, including the voice recordings.",
        R,
        ("erasure",),
    ),
    "erasure-account-gone": Case(
        "We've moved house. I want my account gone, every clip included.", R, ("erasure",)
    ),
    "erasure-rather-you-didnt-keep": Case(
        "I've left the gym. I'd rather you didn't keep my health questionnaire.", R, ("erasure",)
    ),
    "access-see-her-whole-file": Case(
        "As her father I'd like to see her whole file, including the instructors' notes.",
        R,
        ("access",),
        on_behalf=True,
    ),
    "access-print-out-what-you-have-on-file": Case(
        "I have no computer. Could you please print out whatever you have on file about me and "
        "post it?",
        R,
        ("access",),
    ),
    "rectification-put-my-record-right": Case(
        "The club's old records say I was suspended in 2019. I never was. Please put my record "
        "right.",
        R,
        ("rectification",),
    ),
    "information-who-gave-it-to-you": Case(
        "I never gave you my address. Who gave it to you, and how did you come to have my name?",
        R,
        ("information",),
    ),
    "information-where-do-the-clips-go": Case(
        "Where do the clips from the baby camera actually go, and does anyone at your company "
        "ever watch them?",
        R,
        ("information",),
    ),
    "objection-dont-pass-our-details": Case(
        "Please don't pass our details to any other suppliers from now on.", R, ("objection",)
    ),
    "objection-leave-my-data-out": Case(
        "I got your note about the admissions research study. Please leave my data out of it.",
        R,
        ("objection",),
    ),
    "restriction-dont-use-it-for-anything-while": Case(
        "While you check the payment, don't use that missed payment for anything. Park it until "
        "it's sorted.",
        R,
        ("restriction",),
    ),
    "portability-send-directly-to-new-provider": Case(
        "Could you send my whole measurement history, weights and dates, directly to my new "
        "coach's platform?",
        R,
        ("portability",),
    ),
    "automated-unable-to-offer-a-plan": Case(
        "Your app said it was unable to offer me a plan, straight away. I want someone to look at "
        "it, a person not the system.",
        R,
        ("automated_decision",),
    ),
    "fr-automated-minutes-apres-criteres": Case(
        "Cinq minutes après, 10 minutes après au plus, on m'a écrit que mon dossier ne correspond "
        "pas à vos critères. Je voudrais qu'une personne le regarde.",
        R,
        ("automated_decision",),
        subject="Dossier",
        language="fr",
    ),
    "fr-information-ou-stockees-tiers": Case(
        "Où sont stockées mes données, et est-ce qu'elles sont transmises à des tiers ?",
        R,
        ("information",),
        subject="Mes données",
        language="fr",
    ),
    "fr-optout-arretez-les-sms": Case(
        "Merci d'arrêter de m'envoyer des SMS pour vos promotions.",
        "opt_out",
        opt_out=("phone",),
        subject="SMS",
        language="fr",
    ),
    "it-optout-togliere-indirizzo": Case(
        "Vi chiedo di togliere il mio indirizzo dalla vostra newsletter. Il link disiscriviti non "
        "funziona.",
        "opt_out",
        opt_out=("email",),
        subject="Newsletter",
        language="it",
    ),
    "it-erasure-vorrei-che-cancellaste": Case(
        "Vorrei che cancellaste il mio profilo con tutte le foto.",
        R,
        ("erasure",),
        subject="Profilo",
        language="it",
    ),
    "it-restriction-non-cancellare-non-usarle": Case(
        "Vi chiedo di non cancellare nulla, ma non dovete usarle per nient'altro.",
        R,
        ("restriction",),
        subject="Registrazioni",
        language="it",
    ),
    "nl-access-overzicht-gegevens": Case(
        "Graag krijg ik een overzicht van alle gegevens die jullie van mij hebben.",
        R,
        ("access",),
        subject="Gegevens",
        language="nl",
    ),
    "nl-erasure-alle-gegevens-van-ons-verwijderen": Case(
        "Willen jullie ons account opheffen en alle gegevens van ons gezin verwijderen?",
        R,
        ("erasure",),
        subject="Account",
        language="nl",
    ),
    "pl-restriction-nie-uzywac-nie-kasujcie": Case(
        "Proszę nie używać tych danych do niczego. Nie kasujcie ich jednak.",
        R,
        ("restriction",),
        subject="Dane",
        language="pl",
    ),
    "pt-rectification-corrijam-a-minha-ficha": Case(
        "Na minha ficha aparece uma dívida que não existe. Peço que corrijam a minha ficha.",
        R,
        ("rectification",),
        subject="Ficha",
        language="pt",
    ),
    "de-erasure-loschen-sie-alles-von-mir": Case(
        "Ich bin ausgetreten. Bitte löschen Sie alles von mir.",
        R,
        ("erasure",),
        subject="Austritt",
        language="de",
    ),
    "sv-optout-vill-inte-fa-nyhetsbrev": Case(
        "Jag vill inte längre få era nyhetsbrev via e-post.",
        "opt_out",
        opt_out=("email",),
        subject="Nyhetsbrev",
        language="sv",
    ),
    "optout-stop-the-promo-texts": Case(
        "can you stop the promo texts pls, booking emails are fine", "opt_out", opt_out=("phone",)
    ),
    "es-optout-quitadme-de-la-newsletter": Case(
        "Hola, porfa quitadme de la newsletter. Gracias!",
        "opt_out",
        opt_out=("email",),
        subject="Newsletter",
        language="es",
    ),
    "it-optout-smettere-email-e-chiamate": Case(
        "Vi chiedo di smettere di mandarmi email promozionali e di non chiamarmi più.",
        "opt_out",
        opt_out=("email", "phone"),
        subject="Promozioni",
        language="it",
    ),
    "pl-optout-nie-wysylac-sms": Case(
        "Proszę nie wysyłać mi więcej SMS-ów z promocjami.",
        "opt_out",
        opt_out=("phone",),
        subject="SMS",
        language="pl",
    ),
    "pt-optout-nao-quero-receber-os-emails": Case(
        "Não quero receber mais os emails de promoções. Podem tirar-me dessa lista?",
        "opt_out",
        opt_out=("email",),
        subject="Promoções",
        language="pt",
    ),
    "de-objection-gebt-meine-daten-nicht-weiter": Case(
        "Bitte gebt meine Daten nicht an euren neuen Partner oder sonst eine Firma weiter.",
        R,
        ("objection",),
        subject="Partner",
        language="de",
    ),
    "nl-objection-gegevens-hoeven-niet-naar": Case(
        "Mijn gegevens hoeven niet naar de sponsor. Dat wil ik niet.",
        R,
        ("objection",),
        subject="Sponsor",
        language="nl",
    ),
    "fr-erasure-nous-souhaitons-que-vous-supprimiez": Case(
        "Nous souhaitons que vous supprimiez tout notre dossier, passeports compris.",
        R,
        ("erasure",),
        subject="Dossier",
        language="fr",
    ),
    "access-entitled-to-see": Case(
        "My son says I'm entitled to see what you have on me, so please post me all of it.",
        R,
        ("access",),
    ),
    "erasure-dont-want-it-to-exist": Case(
        "I deleted the app. I don't want any of it to exist any more, not the account, not the "
        "history.",
        R,
        ("erasure",),
    ),
    "rectification-got-me-down-as-born": Case(
        "You've got me down as born in 1987; it's 1978. Could someone fix it on my account?",
        R,
        ("rectification",),
    ),
    "restriction-dont-delete-dont-do-anything-else": Case(
        "Don't delete my viewing history, but I don't want you doing anything else with it until "
        "my complaint is resolved.",
        R,
        ("restriction",),
    ),
    "information-what-happens-to-the-photos": Case(
        "What happens to the photos from the drone, who else gets them, and how long do you hang "
        "on to them?",
        R,
        ("information",),
    ),
    "information-footage-does-it-go-to-anyone": Case(
        "How long do you keep the footage, and does it go to anyone outside the centre?",
        R,
        ("information",),
    ),
    "nl-restriction-niet-verder-gebruikt-bewaard": Case(
        "Mijn dossier mag niet verder gebruikt worden, maar moet wel bewaard blijven.",
        R,
        ("restriction",),
        subject="Dossier",
        language="nl",
    ),
    "pt-information-enviados-guardados": Case(
        "Estes dados são enviados para mais alguém? Ficam guardados quanto tempo?",
        R,
        ("information",),
        subject="Dados",
        language="pt",
    ),
    "access-let-me-have-a-copy": Case(
        "Could you let me have a copy of whatever you keep on file about me? By post, please.",
        R,
        ("access",),
    ),
    "access-see-what-you-hold-on-her": Case(
        "As her mum I'd like to see what you hold on her: notes, photos, everything.",
        R,
        ("access",),
        on_behalf=True,
    ),
    "objection-not-happy-building-a-picture": Case(
        "I'm not happy about you building up some picture of me from what I read.",
        R,
        ("objection",),
    ),
    "objection-details-going-to-sponsors": Case(
        "I really don't want my details going to your sponsors.", R, ("objection",)
    ),
    "restriction-not-being-used-against-me": Case(
        "I don't want that late mark being used against me for anything until it's checked. I'm "
        "not asking you to delete it.",
        R,
        ("restriction",),
    ),
    "portability-gpx-put-it-into": Case(
        "is there a way to get all my ride history out of the app?? like as a gpx file. want to "
        "put it into strava",
        R,
        ("portability",),
    ),
    "erasure-remove-all-my-datas": Case(
        "Please remove all my datas from your shop, I don't need it anymore.", R, ("erasure",)
    ),
    "erasure-rather-you-didnt-keep-copies": Case(
        "I sold the car years ago. I'd rather you didn't keep copies of my licence.",
        R,
        ("erasure",),
    ),
    "information-why-and-who-gets-to-see": Case(
        "Could you tell me why you need my PPS number and who gets to see the medical form?",
        R,
        ("information",),
    ),
    "de-objection-geht-mir-zu-weit": Case(
        "Ein Profil über meinen Fahrstil anzulegen geht mir zu weit.",
        R,
        ("objection",),
        subject="Profil",
        language="de",
    ),
    "fr-portability-recuperer-fichier-csv": Case(
        "Je voudrais récupérer l'historique de mes trajets dans un fichier CSV.",
        R,
        ("portability",),
        subject="Historique",
        language="fr",
    ),
    "fr-information-enregistre-qui-a-acces": Case(
        "Qu'est-ce qui est enregistré par les caméras, et qui a accès aux images ?",
        R,
        ("information",),
        subject="Caméras",
        language="fr",
    ),
    "fr-objection-ne-plus-utiliser-son-image": Case(
        "Je vous demande de ne plus utiliser son image ni son prénom sur votre site.",
        R,
        ("objection",),
        subject="Photos",
        language="fr",
    ),
    "es-objection-prefiero-que-no-se-usen": Case(
        "Prefiero que mis datos no se usen para estudios ni análisis.",
        R,
        ("objection",),
        subject="Estudios",
        language="es",
    ),
    "it-information-perche-tenere-quanto-tempo": Case(
        "Perché lo dovete tenere voi il certificato medico? Per quanto tempo lo conservate?",
        R,
        ("information",),
        subject="Certificato",
        language="it",
    ),
    "nl-portability-bestand-aanleveren": Case(
        "Kunnen jullie al mijn ritgegevens in een bestand aanleveren, bijvoorbeeld CSV?",
        R,
        ("portability",),
        subject="Ritgegevens",
        language="nl",
    ),
    "nl-erasure-alles-van-mij-wissen": Case(
        "Ik wil dat jullie alles wat jullie van mij hebben wissen.",
        R,
        ("erasure",),
        subject="Gegevens",
        language="nl",
    ),
    "nl-information-vandaan-hoe-lang-bewaren": Case(
        "Waar hebben jullie die informatie vandaan en hoe lang bewaren jullie dat?",
        R,
        ("information",),
        subject="Informatie",
        language="nl",
    ),
    "fr-optout-arreter-ces-sms": Case(
        "Merci d'arrêter de m'envoyer ces SMS publicitaires.",
        "opt_out",
        opt_out=("phone",),
        subject="SMS",
        language="fr",
    ),
    "pt-optout-tirar-me-da-newsletter": Case(
        "Olá! Podem tirar-me da newsletter? Obrigada.",
        "opt_out",
        opt_out=("email",),
        subject="Newsletter",
        language="pt",
    ),
    "objection-stop-doing-that-analysis": Case(
        "Keep the newsletter coming, but please stop doing that analysis on me.",
        R,
        ("objection",),
    ),
    "information-did-you-pass-my-details": Case(
        "A removals firm rang me about my piano. Did you pass my details to them?",
        R,
        ("information",),
    ),
    "information-who-sees-the-scan": Case(
        "Who actually sees the passport scan, and what happens to it after the festival?",
        R,
        ("information",),
    ),
    "restriction-nobody-uses-them": Case(
        "Please don't delete my photos after all. What I want is that nobody uses them for "
        "anything until the claim is over.",
        R,
        ("restriction",),
    ),
    "de-access-was-uber-mich-gespeichert": Case(
        "Ich möchte wissen, was der Verein alles über mich gespeichert hat, gerne als PDF.",
        R,
        ("access",),
        subject="Meine Daten",
        language="de",
    ),
    "de-restriction-nicht-zu-verwenden": Case(
        "Bitte diesen Vermerk bis zur Klärung nicht zu verwenden, ihn aber auch nicht zu löschen.",
        R,
        ("restriction",),
        subject="Vermerk",
        language="de",
    ),
    "fr-objection-servent-a-des-etudes": Case(
        "Je ne veux pas que mes coordonnées servent à des études d'audience.",
        R,
        ("objection",),
        subject="Études",
        language="fr",
    ),
    "fr-rectification-ma-fiche-and-a-certificate": Case(
        "Dans ma fiche il est noté que je suis enceinte, c'est faux. Merci de corriger ma fiche "
        "et de me renvoyer l'attestation.",
        R,
        ("rectification",),
        subject="Ma fiche",
        language="fr",
    ),
    "it-automated-dopo-due-minuti-scartata": Case(
        "Dopo due minuti la mia candidatura è stata scartata dal sistema. Potete farla rivedere "
        "a una persona?",
        R,
        ("automated_decision",),
        subject="Candidatura",
        language="it",
    ),
    "es-information-para-que-se-lo-mandais": Case(
        "¿Para qué necesitáis el DNI entero? ¿Se lo mandáis a alguien o lo guardáis vosotros?",
        R,
        ("information",),
        subject="DNI",
        language="es",
    ),
    "sv-information-tillgang-sparas-kvar": Case(
        "Vilka har tillgång till medlemslistan, och sparas uppgifterna kvar om man slutar?",
        R,
        ("information",),
        subject="Medlemslistan",
        language="sv",
    ),
    "nl-erasure-account-laten-verwijderen": Case(
        "Hoi, ik wil mijn account helemaal laten verwijderen, met al mijn foto's.",
        R,
        ("erasure",),
        subject="Account",
        language="nl",
    ),
    "pt-erasure-apaguem-os-dados": Case(
        "Peço que apaguem todos os dados que tenham em arquivo sobre mim.",
        R,
        ("erasure",),
        subject="Dados",
        language="pt",
    ),
    "fr-optout-arreter-les-mails-et-les-sms": Case(
        "Merci d'arrêter les mails et les SMS publicitaires.",
        "opt_out",
        opt_out=("email", "phone"),
        subject="Pub",
        language="fr",
    ),
    "pl-optout-wypisac-mnie": Case(
        "Proszę wypisać mnie z newslettera, dzięki.",
        "opt_out",
        opt_out=("email",),
        subject="Newsletter",
        language="pl",
    ),
    "pt-optout-deixar-de-enviar": Case(
        "Façam favor de deixar de me enviar a newsletter.",
        "opt_out",
        opt_out=("email",),
        subject="Newsletter",
        language="pt",
    ),
    "optout-off-all-the-promotional-emails": Case(
        "Can you take me off all the promotional emails? Dispatch notes are fine.",
        "opt_out",
        opt_out=("email",),
    ),
    "es-optout-dejeis-de-enviarme-no-volvais": Case(
        "Os pido que dejéis de enviarme correos de ofertas y que no me volváis a llamar.",
        "opt_out",
        opt_out=("email", "phone"),
        subject="Publicidad",
        language="es",
    ),
    "de-access-was-uber-mich-und-mein-haus": Case(
        "Ich möchte wissen, was bei Ihnen über mich und mein Haus gespeichert ist.",
        R,
        ("access",),
        subject="Meine Daten",
        language="de",
    ),
    "de-erasure-mein-app-konto-loschen": Case(
        "Bitte mein Brotzeit-App Konto komplett löschen inkl. aller Daten.",
        R,
        ("erasure",),
        subject="Konto",
        language="de",
    ),
    "information-anyone-else-get-that-data": Case(
        "How long do you keep the plate photos, and does anyone else get that data?",
        R,
        ("information",),
    ),
    "es-information-que-haceis-a-quien": Case(
        "¿Qué hacéis con los datos de los clientes y a quién se los pasáis?",
        R,
        ("information",),
        subject="Datos",
        language="es",
    ),
    "rectification-wrong-mobile-and-contact": Case(
        "The number you've got as my emergency contact is wrong, and my own mobile is the old "
        "one. Could you change them?",
        R,
        ("rectification",),
    ),
    "fr-rectification-mettre-a-jour-ma-fiche": Case(
        "Mon nom est enregistré comme Thibaut au lieu de Thibault. Pouvez-vous mettre à jour ma "
        "fiche ?",
        R,
        ("rectification",),
        subject="Mon nom",
        language="fr",
    ),
    "it-objection-non-mi-va-che": Case(
        "Non mi va che i miei acquisti vengano analizzati per fare un profilo su di me.",
        R,
        ("objection",),
        subject="Profilazione",
        language="it",
    ),
    # Look-alikes that stay ordinary support mail.
    "it-new-invoice-for-a-wrong-tax-code": Case(
        "Il codice fiscale nella fattura è sbagliato. Potete emettere una nuova fattura corretta?",
        "other",
        subject="Fattura",
    ),
    "pt-how-long-lost-property-is-kept": Case(
        "Deixei um brinco no spa. Quanto tempo guardam os perdidos e achados?",
        "other",
        subject="Perdidos",
    ),
    "pt-name-wrong-on-a-booking": Case(
        "Fiz a reserva para a visita de sábado mas o nome do segundo participante está errado: "
        "onde está Ana Lopez deve ser Ana Lopes. Podem corrigir?",
        "other",
        subject="Reserva",
    ),
    "sv-auditor-wants-invoices-in-excel": Case(
        "Vår revisor behöver alla fakturor från 2024. Kan ni exportera dem till Excel?",
        "other",
        subject="Fakturor",
    ),
    "export-of-a-trade-account": Case(
        "Could you send us an export (CSV) of all orders on our trade account since 2021?", "other"
    ),
    "es-cancel-a-paper-subscription": Case(
        "Quiero darme de baja de la suscripción al periódico en papel; no me pasen más recibos "
        "al banco.",
        "other",
        subject="Baja",
    ),
    "de-no-sms-code-arrives": Case(
        "Ich soll einen Code eingeben, aber es kommt keine SMS. Wie komme ich in mein Konto?",
        "other",
        subject="Login",
    ),
    "stop-paper-statements-email-them": Case(
        "Please could you stop sending me the quarterly statements by post and email them instead?",
        "other",
    ),
    "fr-quote-to-rectify": Case(
        "Devis à rectifier : le taux de TVA est faux, merci de le refaire.",
        "other",
        subject="Devis",
    ),
    "delete-a-duplicate-from-your-system": Case(
        "I booked twice by mistake. Please delete it from your system, the second one.", "other"
    ),
}


# Asks in ordinary words, in forms the tables above lack: what is held asked for in the next
# sentence, another person's data named by their name, files "in whatever format", records
# "out of date", informal Spanish, German "unterlassen", and their look-alikes.
FURTHER_PLAIN_ASKS = {
    "access-got-on-record-for-me": Case(
        "Could you post me whatever you've got on record for me? Address, the notes, the lot.",
        R,
        ("access",),
    ),
    "access-ask-in-the-sentence-before": Case(
        "I'd like to see it all. Every note the club keeps about me, the incident forms and the "
        "emails.",
        R,
        ("access",),
    ),
    "access-ask-in-the-sentence-after": Case(
        "The records you keep about me, all of them. I would like them sent to me by Friday.",
        R,
        ("access",),
    ),
    "es-access-informal-de-mi": Case(
        "Quiero saber qué datos guardáis de mí (nombre, fotos, notas...) y que me los enviéis.",
        R,
        ("access",),
    ),
    "es-knowing-with-purposes-is-information": Case(
        "Me gustaría saber qué datos guardáis de mí, para qué los usáis y a quién se los pasáis.",
        R,
        ("information",),
    ),
    "erasure-of-a-named-persons-details": Case(
        "Please wipe Tomasz's details off your system; he no longer trains with us.",
        R,
        ("erasure",),
        on_behalf=True,
    ),
    "de-erasure-alles-uber-mich": Case(
        "Bitte alles, was Sie über mich gespeichert haben, löschen.", R, ("erasure",)
    ),
    "de-phone-unterlassen": Case(
        "Bitte unterlassen Sie in Zukunft Anrufe zu Werbezwecken.", "opt_out", opt_out=("phone",)
    ),
    "portability-any-common-file-format": Case(
        "Can you export my training log in any common file format so I can load it into the "
        "new club's app?",
        R,
        ("portability",),
    ),
    "es-portability-pasar": Case(
        "¿Me podéis pasar todo en un archivo CSV? Lo quiero subir a la app de otro club.",
        R,
        ("portability",),
        subject="Cambio de club",
    ),
    "rectification-record-out-of-date": Case(
        "Several entries on their record are out of date; please update them.",
        R,
        ("rectification",),
    ),
    "de-rectification-veraltet": Case(
        "Mein Nachname ist in Ihrem System veraltet, bitte ändern.", R, ("rectification",)
    ),
    "complaint-about-what-was-written-about-me": Case(
        "I'd like to complain. Everything you wrote about me in the review reply was false.",
        "other",
    ),
    "like-to-see-you-fix-it": Case(
        "I'd like to see you fix the app. The notes you made about me at the appointment were "
        "fine.",
        "other",
    ),
    "price-list-out-of-date": Case(
        "The price list on your website is out of date, please update it.", "other"
    ),
    "order-address-outdated": Case(
        "My address on the order is outdated, can you change it before it ships?", "other"
    ),
    "restriction-entry-until-checked": Case(
        "Until you have checked my receipt, please don't use that entry or send it on to the "
        "league.",
        R,
        ("restriction",),
    ),
    "de-restriction-eintrag-d-h": Case(
        "Solange das nicht geklärt ist, bitte den Eintrag sperren, d. h. ihn weder zu verwenden "
        "noch weiterzugeben.",
        R,
        ("restriction",),
    ),
    "sv-restriction-anteckningen": Case(
        "Tills ni har tittat på saken vill jag att ni inte använder anteckningen.",
        R,
        ("restriction",),
    ),
    "restriction-information-not-sent-while": Case(
        "While you look into it, please do not send any of my information to the insurer.",
        R,
        ("restriction",),
    ),
    "parcel-not-sent-until-back": Case(
        "Until I'm back from holiday, please don't send the parcel to my old address.", "other"
    ),
    "es-automated-no-apto-teacher": Case(
        "El sistema me ha marcado como no apto automáticamente. Quiero que un profesor revise "
        "mi caso.",
        R,
        ("automated_decision",),
    ),
    "fr-automated-not-selected": Case(
        "Je n'ai pas été retenue : la sélection est faite automatiquement par le logiciel. Je "
        "demande qu'une personne réexamine mon dossier.",
        R,
        ("automated_decision",),
    ),
    "information-what-it-is-for-and-any-of-it": Case(
        "I'd like to understand what the health questionnaire is actually for, how long you "
        "keep it, and whether any of it goes to your insurer.",
        R,
        ("information",),
    ),
    "fr-information-avec-qui": Case(
        "Avec qui partagez-vous mes coordonnées, et combien de temps les gardez-vous ?",
        R,
        ("information",),
    ),
    "fr-objection-coordonnees-transmises": Case(
        "Je ne souhaite pas que mes coordonnées soient transmises à vos partenaires.",
        R,
        ("objection",),
    ),
    "es-objection-mi-imagen": Case(
        "Prefiero que no uséis mi imagen en vuestras redes.", R, ("objection",)
    ),
    "it-objection-la-mia-immagine": Case(
        "Vi chiedo di non utilizzare più la mia immagine sul sito.", R, ("objection",)
    ),
    "objection-keep-track-to-tailor": Case(
        "I'd prefer you didn't keep track of what I buy to tailor the emails.",
        R,
        ("objection",),
    ),
    "erasure-take-name-off-website": Case(
        "Could you take my name and results off your website?", R, ("erasure",)
    ),
    "erasure-take-down-videos-of-me": Case(
        "Would you take the reel down, and any videos you have of me?", R, ("erasure",)
    ),
    "sv-erasure-ur-registret": Case("Ta bort mig ur medlemsregistret, tack.", R, ("erasure",)),
    "de-erasure-aus-dem-system-rausnehmen": Case(
        "Ich will, dass ihr meine Fotos aus eurem System rausnehmt.", R, ("erasure",)
    ),
    "de-duplicate-order-out-of-the-system": Case(
        "Könnt ihr meine doppelte Bestellung aus dem System rausnehmen?", "other"
    ),
    "portability-whatever-format": Case(
        "Could you email me the measurements you have for me, in whatever format your software "
        "uses, so the new clinic can import them?",
        R,
        ("portability",),
    ),
    "de-portability-compound-daten": Case(
        "Könnten Sie meine Messdaten als Datei an meinen neuen Optiker schicken?",
        R,
        ("portability",),
    ),
    "phone-not-to-call-me-about-offers": Case(
        "Please note on my account not to call me about offers.", "opt_out", opt_out=("phone",)
    ),
    "de-phone-keine-telefonische-werbung": Case(
        "Ich wünsche keine telefonische Werbung.", "opt_out", opt_out=("phone",)
    ),
    "fr-phone-demarchage": Case(
        "Merci d'arrêter le démarchage téléphonique.", "opt_out", opt_out=("phone",)
    ),
    "fr-email-l-envoi-de-vos-offres": Case(
        "Merci de cesser l'envoi de vos offres par e-mail.", "opt_out", opt_out=("email",)
    ),
    "es-baja-del-gimnasio": Case(
        "Quiero darme de baja del gimnasio a final de mes.", "other", subject="Fin de mes"
    ),
    "es-survey-lists-kinds-of-request": Case(
        "Estudiamos si las pymes reciben solicitudes de acceso o supresión de datos. ¿Podrían "
        "responder a la encuesta?",
        "other",
    ),
    "it-mobile-data-error": Case(
        "L'app dice 'errore di connessione dati' sul cellulare, ho già cambiato telefono.",
        "other",
    ),
    "access-informations-stored-about-me": Case(
        "pls what informations you have stored about me?", R, ("access",)
    ),
    "de-access-bzw": Case(
        "Könnten Sie mir zusammenstellen, was Sie über mich bzw. meine Familie gespeichert haben?",
        R,
        ("access",),
    ),
    "it-access-documentazione": Case(
        "Vi chiedo di inviarmi copia della documentazione che mi riguarda.", R, ("access",)
    ),
    "access-copy-of-records-while-changing-dentist": Case(
        "We're changing dentist, so I'd like a copy of whatever records you hold about me.",
        R,
        ("access",),
    ),
    "rectification-all-the-mistakes-in-your-records": Case(
        "Please correct all the mistakes in your records: my surname is Lee, not Li.",
        R,
        ("rectification",),
    ),
    "erasure-delete-whatever-u-have": Case(
        "can u delete whatever u have about me from the old booking pls", R, ("erasure",)
    ),
    "access-what-exactly-do-you-have-on-me": Case(
        "I never signed up with you. What exactly do you have on me?", R, ("access",)
    ),
    "information-how-you-got-my-number": Case(
        "I want to know how you got my number, because I never gave it to you.",
        R,
        ("information",),
    ),
    "erasure-old-account-of-mine": Case(
        "There is an old account of mine under my maiden name. Could you get rid of that one?",
        R,
        ("erasure",),
    ),
    "restriction-dont-want-it-used-keep-it-as-it-is": Case(
        "Please don't delete the treatment notes. But I don't want any of it used either; keep "
        "it as it is until the complaint is settled.",
        R,
        ("restriction",),
    ),
    "objection-object-that-you-use-my-image": Case(
        "I object that you use my image in your adverts without asking me.", R, ("objection",)
    ),
    "de-objection-widersprech-ich-hiermit": Case(
        "Dass ihr aus meinen Daten ein Profil baut, da widersprech ich hiermit.",
        R,
        ("objection",),
    ),
    "de-erasure-loschen-sie-die-aufnahmen": Case(
        "Löschen Sie bitte die Aufnahmen vom Sommerfest, auf denen ich zu sehen bin.",
        R,
        ("erasure",),
    ),
    "fr-access-tout-ce-que-vous-avez-note-sur-moi": Case(
        "J'aimerais avoir tout ce que vous avez noté sur moi : fiches, factures, commentaires.",
        R,
        ("access",),
    ),
    "fr-rectification-corriger-mon-dossier": Case(
        "Ma date de naissance est fausse, merci de corriger mon dossier.", R, ("rectification",)
    ),
    "es-restriction-tampoco-quiero-que-lo-usen": Case(
        "No borren nada de lo mío, pero tampoco quiero que lo usen mientras se aclara esto.",
        R,
        ("restriction",),
    ),
    "es-automated-assigned-level-teacher-reviews": Case(
        "El sistema me asignó automáticamente un nivel A2. ¿Podría revisar el resultado un "
        "profesor?",
        R,
        ("automated_decision",),
    ),
    "it-information-address-who-what-how-long": Case(
        "Vorrei sapere chi vi ha dato il mio indirizzo e per quanto tempo lo tenete.",
        R,
        ("information",),
    ),
    "nl-restriction-niet-gebruikt-zolang": Case(
        "Zolang dit niet is uitgezocht wil ik niet dat die registratie ergens voor gebruikt wordt.",
        R,
        ("restriction",),
    ),
    "pl-information-po-co-jak-dlugo-trzymacie": Case(
        "Po co wam mój PESEL i jak długo go trzymacie?", R, ("information",)
    ),
    "sv-access-vill-jag-fa-en-kopia": Case(
        "Innan vi betalar vill jag få en kopia på allt ni har om mig.", R, ("access",)
    ),
    "sv-email-stryk-mig": Case(
        "Snälla, stryk mig från era e-postutskick.", "opt_out", opt_out=("email",)
    ),
    "pt-phone-parem-de-mandar-promocao-sms": Case(
        "Vocês podem parar de me mandar promoção por SMS?", "opt_out", opt_out=("phone",)
    ),
    "information-collect-passed-to-kept": Case(
        "Could you explain what you collect about the children (health details, photos), who "
        "it is passed to, and how long it's kept?",
        R,
        ("information",),
    ),
    "objection-rather-not-be-profiled": Case(
        "I'd rather not be profiled for adverts, thanks.", R, ("objection",)
    ),
    "objection-left-out-of-research": Case(
        "You use our chats for research. I'd like to be left out of it.", R, ("objection",)
    ),
    "sv-objection-undantas": Case(
        "Ni analyserar resmönster. Jag vill inte vara med i det, se till att jag undantas.",
        R,
        ("objection",),
    ),
    "portability-profile-and-history-in-a-spreadsheet": Case(
        "Could you give me my member profile and booking history in a spreadsheet so I can take "
        "it with me to the new club?",
        R,
        ("portability",),
    ),
    "es-portability-algun-archivo": Case(
        "¿Me lo podríais pasar todo en algún archivo para la otra academia?",
        R,
        ("portability",),
    ),
    "fr-restriction-gardez-le-ne-l-utilisez-pas": Case(
        "En attendant, ne l'utilisez pas pour mon inscription. Gardez-le quand même.",
        R,
        ("restriction",),
    ),
    "it-automated-risposta-negativa-rivista": Case(
        "Ho ricevuto una risposta negativa dopo una valutazione automatizzata. Vorrei che fosse "
        "rivista da una persona.",
        R,
        ("automated_decision",),
    ),
    "sv-automated-minuter-efter-en-dator": Case(
        "Jag fick nej några minuter efter testet, det var nog en dator som bestämde. Kan någon "
        "titta på min ansökan?",
        R,
        ("automated_decision",),
    ),
    "erasure-details-held-about-be-deleted": Case(
        "I ask that the personal details held about my mother be deleted.",
        R,
        ("erasure",),
        on_behalf=True,
    ),
    "erasure-it-could-all-be-removed": Case(
        "If you no longer need my passport scan, I'd be grateful if it could all be removed from "
        "your files.",
        R,
        ("erasure",),
    ),
    "fr-erasure-faire-disparaitre": Case(
        "Pouvez-vous faire disparaître mon profil et mes photos ?", R, ("erasure",)
    ),
    "nl-erasure-gegevens-weghalen": Case(
        "Kunnen jullie al mijn gegevens weghalen?", R, ("erasure",)
    ),
    "pt-email-retirem-da-lista": Case(
        "Peço que me retirem da vossa lista de emails promocionais.",
        "opt_out",
        opt_out=("email",),
    ),
    "pl-email-nie-wysylac-ofert": Case(
        "Proszę nie wysyłać mi już ofert mailem.", "opt_out", opt_out=("email",)
    ),
    "unsubscribe-from-a-seed-box": Case(
        "Please can you unsubscribe me from the monthly seed box? Not the emails, just the box.",
        "other",
    ),
    "change-my-profile-picture": Case(
        "Every time I try to change my profile picture the app crashes.", "other"
    ),
    "fr-rectifier-l-annonce": Case(
        "Pouvez-vous faire rectifier l'annonce dans le journal ?", "other"
    ),
    "information-does-any-of-this-go-to": Case(
        "Why do you need my date of birth? Does any of this go to your fundraising people? And "
        "how long do you hang on to it?",
        R,
        ("information",),
    ),
    "de-access-was-ihr-eigentlich-noch-alles": Case(
        "Ich frag mich, was ihr eigentlich noch so alles von mir gespeichert habt. Schickt mir "
        "das bitte mal.",
        R,
        ("access",),
    ),
    "de-erasure-rausloschen": Case(
        "Es wäre mir recht, wenn Sie meine Daten bei sich rauslöschen würden.", R, ("erasure",)
    ),
    "de-objection-hort-auf-profil": Case(
        "Bitte hört auf, aus meinen Liftdaten ein Profil von mir zu erstellen.",
        R,
        ("objection",),
    ),
    "de-automated-kein-mensch": Case(
        "Die Ablehnung kam in derselben Minute, da hat kein Mensch draufgeschaut. Ich möchte, "
        "dass sich ein Mitarbeiter meinen Antrag anschaut.",
        R,
        ("automated_decision",),
    ),
    "de-rectification-kartei-richtigstellen": Case(
        "Mein Name ist falsch geschrieben. Könnten Sie das in Ihrer Kundenkartei richtigstellen?",
        R,
        ("rectification",),
    ),
    "fr-access-serait-il-possible-d-avoir": Case(
        "Serait-il possible d'avoir une copie de tout ce que vous avez sur moi ?",
        R,
        ("access",),
    ),
    "fr-restriction-ses-donnees-on-behalf": Case(
        "En attendant que tout soit vérifié, merci de ne plus utiliser ses données.",
        R,
        ("restriction",),
    ),
    "fr-opt-out-retirer-de-vos-listes": Case(
        "Merci de me retirer de vos listes, pour les SMS comme pour les e-mails.",
        "opt_out",
        opt_out=("email", "phone"),
    ),
    "es-information-matriculas": Case(
        "Vuestra app guarda las matrículas, ¿no? ¿Para qué lo usáis y cuánto tiempo lo guardáis?",
        R,
        ("information",),
    ),
    "es-rectification-tienen-mal-el-dni": Case(
        "En la ficha tienen mal el DNI; el bueno es 12345678Z. ¿Lo pueden corregir?",
        R,
        ("rectification",),
    ),
    "it-objection-profilo-escluso": Case(
        "Vorrei che il mio profilo fosse escluso da questa analisi dei miei acquisti.",
        R,
        ("objection",),
    ),
    "it-automated-sistema-persona-controllasse": Case(
        "Il vostro sistema antifrode ha annullato da solo la prenotazione. Vorrei che una "
        "persona la controllasse.",
        R,
        ("automated_decision",),
    ),
    "nl-rectification-own-iban": Case(
        "Mijn gegevens moeten zijn: Kerkweg 17, IBAN NL44RABO0123456789. Zou u dat willen "
        "aanpassen in uw administratie?",
        R,
        ("rectification",),
    ),
    "pl-opt-out-wiecej-nie-wysylac": Case(
        "Proszę więcej mi tego nie wysyłać, ani SMS-ów, ani maili.",
        "opt_out",
        opt_out=("email", "phone"),
    ),
    "sv-access-vill-ha-ut-allt": Case(
        "Jag vill ha ut allt ni har sparat om mig.", R, ("access",), subject="Mina uppgifter"
    ),
    "sv-erasure-uppgifter-ur-ert-system": Case(
        "Kan ni radera mina och min sambos uppgifter ur ert system?", R, ("erasure",)
    ),
    "sv-automated-fick-direkt-nekad": Case(
        "Jag fick direkt ett nej på min ansökan och blev nekad. Jag vill att en riktig människa "
        "tittar på det.",
        R,
        ("automated_decision",),
    ),
    "es-bono-portabilidad": Case("¿El bono tiene portabilidad entre vuestros centros?", "other"),
    "fr-desinscrire-du-stage": Case(
        "Je voudrais désinscrire ma fille (9 ans) du stage d'escalade.", "other"
    ),
    "es-factura-rectificativa": Case(
        "Necesitamos una factura rectificativa: el NIF es incorrecto.", "other"
    ),
    "portability-give-me-the-data-in-a-file": Case(
        "Please can you give me all the data I put in, in a file another website can read?",
        R,
        ("portability",),
    ),
    "access-everything-on-her-send-that": Case(
        "Everything you've got on her, basically. Could you send that to me?", R, ("access",)
    ),
    "restriction-details-you-hold-on-me-not-used": Case(
        "Until this is looked into, the details you hold on me must not be used for invoicing.",
        R,
        ("restriction",),
    ),
    "erasure-take-us-off-your-records": Case(
        "Once the bill is paid, could you take us off your customer records?", R, ("erasure",)
    ),
    "access-grateful-to-receive": Case(
        "I should be most grateful to receive a copy of whatever information you hold "
        "concerning me.",
        R,
        ("access",),
    ),
    "automated-payment-plan-refused": Case(
        "Your automated assessment said you are unable to offer me a payment plan. I would like "
        "someone to review this.",
        R,
        ("automated_decision",),
    ),
    "de-restriction-daten-sperren": Case(
        "Bis das geklärt ist, bitte ich Sie, meine Daten zu sperren.", R, ("restriction",)
    ),
    "de-objection-wertet-nicht-mehr-aus": Case(
        "Bitte wertet meine Käufe nicht mehr aus, um ein Profil von mir zu bauen.",
        R,
        ("objection",),
    ),
    "fr-erasure-faire-disparaitre-de-vos-fichiers": Case(
        "Merci de faire disparaître de vos fichiers les informations me concernant.",
        R,
        ("erasure",),
    ),
    "es-restriction-abstengan-de-utilizar": Case(
        "Mientras no se resuelva, les ruego que se abstengan de utilizar mis datos.",
        R,
        ("restriction",),
    ),
    "pt-information-pra-que-pra-quem": Case(
        "Pra que vocês usam a foto do passaporte e pra quem mandam?", R, ("information",)
    ),
    "sv-erasure-avlagsna-uppgifter": Case(
        "Jag vore tacksam om ni ville avlägsna alla uppgifter om mig ur ert register.",
        R,
        ("erasure",),
    ),
    "es-phone-quitarme-de-las-promociones": Case(
        "¿Podéis quitarme de las promociones por SMS?", "opt_out", opt_out=("phone",)
    ),
    "it-phone-basta-sms": Case("Basta sms pubblicitari, grazie.", "opt_out", opt_out=("phone",)),
    "pt-email-tirar-o-meu-email": Case(
        "Podem tirar o meu email da vossa lista?", "opt_out", opt_out=("email",)
    ),
    "sv-phone-sluta-skicka-sms": Case(
        "Kan ni sluta skicka sms till mig?", "opt_out", opt_out=("phone",)
    ),
    "pt-access-to-the-marina": Case(
        "Como faço o pedido de acesso à marina ao sábado?", "other", subject="Marina"
    ),
    "fr-un-rectificatif-dans-le-journal": Case(
        "Pouvez-vous faire paraître un rectificatif dans le journal ?", "other"
    ),
    "rectification-still-lists-as-next-of-kin": Case(
        "The care file still lists her late brother as next of kin. Please update it.",
        R,
        ("rectification",),
        on_behalf=True,
    ),
    "rectification-down-as": Case(
        "Her date of birth appears to be down as 1934; it's 1937. Could you correct it?",
        R,
        ("rectification",),
    ),
    "rectification-correct-those-notes": Case(
        "Please correct those visit notes: I did not refuse my medication.",
        R,
        ("rectification",),
    ),
    "es-rectification-corregir-su-ficha": Case(
        "Necesito que corrijáis su ficha: es alérgica al huevo.", R, ("rectification",)
    ),
    "information-who-can-watch-how-long": Case(
        "Who can watch the new camera, and how long does it keep recordings?",
        R,
        ("information",),
    ),
    "information-what-you-do-with-members-details": Case(
        "Could you tell me what you do with members' details and how long results stay up on "
        "the website?",
        R,
        ("information",),
    ),
    "fr-information-qui-d-autre-combien-de-temps": Case(
        "Qui d'autre que mon médecin peut voir les images, et combien de temps restent-elles en "
        "ligne ?",
        R,
        ("information",),
    ),
    "automated-seconds-later-pharmacist": Case(
        "About ten seconds later it said the treatment was not clinically suitable. Can a "
        "pharmacist review my answers?",
        R,
        ("automated_decision",),
    ),
    "sv-automated-appen-avbokade": Case(
        "Appen avbokade min provtid automatiskt. Jag vill att en riktig lärare tittar på det.",
        R,
        ("automated_decision",),
    ),
    "erasure-my-application-documents": Case(
        "Please delete all of my application documents.", R, ("erasure",)
    ),
    "restriction-keep-and-do-not-delete-until": Case(
        "Please keep the footage and the incident notes and do not delete them until this is "
        "resolved.",
        R,
        ("restriction",),
    ),
    "pt-restriction-suspendam-a-utilizacao": Case(
        "Enquanto a direção não decide, suspendam a utilização das minhas imagens.",
        R,
        ("restriction",),
    ),
    "fr-access-ce-que-le-club-a-sur-moi": Case(
        "Je voudrais voir ce que le club a sur moi. Pouvez-vous me l'envoyer ?", R, ("access",)
    ),
    "fr-erasure-supprimer-completement": Case(
        "Merci de supprimer complètement mon compte.", R, ("erasure",)
    ),
    "es-erasure-borradla-del-sistema": Case(
        "Borradla del sistema, por favor: no quiero que tengáis mi huella.", R, ("erasure",)
    ),
    "pl-objection-nie-zgadzam-sie-zebyscie": Case(
        "Nie zgadzam się, żebyście przekazywali komukolwiek moje dane.", R, ("objection",)
    ),
    "sv-erasure-raderas-ur-min-journal": Case(
        "Jag vill att allt raderas ur min journal.", R, ("erasure",)
    ),
    "sv-objection-analyser-pa-mig": Case(
        "Jag vill inte att ni gör analyser på mig.", R, ("objection",)
    ),
    "email-off-the-monthly-newsletter": Case(
        "Could you take me off the monthly newsletter?", "opt_out", opt_out=("email",)
    ),
    "email-unsubscribe-link-broken": Case(
        "UNSUBSCRIBE the link doesn't work.", "opt_out", opt_out=("email",), subject="Re: Offers"
    ),
    "es-email-quitar-de-la-lista": Case(
        "¿Me podéis quitar de la lista de correos?", "opt_out", opt_out=("email",)
    ),
    "sv-email-ta-bort-mig-fran-nyhetsbrevet": Case(
        "Kan ni ta bort mig från nyhetsbrevet?", "opt_out", opt_out=("email",)
    ),
    "it-rettifica-busta-paga": Case("Chiedo la rettifica della busta paga di febbraio.", "other"),
    "artwork-still-has-my-old-number": Case(
        "The file still has my old mobile number on it, could you correct it before it goes to "
        "print?",
        "other",
    ),
    "access-stuff-on-me-see-all-of-it": Case(
        "You must have a mountain of stuff on me by now. I'd like to see all of it please.",
        R,
        ("access",),
    ),
    "objection-stop-analysing-my": Case(
        "I'd like you to stop analysing my heating patterns for insurance offers.",
        R,
        ("objection",),
    ),
    "access-what-you-have-about-him": Case(
        "I'd like to know exactly what you have about him: the recordings, the photo, any usage "
        "information.",
        R,
        ("access",),
    ),
    "erasure-delete-all-the-uploaded-photos": Case(
        "Please delete all the uploaded photos from my old projects.", R, ("erasure",)
    ),
    "rectification-correct-my-account": Case(
        "The old car still shows on my profile. Can you please correct my account?",
        R,
        ("rectification",),
    ),
    "portability-my-company-is-moving": Case(
        "My company is moving to another platform. Could you send me my learning history in a "
        "format another system can load?",
        R,
        ("portability",),
    ),
    "information-which-companies-can-access": Case(
        "Do you scan my files, and for what purpose? Which other companies can access my "
        "information?",
        R,
        ("information",),
    ),
    "restriction-dont-want-my-details-passed-while": Case(
        "I do not want my details passed to any debt collector while the readings are being "
        "checked.",
        R,
        ("restriction",),
    ),
    "all-channels-take-me-off-all-your-marketing": Case(
        "Please take me off all of your marketing.", "opt_out", opt_out=("email", "phone")
    ),
    "de-restriction-nichts-loschen-bis-zur-klarung": Case(
        "Bitte löschen Sie bis zur Klärung nichts von meinem Profil.", R, ("restriction",)
    ),
    "de-objection-bild-von-mir": Case(
        "Ich möchte nicht, dass Sie aus meinen Einkäufen ein Bild von mir zusammensetzen.",
        R,
        ("objection",),
    ),
    "es-email-dadme-de-baja": Case(
        "Por favor, dadme de baja de las comunicaciones comerciales por email.",
        "opt_out",
        opt_out=("email",),
    ),
    "it-restriction-non-usatela-finche": Case(
        "Finché non avete verificato la segnalazione, non usatela nei miei confronti.",
        R,
        ("restriction",),
    ),
    "it-erasure-i-suoi-dati": Case(
        "Mio padre vi chiede di cancellare tutti i suoi dati.", R, ("erasure",), on_behalf=True
    ),
    "nl-portability-standaardformaat": Case(
        "Kunnen jullie mijn contacten aanleveren in een standaardformaat voor mijn nieuwe "
        "aanbieder?",
        R,
        ("portability",),
    ),
    "nl-email-afmelden-link-broken": Case(
        "Graag afmelden voor deze nieuwsbrief. De afmeldlink onderaan werkt niet.",
        "opt_out",
        opt_out=("email",),
        subject="Re: Nu 40% korting",
    ),
    "pt-objection-nao-quero-que-sejam-usados": Case(
        "Não quero que os dados dos sensores da minha casa sejam usados para seguros.",
        R,
        ("objection",),
    ),
    "pt-automated-formador-reveja": Case(
        "A nota foi atribuída automaticamente pela plataforma. Quero que um formador reveja a "
        "prova.",
        R,
        ("automated_decision",),
    ),
    "pt-restriction-ate-isto-estar-resolvido": Case(
        "Até isto estar resolvido peço que não apaguem a minha conta.", R, ("restriction",)
    ),
    "reset-will-that-wipe-my-history": Case(
        "How do I factory reset the band? Will that wipe all my history in the app?", "other"
    ),
    "de-fleet-export": Case(
        "Für unseren Fuhrpark brauchen wir den CSV-Export aller Ladevorgänge für 2025.", "other"
    ),
    "it-number-portability": Case(
        "Dopo la portabilità del numero non ricevo più l'SMS di verifica.", "other"
    ),
    "it-rettifica-del-saldo-punti": Case(
        "Chiedo la rettifica del saldo punti della mia tessera.", "other"
    ),
    "pt-employees-progress-excel": Case(
        "Somos uma empresa com 28 colaboradores. É possível exportar o progresso de todos num "
        "Excel?",
        "other",
    ),
    "rectification-put-both-of-these-right": Case(
        "My date of birth was typed as 2015 instead of 1951. Could you please put both of these "
        "right?",
        R,
        ("rectification",),
    ),
    "objection-rather-the-club-didnt-put-my-name": Case(
        "I'd rather the club didn't put my full name and photos on the public results page.",
        R,
        ("objection",),
    ),
    "objection-grateful-if-my-name-didnt-go": Case(
        "I'd be grateful if my name didn't go in the newsletter any more.", R, ("objection",)
    ),
    "access-see-whats-in-that-file": Case(
        "I'd like to see what's in that file, please.", R, ("access",)
    ),
    "erasure-remove-me-from-the-photographs": Case(
        "Please take me off the members list and remove me from the photographs on the website.",
        R,
        ("erasure",),
    ),
    "de-automated-nach-ein-paar-sekunden": Case(
        "Nach ein paar Sekunden kam: Leider können wir Ihnen keine Finanzierung anbieten. Ich "
        "möchte, dass ein Mitarbeiter das prüft.",
        R,
        ("automated_decision",),
    ),
    "fr-portability-ellipsis-dans-un-format": Case(
        "Pourriez-vous m'envoyer toutes mes données : tests, exercices, heures suivies... dans un "
        "format exploitable pour ma nouvelle école ?",
        R,
        ("portability",),
    ),
    "es-objection-no-useis-imagenes-mias": Case(
        "Por favor, no uséis imágenes mías en redes.", R, ("objection",)
    ),
    "it-rectification-correggere-questi-dati": Case(
        "Vi chiedo di verificare e correggere questi dati.", R, ("rectification",)
    ),
    "it-information-a-cosa-servono-a-chi": Case(
        "Vorrei capire a cosa servono questi dati e a chi li passate.", R, ("information",)
    ),
    "nl-erasure-onze-gegevens-uit-systeem": Case(
        "We hebben inmiddels een ander huis gekocht. Willen jullie onze gegevens uit jullie "
        "systeem verwijderen?",
        R,
        ("erasure",),
    ),
    "nl-objection-wil-niet-dat-mijn-gegevens": Case(
        "Ik wil niet dat mijn gegevens naar de sponsors gaan.", R, ("objection",)
    ),
    "pl-restriction-nie-usuwac-nie-wykorzystywac": Case(
        "Proszę nie usuwać nagrań. Proszę też, żeby nie były wykorzystywane do niczego innego.",
        R,
        ("restriction",),
    ),
    "pl-objection-nie-chce-byc-nagrywany": Case(
        "Na próbach nie chcę być nagrywany ani publikowany.", R, ("objection",)
    ),
    "sv-objection-sluta-visa-min": Case(
        "Jag vill att ni slutar visa min båt på kartan.", R, ("objection",)
    ),
    "es-phone-dejad-de-mandarme-whatsapps": Case(
        "Dejad de mandarme whatsapps de ofertas.", "opt_out", opt_out=("phone",)
    ),
    "tenancy-copies-of-the-inventory": Case(
        "Could you send me copies of the check-in inventory with the photos?", "other"
    ),
    "de-certificate-sent-directly": Case(
        "Können Sie die Ausbildungsbescheinigung bitte direkt an die Führerscheinstelle schicken?",
        "other",
    ),
    "fr-rectification-de-la-culasse": Case(
        "Je voudrais un devis pour la rectification de la culasse de ma 306.", "other"
    ),
    "es-rectifico-la-fecha": Case("Rectifico: me viene mejor el martes 26 para la cita.", "other"),
    "nl-uitschrijven-zwemles": Case(
        "Kunnen jullie haar uitschrijven voor de zwemles per 1 mei?",
        "other",
        subject="Uitschrijven zwemles",
    ),
    "fr-login-incorrect-date-de-naissance": Case(
        "Identifiant ou mot de passe incorrect avec ma date de naissance depuis la mise à jour.",
        "other",
    ),
    "email-no-more-promo-emails-subject": Case(
        "ta\nGraham", "opt_out", opt_out=("email",), subject="no more promo emails pls"
    ),
    "pl-phone-wiecej-nie-dzwonic": Case(
        "Proszę więcej do mnie nie dzwonić z ofertami.", "opt_out", opt_out=("phone",)
    ),
    "pt-all-nao-quero-receber-publicidade": Case(
        "Não quero receber mais publicidade, nem por email nem por chamadas.",
        "opt_out",
        opt_out=("email", "phone"),
    ),
    "sv-email-fler-utskick": Case(
        "Vill inte ha fler utskick via mejl.", "opt_out", opt_out=("email",)
    ),
    "objection-dont-want-to-be-analysed": Case(
        "Stop using my orders to decide what to push at me. I don't want to be analysed.",
        R,
        ("objection",),
    ),
    "access-she-would-like-a-copy": Case(
        "I'm writing for my mother. She'd like a copy of the call recording and the notes made "
        "about her.",
        R,
        ("access",),
        on_behalf=True,
    ),
    "access-subject-only-copy-pls": Case(
        "thx", R, ("access",), subject="copy of my consent form + any photos you took of me pls"
    ),
    "objection-dont-want-my-visits-tracked": Case(
        "Use my plate for parking, fine, but I don't want my visits tracked and analysed.",
        R,
        ("objection",),
    ),
    "portability-download-my-raw-dna-data": Case(
        "Can I download my raw DNA data to take to another site?", R, ("portability",)
    ),
    "access-footage-of-us": Case(
        "Could I get the footage of us from Saturday's session in the Bunker room?",
        R,
        ("access",),
    ),
    "rectification-still-the-old-one": Case(
        "My address on this is still the old one. New one is 22 Kelvin Road - can you change it "
        "on my account please?",
        R,
        ("rectification",),
    ),
    "access-like-to-see-everything": Case(
        "I'd like to see everything the thermostat has been sending you. Please send it over.",
        R,
        ("access",),
    ),
    "objection-dont-want-mine-used-for-research": Case(
        "Ride routes go to research partners. I don't want mine used for research.",
        R,
        ("objection",),
    ),
    "es-automated-menos-de-un-minuto-maquina": Case(
        "Me han denegado la financiación en menos de un minuto. ¿Lo ha decidido una máquina? "
        "Quiero que lo revise una persona.",
        R,
        ("automated_decision",),
    ),
    "es-objection-no-quiero-que-useis-mi-ubicacion": Case(
        "No quiero que uséis mi ubicación para estadísticas.", R, ("objection",)
    ),
    "es-information-carne-cuanto-tiempo-se-la-pasais": Case(
        "¿Cuánto tiempo guardáis la copia del carné de conducir? ¿Y se la pasáis a alguien?",
        R,
        ("information",),
    ),
    "fr-restriction-tant-que-mes-infos": Case(
        "Tant que ce n'est pas réglé, ne transmettez pas mes infos au recouvrement.",
        R,
        ("restriction",),
    ),
    "pt-erasure-apaguem-a-minha-ficha": Case("Apaguem a minha ficha por favor.", R, ("erasure",)),
    "pt-rectification-o-meu-email-esta-errado": Case(
        "O meu email está errado na vossa lista. Por favor corrijam.", R, ("rectification",)
    ),
    "sv-automated-stoppades-av-ert-system": Case(
        "Min ansökan stoppades direkt av ert system. Kan en människa titta på den?",
        R,
        ("automated_decision",),
    ),
    "signed-copy-of-our-dpa": Case(
        "Please return a signed copy of our Data Processing Agreement and the information "
        "security questionnaire.",
        "other",
    ),
    "wedding-raw-video-file": Case(
        "We'd love all the photos in full resolution, plus the raw video file from the drone.",
        "other",
    ),
    "volunteer-taken-off-by-mistake": Case(
        "I can't log in with my email. Have I been taken off by mistake? I haven't changed it.",
        "other",
    ),
    "access-what-youve-got-on-me": Case(
        "Before I pay anything, I want to see exactly what you've got on me.", R, ("access",)
    ),
    "pl-restriction-wstrzymali-wykorzystywanie": Case(
        "Do czasu wyjaśnienia proszę, żeby Państwo wstrzymali wykorzystywanie moich danych.",
        R,
        ("restriction",),
    ),
    "fr-restriction-de-ne-pas-transmettre": Case(
        "Tant que ce désaccord n'est pas réglé, je vous demande de ne pas transmettre mes "
        "informations à votre assureur.",
        R,
        ("restriction",),
    ),
    "nl-information-wat-jullie-met-die-gegevens-doen": Case(
        "Ik wil graag weten wat jullie precies met die gegevens doen en hoe lang jullie ze "
        "bewaren.",
        R,
        ("information",),
    ),
    "pl-email-o-niewysylanie": Case(
        "Proszę o niewysyłanie mi już maili z promocjami.", "opt_out", opt_out=("email",)
    ),
    "pt-phone-deixem-de-enviar-mensagens-sms": Case(
        "Por favor, deixem de me enviar mensagens promocionais por SMS.",
        "opt_out",
        opt_out=("phone",),
    ),
    "pt-rectification-atualizem-os-meus-dados": Case(
        "Casei-me e mudei de apelido. Peço que atualizem os meus dados.", R, ("rectification",)
    ),
    "sv-erasure-ta-bort-mig-ur-ert-system": Case(
        "Därför vill jag be er att ta bort mig ur ert system.", R, ("erasure",)
    ),
    "knitting-rectify-the-chart": Case(
        "There is an error in chart B on row 23. Could you rectify the chart?", "other"
    ),
    "fr-rectifier-l-appel-de-fonds": Case(
        "Il y a une erreur de tantièmes. Pourriez-vous rectifier l'appel de fonds ?", "other"
    ),
    "it-accesso-agli-atti": Case(
        "Chiedo di esercitare l'accesso agli atti amministrativi relativi al mio fondo.",
        "other",
        subject="Richiesta di accesso agli atti",
    ),
    "it-portabilita-del-mutuo": Case(
        "Vorrei capire se la portabilità del mutuo conviene. È vero che la portabilità non ha "
        "costi?",
        "other",
    ),
    "pt-portabilidade-do-numero": Case(
        "Vou passar o meu número para outro operador. A portabilidade tem algum custo?",
        "other",
        subject="Portabilidade do número",
    ),
    "fr-objets-trouves": Case(
        "J'ai oublié un chargeur. Combien de temps conservez-vous les objets trouvés, et les "
        "transmettez-vous à la mairie ?",
        "other",
    ),
    "rectification-confused-me-date-of-death": Case(
        "Your family tree lists me with a date of death; someone confused me with my aunt. "
        "Please fix this.",
        R,
        ("rectification",),
    ),
    "automated-failed-the-check-member-of-staff": Case(
        "I failed your automated check. Could a member of staff please review my application?",
        R,
        ("automated_decision",),
    ),
    "pl-rectification-poprawienie-danych": Case(
        "Czy mogłabym prosić o poprawienie tych danych?", R, ("rectification",)
    ),
    "es-restriction-no-se-utilice-el-informe": Case(
        "Mientras se revisa, les pido que no se utilice ni se envíe ese informe.",
        R,
        ("restriction",),
    ),
    "es-information-para-que-se-usa": Case(
        "¿Para qué se usa la foto, cuánto tiempo se guarda y si se comparte con alguien?",
        R,
        ("information",),
    ),
    "fr-portability-dans-un-fichier": Case(
        "Est-ce que je peux récupérer mon profil et mes avis dans un fichier pour une autre "
        "appli ?",
        R,
        ("portability",),
    ),
    "all-no-marketing-emails-or-texts": Case(
        "Could you stop both please - no marketing emails or texts.",
        "opt_out",
        opt_out=("email", "phone"),
    ),
    "nl-phone-stoppen-met-smsjes": Case(
        "Kunnen jullie stoppen met die sms'jes met acties?", "opt_out", opt_out=("phone",)
    ),
    "pt-email-parem-de-mandar-e-mail-de-promocao": Case(
        "Por favor parem de me mandar e-mail de promoção.", "opt_out", opt_out=("email",)
    ),
    "de-phone-nicht-mehr-wegen-anzurufen": Case(
        "Ich bitte Sie, mich nicht mehr wegen Ihrer Angebote anzurufen.",
        "opt_out",
        opt_out=("phone",),
    ),
    "fr-all-ne-plus-m-en-envoyer": Case(
        "Merci de ne plus m'en envoyer, ni par mail ni par SMS.",
        "opt_out",
        opt_out=("email", "phone"),
    ),
    "artwork-rejected-automatically": Case(
        "Your system automatically rejects my artwork. Can someone check it manually?", "other"
    ),
    "pt-portabilidade-de-carencias": Case(
        "Vocês aceitam portabilidade de carências do plano do meu cachorro?", "other"
    ),
    "de-order-wrong-phone-on-print-job": Case(
        "Im Auftrag steht noch die falsche Telefonnummer. Bitte löschen, ich lade die "
        "korrigierten Daten neu hoch.",
        "other",
    ),
    "phone-remove-my-number-from-broadcast": Case(
        "Kindly remove my number 0802 XXX XXXX from your broadcast list.",
        "opt_out",
        opt_out=("phone",),
    ),
    "access-im-wanting-to-see-whatever": Case(
        "I'm wanting to see whatever you've got written down about me.", R, ("access",)
    ),
    "objection-dont-want-that-my-device-is-followed": Case(
        "I don't want that my phone is followed around the building by your wifi.",
        R,
        ("objection",),
    ),
    "erasure-everything-connected-to-him": Case(
        "Please would you delete it and everything connected to him.",
        R,
        ("erasure",),
    ),
    "it-cancellare-iscrizione-corso": Case(
        "Devo cancellare la mia iscrizione al corso di sabato.",
        "other",
        subject="Cancellare iscrizione corso",
    ),
    "sv-intyg-om-registerutdrag": Case(
        "Rektor behöver ett intyg om registerutdrag för ledarna.",
        "other",
        subject="Intyg om registerutdrag",
    ),
    "rectification-place-of-birth-put-right": Case(
        "Your site has me down as born in Leeds; my place of birth is York. Please put it right.",
        R,
        ("rectification",),
    ),
}


# Marketing, tracking and accounts in everyday words, and letters written with help (sets 31-32
# of the held-out mail); each case is new wording, with look-alikes that must stay ordinary.
MARKETING_AND_HELPED = {
    "optout-off-both-lists": Case(
        "Would you strike me from both your emailing and phone lists, thanks.",
        "opt_out",
        opt_out=ALL,
    ),
    "optout-number-off-whatever-list": Case(
        "Please remove my mobile number 07911 123456 from whatever list your agents dial from.",
        "opt_out",
        opt_out=("phone",),
    ),
    "optout-want-off-all-lists": Case(
        "No idea how many lists I'm on with you lot, but I want off every one of them.",
        "opt_out",
        opt_out=("email",),
    ),
    "optout-not-one-more-promo-email": Case(
        "I do not want one more promotional email from your shop.",
        "opt_out",
        opt_out=("email",),
    ),
    "optout-digest-like-stopped": Case(
        "You still send the Friday digest emails, which I would like stopped.",
        "opt_out",
        opt_out=("email",),
    ),
    "optout-out-of-the-promotions": Case(
        "Keep my loyalty card active, but I'd like out of all your promotions.",
        "opt_out",
        opt_out=ALL,
    ),
    "optout-nobody-rings-him-again": Case(
        "My father is 91. Please see to it that no one rings him with deals again.",
        "opt_out",
        opt_out=("phone",),
    ),
    "optout-not-be-texted": Case(
        "I don't wish to be texted or phoned about your sales any more.",
        "opt_out",
        opt_out=("phone",),
    ),
    "optout-both-numbers-off": Case(
        "Could you take these two numbers off your telesales list: 0161 496 0000, 0161 496 0001.",
        "opt_out",
        opt_out=("phone",),
    ),
    "optout-off-your-texts": Case(
        "Can you take my wife Jean off your text messages about garden offers?",
        "opt_out",
        opt_out=("phone",),
    ),
    "optout-prefer-not-receive": Case(
        "I'd prefer not to receive your newsletters any longer.",
        "opt_out",
        opt_out=("email",),
    ),
    "optout-remove-address-manually": Case(
        "The unsubscribe page fails. Please remove my email address manually from the list.",
        "opt_out",
        opt_out=("email",),
    ),
    "erasure-want-account-wiped": Case(
        "I never use the forum now and would like the old account wiped.", R, ("erasure",)
    ),
    "erasure-no-account-any-more": Case(
        "Since moving abroad I don't want an account with you any more.", R, ("erasure",)
    ),
    "information-who-handing-to": Case(
        "Who are you passing my details on to? I keep getting calls from insurers.",
        R,
        ("information",),
    ),
    "information-how-have-my-address": Case(
        "How do you even have my home address? I have never ordered from you.",
        R,
        ("information",),
    ),
    "information-collecting-when-i-visit": Case(
        "What do you record about me when I browse your shop?", R, ("information",)
    ),
    "information-do-with-recordings": Case(
        "What will you do with those recordings of my calls to the helpline?",
        R,
        ("information",),
    ),
    "objection-not-you-logging": Case(
        "I don't want you logging which of your emails I open.", R, ("objection",)
    ),
    "objection-no-upload-to-facebook": Case(
        "Please don't share my phone number with Facebook for your ad audiences.",
        R,
        ("objection",),
    ),
    "restriction-while-accuracy-disputed": Case(
        "While the accuracy of that warning on my record is disputed, please do not use it "
        "in any reference.",
        R,
        ("restriction",),
    ),
    "fr-optout-retirer-cette-liste": Case(
        "Merci de nous retirer de cette liste, nous ne lisons pas ces offres.",
        "opt_out",
        opt_out=("email",),
    ),
    "fr-optout-cesser-appels": Case(
        "Je vous prie de cesser définitivement vos appels commerciaux.",
        "opt_out",
        opt_out=("phone",),
    ),
    "fr-information-procure": Case(
        "Votre société m'appelle sans cesse : comment vous vous êtes procuré mon numéro ?",
        R,
        ("information",),
    ),
    "fr-erasure-compte-disparaisse": Case(
        "Je souhaite que mon profil disparaisse de votre site, photos comprises.",
        R,
        ("erasure",),
    ),
    "fr-rectification-fiche": Case(
        "Sa date de naissance est fausse : pouvez-vous corriger sa fiche ?",
        R,
        ("rectification",),
    ),
    "es-optout-no-vuelvan": Case(
        "Por favor, no vuelvan a llamarnos con ofertas de seguros.",
        "opt_out",
        opt_out=("phone",),
    ),
    "pt-optout-deixem-de-ligar": Case(
        "Peço que deixem de me ligar com campanhas de telemóvel.",
        "opt_out",
        opt_out=("phone",),
    ),
    "nl-information-met-welke-partijen": Case(
        "Met welke bedrijven hebben jullie mijn gegevens gedeeld?", R, ("information",)
    ),
    "de-objection-horen-sie-auf": Case(
        "Bitte hören Sie auf, meine Einkäufe für Werbung zu analysieren.", R, ("objection",)
    ),
    "de-optout-horen-sie-auf-anzurufen": Case(
        "hören sie auf mich ständig anzurufen wegen Zeitschriften",
        "opt_out",
        opt_out=("phone",),
    ),
    "pl-optout-przestac-dzwonic": Case(
        "Proszę przestać dzwonić do mnie z ofertami kredytów.",
        "opt_out",
        opt_out=("phone",),
    ),
    "pl-objection-wylaczyc-profilowanie": Case(
        "Proszę wyłączyć profilowanie moich zakupów w aplikacji.", R, ("objection",)
    ),
    "sv-optout-inga-fler-mejl": Case(
        "Inga fler reklammejl eller nyhetsbrev, tack.", "opt_out", opt_out=("email",)
    ),
    "sv-objection-vill-inte-att-ni": Case(
        "Jag vill inte att ni analyserar mina köp för att ge mig förslag.", R, ("objection",)
    ),
    "not-stop-advertising-a-car": Case(
        "Please stop advertising my car on your forecourt page, I have sold it privately.",
        "other",
    ),
    "not-waiting-list-in-french": Case(
        "Pouvez-vous me retirer de la liste d'attente pour le cours de yoga ?", "other"
    ),
    "not-clients-making-requests": Case(
        "Our clients' customers sometimes make a subject access request; can your CRM export "
        "one customer's records?",
        "other",
    ),
    "not-nobody-calls-back": Case(
        "I rang twice about my broken boiler and nobody calls me back.", "other"
    ),
    "not-swedish-invoice-put-right": Case(
        "Fakturan har fel belopp, 450 kr för mycket. Kan ni rätta det?", "other"
    ),
    "optout-this-address-from-all-lists": Case(
        "The unsubscribe button does nothing. Remove this email address from all your lists.",
        "opt_out",
        opt_out=("email",),
    ),
    "automated-someone-real-to-review": Case(
        "The app cut my credit limit overnight. I want somebody human to review it.",
        R,
        ("automated_decision",),
    ),
    "fr-optout-veux-plus-recevoir": Case(
        "je veux plus recevoir vos promos par mail merci", "opt_out", opt_out=("email",)
    ),
    "it-optout-basta-telefonate": Case(
        "basta con le telefonate del vostro call center!!", "opt_out", opt_out=("phone",)
    ),
    "it-rectification-cognome-risulta": Case(
        "Nel vostro gestionale il mio cognome risulta Bianchini, ma è Bianchi. Grazie.",
        R,
        ("rectification",),
    ),
    "es-information-de-donde-sacaron": Case(
        "¿De dónde consiguieron mis datos? No soy cliente suyo.", R, ("information",)
    ),
    "es-optout-dejen-de-escribirme": Case(
        "Por favor dejen de escribirme, no me interesan sus ofertas.",
        "opt_out",
        opt_out=("email",),
    ),
    "es-rectification-ficha-pone": Case(
        "En mi ficha de paciente aparece una alergia que no tengo, ¿la pueden quitar?",
        R,
        ("rectification",),
    ),
    "nl-erasure-wil-dat-account-verwijderd": Case(
        "Als vader wil ik dat het account van mijn dochter direct wordt verwijderd.",
        R,
        ("erasure",),
    ),
    "pl-objection-nie-zbierano": Case(
        "Proszę, żeby w weekendy nie zbierano mojej lokalizacji z aplikacji.",
        R,
        ("objection",),
    ),
    "sv-objection-anvand-inte-till-reklam": Case(
        "Använd inte mina köp i appen till reklam, tack.", R, ("objection",)
    ),
    "not-unsubscribe-from-a-class": Case(
        "Could you unsubscribe me from the Wednesday pottery class? I'll rejoin in spring.",
        "other",
    ),
    "not-courier-keeps-calling": Case(
        "The courier keeps calling me while I'm in meetings, please ask him to leave it at "
        "reception.",
        "other",
    ),
    "not-dutch-club-membership": Case(
        "Ik wil me graag uitschrijven als lid van de hockeyclub per 1 maart.", "other"
    ),
    "optout-stop-sent-from-phone": Case(
        "STOP\n\nSent from my Samsung Galaxy", "opt_out", opt_out=("email",)
    ),
    "optout-unsubscribe-get-outlook": Case(
        "Unsubscribe.\n\nGet Outlook for iOS", "opt_out", opt_out=("email",)
    ),
    "optout-clicked-unsubscribe-still": Case(
        "I have pressed your unsubscribe button three times and the mailings keep coming.",
        "opt_out",
        opt_out=("email",),
    ),
    "optout-take-her-off": Case(
        "My daughter is nine; please take her off the promotions list.",
        "opt_out",
        opt_out=("email",),
    ),
    "optout-unsubscribe-after-a-month-of-flash-sales": Case(
        "A flash sale every day for a month. Unsubscribe me.",
        "opt_out",
        opt_out=("email",),
        subject="Re: Flash sale ends tonight",
    ),
    "rectification-correct-name-on-account": Case(
        "Could you correct the surname on my account? It is Mackie, not Mackay.",
        R,
        ("rectification",),
    ),
    "pt-optout-nao-quero-receber-mais": Case(
        "Não quero receber mais estas mensagens, obrigado.",
        "opt_out",
        opt_out=("email",),
    ),
    "rectification-because-the-invoices": Case(
        "I got married. Please correct my details because the invoices still show my old surname.",
        R,
        ("rectification",),
    ),
    "pl-rectification-bo-faktury": Case(
        "Zmieniłam nazwisko. Proszę poprawić dane, bo faktury przychodzą na stare.",
        R,
        ("rectification",),
    ),
    "access-emails-that-mention-me": Case(
        "Please send me copies of the messages between my supervisor and HR that mention me.",
        R,
        ("access",),
    ),
    "access-copy-of-dental-records": Case(
        "We are moving to Spain; could I have a copy of my dental records and x-rays?",
        R,
        ("access",),
    ),
    "access-what-you-wrote-about-me": Case(
        "I keep failing reference checks. What did you say about me to the new employer? I "
        "want to know what you wrote about me.",
        R,
        ("access",),
    ),
    "access-interview-scores": Case(
        "Could you send me the interview notes and the scores I was given for each question?",
        R,
        ("access",),
    ),
    "information-which-clients-got-my-cv": Case(
        "Which clients have you sent my CV to since March?", R, ("information",)
    ),
    "information-how-long-keep-applications": Case(
        "How long will you keep my application now the vacancy is filled?",
        R,
        ("information",),
    ),
    "restriction-set-aside-until-checked": Case(
        "Those attendance figures are wrong. Please set them aside until HR has checked them.",
        R,
        ("restriction",),
    ),
    "objection-stop-using-my-photos": Case(
        "I have left the company. Please stop using my photographs on the careers page.",
        R,
        ("objection",),
    ),
    "erasure-photos-you-took-of-me": Case(
        "Please delete the videos you took of me at the open day.", R, ("erasure",)
    ),
    "automated-looked-at-by-a-human": Case(
        "My claim was refused by your system within seconds. I want it looked at by a human.",
        R,
        ("automated_decision",),
    ),
    "optout-not-contacted-by-phone-or-email": Case(
        "I do not want to be contacted again by email or phone with vacancies.",
        "opt_out",
        opt_out=ALL,
    ),
    "de-access-kopie-patientenakte": Case(
        "Bitte senden Sie mir eine Kopie meiner vollständigen Patientenakte.", R, ("access",)
    ),
    "it-access-copia-cartella-clinica": Case(
        "Mi servirebbe una copia della cartella clinica del ricovero di marzo.", R, ("access",)
    ),
    "sv-access-kopia-av-journal": Case(
        "Kan jag få en kopia av min journal från vårdcentralen?", R, ("access",)
    ),
    "pl-access-kopii-akt-osobowych": Case(
        "Proszę o kopii akt osobowych mojego męża, mam pełnomocnictwo.", R, ("access",)
    ),
    "nl-optout-van-de-mailinglijst-halen": Case(
        "Kunnen jullie mij van de mailinglijst halen?", "opt_out", opt_out=("email",)
    ),
    "not-dutch-card-out-of-account": Case(
        "Hoe kan ik een oude creditcard uit mijn account verwijderen?", "other"
    ),
    "not-complaint-about-what-staff-said": Case(
        "I want to complain about what your cashier said about me in front of other customers.",
        "other",
    ),
    "not-unsubscribe-paid-plan-a-month": Case(
        "I pay £9.99 a month for the plus plan. Please unsubscribe me from it.",
        "other",
    ),
}


TABLES = {
    **ENGLISH_RIGHTS,
    **OPT_OUTS,
    **LANGUAGES,
    **HARD_NEGATIVES,
    **TRAPS,
    **UNSEEN,
    **ORDINARY_WORDS,
    **PLAIN_ASKS,
    **MORE_PLAIN_ASKS,
    **STILL_MORE_PLAIN_ASKS,
    **FURTHER_PLAIN_ASKS,
    **MARKETING_AND_HELPED,
}


@pytest.mark.parametrize("case", TABLES.values(), ids=list(TABLES))
def test_labelled_cases(case: Case) -> None:
    check(case)


@pytest.mark.parametrize(
    "name",
    [
        name
        for name, case in TABLES.items()
        if case.kind in (R, "opt_out") and not case.on_behalf and "not-confident" not in name
    ],
)
def test_clear_requests_are_answered_automatically(name: str) -> None:
    case = TABLES[name]
    result = check(case)
    if name == "generic-gdpr-request":
        assert result.needs_triage, "a request without a recognisable right needs a person"
    else:
        assert not result.needs_triage, (result.confidence, result.evidence)


def test_on_behalf_requests_need_triage() -> None:
    result = check(TRAPS["on-behalf-client"])
    assert result.needs_triage and result.confidence >= TRIAGE_BELOW


def test_evidence_names_the_phrase() -> None:
    result = classify(make("please delete my account"))
    assert any('"delete my account"' in item for item in result.evidence)


def test_evidence_names_the_header() -> None:
    result = classify(make(REQUEST, headers=("Auto-Submitted: auto-replied",)))
    assert result.evidence == ("header Auto-Submitted: auto-replied",)


def test_confidence_in_range_and_deterministic() -> None:
    for case in TABLES.values():
        message = make(case.body, case.subject, sender=case.sender, headers=case.headers)
        first, second = classify(message), classify(message)
        assert first == second
        assert 0.0 <= first.confidence <= 1.0


def test_request_at_the_end_of_a_very_long_mail() -> None:
    filler = "I had a problem with my order and the courier was late again.\n" * 2000
    result = classify(make(filler + "\nAnyway, please delete my account."))
    assert (result.kind, result.rights) == (R, ("erasure",))


def test_empty_and_broken_messages_do_not_raise() -> None:
    assert classify(parse_message(b"")).kind == "other"
    assert classify(parse_message(b"\xff\xfe garbage \x00")).kind in ("other", "bounce")


def test_labels_follow_the_contract_order() -> None:
    result = classify(
        make("Erase all my personal data, and send me a copy of my personal data first.")
    )
    assert result.rights == ("access", "erasure")


def test_warm_up_loads_everything_once() -> None:
    warm_up()
    assert classify(make("please delete my account")).rights == ("erasure",)


def test_classifier_imports_no_io_library() -> None:
    code = (
        "import sys, mailbot.classify; "
        "print(','.join(m for m in ('sqlalchemy','imapclient','aiosmtplib','jinja2') "
        "if m in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.strip()
    assert out == ""


def test_sales_pitch_about_requests_goes_to_a_person() -> None:
    body = (
        "Hi,\n\nHow does your team handle DSARs today? Our platform automates the whole "
        "process, from intake to one-click deletion.\n\nCould we book a quick call? Here is "
        "my calendar.\n\nPriya, Account Executive"
    )
    result = classify(make(body, "Your DSARs in minutes", sender="priya@vendor.example"))
    assert result.needs_triage, (result.confidence, result.evidence)
    assert any("sales pitch" in item for item in result.evidence)


@pytest.mark.parametrize(
    ("body", "subject"),
    [
        (
            "Oferujemy obsługę żądań dostępu do danych i usunięcia danych od 149 zł netto "
            "miesięcznie. Czy mogę zadzwonić w czwartek?",
            "RODO w Państwa firmie",
        ),
        (
            "Wir bieten Ihnen die Bearbeitung von Auskunftsersuchen und Löschanfragen ab 99 € "
            "zzgl. MwSt. Darf ich Sie nächste Woche kurz anrufen?",
            "DSGVO-Anfragen auslagern",
        ),
    ],
)
def test_a_sales_pitch_in_other_languages_goes_to_a_person(body: str, subject: str) -> None:
    result = classify(make(body, subject, sender="vertrieb@vendor.example"))
    assert result.needs_triage, (result.confidence, result.evidence)
    assert any("sales pitch" in item for item in result.evidence), result.evidence


@pytest.mark.parametrize(
    ("body", "subject"),
    [
        (
            "I got an automatic email saying no refunds within 48 hours, and your manager said "
            "the decision was final. Please can someone reconsider this decision?",
            "Refund for the cancelled session",
        ),
        (
            "Are you open on Easter Monday?\n\nJames\n\nDATA PROTECTION: we process personal "
            "data under the UK GDPR. For your rights of access, rectification, erasure, "
            "portability and objection, see our privacy notice.",
            "Opening times",
        ),
        (
            "The lease needs the vent inspection certificate on file by Friday - could you send "
            "me a copy when you have it?",
            "Unit 3B",
        ),
        ("I formally object to Motion 3 on the AGM agenda (the proposed mooring levy).", "AGM"),
        (
            "Pouvez-vous livrer la robe à ma nouvelle adresse plutôt qu'à Villeurbanne ? Et il y "
            "a une erreur sur la date dans votre mail de confirmation.",
            "Ma robe",
        ),
        ("Vi behöver avregistrera vår båt från regattan, tyvärr.", "Regattan"),
        (
            "Gegen Ihre Zahlungsaufforderung über 30 € lege ich hiermit Widerspruch ein.",
            "Zahlungsaufforderung Nr. 7731",
        ),
        ("Wnoszę sprzeciw wobec potrącenia 400 zł z kaucji.", "Rozliczenie kaucji"),
        ("Me opongo a pagar el suplemento, el perro vino cepillado.", "suplemento"),
        (
            "FW: Action required: update my details for 12.99. Is this genuine? It looks dodgy.",
            "Is this real?",
        ),
        (
            "As your public liability insurers we need a copy of the accident book entry for the "
            "claimant.",
            "Claim MCL/55120",
        ),
        ("Szanowna Redakcjo, proszę o opublikowanie sprostowania do artykułu.", "Sprostowanie"),
        ("Hiermit lege ich Widerspruch gegen die Beitragserhöhung ein.", "Widerspruch"),
        ("Jag har en invändning mot slutfakturan.", "Slutfaktura"),
        (
            "I am the director of La Piazzetta Ltd. The review about us is false; under GDPR we "
            "have the right to be forgotten, so remove it.",
            "Defamatory review",
        ),
        (
            "I'm a master's student. My thesis examines how companies handle access requests "
            "and the right to erasure; could I interview someone?",
            "Research interview",
        ),
        (
            "The census transcription shows my great-grandfather born 1876; please correct it "
            "to 1867.",
            "Transcription error",
        ),
        (
            "Dans l'avis de décès de ma mère, son nom de jeune fille est écrit Castagnié au lieu "
            "de Castagné. Pouvez-vous le corriger ?",
            "Avis de décès",
        ),
        ("Bitte berichtigen Sie das Sterbedatum auf dem Entwurf für den Grabstein.", "Entwurf"),
        (
            "Our job advert keeps getting rejected by your automated check. Could a person look "
            "at it?",
            "Advert rejected",
        ),
        (
            "After a client sent us a subject access request we realised we need your GDPR "
            "course. What does it cost?",
            "GDPR course",
        ),
        (
            "Merci pour le procès-verbal. Je demande une rectification : la résolution 8 n'a pas "
            "été adoptée.",
            "PV de l'AG",
        ),
    ],
)
def test_support_mail_in_a_requests_words_gets_no_automatic_answer(body: str, subject: str) -> None:
    result = classify(make(body, subject))
    answered = result.kind in ("rights_request", "opt_out") and not result.needs_triage
    assert not answered, (result.kind, result.rights, result.opt_out, result.evidence)


def test_a_plain_request_is_not_a_sales_pitch() -> None:
    result = classify(make("This is a DSAR. Please send me a copy of my data within a month."))
    assert not result.needs_triage
    assert not any("sales pitch" in item for item in result.evidence)


def test_objecting_to_a_price_is_not_a_confident_objection() -> None:
    result = classify(make("I strongly object to the new delivery fee of £6.95.", "Fees"))
    assert result.needs_triage, (result.kind, result.confidence, result.evidence)
    twice = classify(
        make("I object to this bill. I object to paying it twice.", "I object to this")
    )
    assert twice.needs_triage, (twice.confidence, twice.evidence)
    dutch = check(TABLES["nl-objection-to-a-fee-is-not-confident"])
    assert dutch.needs_triage, (dutch.confidence, dutch.evidence)
    data = classify(make("I strongly object to you selling my details to brokers.", "Data"))
    assert data.rights == ("objection",) and not data.needs_triage, data.evidence


def test_ordinary_mail_about_own_data_goes_to_a_person() -> None:
    result = classify(make("Was macht ihr eigentlich mit meinen Daten, speichert ihr die ewig?"))
    assert result.kind == "other" and result.needs_triage, result.evidence
    assert "asks something of their data" in result.evidence[0]


@pytest.mark.parametrize(
    "body",
    [
        "Please do something about my pictures on your noticeboard, I never agreed to them.",
        "Kunnen jullie iets doen aan mijn gegevens op de ledenlijst van de club?",
        "Pourriez-vous regarder mon dossier, il y a des choses qui ne vont pas du tout.",
        "Por favor, mirad lo de mis fotos en la web del club.",
    ],
)
def test_own_things_asked_about_go_to_a_person(body: str) -> None:
    """The wider net: no request phrase matches, but the sender's own photos, file or data
    are named with an ask, so a person reads it (triage) rather than nobody."""
    result = classify(make(body, "Hello"))
    assert result.needs_triage or result.kind in ("rights_request", "opt_out"), result.evidence


def test_ordinary_support_mail_stays_ordinary() -> None:
    for body in (
        "I can't log in to my account, the reset link has expired. Please help.",
        "My account was charged twice for order 5521, please refund one payment.",
        "How do I change my password in the app?",
        "The videos in your app use up my mobile data. Can they be stored on the phone instead?",
        "Can you stop the app using my data allowance when I'm not on wifi?",
    ):
        result = classify(make(body, "Help"))
        assert result.kind == "other" and not result.needs_triage, (body, result.evidence)


def test_a_request_that_mentions_a_holiday_is_not_an_auto_reply() -> None:
    body = (
        "My account was blocked automatically because I logged in abroad - I'm on holiday in "
        "Lisbon. I want an actual person to review this decision instead of your fraud system."
    )
    result = classify(make(body, "Account blocked"))
    assert result.kind == R and result.rights == ("automated_decision",), result.evidence
    holiday = classify(make("I'm on holiday until 3 June with no access to e-mail.", "Away"))
    assert holiday.kind == "auto_reply", holiday.evidence


@pytest.mark.parametrize(
    "body",
    [
        "Hi, I'm travelling next week - can you hold my parcel at the depot until the 20th?",
        "Guten Tag, ich bin ab Montag im Urlaub. Können Sie das Paket bitte an meine Nachbarin "
        "in Nr. 12 liefern?",
        "Bonjour, je suis en vacances jusqu'au 3 août, pourriez-vous décaler la livraison ?",
    ],
)
def test_a_customer_away_who_asks_something_is_a_person(body: str) -> None:
    """An absence told with a question is ordinary mail for the helpdesk, not an auto-reply
    that would be filed away unread."""
    result = classify(make(body, "Delivery"))
    assert result.kind == "other", result.evidence
    machine = classify(make("This is an automated reply. Is your question urgent? Call us.", "x"))
    assert machine.kind == "auto_reply", machine.evidence


@pytest.mark.parametrize(
    ("body", "subject"),
    [
        ("Ich lege Widerspruch gegen diese Gebühr ein und bitte um Erstattung.", "Gebühr"),
        ("Je m'oppose à ces frais d'annulation, vos conditions disent autre chose.", "Frais"),
        ("Me opongo a la subida de la cuota, nadie me avisó.", "Cuota"),
        ("Hiermit lege ich Widerspruch gegen die Parkgebühr vom 3. Mai ein.", "Parken"),
        ("Gegen Ihre Stornorechnung vom 2. April lege ich hiermit Widerspruch ein.", "Storno"),
        ("Mi oppongo a questa decisione sul rimborso della quota.", "Rimborso"),
        ("Me opongo a la comisión del 25 % que figura en la factura.", "Comisión"),
    ],
)
def test_an_objection_to_a_fee_goes_to_a_person(body: str, subject: str) -> None:
    """An objection to a fee is a complaint: a person looks at it, no automatic reply."""
    result = classify(make(body, subject))
    assert result.needs_triage, (result.kind, result.confidence, result.evidence)


def test_a_press_enquiry_goes_to_a_person() -> None:
    """A journalist asking about a leak is answered by a person, never by an acknowledgement
    and a verification code, whatever words of a request it holds."""
    body = (
        "I'm a reporter at the Evening Post. A spreadsheet with volunteers' names and phone "
        "numbers was emailed to 400 people by mistake. Can you confirm whether that's correct "
        "and who has had access to the data?"
    )
    result = classify(make(body, "Media enquiry"))
    assert result.kind == "other" or result.needs_triage, result.evidence


@pytest.mark.parametrize(
    ("body", "subject"),
    [
        (
            "Before we sign the partnership, our compliance lead asks: when we send you guest "
            "manifests, how do you store them, who has access and how long do you keep them?",
            "Partnership - guest data",
        ),
        (
            "No âmbito da parceria, pedimos que confirme como tratam os dados dos hóspedes que "
            "vos enviarmos: onde são guardados e se são partilhados com terceiros.",
            "Parceria",
        ),
    ],
)
def test_a_business_partners_question_goes_to_a_person(body: str, subject: str) -> None:
    """A partner asking how its own customers' data would be handled is answered by a person,
    not acknowledged as if it had asked about its own data."""
    result = classify(make(body, subject))
    assert result.kind == "other" or result.needs_triage, result.evidence
