"""Request dependencies: the app's services and the acting user (session or API token)."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, HTTPException, Path, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer

from netral.cases.roles import Actor, Role
from netral.cases.service import CaseService, NotFound
from netral.rulebook import Rulebook
from netral.screening.selfcheck import SelfChecker
from netral.web.templating import Templates

# Database ids in paths: a positive 32-bit integer, so no value reaches the database unchecked.
RowId = Annotated[int, Path(ge=1, le=2_147_483_647)]
OFFICER_ROLES = frozenset(r for r in Role if r != Role.PUBLIC)
_bearer = HTTPBearer(auto_error=False, description="Token from POST /api/v1/token")


def service(request: Request) -> CaseService:
    return request.app.state.service


def rulebook(request: Request) -> Rulebook:
    return request.app.state.rulebook


def templates(request: Request) -> Templates:
    return request.app.state.templates


def selfchecker(request: Request) -> SelfChecker:
    return request.app.state.selfcheck


def audit_head(request: Request) -> int:
    """The audit head for this request, read once: every change to any record moves it."""
    head = getattr(request.state, "audit_head", None)
    if head is None:
        head = request.app.state.casebook.head()
        request.state.audit_head = head
    return head


def load_actor(request: Request, username: str) -> Actor:
    """``CaseService.actor``, remembered until the next change (user changes are audited)."""
    cache: dict = request.app.state.actor_cache
    key = (username, audit_head(request))
    actor = cache.get(key)
    if actor is None:
        actor = request.app.state.service.actor(username)
        if len(cache) > 1024:
            cache.clear()
        cache[key] = actor
    return actor


def session_actor(request: Request) -> Actor | None:
    """The logged-in officer, or None. A deactivated user is logged out on the next request."""
    if getattr(request.state, "actor_loaded", False):
        return request.state.actor
    actor = None
    username = request.session.get("user")
    if username:
        try:
            actor = load_actor(request, username)
        except NotFound:
            request.session.pop("user", None)
    request.state.actor = actor
    request.state.actor_loaded = True
    request.state.user = actor
    return actor


def officer(request: Request) -> Actor:
    actor = session_actor(request)
    if actor is None or actor.role not in OFFICER_ROLES:
        raise HTTPException(status_code=401)
    return actor


# ---------------------------------------------------------------------- API tokens
def _serializer(request: Request) -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(request.app.state.secret, salt="netral-api-token")


def issue_token(request: Request, actor: Actor) -> str:
    return _serializer(request).dumps({"u": actor.username})


def api_officer(request: Request,
                credentials: HTTPAuthorizationCredentials | None = Depends(_bearer)) -> Actor:
    if credentials is None or credentials.scheme.lower() != "bearer":
        raise HTTPException(status_code=401, detail="bearer token required",
                            headers={"WWW-Authenticate": "Bearer"})
    max_age = request.app.state.settings.token_max_age
    try:
        data = _serializer(request).loads(credentials.credentials, max_age=max_age)
        actor = load_actor(request, str(data["u"]))
    except (BadSignature, SignatureExpired, NotFound, KeyError, TypeError):
        raise HTTPException(status_code=401, detail="invalid or expired token",
                            headers={"WWW-Authenticate": "Bearer"}) from None
    if actor.role not in OFFICER_ROLES:
        raise HTTPException(status_code=403, detail="forbidden")
    return actor
