"""One translation mechanism for every user-facing string: gettext catalogs read with Babel.

Message ids are English; Bahasa Indonesia is the default locale. Each room keeps its own
catalog file (``locales/<locale>/<room>.po``) so rooms can grow their messages independently;
all files of a locale merge into one set of translations. Catalogs are compiled in memory on
first use, so there is no build step and no stale ``.mo`` file.
"""

from __future__ import annotations

import os
from functools import cache
from importlib import resources
from io import BytesIO
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import NullTranslations, Translations

DEFAULT_LOCALE = "id"
LOCALES = ("id", "en")


def locales_dir() -> Path:
    return Path(str(resources.files("netral.i18n") / "locales"))


def normalise_locale(value: str | None) -> str:
    """Map ``en_US.UTF-8``, ``EN``, ``id-ID`` … to a supported locale; default Indonesian."""
    if not value:
        return DEFAULT_LOCALE
    code = value.replace("-", "_").split("_")[0].split(".")[0].lower()
    return code if code in LOCALES else DEFAULT_LOCALE


@cache
def translations(locale: str) -> NullTranslations:
    locale = normalise_locale(locale)
    merged: NullTranslations | None = None
    for po_path in sorted((locales_dir() / locale).glob("*.po")):
        with po_path.open("rb") as fh:
            catalog = read_po(fh, locale=locale, domain=po_path.stem)
        buffer = BytesIO()
        write_mo(buffer, catalog)
        buffer.seek(0)
        part = Translations(fp=buffer, domain="netral")
        if merged is None:
            merged = part
        else:
            merged.merge(part)  # type: ignore[union-attr]
    return merged or NullTranslations()


class Translator:
    """gettext bound to one locale, with ``str.format`` keyword interpolation."""

    def __init__(self, locale: str | None = None):
        self.locale = normalise_locale(locale)
        self._t = translations(self.locale)

    def gettext(self, message: str, **values: object) -> str:
        text = self._t.gettext(message)
        return text.format(**values) if values else text

    def ngettext(self, singular: str, plural: str, n: int, **values: object) -> str:
        text = self._t.ngettext(singular, plural, n)
        return text.format(n=n, **values)

    __call__ = gettext


_current = Translator(os.environ.get("NETRAL_LANG") or DEFAULT_LOCALE)


def set_locale(locale: str | None) -> Translator:
    """Select the locale for command-line output (the web app uses a Translator per request)."""
    global _current
    _current = Translator(locale)
    return _current


def current() -> Translator:
    return _current


def _(message: str, **values: object) -> str:
    """Translate ``message`` in the command-line locale; mark strings for extraction."""
    return _current.gettext(message, **values)


def N_(message: str) -> str:
    """Mark a message for extraction where it is defined; translate it where it is shown."""
    return message
