"""Tracking codes a reporter keeps: ``NTR-XXXX-XXXX-XXXC``, unguessable and easy to read aloud.

Eleven random Crockford base-32 symbols (55 bits, no I/L/O/U) and a Luhn mod-32 check
symbol that catches every single-symbol typo and every swap of neighbours.
"""

from __future__ import annotations

import secrets

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_INDEX = {ch: i for i, ch in enumerate(ALPHABET)}
_CONFUSABLE = str.maketrans({"O": "0", "I": "1", "L": "1"})
PREFIX = "NTR"
RANDOM_SYMBOLS = 11


def _check_symbol(payload: str) -> str:
    n = len(ALPHABET)
    factor, total = 2, 0
    for ch in reversed(payload):
        addend = factor * _INDEX[ch]
        total += addend // n + addend % n
        factor = 1 if factor == 2 else 2
    return ALPHABET[(n - total % n) % n]


def new_tracking_code() -> str:
    body = "".join(secrets.choice(ALPHABET) for _ in range(RANDOM_SYMBOLS))
    body += _check_symbol(body)
    return f"{PREFIX}-{body[0:4]}-{body[4:8]}-{body[8:12]}"


def normalise_tracking_code(text: str) -> str | None:
    """Canonical code from what a person typed (case, dashes, O/0 and I/L/1), or None if invalid."""
    raw = "".join(text.upper().split()).replace("-", "")
    if raw.startswith(PREFIX):
        raw = raw[len(PREFIX):]
    raw = raw.translate(_CONFUSABLE)
    if len(raw) != RANDOM_SYMBOLS + 1 or any(ch not in _INDEX for ch in raw):
        return None
    if _check_symbol(raw[:-1]) != raw[-1]:
        return None
    return f"{PREFIX}-{raw[0:4]}-{raw[4:8]}-{raw[8:12]}"
