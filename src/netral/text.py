"""Text folding shared by every room: the one definition of "the same name"."""

from __future__ import annotations

import re
import unicodedata
from functools import cache

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'", "\u00b4": "'"})
_SPACES = re.compile(r"\s+")


def fold(text: str) -> str:
    """Lowercase, strip accents, unify apostrophes and collapse white space."""
    text = unicodedata.normalize("NFKD", text.translate(_APOSTROPHES))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return _SPACES.sub(" ", text).strip().lower()


_MONTH_KEYS = ("january", "february", "march", "april", "may", "june", "july", "august",
               "september", "october", "november", "december")


@cache
def month_numbers() -> dict[str, int]:
    """Indonesian month names and abbreviations, folded ("februari", "feb", "pebruari", "nop")
    -> 1..12, from Babel's and dateparser's locale data."""
    from babel import Locale
    from dateparser.languages.loader import default_loader

    info = default_loader.get_locale("id").info
    babel = Locale("id").months["format"]
    return {
        fold(name): n
        for n, key in enumerate(_MONTH_KEYS, 1)
        for name in (babel["wide"][n], babel["abbreviated"][n], *info.get(key, []))
    }
