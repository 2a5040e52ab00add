"""Jinja2 wired to netral.i18n: one Translator per request, Indonesian dates, highlighting.

Templates call ``_("English message {name}", name=value)`` like Python code does; the
``jinja2.ext.i18n`` extension resolves ``gettext`` through the request's Translator, held in a
context variable so concurrent requests in different languages never mix.
"""

from __future__ import annotations

import contextvars
import datetime as dt
from collections.abc import Iterable
from importlib import resources
from pathlib import Path
from typing import Any

from babel.dates import format_date, format_datetime
from babel.numbers import format_decimal
from fastapi import Request
from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup, escape
from starlette.responses import HTMLResponse

from netral.i18n import DEFAULT_LOCALE, Translator, normalise_locale

LANG_COOKIE = "netral_lang"
_DEFAULT = Translator(DEFAULT_LOCALE)
_translator: contextvars.ContextVar[Translator | None] = contextvars.ContextVar(
    "netral_web_translator", default=None
)
WIB = dt.timezone(dt.timedelta(hours=8), "WITA")  # Kaltim runs on WITA (UTC+8)


def templates_dir() -> Path:
    return Path(str(resources.files("netral.web") / "templates"))


def static_dir() -> Path:
    return Path(str(resources.files("netral.web") / "static"))


def request_locale(request: Request) -> str:
    """``?lang=`` wins, then the language cookie, then Bahasa Indonesia."""
    chosen = request.query_params.get("lang") or request.cookies.get(LANG_COOKIE)
    return normalise_locale(chosen)


def use_translator(locale: str) -> Translator:
    translator = Translator(locale)
    _translator.set(translator)
    return translator


def translator() -> Translator:
    return _translator.get() or _DEFAULT


def gettext(message: str, **values: Any) -> str:
    return translator().gettext(message, **values)


def ngettext(singular: str, plural: str, n: int, **values: Any) -> str:
    return translator().ngettext(singular, plural, n, **values)


def _babel_locale() -> str:
    return "id_ID" if translator().locale == "id" else "en_GB"


def fmt_date(value: dt.date | dt.datetime | None, style: str = "long") -> str:
    """``27 November 2024`` in Indonesian, ``27 November 2024`` in English."""
    if value is None:
        return "—"
    if isinstance(value, dt.datetime):
        value = value.astimezone(WIB).date() if value.tzinfo else value.date()
    return format_date(value, format=style, locale=_babel_locale())


def fmt_datetime(value: dt.datetime | None) -> str:
    """``27 Nov 2024 14.05 WITA``: the local time of the Kaltim offices."""
    if value is None:
        return "—"
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.UTC)
    local = value.astimezone(WIB)
    return format_datetime(local, "d MMM y HH.mm", locale=_babel_locale()) + " WITA"


def fmt_number(value: float | int) -> str:
    return format_decimal(value, locale=_babel_locale())


def highlight(text: str, spans: Iterable[tuple[int, int]]) -> Markup:
    """``text`` escaped, with each ``(start, end)`` span wrapped in ``<mark>``."""
    merged: list[list[int]] = []
    for start, end in sorted((max(0, s), min(len(text), e)) for s, e in spans):
        if start >= end:
            continue
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    out: list[str] = []
    pos = 0
    for start, end in merged:
        out.append(str(escape(text[pos:start])))
        out.append(f"<mark>{escape(text[start:end])}</mark>")
        pos = end
    out.append(str(escape(text[pos:])))
    return Markup("".join(out))


def make_environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(str(templates_dir())),
        autoescape=select_autoescape(["html", "xml", "svg"]),
        extensions=["jinja2.ext.i18n"],
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.install_gettext_callables(gettext, ngettext, newstyle=False)  # type: ignore[attr-defined]
    env.filters.update(date=fmt_date, datetime=fmt_datetime, number=fmt_number)
    env.globals.update(highlight=highlight)
    return env


class Templates:
    """Renders a template with the request, the translator and the CSRF token in context."""

    def __init__(self, env: Environment | None = None):
        self.env = env or make_environment()

    def render(
        self, request: Request, name: str, context: dict[str, Any] | None = None,
        status_code: int = 200, headers: dict[str, str] | None = None,
    ) -> HTMLResponse:
        from netral.web.security import csrf_token

        data = {
            "request": request,
            "locale": translator().locale,
            "csrf_token": csrf_token(request),
            "user": getattr(request.state, "user", None),
            "settings": request.app.state.settings,
            "path": request.url.path,
        }
        data.update(context or {})
        html = self.env.get_template(name).render(data)
        return HTMLResponse(html, status_code=status_code, headers=headers)
