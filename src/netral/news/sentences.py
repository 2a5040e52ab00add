"""Sentences of an article body with their offsets, so evidence points into the text."""

from __future__ import annotations

import re
from dataclasses import dataclass

# A sentence ends at . ! ? (or a closing quote after one) before a capital or a new paragraph;
# "No. 20", "H. Akmal" and "s.d." do not end one.
_END = re.compile(r"(?<!\bNo)(?<!\b[A-Z])(?<!\bs\.d)[.!?][”\"’']?(?=\s+[“\"(A-Z0-9])|\n\n")


@dataclass(frozen=True)
class Sentence:
    text: str
    start: int
    end: int


def split_sentences(text: str) -> list[Sentence]:
    sentences = []
    start = 0
    for m in _END.finditer(text):
        _add(sentences, text, start, m.end())
        start = m.end()
    _add(sentences, text, start, len(text))
    return sentences


def _add(sentences: list[Sentence], text: str, start: int, end: int) -> None:
    chunk = text[start:end]
    stripped = chunk.strip()
    if stripped:
        offset = start + chunk.index(stripped)
        sentences.append(Sentence(stripped, offset, offset + len(stripped)))
