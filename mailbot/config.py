"""Typed settings: one TOML file, every key overridable by ``MAILBOT_<SECTION>__<KEY>``.

Where the file comes from: ``--config PATH``, else ``$MAILBOT_CONFIG``, else
``config/mailbot.toml`` in the working directory if present, else built-in defaults.
Secrets (passwords) may also come from ``<key>_file`` (a path whose content is the secret),
and are wrapped in ``Secret`` so they never show up in a repr or a log line.
"""

from __future__ import annotations

import dataclasses
import functools
import ipaddress
import json
import os
import tomllib
import types
import typing
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from mailbot.errors import ConfigError
from mailbot.tickets.clock import ClockPolicy

Security = Literal["tls", "starttls", "none"]
SECURITY_CHOICES = ("tls", "starttls", "none")
ENV_PREFIX = "MAILBOT_"
DEFAULT_CONFIG_PATH = Path("config/mailbot.toml")
MAX_READER_PROCESSES = 8  # each holds the classifier (~110 MB); more than the cores is waste


class Secret(str):
    """A string that hides itself in repr() and f-string debugging."""

    def __repr__(self) -> str:
        return "Secret('***')" if self else "Secret('')"


NO_SECRET = Secret("")


@dataclass(frozen=True)
class DatabaseSettings:
    url: str = "sqlite:///mailbot.db"
    echo: bool = False


@dataclass(frozen=True)
class ServerSettings:
    """What an IMAP and an SMTP connection have in common."""

    host: str = "localhost"
    port: int = 0
    security: Security = "tls"
    allow_insecure: bool = False
    verify_certificate: bool = True
    ca_file: str = ""
    username: str = ""
    password: Secret = NO_SECRET
    password_file: str = ""
    timeout_seconds: float = 60.0


@dataclass(frozen=True)
class ImapSettings(ServerSettings):
    # What the database calls this mailbox (records, checkpoint, lease); default: the folder.
    name: str = ""
    folder: str = "INBOX"
    processed_folder: str = "Mailbot/Processed"
    quarantine_folder: str = "Mailbot/Quarantine"
    batch_size: int = 100
    poll_interval_seconds: float = 60.0
    idle: bool = True
    idle_renew_seconds: float = 10 * 60.0
    max_message_bytes: int = 25 * 1024 * 1024
    reconnect_initial_seconds: float = 1.0
    reconnect_max_seconds: float = 300.0

    @property
    def effective_port(self) -> int:
        """The configured port, or the standard one for the security mode."""
        return self.port or (993 if self.security == "tls" else 143)

    @property
    def mailbox_name(self) -> str:
        """The mailbox's name in the database: ``name``, or the folder (one mailbox)."""
        return self.name or self.folder


@dataclass(frozen=True)
class SmtpSettings(ServerSettings):
    connections: int = 2

    @property
    def effective_port(self) -> int:
        """The configured port, or the standard one for the security mode."""
        if self.port:
            return self.port
        return {"tls": 465, "starttls": 587, "none": 25}[self.security]


@dataclass(frozen=True)
class CompanySettings:
    name: str = "Example Ltd"
    support_address: str = "support@example.com"
    timezone: str = "Europe/London"
    phone_region: str = "GB"


@dataclass(frozen=True)
class StaffSettings:
    """Who staff are, and how their mail proves it (a From header proves nothing)."""

    addresses: tuple[str, ...] = ()
    domains: tuple[str, ...] = ()
    trusted_authserv_ids: tuple[str, ...] = ()
    max_command_age_days: int = 7

    def is_staff(self, address: str) -> bool:
        """A configured staff address, or any address at a configured staff domain."""
        lowered = address.strip().lower()
        if lowered in self._addresses:
            return True
        local, at, domain = lowered.rpartition("@")
        return bool(local and at) and domain in self._domains

    def signing_domains(self) -> frozenset[str]:
        """The domains whose DKIM signature (or trusted pass) proves staff authority."""
        return frozenset({a.rpartition("@")[2] for a in self._addresses} | self._domains)

    @functools.cached_property
    def _addresses(self) -> frozenset[str]:
        return frozenset(a.strip().lower() for a in self.addresses)

    @functools.cached_property
    def _domains(self) -> frozenset[str]:
        return frozenset(d.strip().lower() for d in self.domains)


@dataclass(frozen=True)
class DeadlineSettings:
    target_days: int = 30
    holiday_country: str = "GB"
    holiday_subdivision: str = "ENG"
    opt_out_business_days: int = 10


