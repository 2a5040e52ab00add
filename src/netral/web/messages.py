"""Messages between a reporter (known only by tracking code) and the officers of the case.

Stored in the ``report_messages`` table (storage room, migration 0002), written in the same
transaction as the audit entry that records it (through the store's unit of work). The
reporter's side is always shown as "Pelapor", never a name.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import Engine, select

from netral.cases.audit import make_entry
from netral.cases.roles import Actor, Role
from netral.cases.service import CaseError, CaseService, NotFound
from netral.cases.tracking import normalise_tracking_code
from netral.storage.tables import ReportMessageRow as MessageRow

MAX_MESSAGE = 2000
REPORTER = "reporter"
OFFICER = "officer"
# Officers who talk to the reporter: intake (who may know them) and the examiners.
MESSAGE_ROLES = frozenset({Role.INTAKE_OFFICER, Role.EXAMINER, Role.BKN_ANALYST, Role.ADMIN})


@dataclass(frozen=True, slots=True)
class Message:
    id: int
    report_id: int
    sender: str  # "reporter" or "officer"
    author: str  # officer username, or "reporter"
    body: str
    at: dt.datetime


def _message(row: MessageRow) -> Message:
    return Message(row.id, row.report_id, row.sender, row.author, row.body, row.at)


class MessageStore:
    def __init__(self, engine: Engine):
        self.engine = engine

    @staticmethod
    def _clean(body: str) -> str:
        body = body.strip()
        if not body:
            raise CaseError("the message is empty")
        if len(body) > MAX_MESSAGE:
            raise CaseError(f"the message is longer than {MAX_MESSAGE} characters")
        return body

    def _append(self, service: CaseService, report_id: int, sender: str, author: str,
                body: str, audit_actor: str) -> Message:
        now = service.clock()
        with service.store.transaction() as tx:
            session = tx.s  # type: ignore[attr-defined]
            row = MessageRow(report_id=report_id, sender=sender, author=author, body=body, at=now)
            session.add(row)
            session.flush()
            entry = make_entry(tx.audit_head(lock=True), now, audit_actor, "message.send",
                               "report", report_id, {"message": row.id, "sender": sender,
                                                     "length": len(body)})
            tx.append_audit(entry)
            return _message(row)

    def _report_of_code(self, service: CaseService, tracking_code: str) -> int:
        code = normalise_tracking_code(tracking_code)
        with service.store.transaction() as tx:
            report = tx.report_by_tracking_code(code) if code else None
            if report is None or report.id is None:
                raise NotFound("no report with this tracking code")
            return report.id

    def send_as_reporter(self, service: CaseService, tracking_code: str, body: str) -> Message:
        report_id = self._report_of_code(service, tracking_code)
        return self._append(service, report_id, REPORTER, REPORTER, self._clean(body), "public")

    def send_as_officer(self, service: CaseService, actor: Actor, case_id: int,
                        body: str) -> Message:
        if actor.role not in MESSAGE_ROLES:
            raise CaseError(f"{actor} may not message the reporter")
        view = service.show_case(actor, case_id)  # scope check: NotFound outside the view
        return self._append(service, view.report.id, OFFICER, actor.username,  # type: ignore[arg-type]
                            self._clean(body), actor.username)

    def for_reporter(self, service: CaseService, tracking_code: str) -> list[Message]:
        return self._list(service, self._report_of_code(service, tracking_code))

    def for_report(self, service: CaseService, report_id: int) -> list[Message]:
        """Messages of a report; callers check the actor may see the case first."""
        return self._list(service, report_id)

    def _list(self, service: CaseService, report_id: int) -> list[Message]:
        with service.store.transaction() as tx:
            rows = tx.s.scalars(select(MessageRow).where(MessageRow.report_id == report_id)  # type: ignore[attr-defined]
                                .order_by(MessageRow.id))
            return [_message(r) for r in rows]

    def counts(self, service: CaseService) -> dict[int, tuple[int, str]]:
        """Per report: number of messages and the sender of the last one."""
        out: dict[int, tuple[int, str]] = {}
        with service.store.transaction() as tx:
            for row in tx.s.execute(select(MessageRow.report_id, MessageRow.sender)  # type: ignore[attr-defined]
                                    .order_by(MessageRow.id)):
                n, _last = out.get(row.report_id, (0, ""))
                out[row.report_id] = (n + 1, row.sender)
        return out
