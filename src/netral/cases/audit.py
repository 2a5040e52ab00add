"""The audit chain: every change appends an entry hashed over its content and its predecessor.

Altering, removing or reordering a row breaks the chain at that row; `verify_chain` names it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

GENESIS = "0" * 64


def canonical_json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"),
                      default=str)


def timestamp(at: dt.datetime) -> str:
    """UTC ISO text with microseconds: the form hashed and stored."""
    return at.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


@dataclass(frozen=True, slots=True)
class AuditEntry:
    seq: int
    at: str
    actor: str
    action: str
    entity: str
    entity_id: str
    data: str  # canonical JSON
    prev_hash: str
    hash: str

    def payload(self) -> dict[str, Any]:
        return {"seq": self.seq, "at": self.at, "actor": self.actor, "action": self.action,
                "entity": self.entity, "entity_id": self.entity_id, "data": self.data,
                "prev_hash": self.prev_hash}


def entry_hash(seq: int, at: str, actor: str, action: str, entity: str, entity_id: str,
               data: str, prev_hash: str) -> str:
    payload = {"seq": seq, "at": at, "actor": actor, "action": action, "entity": entity,
               "entity_id": entity_id, "data": data, "prev_hash": prev_hash}
    return hashlib.sha256(canonical_json(payload).encode()).hexdigest()


def make_entry(prev: AuditEntry | None, at: dt.datetime, actor: str, action: str,
               entity: str, entity_id: object, data: dict[str, Any]) -> AuditEntry:
    seq = prev.seq + 1 if prev else 1
    prev_hash = prev.hash if prev else GENESIS
    fields = (seq, timestamp(at), actor, action, entity, str(entity_id), canonical_json(data),
              prev_hash)
    return AuditEntry(*fields, entry_hash(*fields))


@dataclass(frozen=True, slots=True)
class ChainCheck:
    ok: bool
    checked: int
    broken_seq: int | None = None
    problem: str = ""
    head_hash: str = GENESIS


def verify_chain(entries: Iterable[AuditEntry], head: tuple[int, str] | None = None) -> ChainCheck:
    """Recompute every hash in ``seq`` order; ``head`` is the (seq, hash) recorded separately.

    The head catches removal of the newest rows, which no later row could reveal.
    """
    prev_seq, prev_hash, checked = 0, GENESIS, 0
    for e in entries:
        if e.seq != prev_seq + 1:
            return ChainCheck(False, checked, prev_seq + 1,
                              f"entry {prev_seq + 1} is missing (next is {e.seq})", prev_hash)
        if e.prev_hash != prev_hash:
            return ChainCheck(False, checked, e.seq,
                              f"entry {e.seq} does not follow entry {prev_seq}", prev_hash)
        if entry_hash(*e.payload().values()) != e.hash:
            return ChainCheck(False, checked, e.seq, f"entry {e.seq} was altered", prev_hash)
        prev_seq, prev_hash, checked = e.seq, e.hash, checked + 1
    if head is not None and head != (prev_seq, prev_hash):
        if head[0] > prev_seq:
            return ChainCheck(False, checked, prev_seq + 1,
                              f"entries {prev_seq + 1}..{head[0]} were removed", prev_hash)
        if head[0] == 0:
            return ChainCheck(False, checked, prev_seq, "the recorded chain head is missing",
                              prev_hash)
        return ChainCheck(False, checked, head[0],
                          f"the recorded chain head (entry {head[0]}) does not match", prev_hash)
    return ChainCheck(True, checked, head_hash=prev_hash)
