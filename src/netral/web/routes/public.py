"""Public pages: home, what ASN may and may not do (from the rulebook), language switch."""

from __future__ import annotations

from urllib.parse import urlsplit

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import RedirectResponse, Response

from netral.rulebook import Category
from netral.web.deps import rulebook, session_actor, templates
from netral.web.labels import act_view, allowed_view
from netral.web.security import csrf_protect
from netral.web.templating import LANG_COOKIE, translator

router = APIRouter(dependencies=[Depends(csrf_protect)], include_in_schema=False)

# Order of the groups on the rules page: heaviest consequences last, ethics first.
CATEGORY_ORDER = [c.value for c in Category]


@router.get("/")
def home(request: Request, rb=Depends(rulebook), tpl=Depends(templates)) -> Response:
    session_actor(request)
    locale = translator().locale
    return tpl.render(request, "public/home.html", {
        "acts_count": len(rb.acts), "allowed_count": len(rb.allowed),
        "version": rb.version, "manifest": rb.manifest.description.get(locale)})


@router.get("/rules")
def rules(request: Request, rb=Depends(rulebook), tpl=Depends(templates)) -> Response:
    session_actor(request)
    locale = translator().locale
    acts = [act_view(rb, a, locale) for a in rb.acts]
    groups = [(cat, [a for a in acts if a.category == cat]) for cat in CATEGORY_ORDER]
    return tpl.render(request, "public/rules.html", {
        "groups": [(c, items) for c, items in groups if items],
        "allowed": [allowed_view(rb, a, locale) for a in rb.allowed],
        "version": rb.version})


@router.get("/rules/{act_id}")
def rule(act_id: str, request: Request, rb=Depends(rulebook), tpl=Depends(templates)) -> Response:
    session_actor(request)
    try:
        act = rb.act(act_id)
    except KeyError:
        raise HTTPException(status_code=404) from None
    return tpl.render(request, "public/rule.html",
                      {"act": act_view(rb, act, translator().locale), "version": rb.version})


@router.get("/lang/{code}")
def switch_language(code: str, request: Request, next: str = "/") -> Response:
    target = urlsplit(next)
    # Only local paths: the switch must not become an open redirect.
    local = target.path.startswith("/") and not target.path.startswith(("//", "/\\"))
    path = target.path if local and not target.netloc else "/"
    if target.query:
        path += "?" + target.query
    response = RedirectResponse(path, status_code=303)
    response.set_cookie(LANG_COOKIE, "en" if code == "en" else "id", max_age=365 * 86400,
                        httponly=True, samesite="lax",
                        secure=request.app.state.settings.https_only)
    return response


@router.get("/healthz", include_in_schema=False)
def health() -> dict[str, str]:
    return {"status": "ok"}
