"""Reading registry and agency CSV files: streamed, validated, errors naming file, line, field."""

from __future__ import annotations

import csv
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from netral.cases.models import AgencyKind
from netral.cases.nip import NipError, checked_nip

REGION_CODE = re.compile(r"^\d{2}(?:\.\d{2}(?:\.\d{2}(?:\.\d{4})?)?)?$")
REGISTRY_COLUMNS = ("nip", "name", "position", "agency_code", "region_code")
AGENCY_COLUMNS = ("code", "name", "kind", "region_code", "parent_code")


class InputFileError(ValueError):
    """A bad input file; names the file, the 1-based line and the field."""

    def __init__(self, path: Path | str, line: int, field: str, message: str):
        super().__init__(f"{path}:{line}: {field}: {message}")
        self.path = str(path)
        self.line = line
        self.field = field
        self.message = message


@dataclass(frozen=True, slots=True)
class RegistryRow:
    line: int
    nip: str
    name: str
    position: str
    agency_code: str
    region_code: str
    rank: str | None


def _open_csv(path: Path, required: tuple[str, ...]) -> tuple[Iterator[list[str]], dict[str, int]]:
    fh = path.open(newline="", encoding="utf-8-sig")
    reader = csv.reader(fh)
    header = next(reader, None)
    if header is None:
        fh.close()
        raise InputFileError(path, 1, "header", "the file is empty")
    columns = {name.strip().lower(): i for i, name in enumerate(header)}
    missing = [c for c in required if c not in columns]
    if missing:
        fh.close()
        raise InputFileError(path, 1, missing[0], f"missing column(s): {', '.join(missing)}")
    return reader, columns


def read_registry(path: Path, progress: Callable[[int], None] | None = None
                  ) -> Iterator[RegistryRow]:
    """Yield validated rows of a registry CSV one at a time (constant memory)."""
    reader, columns = _open_csv(path, REGISTRY_COLUMNS)
    i_nip, i_name, i_pos = columns["nip"], columns["name"], columns["position"]
    i_agency, i_region = columns["agency_code"], columns["region_code"]
    i_rank = columns.get("rank")
    width = len(columns)
    region_ok = REGION_CODE.match
    for n, record in enumerate(reader, start=2):
        if len(record) != width:
            if not record:
                continue
            raise InputFileError(path, n, "row", f"expected {width} fields, found {len(record)}")
        try:
            nip = checked_nip(record[i_nip])
        except NipError as exc:
            raise InputFileError(path, n, "nip", str(exc)) from None
        name = record[i_name].strip()
        if not name:
            raise InputFileError(path, n, "name", "is empty")
        position = record[i_pos].strip()
        if not position:
            raise InputFileError(path, n, "position", "is empty")
        agency = record[i_agency].strip()
        if not agency:
            raise InputFileError(path, n, "agency_code", "is empty")
        region = record[i_region].strip()
        if not region_ok(region):
            raise InputFileError(path, n, "region_code",
                               f"{region!r} is not a Kemendagri code like 64 or 64.72")
        rank = record[i_rank].strip() or None if i_rank is not None else None
        if progress is not None and n % 10_000 == 0:
            progress(n)
        yield RegistryRow(n, nip, name, position, agency, region, rank)


@dataclass(frozen=True, slots=True)
class AgencyRow:
    line: int
    code: str
    name: str
    kind: AgencyKind
    region_code: str | None
    parent_code: str | None


def read_agencies(path: Path, known_codes: Mapping[str, object] | None = None) -> list[AgencyRow]:
    """Read an agency tree CSV; parents must be listed before children or already known."""
    reader, columns = _open_csv(path, AGENCY_COLUMNS)
    seen: set[str] = set(known_codes or ())
    rows: list[AgencyRow] = []
    listed: set[str] = set()
    for n, record in enumerate(reader, start=2):
        if not record:
            continue
        get = {c: record[i].strip() if i < len(record) else "" for c, i in columns.items()}
        code = get["code"]
        if not code:
            raise InputFileError(path, n, "code", "is empty")
        if code in listed:
            raise InputFileError(path, n, "code", f"{code} is listed twice")
        if not get["name"]:
            raise InputFileError(path, n, "name", "is empty")
        try:
            kind = AgencyKind(get["kind"])
        except ValueError:
            raise InputFileError(path, n, "kind", f"{get['kind']!r} is not one of "
                               + ", ".join(k.value for k in AgencyKind)) from None
        region = get["region_code"] or None
        if region and not REGION_CODE.match(region):
            raise InputFileError(path, n, "region_code", f"{region!r} is not a Kemendagri code")
        parent = get["parent_code"] or None
        if parent and parent not in seen:
            raise InputFileError(path, n, "parent_code", f"unknown parent {parent}")
        if kind == AgencyKind.UNIT and not parent:
            raise InputFileError(path, n, "parent_code", "a unit needs a parent agency")
        seen.add(code)
        listed.add(code)
        rows.append(AgencyRow(n, code, get["name"], kind, region, parent))
    return rows


def bundled_agencies_csv() -> Path:
    """The demo agency tree shipped with Netral: BKN, Kemendagri and Kaltim (province,
    Samarinda, Balikpapan, Kutai Kartanegara) with some of their units."""
    return Path(__file__).parent / "data" / "agencies-kaltim.csv"
