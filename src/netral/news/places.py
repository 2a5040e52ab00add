"""Places an article names: regions from the gazetteer (data/places.yaml) and venues."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from netral.news.dates import weekday_names
from netral.news.lexicon import Lexicon, Region, phrase_pattern


@dataclass(frozen=True)
class RegionMention:
    region: Region
    start: int
    end: int


@cache
def _region_index(lexicon: Lexicon) -> tuple[re.Pattern[str], dict[str, Region]]:
    by_form = {form: region for region in lexicon.regions for form in region.forms}
    ordered = sorted(by_form, key=len, reverse=True)
    # Case-sensitive: "Paser" the regency, not "paser" in running text.
    return re.compile("|".join(f"(?:{phrase_pattern(f)})" for f in ordered)), by_form


def find_regions(text: str, lexicon: Lexicon) -> list[RegionMention]:
    pattern, by_form = _region_index(lexicon)
    found = []
    for m in pattern.finditer(text):
        form = re.sub(r"\s+", " ", m.group(0)).replace("’", "'")
        found.append(RegionMention(by_form[form], m.start(), m.end()))
    return found


@cache
def _venue_pattern(lexicon: Lexicon) -> re.Pattern[str]:
    heads = "|".join(re.escape(h) for h in sorted(lexicon.venue_heads, key=len, reverse=True))
    # A weekday after the venue starts the date: "di Hotel Mercure Rabu (7/2/2024)".
    name_word = rf"(?!(?:{weekday_names()})\b)(?:[A-Z0-9][\w'’&-]*)"
    return re.compile(rf"\b(?:di|ke|bertempat di)\s+(?P<venue>(?:{heads})(?:[ ]+{name_word})*)")


def find_venues(text: str, lexicon: Lexicon) -> list[tuple[str, int, int]]:
    found = []
    for m in _venue_pattern(lexicon).finditer(text):
        venue = m.group("venue").rstrip(".")
        if len(venue.split()) >= 2:
            found.append((venue, m.start("venue"), m.start("venue") + len(venue)))
    return found


def find_places(text: str, lexicon: Lexicon) -> list[str]:
    """Region names and venues, in order of first mention, each once."""
    hits = [(r.start, r.region.name) for r in find_regions(text, lexicon)]
    hits += [(start, venue) for venue, start, _ in find_venues(text, lexicon)]
    places: list[str] = []
    for _, name in sorted(hits):
        if name not in places:
            places.append(name)
    return places
