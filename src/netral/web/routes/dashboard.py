"""Dashboards: counts and trends by agency, region, act, contestant, status and month."""

from __future__ import annotations

import datetime as dt
from urllib.parse import urlencode

from babel.dates import format_date
from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response

from netral.cases.roles import Actor
from netral.web.casebook import Filters
from netral.web.deps import audit_head, officer, templates
from netral.web.labels import act_title, contestant_label, status_label
from netral.web.routes.officer import filter_options, read_filters, today
from netral.web.security import csrf_protect
from netral.web.templating import translator

router = APIRouter(dependencies=[Depends(csrf_protect)], include_in_schema=False)


def bars(items: list[tuple[str, int]]) -> list[dict]:
    """Rows for a horizontal bar chart: label, value and width in percent of the largest."""
    top = max((v for _k, v in items), default=0) or 1
    return [{"key": k, "value": v, "pct": round(100 * v / top, 1)} for k, v in items]


def month_label(key: str) -> str:
    """``2024-11`` as ``Nov 2024`` in the reader's language."""
    year, month = (int(x) for x in key.split("-"))
    return format_date(dt.date(year, month, 1), "MMM y",
                       locale="id_ID" if translator().locale == "id" else "en_GB")


@router.get("/dashboard")
def dashboard(request: Request, actor: Actor = Depends(officer),
              filters: Filters = Depends(read_filters), tpl=Depends(templates)) -> Response:
    book = request.app.state.casebook
    rb = request.app.state.rulebook
    locale = translator().locale
    day = today(request)
    visible = book.visible(actor, audit_head(request))
    rows = book.query(actor, filters, day, visible)
    stats = book.stats(rows, day)
    charts = {
        "status": bars([(status_label(k), v) for k, v in stats.by_status]),
        "agency": bars(stats.by_agency),
        "region": bars(stats.by_region),
        "act": bars([(act_title(rb, k, locale), v) for k, v in stats.by_act]),
        "contestant": bars([(contestant_label(rb, k), v) for k, v in stats.by_contestant]),
        "month": bars([(month_label(k), v) for k, v in stats.by_month]),
    }
    return tpl.render(request, "dashboard/index.html", {
        "stats": stats, "charts": charts, "filters": filters, "today": day,
        "query": urlencode(filters.as_query()), **filter_options(request, visible)})
