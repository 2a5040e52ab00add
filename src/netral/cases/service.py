"""The case-management API the CLI and the web app call.

Every call takes the acting user (:class:`Actor`) and enforces role and agency scope here,
not in the user interface. Every change to a case, report or evidence appends an audit entry
in the same transaction.
"""

from __future__ import annotations

import datetime as dt
import mimetypes
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, BinaryIO
from zoneinfo import ZoneInfo

from netral.cases import roles as perm
from netral.cases.audit import ChainCheck, make_entry, verify_chain
from netral.cases.crypto import IdentityCipher
from netral.cases.deadlines import (
    WorkingCalendar,
    due_date,
    rule_for_event,
    working_days_between,
)
from netral.cases.models import (
    PPK_KINDS,
    Agency,
    AsnRecord,
    Case,
    CaseTransition,
    CaseView,
    Channel,
    Evidence,
    FindingLink,
    Recommendation,
    Report,
    ReporterIdentity,
    Sanction,
    User,
)
from netral.cases.nip import NipError, parse_nip
from netral.cases.passwords import hash_password, verify_password
from netral.cases.ports import BlobStore, CaseStore, CaseTx, DuplicateNip, Progress
from netral.cases.registry import InputFileError, read_agencies, read_registry
from netral.cases.roles import Actor, PermissionDenied, Role, require
from netral.cases.sanctions import SanctionError, sanction_level
from netral.cases.tracking import new_tracking_code, normalise_tracking_code
from netral.cases.workflow import (
    CLOCK_CONTINUES,
    CLOCK_EVENTS,
    TERMINAL,
    CaseStatus,
    Requirement,
    Transition,
    TransitionError,
    allowed_transitions,
    find_transition,
)
from netral.rulebook import Rulebook
from netral.screening.models import Finding

MAX_EVIDENCE_BYTES = 50 * 1024 * 1024
# Deadlines count office days; "today" is the date in the office's zone (WIB by default,
# Kaltim offices use Asia/Makassar).
DEFAULT_TIMEZONE = "Asia/Jakarta"
REGISTRY_CHUNK = 5_000
# An agency PPK sees a case of its subtree once a recommendation is addressed to it.
PPK_VISIBLE = (CaseStatus.RECOMMENDATION_ISSUED, CaseStatus.SANCTION_IMPOSED, CaseStatus.CLOSED)


class NotFound(LookupError):
    pass


class CaseError(ValueError):
    """A request the domain refuses (missing reason, unknown agency, bad NIP …)."""


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


@dataclass(frozen=True, slots=True)
class EvidenceUpload:
    filename: str
    stream: BinaryIO
    media_type: str | None = None


@dataclass(frozen=True, slots=True)
class SubmittedReport:
    tracking_code: str
    report_id: int
    case_id: int


@dataclass(frozen=True, slots=True)
class PublicStatus:
    """What a reporter sees with a tracking code: no names, no evidence, no identity."""

    tracking_code: str
    status: CaseStatus
    received_at: dt.datetime
    updated_at: dt.datetime


@dataclass(frozen=True, slots=True)
class OverdueCase:
    case: Case
    rule: str | None
    working_days_late: int