@dataclass(frozen=True)
class VerificationSettings:
    code_ttl_days: int = 14
    max_attempts: int = 5
    reminder_after_days: int = 7
    close_after_days: int = 14


@dataclass(frozen=True)
class LimitSettings:
    auto_mails_per_sender_per_hour: int = 5


@dataclass(frozen=True)
class OutboxSettings:
    max_attempts: int = 12
    retry_initial_seconds: float = 60.0
    retry_max_seconds: float = 6 * 3600.0
    claim_seconds: float = 300.0
    batch_size: int = 200


@dataclass(frozen=True)
class ReaderSettings:
    """Helper processes that parse and classify a backlog ahead of the database work."""

    processes: int = 1  # 0: the daemon reads every message itself
    backlog: int = 500  # messages waiting in one poll before a helper starts


@dataclass(frozen=True)
class ClusterSettings:
    """Several daemons on one PostgreSQL database: who polls which mailbox."""

    # A mailbox's poller holds a lease in the database for this long and renews it every
    # third of it; if the holder dies, another daemon takes over within this time.
    lease_seconds: float = 30.0


@dataclass(frozen=True)
class EscalationSettings:
    """The ladder: reminders before the due date, then daily to the DPO while overdue."""

    days_before_due: tuple[int, ...] = (7, 2)
    overdue_every_days: int = 1
    dpo_address: str = ""


@dataclass(frozen=True)
class DigestSettings:
    """The staff's morning summary of what is due."""

    enabled: bool = True
    time: str = "08:00"
    timezone: str = "Europe/London"
    recipients: tuple[str, ...] = ()
    due_soon_days: int = 7


@dataclass(frozen=True)
class RetentionSettings:
    """How long closed tickets keep their personal data before the purge anonymises them."""

    closed_ticket_months: int = 24


@dataclass(frozen=True)
class ObservabilitySettings:
    """The /metrics and /healthz endpoint: off unless a port is set, loopback unless allowed."""

    port: int = 0
    host: str = "127.0.0.1"
    allow_remote: bool = False
    unhealthy_after_seconds: float = 600.0


@dataclass(frozen=True)
class LoggingSettings:
    level: str = "INFO"
    format: Literal["text", "json"] = "text"


@dataclass(frozen=True)
class Settings:
    database: DatabaseSettings = field(default_factory=DatabaseSettings)
    imap: ImapSettings = field(default_factory=ImapSettings)
    smtp: SmtpSettings = field(default_factory=SmtpSettings)
    company: CompanySettings = field(default_factory=CompanySettings)
    staff: StaffSettings = field(default_factory=StaffSettings)
    deadlines: DeadlineSettings = field(default_factory=DeadlineSettings)
    verification: VerificationSettings = field(default_factory=VerificationSettings)
    limits: LimitSettings = field(default_factory=LimitSettings)
    outbox: OutboxSettings = field(default_factory=OutboxSettings)
    reader: ReaderSettings = field(default_factory=ReaderSettings)
    cluster: ClusterSettings = field(default_factory=ClusterSettings)
    escalation: EscalationSettings = field(default_factory=EscalationSettings)
    digest: DigestSettings = field(default_factory=DigestSettings)
    retention: RetentionSettings = field(default_factory=RetentionSettings)
    observability: ObservabilitySettings = field(default_factory=ObservabilitySettings)
    logging: LoggingSettings = field(default_factory=LoggingSettings)
    # [[mailboxes]]: several mailboxes (each an [imap] table over the [imap] defaults); empty
    # means the one mailbox of [imap].
    mailboxes: tuple[ImapSettings, ...] = ()
    templates_dir: str = ""
    source: str = "defaults"

    @property
    def all_mailboxes(self) -> tuple[ImapSettings, ...]:
        """Every mailbox the daemon serves: the [[mailboxes]], or the one [imap]."""
        return self.mailboxes or (self.imap,)

    @functools.cached_property
    def own_addresses(self) -> frozenset[str]:
        """Addresses that are ours: the support address and every mailbox's login."""
        addresses = {self.company.support_address, *(m.username for m in self.all_mailboxes)}
        return frozenset(a.lower() for a in addresses if "@" in a)


SECTIONS: dict[str, type[Any]] = {
    name: hint
    for name, hint in typing.get_type_hints(Settings).items()
    if name not in ("templates_dir", "source", "mailboxes")
}


