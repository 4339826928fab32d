"""Ingest benchmark: N request mails in a private Dovecot → ``mailbot run --once`` → N tickets.

Starts a throwaway Dovecot (IMAP), an SMTP sink and, with ``--db postgresql``, a throwaway
PostgreSQL cluster (or $MAILBOT_TEST_PG_URL); appends N distinct, realistic request mails;
then times ``python -m mailbot --config FILE run --once`` as a child process, which opens one
ticket and sends one acknowledgement per mail. Afterwards it checks that the sink received N
mails with distinct Message-IDs answering N distinct requests, that the database holds N
tickets and N sent outbox rows, and that INBOX is empty and Mailbot/Processed holds N mails.
Exit status 1 (with the reasons) if any of that is wrong.

Usage, from the repository root:

    /work/venv/bin/python bench/ingest.py [-n 2000] [--db sqlite|postgresql]
        [--batch-size 100] [--smtp-connections 2] [--readers 1] [--json] [--seed 1]
        [--profile FILE | --py-spy FILE]

What is measured:
  * append: APPEND of the N mails over one IMAP connection, in this process;
  * run: wall time of the whole ``run --once`` child (interpreter start, imports, schema check,
    IMAP connect, fetch/ingest/move in batches, SMTP delivery of the outbox, exit). The schema is
    created beforehand (mailbot.db.upgrade, in this process), so migrations are not counted.
    The fixed start-up cost is shown separately: a second ``run --once`` on the now empty
    mailbox is timed as the "empty run";
  * peak RSS of the child from getrusage(RUSAGE_CHILDREN).ru_maxrss; everything else this
    script does (generating and appending mail, the SMTP sink, the checks) stays in-process.

``--profile FILE`` runs the child under cProfile (``-m cProfile -o FILE``): it sees only the main
thread, i.e. the event loop and SMTP, not the ingest and database work that mailbot runs in worker
threads. ``--py-spy FILE`` samples every thread with py-spy (``pip install py-spy``) and writes
collapsed stacks (flamegraph input). Either way the timings are inflated and only good for
finding hotspots.
"""

from __future__ import annotations

import argparse
import base64
import binascii
import email.parser
import email.policy
import html
import json
import os
import platform
import random
import resource
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from email.header import Header
from email.utils import format_datetime, formataddr
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from imapclient import IMAPClient  # noqa: E402
from sqlalchemy import create_engine, text  # noqa: E402

from mailbot import db  # noqa: E402
from tests.servers import (  # noqa: E402
    DovecotServer,
    ImapAccount,
    PostgresServer,
    SmtpSink,
    append_messages,
)

SUPPORT = "support@example.co.uk"
PROCESSED = "Mailbot/Processed"

# ---------------------------------------------------------------------------- mail generation