class CaseService:
    def __init__(self, store: CaseStore, blobs: BlobStore, cipher: IdentityCipher,
                 rulebook: Rulebook, *, calendar: WorkingCalendar | None = None,
                 clock: Callable[[], dt.datetime] = utc_now, timezone: str = DEFAULT_TIMEZONE):
        self.store = store
        self.blobs = blobs
        self.cipher = cipher
        self.rulebook = rulebook
        self.calendar = calendar or WorkingCalendar.from_rulebook(rulebook)
        self.clock = clock
        self.zone = ZoneInfo(timezone)

    def today(self, at: dt.datetime | None = None) -> dt.date:
        """The office date of ``at`` (default: now)."""
        return (at or self.clock()).astimezone(self.zone).date()

    # ------------------------------------------------------------------ users
    def create_user(self, actor: Actor | None, username: str, password: str, role: Role,
                    *, agency_code: str | None = None, display_name: str = "") -> User:
        """Create a user. With no users yet, ``actor=None`` may create the first admin."""
        role = Role(role)
        with self.store.transaction() as tx:
            if actor is None:
                if tx.count_users() or role != Role.ADMIN:
                    raise PermissionDenied("only the first user may be created without an "
                                           "actor, and it must be an admin")
                actor_name = username
            else:
                require(actor, perm.MANAGE_USERS, "manage users")
                actor_name = actor.username
            if role == Role.PUBLIC:
                raise CaseError("the public role needs no account")
            if tx.user_by_username(username):
                raise CaseError(f"user {username} already exists")
            agency_id = None
            if agency_code:
                agency = self._agency_by_code(tx, agency_code)
                agency_id = agency.id
            if role == Role.AGENCY_PPK and agency_id is None:
                raise CaseError("an agency PPK user needs --agency")
            user = tx.add_user(User(username, role, hash_password(password), display_name,
                                    agency_id))
            self._audit(tx, actor_name, "user.create", "user", user.id,
                        {"username": username, "role": role.value, "agency": agency_code})
            return user

    def authenticate(self, username: str, password: str) -> Actor | None:
        with self.store.transaction() as tx:
            user = tx.user_by_username(username)
            if user is None or not user.active or not verify_password(user.password_hash,
                                                                      password):
                return None
            return self._actor_of(tx, user)

    def actor(self, username: str) -> Actor:
        """The actor for a known user name (the CLI trusts its local operator)."""
        with self.store.transaction() as tx:
            user = tx.user_by_username(username)
            if user is None or not user.active:
                raise NotFound(f"no active user {username}")
            return self._actor_of(tx, user)

    def _actor_of(self, tx: CaseTx, user: User) -> Actor:
        agency = tx.agency(user.agency_id) if user.agency_id else None
        return Actor(user.username, user.role, user.id, user.agency_id,
                     agency.path if agency else None)

    # ------------------------------------------------------------------ agencies
    def import_agencies(self, actor: Actor, path: Path) -> int:
        """Add an agency tree from CSV (code, name, kind, region_code, parent_code); all or none."""
        require(actor, perm.MANAGE_AGENCIES, "manage agencies")
        with self.store.transaction() as tx:
            known = tx.agency_ids_by_code()
            rows = read_agencies(path, known)
            for row in rows:
                if row.code in known:
                    raise InputFileError(path, row.line, "code", f"{row.code} already exists")
                parent = self._agency_by_code(tx, row.parent_code) if row.parent_code else None
                agency = tx.add_agency(Agency(row.code, row.name, row.kind, row.region_code,
                                              parent.id if parent else None))
                known[row.code] = agency.id  # type: ignore[assignment]
                self._audit(tx, actor.username, "agency.create", "agency", agency.id,
                            {"code": row.code, "name": row.name, "kind": row.kind.value,
                             "parent": row.parent_code, "region_code": row.region_code})
            return len(rows)

    def agencies(self) -> list[Agency]:
        with self.store.transaction() as tx:
            return tx.agencies()

    def _agency_by_code(self, tx: CaseTx, code: str) -> Agency:
        agency = tx.agency_by_code(code)
        if agency is None:
            raise CaseError(f"unknown agency {code}")
        return agency

    def _ppk_agency(self, tx: CaseTx, agency: Agency) -> Agency:
        """The nearest agency up the tree whose head is a PPK."""
        ids = [int(x) for x in agency.path.strip("/").split("/") if x]
        by_id = {a.id: a for a in tx.agencies(ids)}
        for agency_id in reversed(ids):
            candidate = by_id[agency_id]
            if candidate.kind in PPK_KINDS:
                return candidate
        raise CaseError(f"agency {agency.code} has no PPK above it")

    # ------------------------------------------------------------------ registry
    def import_registry(self, actor: Actor, path: Path, *, replace: bool = False,
                        progress: Progress | None = None) -> int:
        """Import ASN records from CSV in one transaction: any bad row imports nothing.

        Raises `InputFileError` naming file, line and field.
        """
        require(actor, perm.IMPORT_REGISTRY, "import the ASN registry")
        with self.store.transaction(bulk=True) as tx:
            agency_ids = tx.agency_ids_by_code()
            removed = tx.clear_registry() if replace else 0
            total = 0
            chunk: list[AsnRecord] = []
            lines: list[int] = []
            seen_in_chunk: dict[str, int] = {}
            for row in read_registry(path):
                agency_id = agency_ids.get(row.agency_code)
                if agency_id is None:
                    raise InputFileError(path, row.line, "agency_code",
                                         f"unknown agency {row.agency_code}")
                if row.nip in seen_in_chunk:
                    raise InputFileError(path, row.line, "nip", f"NIP {row.nip} is repeated "
                                         f"(first on line {seen_in_chunk[row.nip]})")
                seen_in_chunk[row.nip] = row.line
                chunk.append(AsnRecord(row.nip, row.name, row.position, agency_id,
                                       row.region_code, row.rank))
                lines.append(row.line)
                if len(chunk) >= REGISTRY_CHUNK:
                    total += self._insert_chunk(tx, path, chunk, lines)
                    chunk, lines, seen_in_chunk = [], [], {}
                    if progress:
                        progress(total)
            if chunk:
                total += self._insert_chunk(tx, path, chunk, lines)
                if progress:
                    progress(total)
            self._audit(tx, actor.username, "registry.import", "registry", path.name,
                        {"file": path.name, "rows": total, "replaced": removed})
            return total

    @staticmethod
    def _insert_chunk(tx: CaseTx, path: Path, chunk: list[AsnRecord], lines: list[int]) -> int:
        try:
            tx.insert_asn_chunk(chunk, lines)
        except DuplicateNip as exc:
            line = next(n for r, n in zip(chunk, lines, strict=True) if r.nip == exc.nip)
            raise InputFileError(path, line, "nip", str(exc)) from None
        return len(chunk)

    def find_asn(self, actor: Actor, nip: str) -> AsnRecord | None:
        require(actor, perm.READ_REGISTRY, "read the ASN registry")
        with self.store.transaction() as tx:
            return tx.asn(nip)

    # ------------------------------------------------------------------ reports
    def submit_report(self, actor: Actor, description: str, *, channel: Channel = Channel.WEB,
                      reporter: ReporterIdentity | None = None, anonymous: bool = False,
                      reported_person: str | None = None, reported_nip: str | None = None,
                      evidence: Sequence[EvidenceUpload] = (),
                      screening_id: str | None = None, findings: Sequence[Finding] = (),
                      received_at: dt.datetime | None = None) -> SubmittedReport:
        """File a report (anyone, including the public); opens a case in ``received``."""
        description = description.strip()
        if len(description) < 10:
            raise CaseError("describe what happened (at least 10 characters)")
        nip = None
        if reported_nip:
            try:
                nip = parse_nip(reported_nip).value
            except NipError as exc:
                raise CaseError(str(exc)) from None
        identity = None if anonymous or reporter is None else reporter.as_dict()
        if anonymous and reporter and reporter.as_dict():
            raise CaseError("an anonymous report carries no reporter identity")
        if not anonymous and not identity:
            raise CaseError("give the reporter's identity or mark the report anonymous")
        stored = [(u, *self._put_blob(u)) for u in evidence]
        now = self.clock()
        received = received_at or now
        with self.store.transaction() as tx:
            report = tx.add_report(Report(
                tracking_code=new_tracking_code(), channel=Channel(channel), received_at=received,
                description=description, anonymous=anonymous,
                reporter_identity_encrypted=self.cipher.encrypt(identity) if identity else None,
                reported_person_text=(reported_person or "").strip() or None, reported_nip=nip))
            self._audit(tx, actor.username, "report.submit", "report", report.id, {
                "tracking_code": report.tracking_code, "channel": report.channel.value,
                "anonymous": anonymous, "identity": "encrypted" if identity else None,
                "description": description, "reported_person": report.reported_person_text,
                "reported_nip": nip, "received_at": received.isoformat()})
            asn = tx.asn(nip) if nip else None
            case = Case(report.id, CaseStatus.RECEIVED, now, now,
                        agency_id=asn.agency_id if asn else None, reported_nip=nip)
            self._start_clock(case, CaseStatus.RECEIVED, self.today(received))
            case = tx.add_case(case)
            self._audit(tx, actor.username, "case.open", "case", case.id,
                        {"report": report.id, "status": case.status.value,
                         "due_date": case.due_date, "agency_id": case.agency_id})
            for upload, sha, size in stored:
                self._record_evidence(tx, actor, report.id, upload, sha, size)
            for finding in findings:
                self._record_finding(tx, actor, report.id, screening_id or "", finding)
            return SubmittedReport(report.tracking_code, report.id, case.id)  # type: ignore[arg-type]

    def report_status(self, tracking_code: str) -> PublicStatus:
        """Status for the public tracking page; unknown and mistyped codes look the same."""
        code = normalise_tracking_code(tracking_code)
        with self.store.transaction() as tx:
            report = tx.report_by_tracking_code(code) if code else None
            case = tx.case_of_report(report.id) if report and report.id else None
            if report is None or case is None:
                raise NotFound("no report with this tracking code")
            return PublicStatus(report.tracking_code, case.status, report.received_at,
                                case.updated_at)

    def _put_blob(self, upload: EvidenceUpload) -> tuple[str, int]:
        return self.blobs.put(upload.stream, MAX_EVIDENCE_BYTES)

    def _record_evidence(self, tx: CaseTx, actor: Actor, report_id: int,
                         upload: EvidenceUpload, sha: str, size: int) -> Evidence:
        name = Path(upload.filename).name or "evidence"
        media_type = (upload.media_type or mimetypes.guess_type(name)[0]
                      or "application/octet-stream")
        ev = tx.add_evidence(Evidence(report_id, sha, name, media_type, size, self.clock(),
                                      actor.username))
        self._audit(tx, actor.username, "evidence.add", "evidence", ev.id,
                    {"report": report_id, "sha256": sha, "name": name,
                     "media_type": media_type, "size": size})
        return ev

    def _record_finding(self, tx: CaseTx, actor: Actor, report_id: int, screening_id: str,
                        finding: Finding) -> FindingLink:
        try:
            self.rulebook.act(finding.act)
        except KeyError:
            raise CaseError(f"finding names unknown act {finding.act}") from None
        link = tx.add_finding(FindingLink(report_id, screening_id, finding.act,
                                          finding.contestant, finding.reason,
                                          self.rulebook.version))
        self._audit(tx, actor.username, "finding.link", "report", report_id,
                    {"screening": screening_id, "act": finding.act,
                     "contestant": finding.contestant})
        return link

    def add_evidence(self, actor: Actor, case_id: int, upload: EvidenceUpload) -> Evidence:
        require(actor, perm.ADD_EVIDENCE - {Role.PUBLIC}, "add evidence to a case")
        sha, size = self._put_blob(upload)
        with self.store.transaction() as tx:
            case = self._case_for(tx, actor, case_id)
            if case.status in TERMINAL:
                raise CaseError(f"case {case_id} is closed")
            return self._record_evidence(tx, actor, case.report_id, upload, sha, size)

    def add_evidence_by_tracking_code(self, tracking_code: str,
                                      upload: EvidenceUpload) -> Evidence:
        """A reporter adds evidence later with the tracking code (acts as the public)."""
        code = normalise_tracking_code(tracking_code)
        sha, size = self._put_blob(upload)
        with self.store.transaction() as tx:
            report = tx.report_by_tracking_code(code) if code else None
            case = tx.case_of_report(report.id) if report and report.id else None
            if report is None or case is None:
                raise NotFound("no report with this tracking code")
            if case.status in TERMINAL:
                raise CaseError("the case is closed")
            return self._record_evidence(tx, Actor.public(), report.id, upload, sha, size)  # type: ignore[arg-type]

    def read_evidence(self, actor: Actor, evidence_id: int) -> tuple[Evidence, bytes]:
        """The evidence and its bytes, verified against the stored sha256."""
        with self.store.transaction() as tx:
            ev = tx.evidence(evidence_id)
            if ev is None:
                raise NotFound(f"no evidence {evidence_id}")
            case = tx.case_of_report(ev.report_id)
            if case is None:
                raise NotFound(f"no evidence {evidence_id}")
            self._case_for(tx, actor, case.id)  # type: ignore[arg-type]
        return ev, self.blobs.read(ev.sha256)

    def link_findings(self, actor: Actor, case_id: int, screening_id: str,
                      findings: Iterable[Finding]) -> list[FindingLink]:
        require(actor, frozenset({Role.INTAKE_OFFICER, Role.EXAMINER}), "link findings")
        with self.store.transaction() as tx:
            case = self._case_for(tx, actor, case_id)
            return [self._record_finding(tx, actor, case.report_id, screening_id, f)
                    for f in findings]

    # ------------------------------------------------------------------ cases
    def _visible(self, actor: Actor, case: Case, agency: Agency | None) -> bool:
        if actor.role in perm.SEE_ALL_CASES:
            return True
        if actor.role == Role.AGENCY_PPK:
            return case.status in PPK_VISIBLE and perm.in_subtree(
                agency.path if agency else None, actor.agency_path)
        return False

    def _case_for(self, tx: CaseTx, actor: Actor, case_id: int, *,
                  for_update: bool = False) -> Case:
        case = tx.case(case_id, for_update=for_update)
        agency = tx.agency(case.agency_id) if case and case.agency_id else None
        # A case outside the actor's view is reported as missing, not as forbidden.
        if case is None or not self._visible(actor, case, agency):
            raise NotFound(f"no case {case_id}")
        return case

    def list_cases(self, actor: Actor, *, status: CaseStatus | None = None,
                   agency_code: str | None = None, overdue_on: dt.date | None = None,
                   limit: int | None = None) -> list[Case]:
        if actor.role not in perm.SEE_ALL_CASES and actor.role != Role.AGENCY_PPK:
            raise PermissionDenied(f"{actor} may not list cases")
        statuses: list[CaseStatus] | None = [CaseStatus(status)] if status else None
        prefix = None
        with self.store.transaction() as tx:
            if agency_code:
                prefix = self._agency_by_code(tx, agency_code).path
            if actor.role == Role.AGENCY_PPK:
                if prefix and not prefix.startswith(actor.agency_path or "\0"):
                    return []
                prefix = prefix or actor.agency_path or "\0"
                statuses = [s for s in (statuses or PPK_VISIBLE) if s in PPK_VISIBLE]
                if not statuses:
                    return []
            return tx.list_cases(statuses=statuses, agency_path_prefix=prefix,
                                 due_before=overdue_on, limit=limit)

    def show_case(self, actor: Actor, case_id: int) -> CaseView:
        with self.store.transaction() as tx:
            case = self._case_for(tx, actor, case_id)
            report = tx.report(case.report_id)
            assert report is not None
            reporter = None
            if report.reporter_identity_encrypted and actor.role in perm.SEE_REPORTER_IDENTITY:
                reporter = self.cipher.decrypt(report.reporter_identity_encrypted)
            return CaseView(
                case=case, report=report,
                agency=tx.agency(case.agency_id) if case.agency_id else None,
                reporter=reporter,
                evidence=tx.evidence_of_report(report.id),  # type: ignore[arg-type]
                findings=tx.findings_of_report(report.id),  # type: ignore[arg-type]
                transitions=tx.transitions(case_id),
                recommendation=tx.recommendation(case_id), sanction=tx.sanction(case_id),
                next_moves=[t.target.value for t in self.moves_for(actor, case, tx)])

    def moves_for(self, actor: Actor, case: Case, tx: CaseTx | None = None) -> list[Transition]:
        """Transitions this actor may make on this case now (buttons in the web app)."""
        moves = allowed_transitions(case.status, actor.role)
        if any(t.scoped for t in moves):
            if tx is None:
                with self.store.transaction() as tx2:
                    agency = tx2.agency(case.agency_id) if case.agency_id else None
            else:
                agency = tx.agency(case.agency_id) if case.agency_id else None
            in_scope = perm.in_subtree(agency.path if agency else None, actor.agency_path)
            moves = [t for t in moves if not t.scoped or in_scope]
        return moves

    def transition_case(self, actor: Actor, case_id: int, target: CaseStatus | str,
                        reason: str, *, agency_code: str | None = None,
                        reported_nip: str | None = None, act_ids: Sequence[str] = (),
                        decree_number: str | None = None, note: str = "") -> Case:
        """Move a case along the workflow. Refused moves raise `PermissionDenied`,
        `TransitionError` (no such move) or `CaseError` (missing input)."""
        reason = reason.strip()
        if not reason:
            raise CaseError("a transition needs a reason")
        with self.store.transaction() as tx:
            case = self._case_for(tx, actor, case_id, for_update=True)
            move = find_transition(case.status, CaseStatus(target))
            if actor.role not in move.roles:
                raise PermissionDenied(f"{actor} may not move a case from {move.source} "
                                       f"to {move.target}")
            if move.scoped:
                agency = tx.agency(case.agency_id) if case.agency_id else None
                if not perm.in_subtree(agency.path if agency else None, actor.agency_path):
                    raise PermissionDenied(f"case {case_id} is outside {actor}'s agency")
            now = self.clock()
            extra: dict[str, Any] = {}
            if Requirement.AGENCY in move.requires:
                extra.update(self._settle_agency(tx, case, agency_code, reported_nip))
            if Requirement.ACTS in move.requires:
                extra["recommendation"] = self._recommend(tx, actor, case, act_ids, note, now)
            if Requirement.DECREE in move.requires:
                extra["sanction"] = self._impose(tx, actor, case, decree_number, note, now)
            source = case.status
            case.status = move.target
            case.updated_at = now
            self._start_clock(case, move.target, self.today(now))
            tx.update_case(case)
            record = tx.add_transition(CaseTransition(case_id, source, move.target,
                                                      actor.username, actor.role, reason, now,
                                                      case.due_date))
            self._audit(tx, actor.username, "case.transition", "case", case_id, {
                "from": source.value, "to": move.target.value, "role": actor.role.value,
                "reason": reason, "due_date": case.due_date, "transition": record.id, **extra})
            return case

    def _settle_agency(self, tx: CaseTx, case: Case, agency_code: str | None,
                       reported_nip: str | None) -> dict[str, Any]:
        if reported_nip:
            try:
                nip = parse_nip(reported_nip).value
            except NipError as exc:
                raise CaseError(str(exc)) from None
            asn = tx.asn(nip)
            if asn is None:
                raise CaseError(f"NIP {nip} is not in the registry")
            case.reported_nip = nip
            case.agency_id = asn.agency_id
        if agency_code:
            case.agency_id = self._agency_by_code(tx, agency_code).id
        if case.agency_id is None:
            raise CaseError("registering a case needs the reported ASN's agency "
                            "(--agency or a registry NIP)")
        return {"agency_id": case.agency_id, "reported_nip": case.reported_nip}

    def _recommend(self, tx: CaseTx, actor: Actor, case: Case, act_ids: Sequence[str],
                   text: str, now: dt.datetime) -> dict[str, Any]:
        try:
            level = sanction_level(self.rulebook, act_ids)
        except SanctionError as exc:
            raise CaseError(str(exc)) from None
        agency = tx.agency(case.agency_id) if case.agency_id else None
        if agency is None:
            raise CaseError("the case has no agency to address a recommendation to")
        ppk = self._ppk_agency(tx, agency)
        rule = rule_for_event(self.rulebook, CLOCK_EVENTS[CaseStatus.RECOMMENDATION_ISSUED])
        due = due_date(rule, self.today(now), self.calendar) if rule else self.today(now)
        rec = tx.add_recommendation(Recommendation(
            case.id, ppk.id, list(act_ids), level, self.rulebook.version, now,  # type: ignore[arg-type]
            actor.username, due, text))
        return {"id": rec.id, "ppk_agency": ppk.code, "acts": list(act_ids),
                "level": level.value, "rulebook": self.rulebook.version, "due_date": due}

    def _impose(self, tx: CaseTx, actor: Actor, case: Case, decree: str | None, note: str,
                now: dt.datetime) -> dict[str, Any]:
        if not decree or not decree.strip():
            raise CaseError("imposing a sanction needs the PPK's decree number")
        rec = tx.recommendation(case.id)  # type: ignore[arg-type]
        if rec is None:
            raise CaseError("no recommendation to act on")
        # The level is the rulebook's for the recommended acts, never typed in by hand.
        level = sanction_level(self.rulebook, rec.act_ids)
        sanction = tx.add_sanction(Sanction(case.id, level, rec.act_ids, decree.strip(), now,  # type: ignore[arg-type]
                                            actor.username, self.rulebook.version, note))
        return {"id": sanction.id, "level": level.value, "decree": sanction.decree_number,
                "acts": rec.act_ids}

    def _start_clock(self, case: Case, status: CaseStatus, start: dt.date) -> None:
        if status in CLOCK_CONTINUES:
            return
        event = CLOCK_EVENTS.get(status)
        rule = rule_for_event(self.rulebook, event) if event else None
        case.deadline_rule = rule.id if rule else None
        case.due_date = due_date(rule, start, self.calendar) if rule else None

    def overdue(self, actor: Actor, today: dt.date | None = None) -> list[OverdueCase]:
        """Open cases past their due date, most late first."""
        today = today or self.today()
        cases = self.list_cases(actor, overdue_on=today)
        late = [OverdueCase(c, c.deadline_rule,
                            working_days_between(c.due_date, today, self.calendar))  # type: ignore[arg-type]
                for c in cases if c.status not in TERMINAL]
        return sorted(late, key=lambda o: (-o.working_days_late, o.case.id or 0))

    # ------------------------------------------------------------------ audit
    def _audit(self, tx: CaseTx, actor: str, action: str, entity: str, entity_id: object,
               data: dict[str, Any]) -> None:
        entry = make_entry(tx.audit_head(lock=True), self.clock(), actor, action, entity,
                           entity_id, data)
        tx.append_audit(entry)

    def verify_audit(self, actor: Actor) -> ChainCheck:
        require(actor, perm.VERIFY_AUDIT, "verify the audit trail")
        with self.store.transaction() as tx:
            return verify_chain(tx.iter_audit(), tx.recorded_head())

    def audit_trail(self, actor: Actor, entity: str | None = None,
                    entity_id: object | None = None) -> list[dict[str, Any]]:
        require(actor, perm.VERIFY_AUDIT, "read the audit trail")
        with self.store.transaction() as tx:
            return [asdict(e) for e in tx.iter_audit()
                    if (entity is None or e.entity == entity)
                    and (entity_id is None or e.entity_id == str(entity_id))]


__all__ = [
    "CaseError",
    "CaseService",
    "EvidenceUpload",
    "NotFound",
    "OverdueCase",
    "PermissionDenied",
    "PublicStatus",
    "SubmittedReport",
    "TransitionError",
]
