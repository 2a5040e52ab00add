"""The SQL case store: the `netral.cases.ports.CaseTx` unit of work over one Session."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import fields

from sqlalchemy import Engine, delete, func, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from netral.cases.audit import GENESIS, AuditEntry
from netral.cases.models import (
    Agency,
    AgencyKind,
    AsnRecord,
    Case,
    CaseTransition,
    Channel,
    Evidence,
    FindingLink,
    Recommendation,
    Report,
    Sanction,
    SanctionLevel,
    User,
)
from netral.cases.ports import DuplicateNip
from netral.cases.roles import Role
from netral.cases.workflow import CaseStatus
from netral.storage.tables import (
    AgencyRow,
    AsnRow,
    AuditHeadRow,
    AuditRow,
    Base,
    CaseRow,
    EvidenceRow,
    FindingRow,
    RecommendationRow,
    ReportRow,
    SanctionRow,
    TransitionRow,
    UserRow,
)


def _row_to(cls, row, **convert):  # type: ignore[no-untyped-def]
    values = {f.name: getattr(row, f.name) for f in fields(cls) if hasattr(row, f.name)}
    for name, fn in convert.items():
        if values.get(name) is not None:
            values[name] = fn(values[name])
    return cls(**values)


def _fields_of(obj, exclude: tuple[str, ...] = ("id",)) -> dict:  # type: ignore[no-untyped-def]
    return {f.name: getattr(obj, f.name) for f in fields(obj) if f.name not in exclude}


class SqlCaseTx:
    def __init__(self, session: Session):
        self.s = session
        self.dialect = session.get_bind().dialect.name

    def _add(self, row: Base) -> Base:
        self.s.add(row)
        self.s.flush()
        return row

    # agencies and users
    def add_agency(self, agency: Agency) -> Agency:
        parent = self.s.get(AgencyRow, agency.parent_id) if agency.parent_id else None
        row = self._add(AgencyRow(code=agency.code, name=agency.name, kind=agency.kind.value,
                                  region_code=agency.region_code, parent_id=agency.parent_id,
                                  path=""))
        row.path = f"{parent.path if parent else '/'}{row.id:08d}/"  # type: ignore[attr-defined]
        self.s.flush()
        return self._agency(row)  # type: ignore[arg-type]

    @staticmethod
    def _agency(row: AgencyRow) -> Agency:
        return _row_to(Agency, row, kind=AgencyKind)

    def agency(self, agency_id: int) -> Agency | None:
        row = self.s.get(AgencyRow, agency_id)
        return self._agency(row) if row else None

    def agency_by_code(self, code: str) -> Agency | None:
        row = self.s.scalar(select(AgencyRow).where(AgencyRow.code == code))
        return self._agency(row) if row else None

    def agencies(self, ids: Iterable[int] | None = None) -> list[Agency]:
        query = select(AgencyRow).order_by(AgencyRow.path)
        if ids is not None:
            query = query.where(AgencyRow.id.in_(list(ids)))
        return [self._agency(r) for r in self.s.scalars(query)]

    def agency_ids_by_code(self) -> dict[str, int]:
        return {code: id_ for code, id_ in self.s.execute(select(AgencyRow.code, AgencyRow.id))}

    def add_user(self, user: User) -> User:
        row = self._add(UserRow(**{**_fields_of(user), "role": user.role.value}))
        user.id = row.id  # type: ignore[attr-defined]
        return user

    def user_by_username(self, username: str) -> User | None:
        row = self.s.scalar(select(UserRow).where(UserRow.username == username))
        return _row_to(User, row, role=Role) if row else None

    def count_users(self) -> int:
        return self.s.scalar(select(func.count()).select_from(UserRow)) or 0

    # registry
    def asn(self, nip: str) -> AsnRecord | None:
        row = self.s.get(AsnRow, nip)
        return _row_to(AsnRecord, row) if row else None

    def clear_registry(self) -> int:
        return self.s.execute(delete(AsnRow)).rowcount  # type: ignore[attr-defined]

    def insert_asn_chunk(self, rows: Sequence[AsnRecord], lines: Sequence[int]) -> None:
        # Plain DBAPI executemany: the ORM's per-row bookkeeping would cost more than the
        # insert itself at national scale (4.3 M rows).
        mark = "?" if self.dialect == "sqlite" else "%s"
        sql = (f"INSERT INTO asn (nip, name, position, rank, agency_id, region_code) "
               f"VALUES ({', '.join([mark] * 6)})")
        params = [(r.nip, r.name, r.position, r.rank, r.agency_id, r.region_code) for r in rows]
        try:
            with self.s.begin_nested():
                self.s.connection().exec_driver_sql(sql, params)
        except IntegrityError:
            nips = [r.nip for r in rows]
            existing = set(self.s.scalars(select(AsnRow.nip).where(AsnRow.nip.in_(nips))))
            first = next((n for n in nips if n in existing), nips[0])
            raise DuplicateNip(first) from None

    def count_asn(self) -> int:
        return self.s.scalar(select(func.count()).select_from(AsnRow)) or 0

    # reports, evidence, findings
    @staticmethod
    def _report(row: ReportRow) -> Report:
        return Report(row.tracking_code, Channel(row.channel), row.received_at, row.description,
                      row.anonymous, row.reporter_identity, row.reported_person_text,
                      row.reported_nip, row.id)

    def add_report(self, report: Report) -> Report:
        values = _fields_of(report)
        values["reporter_identity"] = values.pop("reporter_identity_encrypted")
        values["channel"] = report.channel.value
        row = self._add(ReportRow(**values))
        report.id = row.id  # type: ignore[attr-defined]
        return report

    def report(self, report_id: int) -> Report | None:
        row = self.s.get(ReportRow, report_id)
        return self._report(row) if row else None

    def report_by_tracking_code(self, code: str) -> Report | None:
        row = self.s.scalar(select(ReportRow).where(ReportRow.tracking_code == code))
        return self._report(row) if row else None

    def add_evidence(self, evidence: Evidence) -> Evidence:
        row = self._add(EvidenceRow(**_fields_of(evidence)))
        evidence.id = row.id  # type: ignore[attr-defined]
        return evidence

    def evidence(self, evidence_id: int) -> Evidence | None:
        row = self.s.get(EvidenceRow, evidence_id)
        return _row_to(Evidence, row) if row else None

    def evidence_of_report(self, report_id: int) -> list[Evidence]:
        rows = self.s.scalars(select(EvidenceRow).where(EvidenceRow.report_id == report_id)
                              .order_by(EvidenceRow.id))
        return [_row_to(Evidence, r) for r in rows]

    def add_finding(self, finding: FindingLink) -> FindingLink:
        row = self._add(FindingRow(**_fields_of(finding)))
        finding.id = row.id  # type: ignore[attr-defined]
        return finding

    def findings_of_report(self, report_id: int) -> list[FindingLink]:
        rows = self.s.scalars(select(FindingRow).where(FindingRow.report_id == report_id)
                              .order_by(FindingRow.id))
        return [_row_to(FindingLink, r) for r in rows]

    # cases
    @staticmethod
    def _case(row: CaseRow) -> Case:
        return _row_to(Case, row, status=CaseStatus)

    def add_case(self, case: Case) -> Case:
        row = self._add(CaseRow(**{**_fields_of(case), "status": case.status.value}))
        case.id = row.id  # type: ignore[attr-defined]
        return case

    def case(self, case_id: int, *, for_update: bool = False) -> Case | None:
        query = select(CaseRow).where(CaseRow.id == case_id)
        if for_update and self.dialect == "postgresql":
            query = query.with_for_update()
        row = self.s.scalar(query)
        return self._case(row) if row else None

    def case_of_report(self, report_id: int) -> Case | None:
        row = self.s.scalar(select(CaseRow).where(CaseRow.report_id == report_id))
        return self._case(row) if row else None

    def update_case(self, case: Case) -> None:
        values = {**_fields_of(case, ("id", "report_id", "opened_at")),
                  "status": case.status.value}
        self.s.execute(update(CaseRow).where(CaseRow.id == case.id).values(**values))

    def list_cases(self, *, statuses: Sequence[CaseStatus] | None = None,
                   agency_path_prefix: str | None = None, due_before: dt.date | None = None,
                   limit: int | None = None) -> list[Case]:
        query = select(CaseRow).order_by(CaseRow.id)
        if statuses:
            query = query.where(CaseRow.status.in_([s.value for s in statuses]))
        if agency_path_prefix:
            query = query.join(AgencyRow, AgencyRow.id == CaseRow.agency_id).where(
                AgencyRow.path.startswith(agency_path_prefix, autoescape=True))
        if due_before:
            query = query.where(CaseRow.due_date < due_before)
        if limit:
            query = query.limit(limit)
        return [self._case(r) for r in self.s.scalars(query)]

    def add_transition(self, record: CaseTransition) -> CaseTransition:
        row = self._add(TransitionRow(**{**_fields_of(record), "source": record.source.value,
                                         "target": record.target.value,
                                         "role": record.role.value}))
        record.id = row.id  # type: ignore[attr-defined]
        return record

    def transitions(self, case_id: int) -> list[CaseTransition]:
        rows = self.s.scalars(select(TransitionRow).where(TransitionRow.case_id == case_id)
                              .order_by(TransitionRow.id))
        return [_row_to(CaseTransition, r, source=CaseStatus, target=CaseStatus, role=Role)
                for r in rows]

    def add_recommendation(self, rec: Recommendation) -> Recommendation:
        row = self._add(RecommendationRow(**{**_fields_of(rec),
                                             "sanction_level": rec.sanction_level.value}))
        rec.id = row.id  # type: ignore[attr-defined]
        return rec

    def recommendation(self, case_id: int) -> Recommendation | None:
        row = self.s.scalar(select(RecommendationRow)
                            .where(RecommendationRow.case_id == case_id))
        return _row_to(Recommendation, row, sanction_level=SanctionLevel) if row else None

    def add_sanction(self, sanction: Sanction) -> Sanction:
        row = self._add(SanctionRow(**{**_fields_of(sanction), "level": sanction.level.value}))
        sanction.id = row.id  # type: ignore[attr-defined]
        return sanction

    def sanction(self, case_id: int) -> Sanction | None:
        row = self.s.scalar(select(SanctionRow).where(SanctionRow.case_id == case_id))
        return _row_to(Sanction, row, level=SanctionLevel) if row else None

    # audit
    @staticmethod
    def _entry(row: AuditRow) -> AuditEntry:
        return AuditEntry(row.seq, row.at, row.actor, row.action, row.entity, row.entity_id,
                          row.data, row.prev_hash, row.hash)

    def audit_head(self, *, lock: bool = False) -> AuditEntry | None:
        if lock and self.dialect == "postgresql":
            # Serialise appends: the head row is the chain's single point of contention.
            self.s.execute(select(AuditHeadRow).where(AuditHeadRow.id == 1).with_for_update())
        row = self.s.scalar(select(AuditRow).order_by(AuditRow.seq.desc()).limit(1))
        return self._entry(row) if row else None

    def append_audit(self, entry: AuditEntry) -> None:
        self.s.execute(insert(AuditRow).values(
            seq=entry.seq, at=entry.at, actor=entry.actor, action=entry.action,
            entity=entry.entity, entity_id=entry.entity_id, data=entry.data,
            prev_hash=entry.prev_hash, hash=entry.hash))
        changed = self.s.execute(update(AuditHeadRow).where(AuditHeadRow.id == 1)
                                 .values(seq=entry.seq, hash=entry.hash)).rowcount  # type: ignore[attr-defined]
        if not changed:
            self.s.execute(insert(AuditHeadRow).values(id=1, seq=entry.seq, hash=entry.hash))

    def recorded_head(self) -> tuple[int, str]:
        row = self.s.get(AuditHeadRow, 1)
        return (row.seq, row.hash) if row else (0, GENESIS)

    def iter_audit(self) -> Iterator[AuditEntry]:
        result = self.s.execute(select(AuditRow).order_by(AuditRow.seq)
                                .execution_options(yield_per=2000))
        for row in result.scalars():
            yield self._entry(row)


class SqlCaseStore:
    """`netral.cases.ports.CaseStore` on SQLite or PostgreSQL."""

    def __init__(self, engine: Engine):
        self.engine = engine

    @contextmanager
    def transaction(self, *, bulk: bool = False) -> Iterator[SqlCaseTx]:
        with Session(self.engine, expire_on_commit=False) as session, session.begin():
            if bulk and self.engine.dialect.name == "sqlite":
                # A bigger page cache for the import's index updates (bounded: 64 MiB).
                session.connection().exec_driver_sql("PRAGMA cache_size=-65536")
            yield SqlCaseTx(session)
