"""Officer actions the service does not record itself (log-ins, reads of letters, exports,
OCR runs) go into the same hash-chained audit trail, through the store's unit of work."""

from __future__ import annotations

from typing import Any

from netral.cases.audit import make_entry
from netral.cases.service import CaseService


def record(service: CaseService, actor: str, action: str, entity: str, entity_id: object,
           data: dict[str, Any] | None = None) -> None:
    with service.store.transaction() as tx:
        entry = make_entry(tx.audit_head(lock=True), service.clock(), actor, action, entity,
                           entity_id, data or {})
        tx.append_audit(entry)
