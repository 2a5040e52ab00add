"""NIP (Nomor Induk Pegawai): the 18-digit civil-servant number and what it encodes.

Layout: birth date ``YYYYMMDD``, appointment (TMT CPNS) ``YYYYMM``, gender digit
(1 man, 2 woman), sequence ``NNN`` (001–999).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache


class NipError(ValueError):
    """An invalid NIP; ``part`` names what is wrong (digits, birth_date, appointment, …)."""

    def __init__(self, nip: str, part: str, message: str):
        super().__init__(message)
        self.nip = nip
        self.part = part


@dataclass(frozen=True, slots=True)
class Nip:
    value: str
    birth_date: dt.date
    appointment_year: int
    appointment_month: int
    gender: str  # "M" or "F"
    sequence: int

    def __str__(self) -> str:
        return self.value

    @property
    def formatted(self) -> str:
        """The usual printed form ``19850312 201001 1 004``."""
        v = self.value
        return f"{v[:8]} {v[8:14]} {v[14]} {v[15:]}"


_GENDERS = {"1": "M", "2": "F"}
MIN_APPOINTMENT_AGE = 17
# Registry imports parse millions of NIPs: ask the clock only when a year looks too late.
_latest_year = dt.date.today().year + 1


def _too_late(year: int) -> bool:
    global _latest_year
    if year <= _latest_year:
        return False
    _latest_year = dt.date.today().year + 1
    return year > _latest_year


def parse_nip(text: str) -> Nip:
    """Validate and decode a NIP; spaces and dots are ignored. Raises :class:`NipError`."""
    value = text.replace(" ", "").replace(".", "")
    if len(value) != 18 or not value.isascii() or not value.isdigit():
        raise NipError(text, "digits", f"NIP must be 18 digits, got {text!r}")
    try:
        birth = dt.date(int(value[0:4]), int(value[4:6]), int(value[6:8]))
    except ValueError:
        raise NipError(text, "birth_date",
                       f"NIP {value}: {value[:8]} is not a birth date") from None
    if birth.year < 1900:
        raise NipError(text, "birth_date", f"NIP {value}: birth year {birth.year} is implausible")
    year, month = int(value[8:12]), int(value[12:14])
    if not 1 <= month <= 12:
        raise NipError(text, "appointment",
                       f"NIP {value}: appointment month {month:02d} is invalid")
    if year - birth.year < MIN_APPOINTMENT_AGE or _too_late(year):
        raise NipError(text, "appointment",
                       f"NIP {value}: appointment {year}-{month:02d} does not fit birth {birth}")
    gender = _GENDERS.get(value[14])
    if gender is None:
        raise NipError(text, "gender", f"NIP {value}: gender digit {value[14]} is not 1 or 2")
    sequence = int(value[15:])
    if sequence == 0:
        raise NipError(text, "sequence", f"NIP {value}: sequence 000 is invalid")
    return Nip(value, birth, year, month, gender, sequence)


@lru_cache(maxsize=1 << 20)
def _dates_fit(prefix: str) -> bool:
    """Birth date and appointment (the first 14 digits) are valid and fit together. Millions
    of NIPs share these prefixes, so the answer is remembered."""
    try:
        parse_nip(prefix + "1001")
    except NipError:
        return False
    return True


def checked_nip(text: str) -> str:
    """The NIP's 18 digits when valid, else :class:`NipError` as :func:`parse_nip` raises it.

    The fast path of bulk imports: no date objects for the common case."""
    value = text.replace(" ", "").replace(".", "") if " " in text or "." in text else text
    if (
        len(value) == 18
        and value.isdigit()
        and value.isascii()
        and value[14] in _GENDERS
        and value[15:] != "000"
        and _dates_fit(value[:14])
    ):
        return value
    return parse_nip(text).value


def is_valid_nip(text: str) -> bool:
    try:
        parse_nip(text)
    except NipError:
        return False
    return True
