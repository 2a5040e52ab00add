"""Domain records: agencies, the ASN registry, reports, evidence, cases and decisions.

Plain dataclasses: storage maps them to tables, the web app renders them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum

from netral.cases.roles import Role
from netral.cases.workflow import CaseStatus


class AgencyKind(StrEnum):
    MINISTRY = "ministry"  # kementerian
    AGENCY = "agency"  # lembaga / badan (national)
    PROVINCE = "province"  # pemerintah provinsi
    REGENCY = "regency"  # pemerintah kabupaten
    CITY = "city"  # pemerintah kota
    UNIT = "unit"  # OPD / satuan kerja


# Agencies whose head is a PPK (Pejabat Pembina Kepegawaian): recommendations go to them.
PPK_KINDS = frozenset({AgencyKind.MINISTRY, AgencyKind.AGENCY, AgencyKind.PROVINCE,
                       AgencyKind.REGENCY, AgencyKind.CITY})


@dataclass(slots=True)
class Agency:
    code: str
    name: str
    kind: AgencyKind
    region_code: str | None = None
    parent_id: int | None = None
    id: int | None = None
    path: str = ""  # materialised path "/1/4/9/" of ids, for subtree scoping


@dataclass(slots=True)
class AsnRecord:
    nip: str
    name: str
    position: str
    agency_id: int | None
    region_code: str | None = None
    rank: str | None = None


@dataclass(slots=True)
class User:
    username: str
    role: Role
    password_hash: str
    display_name: str = ""
    agency_id: int | None = None
    active: bool = True
    id: int | None = None


class Channel(StrEnum):
    WEB = "web"
    CLI = "cli"
    EMAIL = "email"
    WHATSAPP = "whatsapp"
    HOTLINE = "hotline"
    WALK_IN = "walk-in"
    BAWASLU = "bawaslu"  # forwarded by Bawaslu
    SCREENING = "screening"  # raised from a screening finding


@dataclass(slots=True)
class ReporterIdentity:
    name: str = ""
    phone: str = ""
    email: str = ""
    address: str = ""

    def as_dict(self) -> dict[str, str]:
        return {k: v for k, v in (("name", self.name), ("phone", self.phone),
                                  ("email", self.email), ("address", self.address)) if v}


@dataclass(slots=True)
class Report:
    tracking_code: str
    channel: Channel
    received_at: dt.datetime
    description: str
    anonymous: bool
    reporter_identity_encrypted: str | None = None
    reported_person_text: str | None = None
    reported_nip: str | None = None
    id: int | None = None


@dataclass(slots=True)
class FindingLink:
    """A screening finding attached to a report (``netral.screening.models.Finding``)."""

    report_id: int
    screening_id: str
    act: str
    contestant: str | None
    reason: str
    rulebook_version: str = ""
    id: int | None = None


@dataclass(slots=True)
class Evidence:
    report_id: int
    sha256: str
    original_name: str
    media_type: str
    size: int
    added_at: dt.datetime
    added_by: str
    id: int | None = None


@dataclass(slots=True)
class Case:
    report_id: int
    status: CaseStatus
    opened_at: dt.datetime
    updated_at: dt.datetime
    agency_id: int | None = None
    reported_nip: str | None = None
    due_date: dt.date | None = None
    deadline_rule: str | None = None
    id: int | None = None


@dataclass(slots=True)
class CaseTransition:
    case_id: int
    source: CaseStatus
    target: CaseStatus
    actor: str
    role: Role
    reason: str
    at: dt.datetime
    due_date: dt.date | None = None
    id: int | None = None


class SanctionLevel(StrEnum):
    MORAL = "moral"  # sanksi moral, PP 42/2004 Pasal 15
    DISCIPLINE_LIGHT = "discipline-light"
    DISCIPLINE_MODERATE = "discipline-moderate"
    DISCIPLINE_HEAVY = "discipline-heavy"
    DISMISSAL = "dismissal"


@dataclass(slots=True)
class Recommendation:
    case_id: int
    ppk_agency_id: int
    act_ids: list[str]
    sanction_level: SanctionLevel
    rulebook_version: str
    issued_at: dt.datetime
    issued_by: str
    due_date: dt.date
    text: str = ""
    id: int | None = None


@dataclass(slots=True)
class Sanction:
    case_id: int
    level: SanctionLevel
    act_ids: list[str]
    decree_number: str
    imposed_at: dt.datetime
    imposed_by: str
    rulebook_version: str
    note: str = ""
    id: int | None = None


@dataclass(slots=True)
class CaseView:
    """Everything about a case one actor may see (identity withheld unless allowed)."""

    case: Case
    report: Report
    agency: Agency | None
    reporter: dict[str, str] | None
    evidence: list[Evidence] = field(default_factory=list)
    findings: list[FindingLink] = field(default_factory=list)
    transitions: list[CaseTransition] = field(default_factory=list)
    recommendation: Recommendation | None = None
    sanction: Sanction | None = None
    next_moves: list[str] = field(default_factory=list)
