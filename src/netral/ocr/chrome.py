"""App chrome in a screenshot: the phone's status bar, counters, timestamps, button labels.

They are not what the person posted, yet they read like evidence to a screener: the clock
``09.41`` looks like ballot number 09, ``1,2 rb suka`` like a number and a verb of support.
:func:`content_text` blanks such lines with spaces, so offsets into the OCR text stay valid.
"""

from __future__ import annotations

import re

from netral.ocr.models import OcrLine, OcrResult

_CLOCK = re.compile(r"^\d{1,2}[.:]\d{2}$")
_NUMBER = re.compile(r"^[+]?\d+([.,]\d+)*(rb|jt|k|m)?$", re.IGNORECASE)
_JUNK = re.compile(r"^[\W_]{1,3}$|^[a-z]{1,2}$|^[a-z]?[\W_]+[a-z]?$", re.IGNORECASE)
_NOT_JUNK = frozenset({"no", "nr"})  # "no 2" is a ballot call, not an icon misread
# Interface words of the platforms' Indonesian and English screens (not post content).
UI_WORDS = frozenset({
    "suka", "menyukai", "komentar", "komentari", "dibagikan", "bagikan", "kali", "balas",
    "tayangan", "ditonton", "lihat", "semua", "ikuti", "mengikuti", "diikuti", "publik",
    "kemarin", "pukul", "jam", "menit", "detik", "hari", "minggu", "yang", "lalu", "rb", "jt",
    "ribu", "juta", "ketik", "pesan", "dibaca", "diteruskan", "like", "likes", "comment",
    "comments", "share", "shares", "reply", "views", "follow", "following", "ago", "jan", "feb",
    "mar", "apr", "mei", "jun", "jul", "agu", "agt", "sep", "okt", "nov", "des", "januari",
    "februari", "maret", "april", "juni", "juli", "agustus", "september", "oktober", "november",
    "desember",
})


def is_status_bar(line: OcrLine, result: OcrResult) -> bool:
    """The phone's top strip: a clock at the very top of the screenshot."""
    first = line.words[0].text if line.words else ""
    strip = max(result.height * 0.06, result.width * 0.1)  # ~24 dp of a phone's width
    return line.box[3] <= strip and bool(_CLOCK.match(first))


def is_counter(line: OcrLine) -> bool:
    """A line of numbers, times, dates and interface words only, with at least one number."""
    numbers = 0
    for word in line.words:
        token = word.text.strip(".,:;!?·•-—()[]").lower()
        if not token:
            continue
        if _CLOCK.match(token) or _NUMBER.match(token):
            numbers += 1
        elif token in UI_WORDS or (_JUNK.match(token) and token not in _NOT_JUNK):
            continue
        else:
            return False
    return numbers >= 1 and (len(line.words) > 1 or bool(_CLOCK.match(line.text)))


def chrome_lines(result: OcrResult) -> list[int]:
    """Indices of ``result.lines`` that are app chrome rather than what was posted."""
    return [i for i, line in enumerate(result.lines)
            if is_status_bar(line, result) or is_counter(line)]


def content_text(result: OcrResult) -> str:
    """``result.text`` with chrome lines blanked by spaces (same length, same offsets)."""
    chars = list(result.text)
    for index in chrome_lines(result):
        line = result.lines[index]
        chars[line.start:line.end] = " " * (line.end - line.start)
    return "".join(chars)
