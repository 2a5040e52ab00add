"""A page read from disk and cut to the article: rubric, title, paragraphs, credit.

Both readers (`capture.py` for plain-text captures, `html.py` for HTML) return a `Page`;
everything after that (`extract.py`) is the same for both.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from netral.news.lexicon import Lexicon


@dataclass
class Page:
    title: str
    paragraphs: list[str]
    rubric: str | None = None
    site: str | None = None
    credit: str | None = None
    meta_date: dt.date | None = None
    notes: list[str] = field(default_factory=list)


# "(jay/yans/adpimprovkaltim)", "(rw)", "(adv)": a short parenthesis after the last sentence.
_TRAILING_CREDIT = re.compile(r"(?<=[.!?”\"’'])\s*(\([^()\n]{1,80}\))\s*$")
_CREDIT_LINE = re.compile(r"^\([^()\n]{1,80}\)$")


def clean_paragraphs(paragraphs: list[str], lexicon: Lexicon) -> tuple[list[str], str | None]:
    """Drop inserted links ("Baca juga: …") and split off the credit line.

    The credit is a parenthesis of initials after the last sentence, a paragraph that is only
    such a parenthesis, or trailing "Penulis: … | Editor: …" lines.
    """
    inserts = tuple(s.lower() for s in lexicon.inserts)
    kept = [p for p in (re.sub(r"\s+", " ", p).strip() for p in paragraphs)
            if p and not p.lower().startswith(inserts)]
    labels = re.compile(rf"^(?:{'|'.join(map(re.escape, lexicon.credit_labels))})\s*:",
                        re.IGNORECASE)
    credit_lines: list[str] = []
    while kept and (labels.match(kept[-1]) or _CREDIT_LINE.match(kept[-1])):
        credit_lines.insert(0, kept.pop())
    if credit_lines:
        return kept, " | ".join(credit_lines)
    if kept:
        m = _TRAILING_CREDIT.search(kept[-1])
        if m:
            kept[-1] = kept[-1][: m.start()].rstrip()
            return kept, m.group(1)
    return kept, None