_LANGUAGES: dict[str, dict[str, Any]] = {
    "en": {
        "names": ["Olivia Bennett", "James O'Connor", "Priya Sharma", "Tom Hughes", "Zoë Clarke"],
        "subjects": [
            "Subject access request",
            "Request for a copy of my personal data",
            "GDPR Article 15 request",
            "Please delete my account and data",
            "Data protection request - account {num}",
            "What information do you hold about me?",
        ],
        "greeting": "Dear Sir or Madam,",
        "request": (
            "Under Article 15 of the UK GDPR I am asking for a copy of all personal data you "
            "hold about me, including where it came from, what you use it for and who you "
            "have shared it with. My customer number is {num}."
        ),
        "filler": [
            "I was a customer between 2019 and 2023 and used the online shop and the app.",
            "Please include call recordings, chat transcripts and any marketing preferences.",
            "I would prefer to receive the information electronically, as a PDF or CSV file.",
            "If you need to verify my identity, please tell me which documents you accept.",
            "I understand that you have one month to respond to this request.",
        ],
        "closing": "Kind regards,",
    },
    "de": {
        "names": ["Jürgen Müller", "Anna Schäfer", "Lukas Weiß", "Sophie Groß", "Björn Krüger"],
        "subjects": [
            "Auskunftsersuchen nach Art. 15 DSGVO",
            "Antrag auf Löschung meiner Daten",
            "Datenauskunft – Kundennummer {num}",
            "Widerspruch gegen Werbung und Auskunft",
        ],
        "greeting": "Sehr geehrte Damen und Herren,",
        "request": (
            "gemäß Art. 15 DSGVO bitte ich um Auskunft über alle zu meiner Person gespeicherten "
            "Daten, deren Herkunft, Zweck der Verarbeitung und Empfänger. Meine Kundennummer "
            "lautet {num}."
        ),
        "filler": [
            "Ich war von 2018 bis 2022 Kunde und habe den Onlineshop regelmäßig genutzt.",
            "Bitte übermitteln Sie mir die Auskunft in elektronischer Form.",
            "Sollten Sie weitere Angaben zur Identifizierung benötigen, teilen Sie mir das mit.",
            "Ich weise auf die gesetzliche Frist von einem Monat hin.",
        ],
        "closing": "Mit freundlichen Grüßen",
    },
    "fr": {
        "names": ["François Lefèvre", "Hélène Dubois", "Céline Moreau", "Noël Girard"],
        "subjects": [
            "Demande d'accès à mes données personnelles",
            "Droit d'accès – article 15 du RGPD",
            "Suppression de mes données (client {num})",
        ],
        "greeting": "Madame, Monsieur,",
        "request": (
            "conformément à l'article 15 du RGPD, je vous demande de me communiquer l'ensemble "
            "des données personnelles me concernant que vous détenez. Mon numéro client est "
            "le {num}."
        ),
        "filler": [
            "J'ai été client de votre société entre 2017 et 2021.",
            "Merci de m'indiquer également les destinataires de ces données.",
            "Je souhaite recevoir ces informations par voie électronique.",
            "Je vous rappelle que vous disposez d'un délai d'un mois pour répondre.",
        ],
        "closing": "Veuillez agréer mes salutations distinguées,",
    },
    "es": {
        "names": ["José Núñez", "María Peña", "Íñigo Álvarez", "Lucía Gómez"],
        "subjects": [
            "Solicitud de acceso a mis datos personales",
            "Ejercicio del derecho de supresión",
            "Derecho de acceso RGPD – cliente {num}",
        ],
        "greeting": "Estimados señores:",
        "request": (
            "de acuerdo con el artículo 15 del RGPD, solicito una copia de todos los datos "
            "personales que conservan sobre mí. Mi número de cliente es {num}."
        ),
        "filler": [
            "Fui cliente de su empresa durante varios años y utilicé su aplicación móvil.",
            "Les ruego que me indiquen también con quién han compartido mis datos.",
            "Prefiero recibir la información por correo electrónico.",
        ],
        "closing": "Atentamente,",
    },
    "pl": {
        "names": ["Łukasz Wójcik", "Agnieszka Żak", "Paweł Kołodziej", "Małgorzata Nowak"],
        "subjects": [
            "Wniosek o dostęp do danych osobowych",
            "Żądanie usunięcia danych (klient {num})",
        ],
        "greeting": "Szanowni Państwo,",
        "request": (
            "na podstawie art. 15 RODO proszę o przekazanie kopii wszystkich moich danych "
            "osobowych przetwarzanych przez Państwa firmę. Mój numer klienta to {num}."
        ),
        "filler": [
            "Byłem klientem Państwa sklepu internetowego w latach 2020–2023.",
            "Proszę również o informację, komu udostępniono moje dane.",
            "Odpowiedź proszę przesłać na ten adres e-mail.",
        ],
        "closing": "Z poważaniem,",
    },
    "nl": {
        "names": ["Anna de Vries", "Pieter van den Berg", "Sanne Jansen"],
        "subjects": ["Inzageverzoek AVG", "Verzoek tot verwijdering van mijn gegevens"],
        "greeting": "Geachte heer/mevrouw,",
        "request": (
            "op grond van artikel 15 AVG verzoek ik u om inzage in alle persoonsgegevens die u "
            "van mij verwerkt. Mijn klantnummer is {num}."
        ),
        "filler": [
            "Ik ben sinds 2016 klant en heb meerdere bestellingen geplaatst.",
            "Graag ontvang ik ook een overzicht van de ontvangers van mijn gegevens.",
        ],
        "closing": "Met vriendelijke groet,",
    },
}
_LANGUAGE_WEIGHTS = {"en": 55, "de": 15, "fr": 10, "es": 8, "pl": 7, "nl": 5}
_DOMAINS = [
    "example.org",
    "example.net",
    "mail.example.com",
    "post.example.de",
    "courrier.example.fr",
    "correo.example.es",
    "poczta.example.pl",
]
_AGENTS = [
    ("User-Agent", "Mozilla Thunderbird 115.6.0"),
    ("X-Mailer", "Apple Mail (2.3774.300.61.1.2)"),
    ("X-Mailer", "Microsoft Outlook 16.0"),
    ("User-Agent", "Roundcube Webmail/1.6.5"),
    (None, None),
]


