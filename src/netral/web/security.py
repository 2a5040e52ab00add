"""Web security: CSRF tokens, security headers (CSP without inline scripts), rate limits,
login throttling and the session secret.

Sessions are signed cookies (Starlette ``SessionMiddleware``: HttpOnly, SameSite=Lax, Secure
behind TLS). The CSRF token lives in the session and must come back with every unsafe
request, as the ``csrf_token`` form field or the ``X-CSRF-Token`` header (HTMX sends it from
``hx-headers`` on ``<body>``). The JSON API authenticates with bearer tokens, never cookies,
so it needs no CSRF token.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import threading
import time
from collections import deque
from pathlib import Path

from fastapi import HTTPException, Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from netral.cases.crypto import load_or_create_key

CSRF_FIELD = "csrf_token"
CSRF_HEADER = "x-csrf-token"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "TRACE"})

CSP = "; ".join(
    (
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    )
)


def session_secret(configured: str, data_dir: Path) -> str:
    """The key that signs session cookies and API tokens.

    Derived (not equal) from ``NETRAL_SECRET_KEY`` or the cases room's key file, so the
    identity-encryption key itself is never used for a second purpose.
    """
    base = configured.encode() if configured else load_or_create_key(data_dir)
    return hmac.new(base, b"netral-web-session-v1", hashlib.sha256).hexdigest()


def csrf_token(request: Request) -> str:
    token = request.session.get(CSRF_FIELD)
    if not token:
        token = secrets.token_urlsafe(32)
        request.session[CSRF_FIELD] = token
    return token


async def csrf_protect(request: Request) -> None:
    """Dependency for HTML routers: refuse unsafe requests without the session's token."""
    if request.method in SAFE_METHODS:
        return
    expected = request.session.get(CSRF_FIELD)
    sent = request.headers.get(CSRF_HEADER)
    if not sent:
        content_type = request.headers.get("content-type", "")
        if content_type.startswith(("application/x-www-form-urlencoded", "multipart/form-data")):
            form = await request.form()
            value = form.get(CSRF_FIELD)
            sent = value if isinstance(value, str) else None
    if not expected or not sent or not hmac.compare_digest(str(expected), str(sent)):
        raise HTTPException(status_code=403, detail="csrf")


class SecurityHeadersMiddleware:
    """Adds CSP and the usual hardening headers to every response (pure ASGI, cheap)."""

    def __init__(self, app: ASGIApp, *, hsts: bool = False):
        self.app = app
        headers = [
            (b"content-security-policy", CSP.encode()),
            (b"x-content-type-options", b"nosniff"),
            (b"x-frame-options", b"DENY"),
            (b"referrer-policy", b"no-referrer"),
            (b"cross-origin-opener-policy", b"same-origin"),
            (b"permissions-policy", b"camera=(), microphone=(), geolocation=()"),
        ]
        if hsts:
            headers.append((b"strict-transport-security", b"max-age=31536000"))
        self.headers = headers

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                existing = {k.lower() for k, _v in message.get("headers", [])}
                extra = [(k, v) for k, v in self.headers if k not in existing]
                message["headers"] = [*message.get("headers", []), *extra]
                if scope.get("path", "").startswith(("/officer", "/track", "/api")):
                    message["headers"].append((b"cache-control", b"no-store"))
            await send(message)

        await self.app(scope, receive, send_with_headers)


class RateLimiter:
    """Sliding-window counter per key (client address, username), in process memory.

    One process serves the app (``netral serve``); behind several workers each keeps its
    own window, which only loosens the limit by the number of workers.
    """

    def __init__(self, limit: int, window: float, clock=time.monotonic):
        self.limit = limit
        self.window = window
        self._clock = clock
        self._hits: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def _recent(self, key: str, now: float) -> deque[float]:
        hits = self._hits.setdefault(key, deque())
        while hits and hits[0] <= now - self.window:
            hits.popleft()
        return hits

    def blocked(self, key: str) -> bool:
        with self._lock:
            return len(self._recent(key, self._clock())) >= self.limit

    def hit(self, key: str) -> bool:
        """Count one attempt; False when the key is already over the limit (not counted)."""
        with self._lock:
            now = self._clock()
            hits = self._recent(key, now)
            if len(hits) >= self.limit:
                return False
            hits.append(now)
            if len(self._hits) > 50_000:  # forget idle keys so memory stays bounded
                for k in [k for k, v in self._hits.items() if not v][:25_000]:
                    del self._hits[k]
            return True

    def retry_after(self, key: str) -> int:
        with self._lock:
            hits = self._recent(key, self._clock())
            if len(hits) < self.limit:
                return 0
            return max(1, int(hits[0] + self.window - self._clock()) + 1)

    def reset(self, key: str) -> None:
        with self._lock:
            self._hits.pop(key, None)


class LoginThrottle:
    """Locks a client address and a username after repeated failed logins."""

    def __init__(self, failures: int, window: float, clock=time.monotonic):
        self.by_client = RateLimiter(failures, window, clock)
        self.by_user = RateLimiter(failures, window, clock)

    def locked(self, client: str, username: str) -> bool:
        return self.by_client.blocked(client) or self.by_user.blocked(username.lower())

    def failed(self, client: str, username: str) -> None:
        self.by_client.hit(client)
        self.by_user.hit(username.lower())

    def succeeded(self, client: str, username: str) -> None:
        self.by_user.reset(username.lower())


def client_key(request: Request) -> str:
    return request.client.host if request.client else "unknown"


class BodyLimitMiddleware:
    """Refuses request bodies over ``limit`` bytes with 413, before anything parses them."""

    def __init__(self, app: ASGIApp, *, limit: int):
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers", [])).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.limit:
            await _too_large(send)
            return
        received = 0

        async def counted() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.limit:
                    # A chunked body without a length: stop reading, as if the client left.
                    return {"type": "http.disconnect"}
            return message

        await self.app(scope, counted, send)


async def _too_large(send: Send) -> None:
    await send({"type": "http.response.start", "status": 413,
                "headers": [(b"content-type", b"text/plain; charset=utf-8")]})
    await send({"type": "http.response.body", "body": b"413 Request Entity Too Large"})


# Evidence types are decided from the bytes, never from the name or the browser's claim.
_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"%PDF-", "application/pdf"),
)


def sniff_media_type(head: bytes) -> str | None:
    for magic, media_type in _MAGIC:
        if head.startswith(magic):
            return media_type
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "image/webp"
    if b"\0" not in head:
        try:
            head.decode("utf-8")
        except UnicodeDecodeError as exc:
            if exc.start < len(head) - 4:  # a multi-byte character cut at the end is fine
                return None
        return "text/plain"
    return None
