"""Tracking: a reporter follows the status and talks to the officer with only the code.

The code travels in a POST body and then lives in the (signed, HttpOnly) session, never in a
URL, so it does not leak through history, logs or the Referer header.
"""

from __future__ import annotations

from fastapi import APIRouter, Depends, File, Form, HTTPException, Request, UploadFile
from fastapi.responses import RedirectResponse, Response

from netral.cases.service import CaseError, NotFound
from netral.cases.tracking import normalise_tracking_code
from netral.web.deps import service, session_actor, templates
from netral.web.routes.complaints import UploadRejected, check_uploads
from netral.web.security import client_key, csrf_protect
from netral.web.templating import gettext as _

router = APIRouter(dependencies=[Depends(csrf_protect)], include_in_schema=False)


@router.get("/track")
def track_form(request: Request, tpl=Depends(templates)) -> Response:
    session_actor(request)
    if request.session.get("track"):
        return RedirectResponse("/track/status", status_code=303)
    return tpl.render(request, "tracking/form.html", {})


@router.post("/track")
def track_lookup(request: Request, code: str = Form("", max_length=40), svc=Depends(service),
                 tpl=Depends(templates)) -> Response:
    session_actor(request)
    limiter = request.app.state.scan_limit  # guessing codes is throttled like scanning
    if not limiter.hit("track:" + client_key(request)):
        raise HTTPException(status_code=429)
    canonical = normalise_tracking_code(code)
    try:
        if canonical is None:
            raise NotFound(code)
        svc.report_status(canonical)
    except NotFound:
        return tpl.render(request, "tracking/form.html", {
            "error": _("No report has this tracking code. Check the code and try again."),
            "code": code}, status_code=404)
    request.session["track"] = canonical
    return RedirectResponse("/track/status", status_code=303)


@router.get("/track/status")
def track_status(request: Request, svc=Depends(service), tpl=Depends(templates),
                 notice: str = "") -> Response:
    session_actor(request)
    code = request.session.get("track")
    if not code:
        return RedirectResponse("/track", status_code=303)
    try:
        status = svc.report_status(code)
    except NotFound:
        request.session.pop("track", None)
        return RedirectResponse("/track", status_code=303)
    messages = request.app.state.messages.for_reporter(svc, code)
    partial = bool(request.headers.get("hx-request"))
    return tpl.render(request, "tracking/_thread.html" if partial else "tracking/status.html", {
        "status": status, "messages": messages, "notice": notice})


@router.post("/track/messages")
def track_message(request: Request, body: str = Form("", max_length=2000), svc=Depends(service),
                  tpl=Depends(templates)) -> Response:
    session_actor(request)
    code = request.session.get("track")
    if not code:
        return RedirectResponse("/track", status_code=303)
    if not request.app.state.message_limit.hit("msg:" + code):
        raise HTTPException(status_code=429)
    notice = ""
    try:
        request.app.state.messages.send_as_reporter(svc, code, body)
    except CaseError:
        notice = _("Write a message first.")
    if request.headers.get("hx-request"):
        return tpl.render(request, "tracking/_thread.html", {
            "messages": request.app.state.messages.for_reporter(svc, code), "notice": notice,
            "status": svc.report_status(code)})
    return RedirectResponse("/track/status", status_code=303)


@router.post("/track/evidence")
def track_evidence(request: Request, evidence: list[UploadFile] | None = File(None),
                   svc=Depends(service), tpl=Depends(templates)) -> Response:
    session_actor(request)
    code = request.session.get("track")
    if not code:
        return RedirectResponse("/track", status_code=303)
    if not request.app.state.complaint_limit.hit(client_key(request)):
        raise HTTPException(status_code=429)
    try:
        uploads = check_uploads(request.app.state.settings, list(evidence or []))
        for upload in uploads:
            svc.add_evidence_by_tracking_code(code, upload)
    except (UploadRejected, CaseError) as exc:
        status = svc.report_status(code)
        return tpl.render(request, "tracking/status.html", {
            "status": status, "error": str(exc),
            "messages": request.app.state.messages.for_reporter(svc, code)}, status_code=400)
    return RedirectResponse("/track/status?notice=evidence", status_code=303)


@router.post("/track/forget")
def track_forget(request: Request) -> Response:
    request.session.pop("track", None)
    return RedirectResponse("/track", status_code=303)
