"""JSON API v1: scan, self-check, reports, tracking, officer token and cases; the schema."""

from __future__ import annotations

import pytest
import schemathesis
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, settings

from tests.web.conftest import Site, build_site


def test_openapi_schema_lists_the_v1_api(site: Site) -> None:
    schema = site.client().get("/openapi.json").json()
    paths = set(schema["paths"])
    assert {"/api/v1/scan", "/api/v1/reports", "/api/v1/track", "/api/v1/token",
            "/api/v1/cases", "/api/v1/cases/{case_id}"} <= paths
    assert not any(p.startswith("/officer") for p in paths)  # HTML pages stay out
    assert "HTTPBearer" in schema["components"]["securitySchemes"]


def test_scan_names_the_rule_with_evidence_offsets(site: Site) -> None:
    text = "Bapak ibu, wajib hadir kampanye akbar paslon 2 hari Minggu, absen kampanye dicek!"
    body = site.client().post("/api/v1/scan", json={"text": text}).json()
    assert body["verdict"] == "not_allowed"
    rule = body["rules"][0]
    assert rule["citations"] and rule["sanction"]
    for span in rule["evidence"]:
        assert text[span["start"]:span["end"]] == span["text"]


def test_self_check_api(site: Site) -> None:
    body = site.client().post("/api/v1/self-check",
                              json={"question": "bolehkah share jadwal KPU?"}).json()
    assert body["verdict"] == "allowed"
    assert body["allowed"] == ["share-official-information"]


def test_report_and_track(site: Site) -> None:
    client = site.client()
    created = client.post("/api/v1/reports", json={
        "description": "Kepala sekolah mengarahkan guru memilih paslon 1 saat rapat dinas.",
        "reported_person": "Kepala SMPN 5"})
    assert created.status_code == 201
    code = created.json()["tracking_code"]
    tracked = client.post("/api/v1/track", json={"code": code})
    assert tracked.status_code == 200
    assert tracked.json()["status"] == "received" and tracked.json()["messages"] == []
    assert client.post("/api/v1/track", json={"code": "NTR-AAAA-AAAA-AAAA"}).status_code == 404


def test_report_validation_is_422_not_500(site: Site) -> None:
    client = site.client()
    assert client.post("/api/v1/reports", json={"description": "pendek"}).status_code == 422
    bad_nip = client.post("/api/v1/reports", json={
        "description": "Camat ikut kampanye akbar paslon 2.", "reported_nip": "123"})
    assert bad_nip.status_code == 422


def _token(client: TestClient, site: Site, username: str) -> str:
    response = client.post("/api/v1/token", json={
        "username": username, "password": site.users[username].password})
    assert response.status_code == 200
    return response.json()["access_token"]


def test_officer_token_and_scoped_cases(site: Site) -> None:
    client = site.client()
    assert client.get("/api/v1/cases").status_code == 401
    bad = client.post("/api/v1/token", json={"username": "bkn", "password": "salah"})
    assert bad.status_code == 401
    analyst = {"Authorization": f"Bearer {_token(client, site, 'bkn')}"}
    everything = client.get("/api/v1/cases?limit=500", headers=analyst).json()
    ppk = {"Authorization": f"Bearer {_token(client, site, 'ppk-samarinda')}"}
    scoped = client.get("/api/v1/cases?limit=500", headers=ppk).json()
    assert 0 < len(scoped) < len(everything)
    assert all((c["agency"] or "").startswith("64.72") for c in scoped)
    one = client.get(f"/api/v1/cases/{scoped[0]['id']}", headers=ppk)
    assert one.status_code == 200 and "description" in one.json()
    outside = next(c for c in everything if not (c["agency"] or "").startswith("64.72"))
    assert client.get(f"/api/v1/cases/{outside['id']}", headers=ppk).status_code == 404
    forged = {"Authorization": "Bearer not-a-token"}
    assert client.get("/api/v1/cases", headers=forged).status_code == 401


def test_transition_through_the_api(site: Site) -> None:
    client = site.client()
    created = client.post("/api/v1/reports", json={
        "description": "Lurah memasang baliho paslon nomor 1 di kantor kelurahan."}).json()
    intake = {"Authorization": f"Bearer {_token(client, site, 'bawaslu')}"}
    cases = client.get("/api/v1/cases?status=received&limit=500", headers=intake).json()
    case = next(c for c in cases if c["tracking_code"] == created["tracking_code"])
    moved = client.post(f"/api/v1/cases/{case['id']}/transitions", headers=intake,
                        json={"target": "preliminary_review", "reason": "Dikaji."})
    assert moved.status_code == 200 and moved.json()["status"] == "preliminary_review"
    wrong = client.post(f"/api/v1/cases/{case['id']}/transitions", headers=intake,
                        json={"target": "closed", "reason": "x"})
    assert wrong.status_code in (403, 409)


@pytest.fixture(scope="module")
def fuzz_site(tmp_path_factory: pytest.TempPathFactory, rulebook) -> Site:
    """A site of its own: fuzzing with an officer token really moves cases."""
    tmp = tmp_path_factory.mktemp("web-fuzz")
    return build_site(tmp, rulebook, f"sqlite:///{tmp / 'netral.sqlite3'}", "sqlite")


@pytest.fixture(scope="module")
def api_schema(fuzz_site: Site):
    return schemathesis.openapi.from_asgi("/openapi.json", fuzz_site.app)


@pytest.fixture(scope="module")
def analyst_token(fuzz_site: Site) -> str:
    return _token(fuzz_site.client(), fuzz_site, "bkn")


schema = schemathesis.pytest.from_fixture("api_schema")


@schema.parametrize()
@settings(max_examples=20, deadline=None, derandomize=True,
          suppress_health_check=list(HealthCheck))
def test_schemathesis_finds_no_server_errors(case, analyst_token: str) -> None:
    response = case.call(headers={"Authorization": f"Bearer {analyst_token}"})
    assert response.status_code < 500, (case.method, case.path, response.text[:300])
