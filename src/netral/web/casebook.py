"""Read model for the officer queue, dashboards and exports.

Which cases an officer sees is always decided by ``CaseService.list_cases(actor)``; this
module only adds what a list needs beside the case (agency, region, acts, contestants,
tracking code, recommendation and sanction) and the aggregates the dashboards show. The
enriched rows are rebuilt from the store's repositories when the audit chain grows (every
change appends an entry), so the pages stay fast under load without going stale.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections import Counter
from dataclasses import dataclass, field

from netral.cases.models import Agency, AgencyKind
from netral.cases.roles import Actor
from netral.cases.service import CaseService
from netral.cases.workflow import TERMINAL, CaseStatus

REGION_KINDS = (AgencyKind.PROVINCE, AgencyKind.REGENCY, AgencyKind.CITY)


@dataclass(slots=True)
class CaseRowView:
    id: int
    report_id: int
    status: CaseStatus
    tracking_code: str
    channel: str
    received_at: dt.datetime
    updated_at: dt.datetime
    due_date: dt.date | None
    agency: Agency | None
    region_code: str | None
    region_name: str | None
    acts: list[str]
    contestants: list[str]
    summary: str
    reported_person: str | None
    recommended: bool
    sanctioned: bool
    recommendation_due: dt.date | None

    def overdue(self, today: dt.date) -> bool:
        return (self.due_date is not None and self.due_date < today
                and self.status not in TERMINAL)


@dataclass(slots=True)
class Filters:
    status: str = ""
    agency: str = ""  # agency code; its subtree matches
    region: str = ""
    act: str = ""
    contestant: str = ""
    overdue: bool = False
    q: str = ""

    def as_query(self) -> dict[str, str]:
        out = {k: v for k, v in (("status", self.status), ("agency", self.agency),
                                 ("region", self.region), ("act", self.act),
                                 ("contestant", self.contestant), ("q", self.q)) if v}
        if self.overdue:
            out["overdue"] = "1"
        return out


@dataclass(slots=True)
class Stats:
    total: int
    by_status: list[tuple[str, int]]
    by_agency: list[tuple[str, int]]
    by_region: list[tuple[str, int]]
    by_act: list[tuple[str, int]]
    by_contestant: list[tuple[str, int]]
    by_month: list[tuple[str, int]]
    overdue: int
    recommended: int
    followed_up: int
    extra: dict[str, int] = field(default_factory=dict)

    @property
    def follow_up_rate(self) -> float | None:
        return self.followed_up / self.recommended if self.recommended else None


class Casebook:
    def __init__(self, service: CaseService, messages=None):
        self.service = service
        self.messages = messages
        self._lock = threading.Lock()
        self._version: int | None = None
        self._rows: dict[int, CaseRowView] = {}
        self._agencies: dict[int, Agency] = {}
        # The service's answer to "which cases may this actor see", kept until the next write.
        self._visible: dict[tuple, frozenset[int]] = {}

    # ------------------------------------------------------------------ snapshot
    def head(self) -> int:
        """The audit chain's newest sequence number: it moves on every change to any record."""
        with self.service.store.transaction() as tx:
            head = tx.recorded_head()
            return head[0]

    def _refresh(self, head: int | None = None) -> int:
        """Bring the rows up to the audit head; returns the head they reflect."""
        head = self.head() if head is None else head
        if head == self._version:
            return head
        with self._lock:
            if head == self._version:
                return
            rows: dict[int, CaseRowView] = {}
            with self.service.store.transaction() as tx:
                agencies = {a.id: a for a in tx.agencies() if a.id is not None}
                regions = {a.region_code: a.name for a in agencies.values()
                           if a.kind in REGION_KINDS and a.region_code}
                for case in tx.list_cases():
                    report = tx.report(case.report_id)
                    if report is None or case.id is None:
                        continue
                    findings = tx.findings_of_report(case.report_id)
                    rec = tx.recommendation(case.id)
                    agency = agencies.get(case.agency_id) if case.agency_id else None
                    region = agency.region_code if agency else None
                    rows[case.id] = CaseRowView(
                        id=case.id, report_id=case.report_id, status=case.status,
                        tracking_code=report.tracking_code, channel=report.channel.value,
                        received_at=report.received_at, updated_at=case.updated_at,
                        due_date=case.due_date, agency=agency, region_code=region,
                        region_name=_region_name(regions, region),
                        acts=list(dict.fromkeys(f.act for f in findings)),
                        contestants=list(dict.fromkeys(f.contestant for f in findings
                                                       if f.contestant)),
                        summary=report.description[:160],
                        reported_person=report.reported_person_text,
                        recommended=rec is not None, sanctioned=tx.sanction(case.id) is not None,
                        recommendation_due=rec.due_date if rec else None)
            self._rows, self._agencies, self._version = rows, agencies, head
            self._visible.clear()
        return head

    def agencies(self) -> list[Agency]:
        if self._version is None:
            self._refresh()
        return sorted(self._agencies.values(), key=lambda a: a.path)

    def regions(self) -> list[tuple[str, str]]:
        if self._version is None:
            self._refresh()
        return sorted({(a.region_code, a.name) for a in self._agencies.values()
                       if a.kind in REGION_KINDS and a.region_code})

    # ------------------------------------------------------------------ queries
    def visible(self, actor: Actor, head: int | None = None) -> list[CaseRowView]:
        """The actor's cases, newest first (scope from the service)."""
        head = self._refresh(head)
        key = (actor.username, actor.role, actor.agency_id, actor.agency_path, head)
        ids = self._visible.get(key)
        if ids is None:
            ids = frozenset(c.id for c in self.service.list_cases(actor) if c.id is not None)
            if len(self._visible) > 512:
                self._visible.clear()
            self._visible[key] = ids
        rows = self._rows
        if ids - rows.keys():  # written after the snapshot was read: rebuild once
            self._version = None
            self._refresh()
            rows = self._rows
        return sorted((rows[i] for i in ids if i in rows), key=lambda r: -r.id)

    def query(self, actor: Actor, filters: Filters, today: dt.date,
              rows: list[CaseRowView] | None = None) -> list[CaseRowView]:
        """``rows`` (the actor's visible rows) filtered; read from the service when not given."""
        rows = self.visible(actor) if rows is None else rows
        if filters.status:
            rows = [r for r in rows if r.status.value == filters.status]
        if filters.agency:
            scope = next((a.path for a in self._agencies.values() if a.code == filters.agency),
                         None)
            rows = [r for r in rows if scope and r.agency and r.agency.path.startswith(scope)]
        if filters.region:
            rows = [r for r in rows if r.region_code and
                    (r.region_code == filters.region
                     or r.region_code.startswith(filters.region + "."))]
        if filters.act:
            rows = [r for r in rows if filters.act in r.acts]
        if filters.contestant:
            rows = [r for r in rows if filters.contestant in r.contestants]
        if filters.overdue:
            rows = [r for r in rows if r.overdue(today)]
        if filters.q:
            needle = filters.q.lower()
            rows = [r for r in rows if needle in r.summary.lower()
                    or needle in r.tracking_code.lower()
                    or needle in (r.reported_person or "").lower()]
        return rows

    def stats(self, rows: list[CaseRowView], today: dt.date) -> Stats:
        status = Counter(r.status.value for r in rows)
        agency = Counter(_ppk_name(self._agencies, r.agency) for r in rows if r.agency)
        region = Counter(r.region_name or r.region_code for r in rows if r.region_code)
        acts = Counter(a for r in rows for a in r.acts)
        contestants = Counter(c for r in rows for c in r.contestants)
        months = Counter(r.received_at.strftime("%Y-%m") for r in rows)
        return Stats(
            total=len(rows),
            by_status=[(s.value, status.get(s.value, 0)) for s in CaseStatus],
            by_agency=agency.most_common(10),
            by_region=region.most_common(10),
            by_act=acts.most_common(10),
            by_contestant=contestants.most_common(10),
            by_month=sorted(months.items()),
            overdue=sum(r.overdue(today) for r in rows),
            recommended=sum(r.recommended for r in rows),
            followed_up=sum(r.sanctioned for r in rows),
        )


def _region_name(regions: dict[str, str], code: str | None) -> str | None:
    while code:
        if code in regions:
            return regions[code].removeprefix("Pemerintah ")
        code = code.rpartition(".")[0]
    return None


def _ppk_name(agencies: dict[int, Agency], agency: Agency | None) -> str:
    """Group by the PPK agency (province, regency, city) rather than each office."""
    if agency is None:
        return "—"
    for part in reversed([int(x) for x in agency.path.strip("/").split("/") if x]):
        candidate = agencies.get(part)
        if candidate and candidate.kind != AgencyKind.UNIT:
            return candidate.name
    return agency.name
