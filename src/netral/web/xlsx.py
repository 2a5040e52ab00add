"""XLSX export of a filtered case list (openpyxl, write-only mode: constant memory)."""

from __future__ import annotations

import datetime as dt
from io import BytesIO

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font

from netral.rulebook import Rulebook
from netral.web.casebook import CaseRowView
from netral.web.labels import act_title, contestant_label, status_label
from netral.web.templating import gettext as _
from netral.web.templating import translator

_FORMULA_START = ("=", "+", "-", "@")


def _safe(value: object) -> object:
    """Text that a spreadsheet would run as a formula is written as plain text."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def cases_xlsx(rows: list[CaseRowView], rb: Rulebook, today: dt.date) -> bytes:
    locale = translator().locale
    wb = Workbook(write_only=True)
    ws = wb.create_sheet(_("Cases"))
    headers = [_("Case"), _("Tracking code"), _("Case status"), _("Received"), _("Due date"),
               _("Overdue"), _("Agency"), _("Region"), _("Acts"), _("Contestants"),
               _("Reported person"), _("Summary")]
    bold = Font(bold=True)
    header_cells = []
    for h in headers:
        cell = WriteOnlyCell(ws, value=h)
        cell.font = bold
        header_cells.append(cell)
    ws.append(header_cells)
    for r in rows:
        ws.append([
            r.id, r.tracking_code, status_label(r.status),
            r.received_at.replace(tzinfo=None), r.due_date,
            _("yes") if r.overdue(today) else _("no"),
            _safe(r.agency.name if r.agency else ""), _safe(r.region_name or r.region_code or ""),
            "; ".join(act_title(rb, a, locale) for a in r.acts),
            "; ".join(contestant_label(rb, c) for c in r.contestants),
            _safe(r.reported_person or ""), _safe(r.summary),
        ])
    buffer = BytesIO()
    wb.save(buffer)
    return buffer.getvalue()
