"""Configuration: file discovery, environment overrides, validation, secrets."""

from __future__ import annotations

from pathlib import Path

import pytest

from mailbot.config import describe, find_config_path, load_settings
from mailbot.errors import ConfigError


def write(tmp_path: Path, text: str) -> str:
    path = tmp_path / "mailbot.toml"
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_defaults_without_any_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    settings = load_settings(None, {})
    assert settings.database.url == "sqlite:///mailbot.db"
    assert settings.imap.security == "tls"
    assert settings.imap.verify_certificate is True
    assert settings.imap.folder == "INBOX"
    assert settings.imap.processed_folder == "Mailbot/Processed"
    assert settings.source == "defaults"


def test_file_discovery_order(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert find_config_path(None, {}) is None
    (tmp_path / "config").mkdir()
    (tmp_path / "config" / "mailbot.toml").write_text("")
    assert find_config_path(None, {}) == Path("config/mailbot.toml")
    assert find_config_path(None, {"MAILBOT_CONFIG": "/x.toml"}) == Path("/x.toml")
    assert find_config_path("/y.toml", {"MAILBOT_CONFIG": "/x.toml"}) == Path("/y.toml")


def test_toml_values_and_env_overrides(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        """
[imap]
host = "mail.example.com"
port = 993
username = "support@example.com"
password = "from-file"
[staff]
addresses = ["dpo@example.com"]
[company]
name = "Example Trading Ltd"
support_address = "support@example.com"
""",
    )
    env = {
        "MAILBOT_IMAP__PASSWORD": "from-env",
        "MAILBOT_IMAP__BATCH_SIZE": "7",
        "MAILBOT_IMAP__IDLE": "false",
        "MAILBOT_STAFF__ADDRESSES": '["a@example.com", "b@example.com"]',
        "MAILBOT_DATABASE__URL": "postgresql+psycopg://u@db/x",
    }
    settings = load_settings(path, env)
    assert settings.imap.host == "mail.example.com"
    assert settings.imap.password == "from-env"
    assert settings.imap.batch_size == 7
    assert settings.imap.idle is False
    assert settings.staff.addresses == ("a@example.com", "b@example.com")
    assert settings.database.url == "postgresql+psycopg://u@db/x"
    assert settings.company.name == "Example Trading Ltd"


def test_secrets_never_in_repr_or_describe(tmp_path: Path) -> None:
    secret_file = tmp_path / "pw"
    secret_file.write_text("s3cret-from-file\n")
    env = {"MAILBOT_IMAP__PASSWORD_FILE": str(secret_file), "MAILBOT_SMTP__PASSWORD": "hunter2"}
    settings = load_settings(write(tmp_path, ""), env)
    assert settings.imap.password == "s3cret-from-file"
    shown = repr(settings) + str(describe(settings))
    assert "s3cret" not in shown and "hunter2" not in shown


@pytest.mark.parametrize(
    ("text", "env", "message"),
    [
        ("[imap]\nsecurity = 'plain'", {}, "imap.security must be one of"),
        ("[imap]\nhost = 'mail.example.com'\nsecurity = 'none'", {}, "allow_insecure"),
        ("[imap]\nport = 'abc'", {}, "imap.port must be a number"),
        ("[imap]\nbogus = 1", {}, "unknown key imap.bogus"),
        ("[nonsense]\na = 1", {}, "unknown configuration section [nonsense]"),
        ("[staff]\naddresses = 'dpo@example.com'", {}, "staff.addresses must be a list"),
        ("[company]\nsupport_address = 'support'", {}, "company.support_address"),
        ("not toml [", {}, "not valid TOML"),
        ("", {"MAILBOT_IMAP__IDLE": "perhaps"}, "imap.idle must be true or false"),
        ("", {"MAILBOT_WHAT__X": "1"}, "unknown section [what]"),
    ],
)
def test_clear_errors(tmp_path: Path, text: str, env: dict[str, str], message: str) -> None:
    with pytest.raises(ConfigError, match=message.replace("[", r"\[").replace(".", r"\.")):
        load_settings(write(tmp_path, text), env)


def test_insecure_allowed_on_loopback_or_when_asked(tmp_path: Path) -> None:
    path = write(tmp_path, "[imap]\nhost = '127.0.0.1'\nsecurity = 'none'")
    assert load_settings(path, {}).imap.security == "none"
    path = write(tmp_path, "[imap]\nhost = 'mail.lan'\nsecurity = 'none'\nallow_insecure = true")
    assert load_settings(path, {}).imap.allow_insecure is True


def test_missing_file_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="not found"):
        load_settings(str(tmp_path / "nope.toml"), {})


def test_example_config_documents_every_key() -> None:
    """config/mailbot.example.toml loads, and names every key the settings have."""
    import dataclasses

    from mailbot.config import Settings

    example = Path(__file__).resolve().parents[1] / "config" / "mailbot.example.toml"
    settings = load_settings(str(example), {})
    text = example.read_text(encoding="utf-8")
    for section in dataclasses.fields(Settings):
        if section.name in ("source",):
            continue
        value = getattr(settings, section.name)
        if not dataclasses.is_dataclass(value):
            assert f"{section.name} =" in text or f"# {section.name} =" in text
            continue
        assert f"[{section.name}]" in text
        for key in dataclasses.fields(value):
            assert f"\n{key.name} =" in text or f"\n# {key.name} =" in text, (
                f"{section.name}.{key.name} is not documented"
            )