def _ascii_local(name: str) -> str:
    """An ASCII mailbox local part for a display name: "Jürgen Müller" → "jurgen.muller"."""
    name = name.lower().translate(str.maketrans({"ł": "l", "ß": "ss", "ø": "o", "'": ""}))
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return ".".join(folded.split())


def _html(paragraphs: list[str]) -> str:
    body = "\n".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    return (
        '<!DOCTYPE html>\n<html><head><meta charset="utf-8">'
        "<style>p { font-family: Arial, sans-serif; font-size: 14px; }</style></head>\n"
        f'<body><div dir="ltr">\n{body}\n</div></body></html>\n'
    )


MIN_BYTES, MAX_BYTES = 1024, 10 * 1024


def _encoded(value: str) -> str:
    """A header value, RFC 2047-encoded (and folded) when it is not ASCII."""
    if value.isascii():
        return value
    return Header(value, "utf-8").encode(linesep="\r\n")


def _part(text: str, subtype: str, cte: str) -> bytes:
    """One text/* body part (its headers and encoded body), CRLF line ends."""
    data = text.encode()
    if cte == "base64":
        body = base64.encodebytes(data)
    elif cte == "quoted-printable":
        body = binascii.b2a_qp(data, istext=True)
    else:  # 7bit / 8bit: lines stay as they are (all well under 998 bytes)
        body = data
    body = body.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")
    head = f'Content-Type: text/{subtype}; charset="utf-8"\r\nContent-Transfer-Encoding: {cte}'
    return head.encode() + b"\r\n\r\n" + body


def make_request(index: int, rng: random.Random, start: datetime) -> bytes:
    """One request mail from a person: a language, a sender, plain or text+HTML, 1–10 KB."""
    lang = rng.choices(list(_LANGUAGE_WEIGHTS), weights=list(_LANGUAGE_WEIGHTS.values()))[0]
    words = _LANGUAGES[lang]
    name = rng.choice(words["names"])
    domain = rng.choice(_DOMAINS)
    sender = f"{_ascii_local(name)}{rng.randint(1, 9999)}@{domain}"
    num = f"{rng.randint(100000, 999999)}"
    sent_at = start + timedelta(seconds=index * 37 + rng.randint(0, 30))
    received = format_datetime(sent_at)
    head = [
        f"Received: from mx.{domain} (mx.{domain} [192.0.2.{rng.randint(1, 254)}])\r\n"
        f"\tby mx.example.co.uk with ESMTPS id {secrets.token_hex(5)}; {received}",
        f"From: {formataddr((name, sender), charset='utf-8')}",
        f"To: Customer Support <{SUPPORT}>",
        f"Subject: {_encoded(rng.choice(words['subjects']).format(num=num))}",
        f"Date: {format_datetime(sent_at)}",
        f"Message-ID: <{sent_at:%Y%m%d%H%M%S}.{index}.{secrets.token_hex(6)}@{domain}>",
    ]
    agent_header, agent = rng.choice(_AGENTS)
    if agent_header:
        head.append(f"{agent_header}: {agent}")
    if rng.random() < 0.3:
        head.append(f"Content-Language: {lang}")
    head.append("MIME-Version: 1.0")
    headers = "\r\n".join(head).encode() + b"\r\n"
    multipart = rng.random() < 0.35
    plain_cte = "7bit" if lang == "en" else "8bit"
    cte = rng.choice(["quoted-printable", "quoted-printable", "base64", plain_cte])
    boundary = f"=_mb_{secrets.token_hex(10)}"
    opening = [words["greeting"], words["request"].format(num=num)]
    closing = f"{words['closing']}\n{name}"

    def render(paragraphs: list[str]) -> bytes:
        text = _part("\n\n".join([*opening, *paragraphs, closing]) + "\n", "plain", cte)
        if not multipart:
            return headers + text
        page = _part(_html([*opening, *paragraphs, closing]), "html", cte)
        return (
            headers
            + f'Content-Type: multipart/alternative; boundary="{boundary}"\r\n\r\n'.encode()
            + f"--{boundary}\r\n".encode()
            + text
            + f"\r\n--{boundary}\r\n".encode()
            + page
            + f"\r\n--{boundary}--\r\n".encode()
        )

    # Add filler paragraphs until the target size; drop the last one if it overshot 10 KB.
    target = rng.randint(MIN_BYTES, MAX_BYTES)
    paragraphs: list[str] = []
    raw = render(paragraphs)
    while len(raw) < target:
        paragraphs.append(" ".join(rng.sample(words["filler"], k=min(3, len(words["filler"])))))
        previous, raw = raw, render(paragraphs)
        if len(raw) > MAX_BYTES:
            return previous
    return raw


