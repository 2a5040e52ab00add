"""Every user-facing message has an Indonesian translation with the same placeholders."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir

from netral.i18n import Translator, normalise_locale, translations

SRC = Path(__file__).resolve().parents[1] / "src" / "netral"
PLACEHOLDER = re.compile(r"\{(\w+)[^}]*\}")


def _messages() -> set[str]:
    found = extract_from_dir(
        str(SRC),
        method_map=[("**.py", "python")],
        keywords={"_": None, "N_": None, "gettext": None},
    )
    return {msg for _fn, _line, msg, _c, _ctx in found if isinstance(msg, str)}


MESSAGES = sorted(_messages())


def test_messages_are_found() -> None:
    assert "The rulebook has {n} error(s)." in MESSAGES


@pytest.mark.parametrize("message", MESSAGES)
def test_message_has_indonesian_translation(message: str) -> None:
    catalog = translations("id")._catalog  # type: ignore[attr-defined]
    assert catalog.get(message), (
        f"no Indonesian translation for {message!r} in src/netral/i18n/locales/id/*.po"
    )
    translated = translations("id").gettext(message)
    assert set(PLACEHOLDER.findall(translated)) == set(PLACEHOLDER.findall(message))


def test_locale_names_are_normalised() -> None:
    assert normalise_locale("en_US.UTF-8") == "en"
    assert normalise_locale("id-ID") == "id"
    assert normalise_locale("fr") == "id"
    assert normalise_locale(None) == "id"


def test_translator_formats_in_both_languages() -> None:
    assert Translator("id")("The rulebook has {n} error(s).", n=2) == (
        "Berkas aturan memiliki 2 kesalahan."
    )
    assert Translator("en")("The rulebook has {n} error(s).", n=2) == "The rulebook has 2 error(s)."
