"""Self-check: an ASN asks "boleh?" and gets allowed / not allowed with rule and citation."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import Response

from netral.screening.selfcheck import SelfCheckAnswer
from netral.web.deps import rulebook, selfchecker, session_actor, templates
from netral.web.labels import act_view, allowed_view
from netral.web.security import csrf_protect
from netral.web.templating import translator

router = APIRouter(dependencies=[Depends(csrf_protect)], include_in_schema=False)
MAX_QUESTION = 5000

EXAMPLES = [
    "Boleh saya like postingan capres?",
    "Bolehkah ASN datang ke TPS?",
    "Saya diajak jadi tim sukses paslon bupati",
    "Bolehkah share jadwal KPU?",
]


def answer_context(rb, answer: SelfCheckAnswer) -> dict:
    locale = translator().locale
    return {
        "answer": answer,
        "acts": [act_view(rb, m.act, locale) for m in answer.acts],
        "allowed": [allowed_view(rb, m.allowed, locale) for m in answer.allowed],
        "spans": [(s.start, s.end) for s in answer.spans],
    }


@router.get("/self-check")
def form(request: Request, tpl=Depends(templates)) -> Response:
    session_actor(request)
    return tpl.render(request, "selfcheck/form.html", {"question": "", "examples": EXAMPLES})


@router.post("/self-check")
def check(request: Request, question: str = Form("", max_length=MAX_QUESTION),
          rb=Depends(rulebook), checker=Depends(selfchecker), tpl=Depends(templates)) -> Response:
    session_actor(request)
    context = {"question": question, "examples": EXAMPLES}
    if question.strip():
        context.update(answer_context(rb, checker.check(question)))
    if request.headers.get("hx-request"):
        return tpl.render(request, "selfcheck/_answer.html", context)
    return tpl.render(request, "selfcheck/form.html", context)
