"""XLSX export of any filtered case list (the queue's and the dashboard's filters)."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response

from netral.cases.roles import Actor
from netral.web import audit
from netral.web.casebook import Filters
from netral.web.deps import officer
from netral.web.routes.officer import read_filters, today
from netral.web.xlsx import cases_xlsx

router = APIRouter(include_in_schema=False)
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@router.get("/officer/export.xlsx")
def export_cases(request: Request, actor: Actor = Depends(officer),
                 filters: Filters = Depends(read_filters)) -> Response:
    day = today(request)
    rows = request.app.state.casebook.query(actor, filters, day)
    data = cases_xlsx(rows, request.app.state.rulebook, day)
    audit.record(request.app.state.service, actor.username, "cases.export", "cases", "xlsx",
                 {"filters": filters.as_query(), "rows": len(rows)})
    return Response(data, media_type=XLSX, headers={
        "content-disposition": f'attachment; filename="netral-kasus-{day.isoformat()}.xlsx"'})