def find_config_path(cli_path: str | None, environ: Mapping[str, str]) -> Path | None:
    """The file to read: the CLI flag wins, then $MAILBOT_CONFIG, then config/mailbot.toml."""
    if cli_path:
        return Path(cli_path)
    if environ.get("MAILBOT_CONFIG"):
        return Path(environ["MAILBOT_CONFIG"])
    return DEFAULT_CONFIG_PATH if DEFAULT_CONFIG_PATH.is_file() else None


def load_settings(
    cli_path: str | None = None, environ: Mapping[str, str] | None = None
) -> Settings:
    """Read the TOML file (if any), apply environment overrides, validate, and return settings."""
    env = os.environ if environ is None else environ
    path = find_config_path(cli_path, env)
    data: dict[str, Any] = {}
    if path is not None:
        data = _read_toml(path)
    _apply_env(data, env)
    settings = settings_from_mapping(data, source=str(path) if path else "defaults")
    validate(settings)
    return settings


def settings_from_mapping(data: Mapping[str, Any], *, source: str = "mapping") -> Settings:
    """Build settings from nested mappings (the TOML shape), with clear errors on bad keys."""
    kwargs: dict[str, Any] = {"source": source}
    for key, value in data.items():
        if key == "templates_dir":
            kwargs[key] = _coerce(str, value, key)
            continue
        if key == "mailboxes":
            continue  # after [imap], whose keys they inherit
        section_type = SECTIONS.get(key)
        if section_type is None:
            raise ConfigError(f"unknown configuration section [{key}] in {source}")
        if not isinstance(value, Mapping):
            raise ConfigError(f"[{key}] must be a table in {source}")
        kwargs[key] = _build_section(section_type, key, value, source)
    if "mailboxes" in data:
        kwargs["mailboxes"] = _build_mailboxes(data["mailboxes"], data.get("imap", {}), source)
    return _resolve_secrets(Settings(**kwargs))


