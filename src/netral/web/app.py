"""The web app factory: ``create_app(settings)`` wires rulebook, case service and routes."""

from __future__ import annotations

import logging
from contextlib import asynccontextmanager

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException
from starlette.middleware.sessions import SessionMiddleware

from netral import __version__
from netral.cases.crypto import IdentityCipher, load_or_create_key
from netral.cases.service import CaseService
from netral.i18n import N_
from netral.rulebook import Rulebook, load_rulebook
from netral.screening.selfcheck import SelfChecker
from netral.storage.blobs import FileBlobStore
from netral.storage.db import make_engine
from netral.storage.migrate import upgrade
from netral.storage.repository import SqlCaseStore
from netral.web import routes
from netral.web.casebook import Casebook
from netral.web.messages import MessageStore
from netral.web.screening import load_screener
from netral.web.security import (
    LoginThrottle,
    RateLimiter,
    SecurityHeadersMiddleware,
    session_secret,
)
from netral.web.settings import WebSettings
from netral.web.templating import LANG_COOKIE, Templates, request_locale, static_dir, use_translator

log = logging.getLogger("netral.web")


_AUTO = object()


def create_app(settings: WebSettings | None = None, *, rulebook: Rulebook | None = None,
               service: CaseService | None = None, screener: object = _AUTO) -> FastAPI:
    """The app. Tests pass their own ``service`` and ``screener`` (None: rule cues only)."""
    settings = settings or WebSettings()
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    rulebook = rulebook or load_rulebook(settings.rulebook)
    if service is None:
        engine = make_engine(settings.effective_database_url)
        upgrade(engine)
        key = load_or_create_key(settings.data_dir,
                                 {"NETRAL_SECRET_KEY": settings.secret_key}
                                 if settings.secret_key else None)
        service = CaseService(SqlCaseStore(engine), FileBlobStore(settings.data_dir / "evidence"),
                              IdentityCipher(key), rulebook)
    store = service.store
    engine = store.engine  # type: ignore[attr-defined]
    messages = MessageStore(engine)

    @asynccontextmanager
    async def lifespan(_app: FastAPI):
        yield
        engine.dispose()

    app = FastAPI(
        title="Netral",
        version=__version__,
        description="Netral: ASN election-neutrality oversight (public API v1).",
        docs_url=None,  # Swagger UI would load scripts from a CDN; the schema is enough
        redoc_url=None,
        openapi_url="/openapi.json",
        lifespan=lifespan,
    )
    if screener is _AUTO:
        screener = load_screener(rulebook)
    app.state.settings = settings
    app.state.rulebook = rulebook
    app.state.service = service
    app.state.screener = screener
    app.state.selfcheck = SelfChecker(rulebook, screener)
    app.state.templates = Templates()
    app.state.templates.env.globals.update(template_helpers(rulebook))
    app.state.messages = messages
    app.state.casebook = Casebook(service, messages)
    app.state.actor_cache = {}
    app.state.complaint_limit = RateLimiter(settings.complaint_rate, settings.complaint_window)
    app.state.scan_limit = RateLimiter(settings.api_scan_rate, settings.api_scan_window)
    app.state.message_limit = RateLimiter(30, 3600)
    app.state.login_throttle = LoginThrottle(settings.login_failures, settings.login_window)
    secret = session_secret(settings.secret_key, settings.data_dir)
    app.state.secret = secret

    @app.middleware("http")
    async def locale_middleware(request: Request, call_next):
        locale = request_locale(request)
        use_translator(locale)
        request.state.locale = locale
        request.state.user = None
        response = await call_next(request)
        if request.query_params.get("lang") and request.cookies.get(LANG_COOKIE) != locale:
            response.set_cookie(LANG_COOKIE, locale, max_age=365 * 86400, httponly=True,
                                samesite="lax", secure=settings.https_only)
        return response

    # Order: the last added runs first. Headers wrap everything, sessions wrap the routes.
    app.add_middleware(SessionMiddleware, secret_key=secret, session_cookie="netral_session",
                       max_age=settings.session_max_age, same_site="lax",
                       https_only=settings.https_only)
    app.add_middleware(SecurityHeadersMiddleware, hsts=settings.https_only)

    app.mount("/static", StaticFiles(directory=str(static_dir())), name="static")
    for router in routes.ROUTERS:
        app.include_router(router)
    _install_error_pages(app)
    return app


def template_helpers(rulebook: Rulebook) -> dict:
    from netral.web import labels
    from netral.web.templating import translator

    return {
        "status_label": labels.status_label,
        "status_public": labels.status_public,
        "action_label": labels.action_label,
        "role_label": labels.role_label,
        "category_label": labels.category_label,
        "sanction_level_label": labels.sanction_level_label,
        "act_title": lambda act_id: labels.act_title(rulebook, act_id, translator().locale),
        "contestant_label": lambda cid: labels.contestant_label(rulebook, cid),
        "app_version": __version__,
    }


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/") or request.url.path == "/openapi.json"


def _install_error_pages(app: FastAPI) -> None:
    from netral.web.templating import gettext as _

    titles = {
        400: N_("The request could not be read."),
        401: N_("Please log in first."),
        403: N_("You may not do this."),
        404: N_("Page not found."),
        405: N_("This page cannot be used this way."),
        413: N_("The upload is too large."),
        429: N_("Too many attempts. Please wait a moment and try again."),
    }

    def page(request: Request, status: int, message: str | None = None) -> Response:
        templates: Templates = request.app.state.templates
        if message is None:
            message = _(titles.get(status, N_("Something went wrong on our side.")))
        return templates.render(request, "error.html", {"status": status, "message": message},
                                status_code=status)

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> Response:
        if _wants_json(request):
            return JSONResponse({"detail": exc.detail}, status_code=exc.status_code,
                                headers=getattr(exc, "headers", None))
        if exc.status_code in (401,) and request.url.path.startswith(("/officer", "/dashboard")):
            return RedirectResponse(f"/login?next={request.url.path}", status_code=303)
        message = None
        if exc.detail == "csrf":
            message = _("The form expired. Reload the page and send it again.")
        return page(request, exc.status_code, message)

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> Response:
        if _wants_json(request):
            return JSONResponse({"detail": jsonable_errors(exc)}, status_code=422)
        return page(request, 400)

    @app.exception_handler(Exception)
    async def crash(request: Request, exc: Exception) -> Response:
        # Users never see a stack trace; the log keeps it.
        log.exception("unhandled error on %s %s", request.method, request.url.path)
        if _wants_json(request):
            return JSONResponse({"detail": "internal error"}, status_code=500)
        return page(request, 500, _("Something went wrong on our side. Please try again."))


def jsonable_errors(exc: RequestValidationError) -> list[dict]:
    return [{"loc": list(e.get("loc", [])), "msg": str(e.get("msg", "")),
             "type": str(e.get("type", ""))} for e in exc.errors()]