def make_requests(count: int, seed: int) -> list[bytes]:
    rng = random.Random(seed)
    start = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)
    return [make_request(i, rng, start) for i in range(count)]


def _header(raw: bytes, name: str) -> str | None:
    headers = email.parser.BytesParser(policy=email.policy.compat32).parsebytes(
        raw, headersonly=True
    )
    value = headers.get(name)
    return str(value).strip() if value is not None else None


# ---------------------------------------------------------------------------- the run


def _toml_str(value: str) -> str:
    return json.dumps(value)  # a JSON string is a valid TOML basic string


def write_config(path: Path, account: ImapAccount, sink: SmtpSink, db_url: str, args: Any) -> None:
    path.write_text(
        f"""\
[database]
url = {_toml_str(db_url)}

[imap]
host = {_toml_str(account.host)}
port = {account.port}
security = "none"
username = {_toml_str(account.username)}
password = {_toml_str(account.password)}
batch_size = {args.batch_size}
idle = false
timeout_seconds = 60.0

[smtp]
host = "127.0.0.1"
port = {sink.port}
security = "none"
timeout_seconds = 60.0
connections = {args.smtp_connections}

[company]
name = "Example Trading Ltd"
support_address = {_toml_str(SUPPORT)}

[staff]
addresses = {'["dpo@example.co.uk"]' if args.staff else "[]"}

[reader]
processes = {args.readers}

[logging]
level = "WARNING"
"""
    )


