"""Tracking codes a reporter keeps: ``NTR-XXXX-XXXX-XXXC``, unguessable and easy to read aloud.

Eleven random Crockford base-32 symbols (55 bits, no I/L/O/U) and a Damm check symbol
that catches every single-symbol typo and every swap of neighbours. Luhn mod 32 was used
before; it misses swaps of the first and last symbols ("0Z" read as "Z0"), so it was
replaced. Damm's quasigroup here is ``x * y = 2x + y`` in GF(32): for any multiplier other
than 0 and 1 it is totally anti-symmetric, which is what makes every neighbour swap show.
"""

from __future__ import annotations

import secrets

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_INDEX = {ch: i for i, ch in enumerate(ALPHABET)}
_CONFUSABLE = str.maketrans({"O": "0", "I": "1", "L": "1"})
PREFIX = "NTR"
RANDOM_SYMBOLS = 11
_GF32_MODULUS = 0b100101  # x^5 + x^2 + 1, irreducible over GF(2)


def _damm_step(interim: int, symbol: int) -> int:
    doubled = interim << 1
    if doubled & 0b100000:
        doubled ^= _GF32_MODULUS
    return doubled ^ symbol


def _check_symbol(payload: str) -> str:
    """The symbol that brings the Damm fold of ``payload`` back to zero."""
    interim = 0
    for ch in payload:
        interim = _damm_step(interim, _INDEX[ch])
    return ALPHABET[_damm_step(interim, 0)]


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
