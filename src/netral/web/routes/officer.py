"""Officer workspace: log-in, the queue, the case page, transitions, messages, the letter."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Form, HTTPException, Query, Request
from fastapi.responses import RedirectResponse, Response

from netral.cases.roles import Actor, PermissionDenied
from netral.cases.service import CaseError, NotFound, TransitionError
from netral.cases.workflow import CaseStatus, Requirement
from netral.web import audit
from netral.web.casebook import Filters
from netral.web.deps import (
    RowId,
    audit_head,
    officer,
    rulebook,
    service,
    session_actor,
    templates,
)
from netral.web.labels import act_view, contestant_label
from netral.web.messages import MESSAGE_ROLES
from netral.web.pdf import recommendation_pdf
from netral.web.security import client_key, csrf_protect
from netral.web.templating import gettext as _
from netral.web.templating import translator

router = APIRouter(dependencies=[Depends(csrf_protect)], include_in_schema=False)
PAGE_SIZE = 50


def today(request: Request) -> dt.date:
    return request.app.state.service.clock().date()


# ---------------------------------------------------------------------- log-in
def _safe_next(target: str) -> str:
    if target.startswith("/") and not target.startswith(("//", "/\\")):
        return target
    return "/officer"


@router.get("/login")
def login_form(request: Request, next: str = "/officer", tpl=Depends(templates)) -> Response:
    session_actor(request)
    return tpl.render(request, "officer/login.html", {"next": _safe_next(next)})


@router.post("/login")
def login(request: Request, username: str = Form("", max_length=100),
          password: str = Form("", max_length=200), next: str = Form("/officer"),
          svc=Depends(service), tpl=Depends(templates)) -> Response:
    throttle = request.app.state.login_throttle
    client = client_key(request)
    if throttle.locked(client, username):
        return tpl.render(request, "officer/login.html", {
            "next": _safe_next(next), "username": username,
            "error": _("Too many failed log-ins. Wait 15 minutes and try again.")},
            status_code=429)
    actor = svc.authenticate(username, password) if username and password else None
    if actor is None:
        throttle.failed(client, username)
        audit.record(svc, "public", "login.fail", "user", username[:100], {"client": client})
        return tpl.render(request, "officer/login.html", {
            "next": _safe_next(next), "username": username,
            "error": _("Wrong user name or password.")}, status_code=401)
    throttle.succeeded(client, username)
    # A fresh session on log-in: nothing from before (not even the CSRF token) carries over.
    lang = request.session.get("lang")
    request.session.clear()
    if lang:
        request.session["lang"] = lang
    request.session["user"] = actor.username
    audit.record(svc, actor.username, "login", "user", actor.username, {"client": client})
    return RedirectResponse(_safe_next(next), status_code=303)


@router.post("/logout")
def logout(request: Request, svc=Depends(service)) -> Response:
    actor = session_actor(request)
    if actor is not None:
        audit.record(svc, actor.username, "logout", "user", actor.username, {})
    request.session.clear()
    return RedirectResponse("/", status_code=303)


# ---------------------------------------------------------------------- queue
def read_filters(status: str = "", agency: str = "", region: str = "", act: str = "",
                 contestant: str = "", overdue: str = "", q: str = "") -> Filters:
    valid_status = status if status in {s.value for s in CaseStatus} else ""
    return Filters(valid_status, agency[:64], region[:16], act[:100], contestant[:100],
                   overdue in {"1", "on", "true"}, q[:200])


def filter_options(request: Request, rows) -> dict:
    rb = request.app.state.rulebook
    book = request.app.state.casebook
    locale = translator().locale
    acts = sorted({a for r in rows for a in r.acts})
    contestants = sorted({c for r in rows for c in r.contestants})
    return {
        "statuses": [s.value for s in CaseStatus],
        "agencies": [a for a in book.agencies() if a.kind != "unit"],
        "regions": book.regions(),
        "acts": [(a, f"{rb.act(a).code} {rb.act(a).title.get(locale)}") for a in acts
                 if _known(rb, a)],
        "contestants": [(c, contestant_label(rb, c)) for c in contestants],
    }


def _known(rb, act_id: str) -> bool:
    try:
        rb.act(act_id)
    except KeyError:
        return False
    return True


@router.get("/officer")
def queue(request: Request, actor: Actor = Depends(officer),
          filters: Filters = Depends(read_filters),
          page: int = Query(1, ge=1, le=10_000), tpl=Depends(templates)) -> Response:
    book = request.app.state.casebook
    day = today(request)
    visible = book.visible(actor, audit_head(request))
    rows = book.query(actor, filters, day, visible)
    start = (page - 1) * PAGE_SIZE
    context = {
        "rows": rows[start:start + PAGE_SIZE], "total": len(rows), "page": page,
        "pages": max(1, -(-len(rows) // PAGE_SIZE)), "filters": filters, "today": day,
        "query": urlencode(filters.as_query()), **filter_options(request, visible),
    }
    if request.headers.get("hx-request") and request.headers.get("hx-target") == "queue":
        return tpl.render(request, "officer/_queue_table.html", context)
    return tpl.render(request, "officer/queue.html", context)


# ---------------------------------------------------------------------- case page
@dataclass(frozen=True, slots=True)
class TimelineItem:
    at: dt.datetime
    kind: str  # "received", "transition", "evidence", "message"
    title: str
    detail: str
    actor: str


def _view(svc, actor: Actor, case_id: int):
    try:
        return svc.show_case(actor, case_id)
    except NotFound:
        raise HTTPException(status_code=404) from None
    except PermissionDenied:
        raise HTTPException(status_code=403) from None


def case_context(request: Request, actor: Actor, case_id: int) -> dict:
    from netral.web.labels import status_label

    svc = request.app.state.service
    rb = request.app.state.rulebook
    locale = translator().locale
    view = _view(svc, actor, case_id)
    messages = request.app.state.messages.for_report(svc, view.report.id)
    answer = request.app.state.selfcheck.check(view.report.description)
    timeline = [TimelineItem(view.report.received_at, "received", _("Report received"),
                             view.report.channel.value, "public")]
    for t in view.transitions:
        timeline.append(TimelineItem(t.at, "transition", f"{status_label(t.source)} → "
                                     f"{status_label(t.target)}", t.reason, t.actor))
    for ev in view.evidence:
        timeline.append(TimelineItem(ev.added_at, "evidence", _("Evidence added"),
                                     ev.original_name, ev.added_by))
    for m in messages:
        who = _("Reporter") if m.sender == "reporter" else m.author
        timeline.append(TimelineItem(m.at, "message", _("Message"), m.body, who))
    timeline.sort(key=lambda item: item.at)
    moves = svc.moves_for(actor, view.case)
    finding_acts = list(dict.fromkeys(f.act for f in view.findings))
    return {
        "view": view, "case": view.case, "report": view.report, "messages": messages,
        "timeline": timeline,
        "moves": [{"target": m.target.value,
                   "agency": Requirement.AGENCY in m.requires,
                   "acts": Requirement.ACTS in m.requires,
                   "decree": Requirement.DECREE in m.requires} for m in moves],
        "findings": [(f, act_view(rb, rb.act(f.act), locale) if _known(rb, f.act) else None,
                      contestant_label(rb, f.contestant) if f.contestant else None)
                     for f in view.findings],
        "spans": [(s.start, s.end) for s in answer.spans],
        "all_acts": [act_view(rb, a, locale) for a in rb.acts],
        "finding_acts": finding_acts,
        "agencies": request.app.state.casebook.agencies(),
        "can_message": actor.role in MESSAGE_ROLES,
        "ocr": _ocr_available(),
        "today": today(request),
        "rec_acts": [act_view(rb, rb.act(a), locale) for a in
                     (view.recommendation.act_ids if view.recommendation else []) if _known(rb, a)],
    }


def _ocr_available() -> bool:
    try:
        from netral.ocr import engine  # noqa: F401
    except ImportError:
        return False
    return True


@router.get("/officer/cases/{case_id}")
def case_page(case_id: RowId, request: Request, actor: Actor = Depends(officer),
              tpl=Depends(templates), notice: str = "") -> Response:
    context = case_context(request, actor, case_id)
    context["notice"] = notice
    return tpl.render(request, "officer/case.html", context)


@router.post("/officer/cases/{case_id}/transition")
def transition(case_id: RowId, request: Request, actor: Actor = Depends(officer),
               target: str = Form(...), reason: str = Form("", max_length=2000),
               agency_code: str = Form("", max_length=64),
               reported_nip: str = Form("", max_length=40),
               acts: list[str] = Form([]), decree_number: str = Form("", max_length=200),
               note: str = Form("", max_length=5000), svc=Depends(service),
               tpl=Depends(templates)) -> Response:
    try:
        svc.transition_case(actor, case_id, target, reason, agency_code=agency_code or None,
                            reported_nip=reported_nip or None, act_ids=acts,
                            decree_number=decree_number or None, note=note)
    except NotFound:
        raise HTTPException(status_code=404) from None
    except PermissionDenied:
        raise HTTPException(status_code=403) from None
    except (TransitionError, CaseError, ValueError) as exc:
        context = case_context(request, actor, case_id)
        context["error"] = transition_error_text(str(exc))
        return tpl.render(request, "officer/case.html", context, status_code=400)
    return RedirectResponse(f"/officer/cases/{case_id}?notice=moved", status_code=303)


def transition_error_text(message: str) -> str:
    if "needs a reason" in message:
        return _("Give a reason for this step.")
    if "agency" in message and "needs" in message:
        return _("Choose the reported ASN's agency or give a NIP from the registry.")
    if "at least one act" in message:
        return _("Choose at least one prohibited act for the recommendation.")
    if "decree" in message:
        return _("Give the PPK's decree number.")
    return _("This step could not be taken: {detail}", detail=message)


@router.post("/officer/cases/{case_id}/messages")
def case_message(case_id: RowId, request: Request, actor: Actor = Depends(officer),
                 body: str = Form("", max_length=2000), svc=Depends(service)) -> Response:
    try:
        request.app.state.messages.send_as_officer(svc, actor, case_id, body)
    except NotFound:
        raise HTTPException(status_code=404) from None
    except CaseError:
        return RedirectResponse(f"/officer/cases/{case_id}?notice=empty", status_code=303)
    return RedirectResponse(f"/officer/cases/{case_id}?notice=sent#messages", status_code=303)


@router.get("/officer/cases/{case_id}/evidence/{evidence_id}")
def evidence_file(case_id: RowId, evidence_id: RowId, request: Request,
                  actor: Actor = Depends(officer), svc=Depends(service)) -> Response:
    try:
        ev, data = svc.read_evidence(actor, evidence_id)
    except NotFound:
        raise HTTPException(status_code=404) from None
    view = _view(svc, actor, case_id)
    if ev.report_id != view.report.id:
        raise HTTPException(status_code=404)
    audit.record(svc, actor.username, "evidence.read", "evidence", evidence_id,
                 {"case": case_id})
    inline = ev.media_type in ("image/png", "image/jpeg", "image/webp", "application/pdf")
    # Served as a download with its own strict policy: an uploaded file never runs script.
    return Response(data, media_type=ev.media_type if inline else "application/octet-stream",
                    headers={"content-disposition":
                             f'{"inline" if inline else "attachment"}; filename="evidence-{ev.id}"',
                             "content-security-policy": "default-src 'none'; sandbox"})


@router.get("/officer/cases/{case_id}/letter.pdf")
def letter(case_id: RowId, request: Request, actor: Actor = Depends(officer),
           svc=Depends(service), rb=Depends(rulebook)) -> Response:
    view = _view(svc, actor, case_id)
    if view.recommendation is None:
        raise HTTPException(status_code=404)
    ppk = next((a for a in request.app.state.casebook.agencies()
                if a.id == view.recommendation.ppk_agency_id), None)
    pdf = recommendation_pdf(request, rb, view, ppk)
    audit.record(svc, actor.username, "letter.download", "case", case_id,
                 {"recommendation": view.recommendation.id})
    return Response(pdf, media_type="application/pdf", headers={
        "content-disposition": f'inline; filename="rekomendasi-kasus-{case_id}.pdf"'})


@router.post("/officer/cases/{case_id}/evidence/{evidence_id}/ocr")
def run_ocr(case_id: RowId, evidence_id: RowId, request: Request, actor: Actor = Depends(officer),
            svc=Depends(service), tpl=Depends(templates)) -> Response:
    try:
        ev, data = svc.read_evidence(actor, evidence_id)
    except NotFound:
        raise HTTPException(status_code=404) from None
    text, error, screening = "", "", None
    try:
        from netral.web.ocr import read_evidence

        state = request.app.state
        if state.screener is None:  # a site running on rule cues still screens evidence fully
            from netral.screening import Screener

            state.screener = Screener(state.rulebook)
        result, image = read_evidence(data, ev.sha256, state.settings.data_dir, state.screener)
        text, screening = result.text, image.screening
    except Exception as exc:  # OCR missing or failing is shown, never fatal
        error = _("The text could not be read: {detail}", detail=type(exc).__name__)
    audit.record(svc, actor.username, "evidence.ocr", "evidence", evidence_id,
                 {"case": case_id, "characters": len(text),
                  "partisan": bool(screening and screening.partisan)})
    rb = request.app.state.rulebook
    spans = sorted({(e.start, e.end) for f in screening.findings for e in f.evidence
                    if e.field == "text"}) if screening else []
    return tpl.render(request, "officer/_ocr.html", {
        "text": text, "error": error, "evidence": ev, "spans": spans,
        "explanation": screening.explanation if screening else "",
        "acts": [act_view(rb, rb.act(a), translator().locale) for a in screening.acts[:3]]
        if screening else []})
