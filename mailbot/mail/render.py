"""Render outgoing mail from jinja2 templates: a subject, a text part and an HTML part.

Layout: ``templates/<language>/<name>.subject.txt``, ``<name>.txt`` and ``<name>.html``;
a language without its own copy falls back to English.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2

from mailbot.errors import ConfigError

FALLBACK_LANGUAGE = "en"


@dataclass(frozen=True, slots=True)
class RenderedMail:
    """One rendered mail, ready to compose."""

    subject: str
    text: str
    html: str
    language: str


def default_templates_dir() -> Path:
    """Templates shipped in the wheel, or the checkout's top-level ``templates/``."""
    package_dir = Path(__file__).resolve().parent.parent
    for candidate in (package_dir / "templates", package_dir.parent / "templates"):
        if candidate.is_dir():
            return candidate
    raise ConfigError("no templates directory found; set templates_dir in the configuration")


class JinjaRenderer:
    """Renders named templates with StrictUndefined and autoescaped HTML."""

    def __init__(self, directory: Path | None = None) -> None:
        self.directory = directory or default_templates_dir()
        if not self.directory.is_dir():
            raise ConfigError(f"templates_dir {self.directory} is not a directory")
        loader = jinja2.FileSystemLoader(str(self.directory))
        # Templates are read once: no stat() of every file on every mail (restart to reload).
        self._text = jinja2.Environment(
            loader=loader,
            undefined=jinja2.StrictUndefined,
            autoescape=False,
            keep_trailing_newline=True,
            auto_reload=False,
        )
        self._html = jinja2.Environment(
            loader=loader, undefined=jinja2.StrictUndefined, autoescape=True, auto_reload=False
        )
        self._languages: dict[tuple[str, str], str] = {}

    def languages(self) -> list[str]:
        """Every language that has a folder of templates."""
        return sorted(p.name for p in self.directory.iterdir() if p.is_dir() and len(p.name) == 2)

    def template_names(self, language: str = FALLBACK_LANGUAGE) -> list[str]:
        """Every mail template name available in a language."""
        folder = self.directory / language
        return sorted(p.name[: -len(".subject.txt")] for p in folder.glob("*.subject.txt"))

    def resolve_language(self, name: str, language: str) -> str:
        """The language a mail will be written in: the requester's where we have the template."""
        key = (name, language)
        if key not in self._languages:
            exists = bool(language) and (self.directory / language / f"{name}.txt").is_file()
            self._languages[key] = language if exists else FALLBACK_LANGUAGE
        return self._languages[key]

    def render(self, name: str, language: str, context: dict[str, Any]) -> RenderedMail:
        """Render one mail in the requester's language, or English when it has no copy."""
        chosen = self.resolve_language(name, language)
        subject = self._text.get_template(f"{chosen}/{name}.subject.txt").render(context)
        text = self._text.get_template(f"{chosen}/{name}.txt").render(context)
        html = self._html.get_template(f"{chosen}/{name}.html").render(context)
        return RenderedMail(
            subject=" ".join(subject.split()), text=text, html=html, language=chosen
        )
