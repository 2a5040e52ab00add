"""JSON API v1: scan text, self-check, submit a report, track it; cases for officers (token)."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from fastapi import APIRouter, Depends, HTTPException, Request
from pydantic import BaseModel, Field

from netral.cases.roles import Actor, PermissionDenied
from netral.cases.service import CaseError, NotFound, TransitionError
from netral.cases.workflow import CaseStatus
from netral.screening.models import Action, Post
from netral.web.casebook import Filters
from netral.web.deps import RowId, api_officer, issue_token
from netral.web.routes.complaints import ComplaintInput, submit_complaint
from netral.web.routes.officer import today
from netral.web.security import client_key
from netral.web.templating import translator

router = APIRouter(prefix="/api/v1", tags=["v1"])


class ScanIn(BaseModel):
    text: str = Field(min_length=1, max_length=10_000)
    platform: str | None = Field(None, max_length=40)
    action: Action = Action.POST
    target_text: str | None = Field(None, max_length=10_000)


class SpanOut(BaseModel):
    start: int
    end: int
    text: str


class RuleOut(BaseModel):
    act: str
    code: str
    title: str
    category: str
    sanction: str
    citations: list[str]
    evidence: list[SpanOut]


class ScanOut(BaseModel):
    verdict: Literal["allowed", "not_allowed", "depends", "unknown"]
    partisan: bool | None = None
    contestants: list[str] = []
    rules: list[RuleOut]
    allowed: list[str]
    explanation: str | None = None
    rulebook_version: str


class SelfCheckIn(BaseModel):
    question: str = Field(min_length=1, max_length=5_000)


class ReportIn(BaseModel):
    description: str = Field(min_length=10, max_length=10_000)
    reported_person: str | None = Field(None, max_length=500)
    reported_nip: str | None = Field(None, max_length=40)
    name: str | None = Field(None, max_length=200)
    phone: str | None = Field(None, max_length=50)
    email: str | None = Field(None, max_length=200)


class ReportOut(BaseModel):
    tracking_code: str
    rules: list[RuleOut]


class TrackIn(BaseModel):
    code: str = Field(min_length=1, max_length=40)


class MessageOut(BaseModel):
    sender: Literal["reporter", "officer"]
    body: str
    at: dt.datetime


class TrackOut(BaseModel):
    tracking_code: str
    status: CaseStatus
    received_at: dt.datetime
    updated_at: dt.datetime
    messages: list[MessageOut]


class TokenIn(BaseModel):
    username: str = Field(min_length=1, max_length=100)
    password: str = Field(min_length=1, max_length=200)


class TokenOut(BaseModel):
    access_token: str
    token_type: Literal["bearer"] = "bearer"
    role: str


class CaseOut(BaseModel):
    id: int
    status: CaseStatus
    tracking_code: str
    received_at: dt.datetime
    updated_at: dt.datetime
    due_date: dt.date | None
    overdue: bool
    agency: str | None
    region: str | None
    acts: list[str]
    contestants: list[str]


class CaseDetailOut(CaseOut):
    description: str
    reported_person: str | None
    next_moves: list[CaseStatus]
    evidence: list[str]
    transitions: list[dict]


class TransitionIn(BaseModel):
    target: CaseStatus
    reason: str = Field(min_length=1, max_length=2000)
    agency_code: str | None = Field(None, max_length=64)
    reported_nip: str | None = Field(None, max_length=40)
    acts: list[str] = Field(default_factory=list, max_length=30)
    decree_number: str | None = Field(None, max_length=200)
    note: str = Field("", max_length=5000)


def _rules(request: Request, answer) -> list[RuleOut]:
    rb = request.app.state.rulebook
    locale = translator().locale
    out = []
    for m in answer.acts:
        act = m.act
        out.append(RuleOut(
            act=act.id, code=act.code, title=act.title.get(locale), category=str(act.category),
            sanction=act.sanction.get(locale),
            citations=[rb.cite(c.law, c.article) for c in act.citations],
            evidence=[SpanOut(start=s.start, end=s.end, text=s.text) for s in m.spans]))
    return out


def _limit(request: Request, limiter_name: str, prefix: str) -> None:
    limiter = getattr(request.app.state, limiter_name)
    key = prefix + client_key(request)
    if not limiter.hit(key):
        raise HTTPException(status_code=429, detail="too many requests",
                            headers={"Retry-After": str(limiter.retry_after(key))})


@router.post("/scan", response_model=ScanOut, summary="Screen a post or a description")
def scan(body: ScanIn, request: Request) -> ScanOut:
    _limit(request, "scan_limit", "scan:")
    state = request.app.state
    screening = None
    if state.screener is not None:
        screening = state.screener.screen(Post(id="api-scan", text=body.text,
                                               platform=body.platform, action=body.action,
                                               target_text=body.target_text))
    answer = state.selfcheck.check(body.text)
    return ScanOut(
        verdict=answer.verdict.value, rules=_rules(request, answer),
        partisan=screening.partisan if screening else None,
        contestants=screening.contestants if screening else [],
        explanation=screening.explanation if screening else None,
        allowed=[m.allowed.id for m in answer.allowed], rulebook_version=state.rulebook.version)


@router.post("/self-check", response_model=ScanOut, summary="May an ASN do this?")
def self_check(body: SelfCheckIn, request: Request) -> ScanOut:
    _limit(request, "scan_limit", "scan:")
    answer = request.app.state.selfcheck.check(body.question)
    return ScanOut(verdict=answer.verdict.value, rules=_rules(request, answer),
                   allowed=[m.allowed.id for m in answer.allowed],
                   rulebook_version=request.app.state.rulebook.version)


@router.post("/reports", response_model=ReportOut, status_code=201,
             summary="Submit a complaint (anonymous unless contact details are given)")
def submit_report(body: ReportIn, request: Request) -> ReportOut:
    _limit(request, "complaint_limit", "")
    data = ComplaintInput(body.description, body.reported_person or "", body.reported_nip or "",
                          body.name or "", body.phone or "", body.email or "")
    try:
        submitted, answer = submit_complaint(request, data, [])
    except CaseError as exc:
        raise HTTPException(status_code=422, detail=str(exc)) from None
    return ReportOut(tracking_code=submitted.tracking_code, rules=_rules(request, answer)[:3])


@router.post("/track", response_model=TrackOut, summary="Status and messages of a report")
def track(body: TrackIn, request: Request) -> TrackOut:
    _limit(request, "scan_limit", "track:")
    svc = request.app.state.service
    try:
        status = svc.report_status(body.code)
        messages = request.app.state.messages.for_reporter(svc, status.tracking_code)
    except NotFound:
        raise HTTPException(status_code=404, detail="unknown tracking code") from None
    return TrackOut(tracking_code=status.tracking_code, status=status.status,
                    received_at=status.received_at, updated_at=status.updated_at,
                    messages=[MessageOut(sender=m.sender, body=m.body, at=m.at)  # type: ignore[arg-type]
                              for m in messages])


@router.post("/token", response_model=TokenOut, summary="Officer token (Bearer)")
def token(body: TokenIn, request: Request) -> TokenOut:
    throttle = request.app.state.login_throttle
    client = client_key(request)
    if throttle.locked(client, body.username):
        raise HTTPException(status_code=429, detail="too many failed log-ins")
    actor = request.app.state.service.authenticate(body.username, body.password)
    if actor is None:
        throttle.failed(client, body.username)
        raise HTTPException(status_code=401, detail="wrong user name or password")
    throttle.succeeded(client, body.username)
    return TokenOut(access_token=issue_token(request, actor), role=actor.role.value)


def _case_out(row, day: dt.date) -> dict:
    return {"id": row.id, "status": row.status, "tracking_code": row.tracking_code,
            "received_at": row.received_at, "updated_at": row.updated_at,
            "due_date": row.due_date, "overdue": row.overdue(day),
            "agency": row.agency.code if row.agency else None, "region": row.region_code,
            "acts": row.acts, "contestants": row.contestants}


@router.get("/cases", response_model=list[CaseOut], summary="Cases the officer may see")
def list_cases(request: Request, actor: Actor = Depends(api_officer),
               status: CaseStatus | None = None, agency: str = "", region: str = "",
               act: str = "", contestant: str = "", overdue: bool = False,
               limit: int = 100, offset: int = 0) -> list[dict]:
    limit = max(1, min(limit, 500))
    offset = max(0, offset)
    day = today(request)
    filters = Filters(status.value if status else "", agency[:64], region[:16], act[:100],
                      contestant[:100], overdue)
    rows = request.app.state.casebook.query(actor, filters, day)
    return [_case_out(r, day) for r in rows[offset:offset + limit]]


@router.get("/cases/{case_id}", response_model=CaseDetailOut, summary="One case")
def get_case(case_id: RowId, request: Request, actor: Actor = Depends(api_officer)) -> dict:
    svc = request.app.state.service
    try:
        view = svc.show_case(actor, case_id)
    except NotFound:
        raise HTTPException(status_code=404, detail="no such case") from None
    day = today(request)
    row = next((r for r in request.app.state.casebook.visible(actor) if r.id == case_id), None)
    if row is None:
        raise HTTPException(status_code=404, detail="no such case")
    return {**_case_out(row, day), "description": view.report.description,
            "reported_person": view.report.reported_person_text,
            "next_moves": view.next_moves,
            "evidence": [f"{e.original_name} ({e.media_type}, {e.size} B)" for e in view.evidence],
            "transitions": [{"from": t.source.value, "to": t.target.value, "actor": t.actor,
                             "reason": t.reason, "at": t.at.isoformat()}
                            for t in view.transitions]}


@router.post("/cases/{case_id}/transitions", response_model=CaseOut,
             summary="Move a case along the workflow")
def transition(case_id: RowId, body: TransitionIn, request: Request,
               actor: Actor = Depends(api_officer)) -> dict:
    svc = request.app.state.service
    try:
        svc.transition_case(actor, case_id, body.target, body.reason,
                            agency_code=body.agency_code, reported_nip=body.reported_nip,
                            act_ids=body.acts, decree_number=body.decree_number, note=body.note)
    except NotFound:
        raise HTTPException(status_code=404, detail="no such case") from None
    except PermissionDenied as exc:
        raise HTTPException(status_code=403, detail=str(exc)) from None
    except (TransitionError, CaseError, ValueError) as exc:
        raise HTTPException(status_code=409, detail=str(exc)) from None
    day = today(request)
    row = next((r for r in request.app.state.casebook.visible(actor) if r.id == case_id), None)
    if row is None:
        raise HTTPException(status_code=404, detail="no such case")
    return _case_out(row, day)
