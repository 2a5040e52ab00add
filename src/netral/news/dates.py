"""Dates written in Indonesian articles: "Rabu 7 Februari 2024", "29/11/2023", "Senin (27/11/2023)".

Month and day names come from Babel's and dateparser's Indonesian locale data, and dateparser
does the parsing; this module only finds the candidates and decides which one is the day of
the event the article reports.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache

import dateparser
from babel import Locale
from dateparser.languages.loader import default_loader

from netral.text import month_numbers

_DAY_KEYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_SETTINGS = {"DATE_ORDER": "DMY", "REQUIRE_PARTS": ["day", "month", "year"],
             "PREFER_LOCALE_DATE_ORDER": False}


@dataclass(frozen=True)
class DateMention:
    date: dt.date
    text: str
    start: int
    end: int
    weekday_named: bool
    in_range: bool


def _alternation(words: set[str]) -> str:
    ordered = sorted({w for w in words if len(w) >= 3 and w.isalpha()}, key=len, reverse=True)
    # "Jum'at": reporters put an apostrophe where the locale data has none.
    return "|".join("['’]?".join(map(re.escape, w)) for w in ordered)


@cache
def _pattern() -> re.Pattern[str]:
    babel = Locale("id")
    info = default_loader.get_locale("id").info
    months = set(month_numbers())
    days = set(babel.days["format"]["wide"].values())
    days |= {d for key in _DAY_KEYS for d in info.get(key, []) if len(d) > 3}
    day = rf"(?P<day>{_alternation(days)})"
    month = rf"(?:{_alternation(months)})\.?"
    written = rf"\d{{1,2}}\s+{month}\s+\d{{4}}"
    numeric = r"\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})(?!\d)"
    return re.compile(
        rf"(?:{day}\s*[,(]?\s*(?:tanggal\s+|tgl\.?\s+)?)?\(?(?P<date>{written}|{numeric})\)?",
        re.IGNORECASE,
    )


@cache
def weekday_names() -> str:
    """Regex alternation of Indonesian weekday names (from Babel)."""
    return _alternation(set(Locale("id").days["format"]["wide"].values()))


def find_dates(text: str, range_words: tuple[str, ...] = ()) -> list[DateMention]:
    """Every parseable date in ``text``, with whether a weekday names it and whether it is
    one end of a period ("mulai 28 November 2023 sampai 10 Februari 2024")."""
    before = re.compile(
        rf"(?:{'|'.join(re.escape(w) for w in range_words)})\s*(?:tanggal\s+)?$", re.IGNORECASE
    ) if range_words else None
    after = re.compile(r"^\s*(?:sampai|hingga|s\.?d\.?|s/d|–|-)\s", re.IGNORECASE)
    found = []
    for m in _pattern().finditer(text):
        if m.start() > 0 and text[m.start() - 1].isalnum():
            continue
        parsed = dateparser.parse(m.group("date"), languages=["id"], settings=_SETTINGS)
        if parsed is None:
            continue
        head = text[max(0, m.start() - 30): m.start()]
        in_range = bool((before and before.search(head)) or after.match(text[m.end():]))
        found.append(DateMention(parsed.date(), m.group(0).strip(" ()"), m.start(), m.end(),
                                 m.group("day") is not None, in_range))
    return found


def published_date(mentions: list[DateMention], meta_date: dt.date | None, text: str = "",
                   speech_verbs: tuple[str, ...] = ()) -> dt.date | None:
    """The day of the article.

    In order: the weekday date right after a quote's attribution ("…,” ujar Hari Dermanto,
    Rabu, 16 Oktober 2024"), the first date the article gives with its weekday ("Rabu,
    29 November 2023"), the page's metadata date, the first date not part of a period.
    """
    if speech_verbs:
        verbs = "|".join(map(re.escape, speech_verbs))
        # The verb, then at most a name ("ujar Hari Dermanto, Rabu, …", "katanya, Senin …").
        said = re.compile(rf"\b(?:{verbs})(?:nya)?\b(?:\s+[A-Z][\w'’.-]*){{0,4}},?\s*$")
        for mention in mentions:
            if (mention.weekday_named and not mention.in_range
                    and said.search(text[max(0, mention.start - 80): mention.start])):
                return mention.date
    for mention in mentions:
        if mention.weekday_named and not mention.in_range:
            return mention.date
    if meta_date:
        return meta_date
    for mention in mentions:
        if not mention.in_range:
            return mention.date
    return None
