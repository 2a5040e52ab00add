"""Officer workspace: every role against every page, the workflow to a recommendation PDF,
agency scoping, dashboards and exports."""

from __future__ import annotations

import io
import re

import pytest
from fastapi.testclient import TestClient
from openpyxl import load_workbook

from netral.cases.workflow import CaseStatus, allowed_transitions
from netral.web.casebook import Filters
from tests.web.conftest import ROLES, USERNAMES, Site, csrf_of
from tests.web.test_complaints import file_complaint

PUBLIC_PAGES = ["/", "/rules", "/rules/winning-team", "/self-check", "/complaint", "/track",
                "/login"]
OFFICER_PAGES = ["/officer", "/officer?status=received&overdue=1", "/dashboard",
                 "/dashboard?act=online-campaign", "/officer/export.xlsx"]


def case_in(site: Site, status: CaseStatus, agency_prefix: str | None = None) -> int:
    admin = site.app.state.service.actor("admin")
    rows = site.app.state.casebook.query(admin, Filters(status=status.value),
                                         site.app.state.service.clock().date())
    for row in rows:
        if agency_prefix is None or (row.agency and row.agency.code.startswith(agency_prefix)):
            return row.id
    raise AssertionError(f"the demo has no case in {status} for {agency_prefix}")


@pytest.fixture(scope="session")
def matrix_clients(any_site: Site) -> dict[str, TestClient]:
    return {role: any_site.login(role) for role in ROLES}


@pytest.mark.parametrize("role", ROLES)
def test_every_role_against_every_page(any_site: Site, matrix_clients, role: str) -> None:
    client = matrix_clients[role]
    for path in PUBLIC_PAGES:
        assert client.get(path).status_code == 200, path
    for path in OFFICER_PAGES:
        response = client.get(path)
        if role == "anonymous":
            assert response.status_code == 303, path
            assert response.headers["location"].startswith("/login")
        else:
            assert response.status_code == 200, (path, response.text[:300])
    received = case_in(any_site, CaseStatus.RECEIVED)
    recommended = case_in(any_site, CaseStatus.RECOMMENDATION_ISSUED, "64.72")
    elsewhere = case_in(any_site, CaseStatus.RECOMMENDATION_ISSUED, "64.71")
    expected = {
        "anonymous": (303, 303, 303),
        "ppk": (404, 200, 404),  # the Samarinda PPK: only its subtree, once recommended
    }.get(role, (200, 200, 200))
    got = tuple(client.get(f"/officer/cases/{cid}").status_code
                for cid in (received, recommended, elsewhere))
    assert got == expected


@pytest.mark.parametrize("role", ROLES[1:])
def test_buttons_come_from_the_transition_table(site: Site, clients, role: str) -> None:
    actor = site.app.state.service.actor(USERNAMES[role])
    for status in (CaseStatus.RECEIVED, CaseStatus.EXAMINED):
        page = clients[role].get(f"/officer/cases/{case_in(site, status)}").text
        shown = set(re.findall(r'data-move="([a-z_]+)"', page))
        assert shown == {t.target.value for t in allowed_transitions(status, actor.role)}


def test_role_without_the_move_is_refused(site: Site, clients) -> None:
    case_id = case_in(site, CaseStatus.EXAMINED)
    client = clients["intake"]
    token = csrf_of(client.get(f"/officer/cases/{case_id}").text)
    response = client.post(f"/officer/cases/{case_id}/transition", data={
        "target": "recommendation_issued", "reason": "coba", "acts": ["online-campaign"],
        "csrf_token": token})
    assert response.status_code == 403


def test_ppk_cannot_act_outside_its_subtree(any_site: Site, matrix_clients) -> None:
    elsewhere = case_in(any_site, CaseStatus.RECOMMENDATION_ISSUED, "64.71")
    client = matrix_clients["ppk"]
    token = csrf_of(client.get("/officer").text)
    response = client.post(f"/officer/cases/{elsewhere}/transition", data={
        "target": "sanction_imposed", "reason": "x", "decree_number": "1", "csrf_token": token})
    assert response.status_code == 404


def _move(client: TestClient, case_id: int, target: str, **fields) -> None:
    token = csrf_of(client.get(f"/officer/cases/{case_id}").text)
    response = client.post(f"/officer/cases/{case_id}/transition",
                           data={"target": target, "csrf_token": token, **fields})
    assert response.status_code == 303, response.text[-2000:]
    page = client.get(response.headers["location"]).text
    assert "alert ok" in page


