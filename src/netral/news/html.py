"""HTML pages: trafilatura finds the main text and the metadata (title, site, date, rubric)."""

from __future__ import annotations

import datetime as dt

import trafilatura

from netral.news.lexicon import Lexicon
from netral.news.page import Page, clean_paragraphs


def looks_like_html(data: bytes) -> bool:
    head = data[:2048].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html", b"<?xml")) or b"<body" in head


def parse_html(data: bytes, lexicon: Lexicon) -> Page:
    doc = trafilatura.bare_extraction(
        data,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        favor_precision=True,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    if doc is None or not doc.text:
        return Page(title="", paragraphs=[])
    title = (doc.title or "").strip()
    paragraphs = [p.strip() for p in doc.text.split("\n") if p.strip()]
    # Some themes repeat the headline or the rubric as the first block of the main text.
    while paragraphs and paragraphs[0] in (title, *(doc.categories or [])):
        paragraphs.pop(0)
    paragraphs, credit = clean_paragraphs(paragraphs, lexicon)
    meta_date = None
    if doc.date:
        try:
            meta_date = dt.date.fromisoformat(doc.date[:10])
        except ValueError:
            meta_date = None
    rubric = doc.categories[0].strip() if doc.categories else None
    return Page(title=title, paragraphs=paragraphs, rubric=rubric, site=doc.sitename or None,
                credit=credit, meta_date=meta_date)
