"""Plain-text page captures of regional government portals (the layout of the seeds).

Layout: a rubric line ("SEPUTAR KALTIM"), the title, the article one paragraph a line, the
credit in parentheses, then a trailer of related articles: lines of "-" and
"CATEGORY N hari ago<title>". The trailer is not the article and its relative dates are not
the article's date.
"""

from __future__ import annotations

import re

from netral.news.lexicon import Lexicon
from netral.news.page import Page, clean_paragraphs

_TRAILER_ITEM = re.compile(
    r"^(?P<category>[A-Z0-9][A-Z0-9 &/,.'-]*?)\s*\d+\s*"
    r"(?:detik|menit|jam|hari|minggu|pekan|bulan|tahun)\s+(?:yang\s+lalu|lalu|ago)\s*"
    r"(?P<title>.*)$"
)
_SEPARATOR = re.compile(r"^[-–—•*]+$")
_TRAILER_HEADING = re.compile(
    r"^(?:berita|artikel|baca)\s+(?:terkait|lainnya|juga)|^terpopuler$|^terkini$", re.IGNORECASE
)
_RUBRIC = re.compile(r"^[A-Z0-9][A-Z0-9 &/,.'-]{1,39}$")


def split_trailer(lines: list[str]) -> tuple[list[str], list[str]]:
    """(article lines, category names of the related-article trailer)."""
    end = len(lines)
    categories: list[str] = []
    saw_item = False
    i = len(lines) - 1
    # Walk back over the trailer: separators, "CATEGORY N hari ago" items, and a title line
    # standing alone after an item whose title went to the next line.
    while i >= 0:
        line = lines[i]
        item = _TRAILER_ITEM.match(line)
        previous = next((ln for ln in reversed(lines[:i]) if ln), "")
        prev_item = _TRAILER_ITEM.match(previous)
        if not line or _SEPARATOR.match(line) or _TRAILER_HEADING.match(line):
            pass
        elif item:
            saw_item = True
            categories.append(item.group("category").strip())
        elif prev_item and not prev_item.group("title"):
            pass
        else:
            break
        if item or _SEPARATOR.match(line) or _TRAILER_HEADING.match(line):
            end = i
        i -= 1
    if not saw_item:
        return lines, []
    return lines[:end], categories


def split_rubric(line: str, rubrics: list[str]) -> tuple[str | None, str | None]:
    """(rubric, title on the same line) from the first line of a capture."""
    if _RUBRIC.match(line) and len(line.split()) <= 5 and any(c.isalpha() for c in line):
        return line, None
    for rubric in sorted(set(rubrics), key=len, reverse=True):
        if line.startswith(rubric) and len(line) > len(rubric):
            rest = line[len(rubric):].lstrip(" -–|:")
            if rest and not rest[0].islower():
                return rubric, rest
    return None, None


def parse_capture(text: str, lexicon: Lexicon) -> Page:
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    lines = [re.sub(r"[ \t\u00a0]+", " ", ln).strip() for ln in text.split("\n")]
    lines, categories = split_trailer(lines)
    content = [ln for ln in lines if ln]
    if not content:
        return Page(title="", paragraphs=[])
    rubric, title = split_rubric(content[0], [*lexicon.rubrics, *categories])
    rest = content[1:] if rubric else content
    if title is None:
        title, rest = (rest[0], rest[1:]) if rest else ("", [])
    paragraphs, credit = clean_paragraphs(rest, lexicon)
    return Page(title=title, paragraphs=paragraphs, rubric=rubric, credit=credit)
