"""Every message of the web app, templates included, has an Indonesian translation."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir

from netral.i18n import translations
from netral.web.templating import fmt_date, fmt_datetime, use_translator

WEB = Path(__file__).resolve().parents[2] / "src" / "netral" / "web"
PLACEHOLDER = re.compile(r"\{(\w+)[^}]*\}")


def _template_messages() -> list[str | tuple[str, ...]]:
    found = extract_from_dir(
        str(WEB / "templates"), method_map=[("**.html", "jinja2")],
        keywords={"_": None, "gettext": None, "ngettext": (1, 2)},
        options_map={"**.html": {"extensions": "jinja2.ext.i18n"}},
    )
    return sorted({msg for _f, _l, msg, _c, _x in found}, key=str)


MESSAGES = _template_messages()


def test_templates_have_messages() -> None:
    assert "Case queue" in MESSAGES and len(MESSAGES) > 150


@pytest.mark.parametrize("message", MESSAGES, ids=lambda m: str(m)[:40])
def test_template_message_has_indonesian_translation(message) -> None:
    singular = message[0] if isinstance(message, tuple) else message
    t = translations("id")
    translated = t.ngettext(*message[:2], 2) if isinstance(message, tuple) else t.gettext(message)
    assert translated != singular or singular in {"Status", "Netral", "Administrator"}, (
        f"no Indonesian translation for {singular!r} in src/netral/i18n/locales/id/web.po")
    assert set(PLACEHOLDER.findall(translated)) == set(PLACEHOLDER.findall(singular))


def test_dates_in_indonesian_format() -> None:
    import datetime as dt

    use_translator("id")
    assert fmt_date(dt.date(2024, 11, 27)) == "27 November 2024"
    assert fmt_date(dt.date(2024, 8, 17), "medium") == "17 Agu 2024"
    moment = dt.datetime(2024, 11, 27, 1, 5, tzinfo=dt.UTC)
    assert fmt_datetime(moment) == "27 Nov 2024 09.05 WITA"
    use_translator("en")
    assert fmt_date(dt.date(2024, 11, 27)) == "27 November 2024"
    use_translator("id")