def _child_env() -> dict[str, str]:
    """This environment without MAILBOT_* overrides, with the checkout on PYTHONPATH."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("MAILBOT_")}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    return env


@dataclass
class RunResult:
    started_at: datetime
    seconds: float
    returncode: int
    stdout: str
    stderr: str
    summary: dict[str, Any] = field(default_factory=dict)


def run_once(config: Path, profile: str | None = None, py_spy: str | None = None) -> RunResult:
    command = [sys.executable]
    if profile:
        command += ["-m", "cProfile", "-o", profile]
    command += ["-m", "mailbot", "--config", str(config), "run", "--once"]
    if py_spy:
        spy = shutil.which("py-spy") or str(Path(sys.executable).with_name("py-spy"))
        command = [spy, "record", "-o", py_spy, "--format", "raw", "-r", "200", "--", *command]
    started_at, started = datetime.now(UTC), time.perf_counter()
    proc = subprocess.run(
        command, cwd=ROOT, env=_child_env(), capture_output=True, text=True, check=False
    )
    seconds = time.perf_counter() - started
    result = RunResult(started_at, seconds, proc.returncode, proc.stdout, proc.stderr)
    for line in reversed(proc.stdout.splitlines()):
        if line.startswith("{"):
            try:
                result.summary = json.loads(line)
            except ValueError:
                continue
            break
    return result


def folder_counts(account: ImapAccount, folders: list[str]) -> dict[str, int | None]:
    """Messages per folder (None for a missing folder), over a fresh connection."""
    counts: dict[str, int | None] = {}
    with IMAPClient(account.host, port=account.port, ssl=False, timeout=30) as client:
        client.socket().setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        client.login(account.username, account.password)
        for folder in folders:
            if not client.folder_exists(folder):
                counts[folder] = None
                continue
            counts[folder] = int(client.select_folder(folder, readonly=True)[b"EXISTS"])
            client.unselect_folder()
    return counts


def db_counts(db_url: str) -> dict[str, int]:
    engine = create_engine(db_url)
    try:
        with engine.connect() as conn:
            return {
                "tickets": conn.scalar(text("SELECT count(*) FROM tickets")) or 0,
                "inbound": conn.scalar(text("SELECT count(*) FROM inbound_messages")) or 0,
                "outbox_sent": conn.scalar(text("SELECT count(*) FROM outbox WHERE state = 'sent'"))
                or 0,
                "outbox_total": conn.scalar(text("SELECT count(*) FROM outbox")) or 0,
            }
    finally:
        engine.dispose()


def check_run(n: int, run: RunResult) -> list[str]:
    errors = []
    if run.returncode != 0:
        errors.append(f"run --once exited with {run.returncode}: {run.stderr.strip()[-2000:]}")
    expected = {"fetched": n, "tickets": n, "sent": n * MAILS_PER_MESSAGE}
    for key, want in expected.items():
        if run.summary.get(key) != want:
            errors.append(f"run summary {key}={run.summary.get(key)!r}, expected {want}")
    if run.summary.get("errors"):
        errors.append(f"run summary errors: {run.summary['errors']}")
    if errors and run.returncode == 0:
        logged = [line for line in run.stderr.splitlines() if "level=error" in line]
        if logged:
            errors.append(f"the run logged {len(logged)} errors, the first: {logged[0][:500]}")
    return errors


def check_sink(n: int, requests: list[bytes], sink: SmtpSink) -> list[str]:
    """N mails, N distinct Message-IDs, and each request answered exactly once."""
    errors = []
    everything = sink.messages
    ids = [m.message_id for m in everything]
    if len(everything) != n * MAILS_PER_MESSAGE:
        errors.append(
            f"the SMTP sink received {len(everything)} mails, expected {n * MAILS_PER_MESSAGE}"
        )
    mails = [m for m in everything if m.rcpt_tos != ("dpo@example.co.uk",)]
    if None in ids:
        errors.append(f"{ids.count(None)} sent mails have no Message-ID")
    duplicates = [i for i, c in Counter(ids).items() if c > 1]
    if duplicates:
        errors.append(f"{len(duplicates)} Message-IDs sent more than once, e.g. {duplicates[0]}")
    request_ids = {_header(raw, "Message-ID") for raw in requests}
    answered = Counter(_header(m.data, "In-Reply-To") for m in mails)
    if set(answered) != request_ids or max(answered.values(), default=0) > 1:
        missing = len(request_ids - set(answered))
        errors.append(f"acknowledgements do not answer each request once ({missing} unanswered)")
    return errors


def verify(
    n: int,
    requests: list[bytes],
    run: RunResult,
    sink: SmtpSink,
    account: ImapAccount,
    db_url: str,
) -> tuple[list[str], dict[str, Any]]:
    errors = check_run(n, run) + check_sink(n, requests, sink)
    counts = db_counts(db_url)
    want = {"tickets": n, "inbound": n}
    want |= {"outbox_sent": n * MAILS_PER_MESSAGE, "outbox_total": n * MAILS_PER_MESSAGE}
    errors += [
        f"database: {k} = {v}, expected {want[k]}" for k, v in counts.items() if v != want[k]
    ]
    folders = folder_counts(account, ["INBOX", PROCESSED])
    if folders["INBOX"] != 0:
        errors.append(f"INBOX still holds {folders['INBOX']} messages")
    if folders[PROCESSED] != n:
        errors.append(f"{PROCESSED} holds {folders[PROCESSED]} messages, expected {n}")
    return errors, {"database": counts, "folders": folders}


# ---------------------------------------------------------------------------- main


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description="Time `mailbot run --once` on N request mails (ticket + acknowledgement each)."
    )
    parser.add_argument("-n", "--messages", type=int, default=2000, help="mails (default 2000)")
    parser.add_argument("--db", choices=["sqlite", "postgresql"], default="sqlite")
    parser.add_argument("--batch-size", type=int, default=100, help="imap.batch_size")
    parser.add_argument("--smtp-connections", type=int, default=2, help="smtp.connections")
    parser.add_argument(
        "--readers", type=int, default=1, help="reader.processes (0: parse + classify in-process)"
    )
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument(
        "--staff",
        action="store_true",
        help="configure a staff address: every new ticket also sends staff a notice",
    )
    parser.add_argument("--seed", type=int, default=1, help="seed for the generated mail")
    parser.add_argument(
        "--profile", metavar="FILE", help="run the child under cProfile, writing FILE"
    )
    parser.add_argument(
        "--py-spy",
        metavar="FILE",
        help="run the child under `py-spy record --format raw` (all threads), writing FILE",
    )
    args = parser.parse_args(argv)
    if args.messages < 1 or args.batch_size < 1 or args.smtp_connections < 1:
        parser.error("-n, --batch-size and --smtp-connections must be positive")
    return args


def delivery_phases(run: RunResult, sink: SmtpSink) -> dict[str, float | None]:
    """Split the run by the sink's clock: run --once ingests everything, then delivers."""
    arrivals = sorted(m.received_at for m in sink.messages)
    if not arrivals:
        return {"until_first_ack_seconds": None, "delivery_seconds": None, "acks_per_second": None}
    delivery = (arrivals[-1] - arrivals[0]).total_seconds()
    return {
        "until_first_ack_seconds": round((arrivals[0] - run.started_at).total_seconds(), 3),
        "delivery_seconds": round(delivery, 3),
        "acks_per_second": round(len(arrivals) / delivery, 1) if delivery > 0 else None,
    }