def _build_mailboxes(
    entries: Any, imap: Mapping[str, Any], source: str
) -> tuple[ImapSettings, ...]:
    """[[mailboxes]]: each entry's keys over the [imap] table's; names unique."""
    if isinstance(entries, _EnvValue):
        entries = json.loads(entries)
    if not isinstance(entries, list) or not all(isinstance(e, Mapping) for e in entries):
        raise ConfigError(f"[[mailboxes]] must be a list of tables in {source}")
    mailboxes = []
    for index, entry in enumerate(entries, start=1):
        merged = {**imap, **entry}
        mailbox = _build_section(ImapSettings, f"mailboxes[{index}]", merged, source)
        if not mailbox.name:
            mailbox = dataclasses.replace(mailbox, name=f"{mailbox.username}/{mailbox.folder}")
        mailboxes.append(mailbox)
    names = [m.mailbox_name for m in mailboxes]
    duplicates = sorted({n for n in names if names.count(n) > 1})
    if duplicates:
        raise ConfigError(f"[[mailboxes]]: each needs its own name; repeated: {duplicates}")
    return tuple(mailboxes)


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except FileNotFoundError as exc:
        raise ConfigError(f"configuration file not found: {path}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"configuration file {path} is not valid TOML: {exc}") from exc
    except OSError as exc:
        raise ConfigError(f"cannot read configuration file {path}: {exc}") from exc


def _apply_env(data: dict[str, Any], environ: Mapping[str, str]) -> None:
    """Overlay MAILBOT_<SECTION>__<KEY> variables onto the TOML data (as strings, typed later)."""
    for name, value in environ.items():
        if not name.startswith(ENV_PREFIX) or "__" not in name:
            continue
        section, _, key = name[len(ENV_PREFIX) :].partition("__")
        section, key = section.lower(), key.lower()
        if section not in SECTIONS:
            raise ConfigError(f"environment variable {name}: unknown section [{section}]")
        data.setdefault(section, {})[key] = _EnvValue(value)


class _EnvValue(str):
    """A value from the environment: lists and tables arrive as JSON text."""


def _build_section(cls: type[Any], section: str, values: Mapping[str, Any], source: str) -> Any:
    hints = typing.get_type_hints(cls)
    known = {f.name for f in dataclasses.fields(cls)}
    kwargs: dict[str, Any] = {}
    for key, value in values.items():
        if key not in known:
            raise ConfigError(f"unknown key {section}.{key} in {source}")
        kwargs[key] = _coerce(hints[key], value, f"{section}.{key}")
    return cls(**kwargs)


def _coerce(hint: Any, value: Any, where: str) -> Any:
    """Turn a TOML or environment value into the declared type, or say what is wrong."""
    origin = typing.get_origin(hint)
    if origin is Literal:
        choices = typing.get_args(hint)
        text = str(value)
        if text not in choices:
            raise ConfigError(f"{where} must be one of {', '.join(choices)}; got {text!r}")
        return text
    if hint is Secret:
        return Secret(str(value))
    if hint is str:
        return str(value)
    if hint is bool:
        return _coerce_bool(value, where)
    if hint in (int, float):
        return _coerce_number(hint, value, where)
    if origin is tuple or hint is tuple:
        return _coerce_list(hint, value, where)
    if origin in (types.UnionType, typing.Union):
        return value
    raise ConfigError(f"{where}: unsupported type {hint!r}")


def _coerce_list(hint: Any, value: Any, where: str) -> tuple[Any, ...]:
    items = json.loads(value) if isinstance(value, _EnvValue) else value
    if isinstance(items, str) or not isinstance(items, list | tuple):
        raise ConfigError(f'{where} must be a list (in the environment: JSON, e.g. ["a"])')
    item_hint = (typing.get_args(hint) or (str,))[0]
    if item_hint is int:
        return tuple(_coerce_number(int, item, where) for item in items)
    return tuple(str(item) for item in items)


def _coerce_bool(value: Any, where: str) -> bool:
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in ("1", "true", "yes", "on"):
        return True
    if text in ("0", "false", "no", "off"):
        return False
    raise ConfigError(f"{where} must be true or false; got {value!r}")


def _coerce_number(kind: type[Any], value: Any, where: str) -> Any:
    if isinstance(value, bool):
        raise ConfigError(f"{where} must be a number; got {value!r}")
    try:
        return kind(value)
    except (TypeError, ValueError) as exc:
        raise ConfigError(f"{where} must be a number; got {value!r}") from exc


def _resolve_secrets(settings: Settings) -> Settings:
    """Read ``password_file`` into ``password`` where the password itself is not given."""
    imap = settings.imap
    smtp = settings.smtp
    if imap.password_file and not imap.password:
        imap = dataclasses.replace(imap, password=_read_secret(imap.password_file, "imap"))
    if smtp.password_file and not smtp.password:
        smtp = dataclasses.replace(smtp, password=_read_secret(smtp.password_file, "smtp"))
    mailboxes = tuple(
        dataclasses.replace(m, password=_read_secret(m.password_file, f"mailboxes[{m.name}]"))
        if m.password_file and not m.password
        else m
        for m in settings.mailboxes
    )
    return dataclasses.replace(settings, imap=imap, smtp=smtp, mailboxes=mailboxes)


def _read_secret(path: str, section: str) -> Secret:
    try:
        return Secret(Path(path).read_text(encoding="utf-8").strip())
    except OSError as exc:
        raise ConfigError(f"{section}.password_file: cannot read {path}: {exc}") from exc


def is_loopback(host: str) -> bool:
    """True for localhost and loopback addresses (127.0.0.0/8, ::1)."""
    if host.lower() in ("localhost", "localhost.localdomain"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def validate(settings: Settings) -> None:
    """Refuse settings that would run unsafely or cannot work, naming the key."""
    servers: list[tuple[str, ServerSettings]] = [("imap", settings.imap), ("smtp", settings.smtp)]
    servers += [(f"mailboxes[{m.mailbox_name}]", m) for m in settings.mailboxes]
    for name, server in servers:
        if server.security == "none" and not (server.allow_insecure or is_loopback(server.host)):
            raise ConfigError(
                f'{name}.security = "none" sends the password in clear text to {server.host}; '
                f"use tls or starttls, or set {name}.allow_insecure = true"
            )
        if not 0 <= server.port <= 65535:
            raise ConfigError(f"{name}.port must be between 1 and 65535; got {server.port}")
    if "@" not in settings.company.support_address:
        raise ConfigError(
            f"company.support_address must be an email address; "
            f"got {settings.company.support_address!r}"
        )
    if settings.imap.batch_size < 1:
        raise ConfigError("imap.batch_size must be at least 1")
    if settings.smtp.connections < 1:
        raise ConfigError("smtp.connections must be at least 1")
    if not 0 <= settings.reader.processes <= MAX_READER_PROCESSES:
        raise ConfigError(
            f"reader.processes must be between 0 and {MAX_READER_PROCESSES}; "
            f"got {settings.reader.processes}"
        )
    if settings.reader.backlog < 1:
        raise ConfigError("reader.backlog must be at least 1")
    _validate_clock(settings)
    _validate_staff(settings)
    _validate_schedule(settings)
    _validate_observability(settings)


def clock_policy(settings: Settings) -> ClockPolicy:
    """The statutory clock's policy from the configuration."""
    d = settings.deadlines
    return ClockPolicy(
        timezone=settings.company.timezone,
        holiday_country=d.holiday_country,
        holiday_subdivision=d.holiday_subdivision or None,
        target_days=d.target_days,
        opt_out_business_days=d.opt_out_business_days,
    )


def _validate_clock(settings: Settings) -> None:
    try:
        clock_policy(settings)
    except ValueError as exc:
        raise ConfigError(f"[deadlines]/company.timezone: {exc}") from exc
    v = settings.verification
    if min(v.code_ttl_days, v.max_attempts, v.close_after_days) < 1:
        raise ConfigError("verification: code_ttl_days, max_attempts, close_after_days must be ≥ 1")
    if settings.limits.auto_mails_per_sender_per_hour < 1:
        raise ConfigError("limits.auto_mails_per_sender_per_hour must be at least 1")


def digest_time(settings: Settings) -> tuple[int, int]:
    """The digest's local hour and minute from ``digest.time`` (``HH:MM``)."""
    text = settings.digest.time.strip()
    hour, colon, minute = text.partition(":")
    if not (colon and hour.isdigit() and minute.isdigit() and len(minute) == 2):
        raise ConfigError(f'digest.time must be HH:MM (e.g. "08:00"); got {text!r}')
    if int(hour) > 23 or int(minute) > 59:
        raise ConfigError(f"digest.time must be a time of day (00:00 to 23:59); got {text!r}")
    return int(hour), int(minute)


def _validate_staff(settings: Settings) -> None:
    for address in settings.staff.addresses:
        if "@" not in address:
            raise ConfigError(f"staff.addresses: {address!r} is not an email address")
    for domain in settings.staff.domains:
        if "@" in domain or "." not in domain:
            raise ConfigError(f"staff.domains: {domain!r} is not a domain (e.g. example.com)")
    if settings.staff.max_command_age_days < 1:
        raise ConfigError("staff.max_command_age_days must be at least 1")


def _validate_schedule(settings: Settings) -> None:
    ladder = settings.escalation
    if any(days < 1 for days in ladder.days_before_due):
        raise ConfigError("escalation.days_before_due: each step must be at least 1 day")
    if ladder.overdue_every_days < 1:
        raise ConfigError("escalation.overdue_every_days must be at least 1")
    if ladder.dpo_address and "@" not in ladder.dpo_address:
        raise ConfigError(f"escalation.dpo_address: {ladder.dpo_address!r} is not an address")
    digest_time(settings)
    try:
        ZoneInfo(settings.digest.timezone)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise ConfigError(
            f"digest.timezone: unknown time zone {settings.digest.timezone!r}"
        ) from exc
    if settings.digest.due_soon_days < 1:
        raise ConfigError("digest.due_soon_days must be at least 1")
    for address in settings.digest.recipients:
        if "@" not in address:
            raise ConfigError(f"digest.recipients: {address!r} is not an email address")
    if settings.cluster.lease_seconds < 3:
        raise ConfigError("cluster.lease_seconds must be at least 3")
    if settings.retention.closed_ticket_months < 1:
        raise ConfigError("retention.closed_ticket_months must be at least 1")


def _validate_observability(settings: Settings) -> None:
    """The metrics endpoint has no authentication: loopback only, unless said otherwise."""
    obs = settings.observability
    if not 0 <= obs.port <= 65535:
        raise ConfigError(
            f"observability.port must be between 1 and 65535 (0 = off); got {obs.port}"
        )
    if obs.port and not (obs.allow_remote or is_loopback(obs.host)):
        raise ConfigError(
            f"observability.host = {obs.host!r} would serve /metrics without authentication "
            f"beyond this machine; use 127.0.0.1, or set observability.allow_remote = true"
        )
    if obs.unhealthy_after_seconds <= 0:
        raise ConfigError("observability.unhealthy_after_seconds must be more than 0")


def describe(settings: Settings) -> dict[str, Any]:
    """Settings as plain data with every secret masked: safe to print or log."""
    data = dataclasses.asdict(settings)
    for section in ("imap", "smtp"):
        if data[section]["password"]:
            data[section]["password"] = "***"
    return data
