"""Public complaint form: anonymous allowed, contact encrypted, evidence checked, text screened."""

from __future__ import annotations

from dataclasses import dataclass

from fastapi import APIRouter, Depends, File, Form, HTTPException, Request, UploadFile
from fastapi.responses import Response
from starlette.datastructures import UploadFile as StarletteUpload

from netral.cases.models import Channel, ReporterIdentity
from netral.cases.roles import Actor
from netral.cases.service import CaseError, EvidenceUpload, SubmittedReport
from netral.web.deps import rulebook, selfchecker, service, session_actor, templates
from netral.web.labels import act_view
from netral.web.screening import answer_findings
from netral.web.security import client_key, csrf_protect, sniff_media_type
from netral.web.settings import WebSettings
from netral.web.templating import gettext as _
from netral.web.templating import translator

router = APIRouter(dependencies=[Depends(csrf_protect)], include_in_schema=False)
MAX_TEXT = 10_000


class UploadRejected(ValueError):
    pass


@dataclass(frozen=True, slots=True)
class ComplaintInput:
    description: str
    reported_person: str = ""
    reported_nip: str = ""
    name: str = ""
    phone: str = ""
    email: str = ""


def check_uploads(settings: WebSettings, files: list[UploadFile]) -> list[EvidenceUpload]:
    """Evidence the limits allow, typed from the bytes; raises `UploadRejected` with a reason."""
    chosen = [f for f in files if isinstance(f, StarletteUpload) and f.filename]
    if len(chosen) > settings.max_uploads:
        raise UploadRejected(_("At most {n} files can be attached.", n=settings.max_uploads))
    uploads = []
    for upload in chosen:
        size = upload.size
        if size is None:
            upload.file.seek(0, 2)
            size = upload.file.tell()
        upload.file.seek(0)
        if size > settings.max_upload_bytes:
            raise UploadRejected(_("{name} is larger than {mb} MB.", name=upload.filename,
                                   mb=settings.max_upload_bytes // (1024 * 1024)))
        if size == 0:
            raise UploadRejected(_("{name} is empty.", name=upload.filename))
        media_type = sniff_media_type(upload.file.read(512))
        upload.file.seek(0)
        if media_type not in settings.upload_types:
            raise UploadRejected(_("{name} is not a picture (PNG, JPEG, WebP), PDF or text file.",
                                   name=upload.filename))
        uploads.append(EvidenceUpload(upload.filename or "evidence", upload.file, media_type))
    return uploads


def submit_complaint(request: Request, data: ComplaintInput, uploads: list[EvidenceUpload],
                     channel: Channel = Channel.WEB):
    """Screen the text and file the report as the public; returns (submitted, answer)."""
    app = request.app.state
    answer = app.selfcheck.check(data.description)
    findings = answer_findings(app.rulebook, answer)
    identity = ReporterIdentity(name=data.name.strip(), phone=data.phone.strip(),
                                email=data.email.strip())
    anonymous = not identity.as_dict()
    submitted: SubmittedReport = app.service.submit_report(
        Actor.public(), data.description, channel=channel,
        reporter=None if anonymous else identity, anonymous=anonymous,
        reported_person=data.reported_person or None, reported_nip=data.reported_nip or None,
        evidence=uploads,
        screening_id=answer.screening.id if answer.screening else "web-complaint",
        findings=findings)
    return submitted, answer


@router.get("/complaint")
def form(request: Request, tpl=Depends(templates)) -> Response:
    session_actor(request)
    return tpl.render(request, "complaints/form.html", {"form": ComplaintInput("")})


@router.post("/complaint")
def submit(
    request: Request,
    description: str = Form("", max_length=MAX_TEXT),
    reported_person: str = Form("", max_length=500),
    reported_nip: str = Form("", max_length=40),
    name: str = Form("", max_length=200),
    phone: str = Form("", max_length=50),
    email: str = Form("", max_length=200),
    evidence: list[UploadFile] | None = File(None),
    rb=Depends(rulebook), svc=Depends(service), checker=Depends(selfchecker),
    tpl=Depends(templates),
) -> Response:
    session_actor(request)
    settings: WebSettings = request.app.state.settings
    data = ComplaintInput(description, reported_person, reported_nip, name, phone, email)
    limiter = request.app.state.complaint_limit
    client = client_key(request)
    if limiter.blocked(client):
        raise HTTPException(status_code=429, headers={"Retry-After":
                                                      str(limiter.retry_after(client))})
    try:
        uploads = check_uploads(settings, list(evidence or []))
        limiter.hit(client)
        submitted, answer = submit_complaint(request, data, uploads)
    except (UploadRejected, CaseError) as exc:
        message = str(exc) if isinstance(exc, UploadRejected) else case_error_text(str(exc))
        return tpl.render(request, "complaints/form.html", {"form": data, "error": message},
                          status_code=400)
    request.session["track"] = submitted.tracking_code
    locale = translator().locale
    return tpl.render(request, "complaints/done.html", {
        "code": submitted.tracking_code, "anonymous": not (name or phone or email),
        "acts": [act_view(rb, m.act, locale) for m in answer.acts[:3]],
        "verdict": answer.verdict.value, "evidence_count": len(uploads)})


def case_error_text(message: str) -> str:
    """The service's refusals, in the reader's language where we know them."""
    if message.startswith("describe what happened"):
        return _("Describe what happened in at least 10 characters.")
    if message.startswith("NIP"):
        return _("The NIP is not valid: {detail}", detail=message)
    if "larger than" in message:
        return _("A file is too large.")
    return _("The report could not be filed: {detail}", detail=message)