def machine() -> dict[str, Any]:
    return {
        "nproc": len(os.sched_getaffinity(0)),
        "loadavg_1min_before": round(os.getloadavg()[0], 2),
        "python": platform.python_version(),
        "implementation": platform.python_implementation(),
        "platform": platform.platform(terse=True),
    }


def bench(args: argparse.Namespace) -> tuple[dict[str, Any], list[str]]:
    n = args.messages
    host = machine()  # the load average before this script adds its own
    generated = time.perf_counter()
    requests = make_requests(n, args.seed)
    generate_seconds = time.perf_counter() - generated
    sizes = [len(r) for r in requests]

    work = Path(tempfile.mkdtemp(prefix="mailbot-bench-"))
    dovecot, sink, pg = DovecotServer(), SmtpSink(), None
    db_url = ""
    try:
        dovecot.start()
        sink.start()
        account = dovecot.new_account()
        if args.db == "postgresql":
            pg = PostgresServer().start()
            db_url = pg.create_database()
        else:
            db_url = f"sqlite:///{work / 'mailbot.db'}"

        started = time.perf_counter()
        append_messages(account.host, account.port, account.username, account.password, requests)
        append_seconds = time.perf_counter() - started

        config = work / "mailbot.toml"
        write_config(config, account, sink, db_url, args)
        started = time.perf_counter()
        engine = db.make_engine(db_url)  # schema first, in-process: not part of the timing
        try:
            db.upgrade(engine)
        finally:
            engine.dispose()
        upgrade_seconds = time.perf_counter() - started

        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        run = run_once(config, args.profile, args.py_spy)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        rss_before, rss_after = before.ru_maxrss, after.ru_maxrss
        cpu_seconds = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        errors, observed = verify(n, requests, run, sink, account, db_url)
        # ru_maxrss of RUSAGE_CHILDREN is the largest of all children waited for so far
        # (initdb and its postgres backend with --db postgresql): exact only if the run
        # raised it.
        peak_rss_kib = rss_after if rss_after > rss_before else None
        phases = delivery_phases(run, sink)
        empty = run_once(config)  # start-up cost: same command on the now empty mailbox
        if empty.returncode != 0 or empty.summary.get("fetched") != 0:
            errors.append(f"the empty run failed: {empty.returncode} {empty.stderr[-500:]}")
    finally:
        sink.stop()
        dovecot.stop()
        if pg is not None:
            if pg.external and db_url:
                pg.drop_database(db_url)
            pg.stop()
        shutil.rmtree(work, ignore_errors=True)

    result = {
        "messages": n,
        "db": args.db,
        "batch_size": args.batch_size,
        "smtp_connections": args.smtp_connections,
        "readers": args.readers,
        "profiled": bool(args.profile or args.py_spy),
        "run_seconds": round(run.seconds, 3),
        "msgs_per_second": round(n / run.seconds, 1),
        "empty_run_seconds": round(empty.seconds, 3),
        "msgs_per_second_excluding_startup": (
            round(n / (run.seconds - empty.seconds), 1) if run.seconds > empty.seconds else None
        ),
        "cpu_seconds": round(cpu_seconds, 3),
        "cpu_ms_per_message": round(cpu_seconds * 1000 / n, 2),
        "phases": phases,
        "peak_rss_mb": round(peak_rss_kib / 1024, 1) if peak_rss_kib else None,
        "peak_rss_at_most_mb": None if peak_rss_kib else round(rss_before / 1024, 1),
        "append_seconds": round(append_seconds, 3),
        "append_per_second": round(n / append_seconds, 1),
        "generate_seconds": round(generate_seconds, 3),
        "schema_upgrade_seconds": round(upgrade_seconds, 3),
        "message_bytes": {"min": min(sizes), "mean": round(sum(sizes) / n), "max": max(sizes)},
        "summary": run.summary,
        **observed,
        "machine": host,
        "ok": not errors,
        "errors": errors,
    }
    return result, errors


