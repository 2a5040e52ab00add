"""Direct quotes and who said them ("“… netral,” tegas Sekda Sri Wahyuni", "…,” ujarnya")."""

from __future__ import annotations

import re

from netral.news.lexicon import Lexicon
from netral.news.models import Quote
from netral.news.people import PeopleFound

_QUOTED = re.compile(r"“([^“”\n]+)”|\"([^\"\n]+)\"")


def find_quotes(text: str, people: PeopleFound, lexicon: Lexicon) -> list[Quote]:
    verbs = "|".join(sorted(map(re.escape, lexicon.speech_verbs), key=len, reverse=True))
    after = re.compile(rf"^\s*,?\s*(?:{verbs})(?P<nya>nya)?\b\s*", re.IGNORECASE)
    quotes = []
    for m in _QUOTED.finditer(text):
        quoted = (m.group(1) or m.group(2)).strip()
        attributed = after.match(text[m.end():])
        # Scare quotes ("“Mandau Kaltim”") are not speech: a quote is a few words or attributed.
        if not attributed and len(quoted.split()) < 4:
            continue
        speaker = None
        if attributed and not attributed.group("nya"):
            speaker = people.starting_at(m.end() + attributed.end(), slack=2)
        if speaker is None:
            speaker = people.speaker_at(m.start())
        quotes.append(Quote(speaker=speaker.name if speaker else None,
                            text=quoted.rstrip(" ,"), start=m.start(), end=m.end()))
    return quotes
