"""Who may do what: roles, the acting user, and the permission checks the service applies."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Role(StrEnum):
    PUBLIC = "public"
    INTAKE_OFFICER = "intake_officer"
    EXAMINER = "examiner"
    BKN_ANALYST = "bkn_analyst"
    AGENCY_PPK = "agency_ppk"
    ADMIN = "admin"


class PermissionDenied(PermissionError):
    """The acting user's role or agency scope does not allow the operation."""


@dataclass(frozen=True, slots=True)
class Actor:
    """The user a service call acts for. ``agency_path`` scopes an agency PPK to a subtree."""

    username: str
    role: Role
    user_id: int | None = None
    agency_id: int | None = None
    agency_path: str | None = None

    @classmethod
    def public(cls) -> Actor:
        return cls(username="public", role=Role.PUBLIC)

    def __str__(self) -> str:
        return f"{self.username} ({self.role.value})"


# Whistle-blower protection: only intake officers, who may have to contact the reporter,
# read the reporter's identity. Everyone else sees "anonymous/withheld".
SEE_REPORTER_IDENTITY = frozenset({Role.INTAKE_OFFICER})
# Roles that read every case; an agency PPK reads only its subtree (see `can_view_case`).
SEE_ALL_CASES = frozenset({Role.INTAKE_OFFICER, Role.EXAMINER, Role.BKN_ANALYST, Role.ADMIN})
ADD_EVIDENCE = frozenset({Role.PUBLIC, Role.INTAKE_OFFICER, Role.EXAMINER})
IMPORT_REGISTRY = frozenset({Role.ADMIN, Role.BKN_ANALYST})
MANAGE_AGENCIES = frozenset({Role.ADMIN})
MANAGE_USERS = frozenset({Role.ADMIN})
VERIFY_AUDIT = frozenset({Role.ADMIN, Role.BKN_ANALYST})
READ_REGISTRY = frozenset({Role.INTAKE_OFFICER, Role.EXAMINER, Role.BKN_ANALYST, Role.ADMIN})


def require(actor: Actor, allowed: frozenset[Role], what: str) -> None:
    if actor.role not in allowed:
        raise PermissionDenied(f"{actor} may not {what}")


def in_subtree(agency_path: str | None, scope_path: str | None) -> bool:
    """True when an agency (materialised path ``/1/4/9/``) lies under ``scope_path``."""
    return bool(agency_path and scope_path and agency_path.startswith(scope_path))