MAILS_PER_MESSAGE = 1


def main(argv: list[str] | None = None) -> int:
    global MAILS_PER_MESSAGE
    args = parse_args(argv)
    MAILS_PER_MESSAGE = 2 if args.staff else 1
    result, errors = bench(args)
    if args.json:
        print(json.dumps(result))
    else:
        m, sizes = result["machine"], result["message_bytes"]
        if result["peak_rss_mb"] is not None:
            rss = f"{result['peak_rss_mb']:.0f} MB"
        else:  # an earlier child (initdb) peaked higher; the run's own peak is below that
            rss = f"<= {result['peak_rss_at_most_mb']:.0f} MB (not isolated)"
        print(
            f"ingest: {result['messages']} messages in {result['run_seconds']:.2f} s = "
            f"{result['msgs_per_second']:.0f} msgs/s (ticket + ack each); "
            f"peak RSS {rss}; {result['db']}; "
            f"batch {result['batch_size']}; smtp connections {result['smtp_connections']}; "
            f"readers {result['readers']}"
            + ("; PROFILED" if result["profiled"] else "")
            + ("" if result["ok"] else "; FAILED (see errors)")
        )
        print(
            f"  start-up (empty run --once): {result['empty_run_seconds']:.2f} s; "
            f"excluding it: {result['msgs_per_second_excluding_startup'] or 0:.0f} msgs/s"
        )
        print(
            f"  CPU of the run (user+sys): {result['cpu_seconds']:.2f} s = "
            f"{result['cpu_ms_per_message']:.1f} ms per message"
        )
        phases = result["phases"]
        if phases["delivery_seconds"] is not None:
            print(
                f"  phases (sink clock): start + ingest until first ack "
                f"{phases['until_first_ack_seconds']:.2f} s; delivery of the acks "
                f"{phases['delivery_seconds']:.2f} s = {phases['acks_per_second'] or 0:.0f}/s"
            )
        print(
            f"  append: {result['messages']} in {result['append_seconds']:.2f} s = "
            f"{result['append_per_second']:.0f} msgs/s (one IMAP connection); mail size "
            f"{sizes['min']}–{sizes['max']} B, mean {sizes['mean']} B; schema upgrade "
            f"{result['schema_upgrade_seconds']:.2f} s (not timed)"
        )
        print(
            f"  machine: nproc {m['nproc']}, {m['implementation']} {m['python']}, "
            f"{m['platform']}; load average before {m['loadavg_1min_before']}"
        )
    for error in errors:
        print(f"error: {error}", file=sys.stderr)
    return 1 if errors else 0


if __name__ == "__main__":
    raise SystemExit(main())