def test_officers_take_a_complaint_to_a_recommendation_pdf(site: Site, clients) -> None:
    code = file_complaint(site.client())
    admin = site.app.state.service.actor("admin")
    [row] = site.app.state.casebook.query(admin, Filters(q=code),
                                          site.app.state.service.clock().date())
    case_id = row.id
    page = clients["intake"].get(f"/officer/cases/{case_id}").text
    assert "<mark>" in page  # evidence words highlighted
    _move(clients["intake"], case_id, "preliminary_review", reason="Kelengkapan diperiksa.")
    _move(clients["intake"], case_id, "registered", reason="Memenuhi syarat.",
          agency_code="64.72-KEC-SU")
    _move(clients["examiner"], case_id, "clarification", reason="Undangan klarifikasi.")
    _move(clients["examiner"], case_id, "examined", reason="Berita acara klarifikasi.")
    _move(clients["analyst"], case_id, "recommendation_issued", reason="Terbukti.",
          acts=["online-campaign", "social-engagement"], note="Mohon ditindaklanjuti.")
    pdf = clients["analyst"].get(f"/officer/cases/{case_id}/letter.pdf")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    assert pdf.headers["content-type"] == "application/pdf"
    # The Samarinda PPK now sees the case and records the sanction.
    _move(clients["ppk"], case_id, "sanction_imposed", reason="Sesuai rekomendasi.",
          decree_number="800.1.6/123/BKPSDM/2024")
    final = clients["analyst"].get(f"/officer/cases/{case_id}").text
    assert "800.1.6/123/BKPSDM/2024" in final
    trail = site.app.state.service.audit_trail(admin, "case", case_id)
    assert [e["action"] for e in trail].count("case.transition") == 6
    assert "letter.download" in [e["action"] for e in trail]


def test_transition_without_reason_is_explained(site: Site, clients) -> None:
    case_id = case_in(site, CaseStatus.RECEIVED)
    client = clients["intake"]
    token = csrf_of(client.get(f"/officer/cases/{case_id}").text)
    response = client.post(f"/officer/cases/{case_id}/transition", data={
        "target": "preliminary_review", "reason": " ", "csrf_token": token})
    assert response.status_code == 400
    assert "alasan" in response.text


def test_queue_filters(site: Site, clients) -> None:
    client = clients["analyst"]
    everything = client.get("/officer").text
    received = client.get("/officer?status=received").text
    assert "Diterima" in received
    count = lambda html: int(re.search(r"<strong>(\d+) perkara</strong>", html).group(1))  # noqa: E731
    assert count(received) < count(everything)
    htmx = client.get("/officer?status=closed", headers={"HX-Request": "true",
                                                         "HX-Target": "queue"})
    assert "<html" not in htmx.text and "<table>" in htmx.text


def test_ppk_queue_shows_only_its_subtree(site: Site, clients) -> None:
    actor = site.app.state.service.actor("ppk-samarinda")
    rows = site.app.state.casebook.visible(actor)
    assert rows and all(r.agency.code.startswith("64.72") for r in rows)
    assert all(r.status.value in {"recommendation_issued", "sanction_imposed", "closed"}
               for r in rows)


def test_dashboard_counts_and_follow_up_rate(site: Site, clients) -> None:
    page = clients["analyst"].get("/dashboard").text
    assert "Menurut status" in page and "<svg" in page
    assert "Tingkat tindak lanjut PPK" in page
    assert re.search(r'class="n">\d+%', page)


def test_xlsx_export_of_a_filtered_list(site: Site, clients) -> None:
    response = clients["analyst"].get("/officer/export.xlsx?status=recommendation_issued")
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0] == "Perkara"
    assert len(rows) > 1 and all(r[2] == "Rekomendasi diterbitkan" for r in rows[1:])


def test_login_is_throttled(site: Site) -> None:
    client = site.client()
    throttle = site.app.state.login_throttle
    for _ in range(throttle.by_user.limit):
        token = csrf_of(client.get("/login").text)
        client.post("/login", data={"username": "pemeriksa", "password": "salah-sandi",
                                    "csrf_token": token})
    token = csrf_of(client.get("/login").text)
    password = site.users["pemeriksa"].password
    response = client.post("/login", data={"username": "pemeriksa", "password": password,
                                           "csrf_token": token})
    assert response.status_code == 429
    throttle.by_user.reset("pemeriksa")
    throttle.by_client.reset("testclient")


def test_logout_ends_the_session(site: Site) -> None:
    client = site.login("examiner")
    token = csrf_of(client.get("/officer").text)
    assert client.post("/logout", data={"csrf_token": token}).status_code == 303
    assert client.get("/officer").status_code == 303
