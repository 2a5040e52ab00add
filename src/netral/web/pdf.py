"""The recommendation letter to the PPK as PDF (WeasyPrint, fonts from the system)."""

from __future__ import annotations

from fastapi import Request
from weasyprint import HTML

from netral.cases.models import Agency, CaseView
from netral.rulebook import Rulebook
from netral.web.labels import act_view
from netral.web.templating import static_dir, translator


def recommendation_pdf(request: Request, rb: Rulebook, view: CaseView,
                       ppk: Agency | None) -> bytes:
    rec = view.recommendation
    assert rec is not None
    locale = translator().locale
    acts = [act_view(rb, rb.act(a), locale) for a in rec.act_ids]
    templates = request.app.state.templates
    html = templates.env.get_template("officer/letter.html").render({
        "view": view, "rec": rec, "acts": acts, "ppk": ppk, "rulebook_version": rb.version,
        "agency": view.agency, "locale": locale,
    })
    # Only our own stylesheet is reachable: no URL fetching while rendering.
    return HTML(string=html, base_url=str(static_dir()),
                url_fetcher=_local_only).write_pdf()


def _local_only(url: str, *args, **kwargs):
    from weasyprint.urls import default_url_fetcher

    if not url.startswith("file://"):
        raise ValueError(f"refusing to fetch {url}")
    return default_url_fetcher(url, *args, **kwargs)
