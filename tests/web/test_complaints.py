"""Citizen side: complaint → tracking code → status and messages, without revealing identity."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient
from sqlalchemy import text

from tests.web.conftest import Site, csrf_of

CODE = re.compile(r"NTR-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}")
POST = ("Pak Camat Samarinda Ulu membagikan postingan tim sukses paslon nomor 2 di grup "
        "WhatsApp kecamatan dan menulis 'ayo coblos nomor 2, jangan salah pilih!'")
PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 64


def file_complaint(client: TestClient, **fields) -> str:
    token = csrf_of(client.get("/complaint").text)
    files = fields.pop("files", None)
    data = {"description": POST, "csrf_token": token, **fields}
    response = client.post("/complaint", data=data, files=files)
    assert response.status_code == 200, response.text
    match = CODE.search(response.text)
    assert match, response.text
    return match.group(0)


def test_anonymous_complaint_gets_a_tracking_code_and_the_rule(site: Site) -> None:
    client = site.client()
    token = csrf_of(client.get("/complaint").text)
    response = client.post("/complaint", data={"description": POST, "csrf_token": token},
                           files=[("evidence", ("tangkapan.png", PNG, "image/png"))])
    assert response.status_code == 200
    assert CODE.search(response.text)
    assert "anonim" in response.text
    assert "SKB-D" in response.text  # the screening names the rule it may concern
    assert "1 berkas bukti" in response.text


def test_contact_is_stored_encrypted(site: Site) -> None:
    code = file_complaint(site.client(), name="Siti Rahmawati", phone="0812-3456-7890")
    with site.app.state.service.store.engine.connect() as conn:
        stored = conn.execute(text("SELECT reporter_identity FROM reports WHERE tracking_code = "
                                   ":c"), {"c": code}).scalar_one()
    assert stored and "Siti" not in stored and "0812" not in stored


def test_upload_of_wrong_type_is_refused(site: Site) -> None:
    client = site.client()
    token = csrf_of(client.get("/complaint").text)
    response = client.post("/complaint", data={"description": POST, "csrf_token": token},
                           files=[("evidence", ("virus.png", b"MZ\x90\0\3\0\0\0" * 10,
                                                "image/png"))])
    assert response.status_code == 400
    assert "bukan gambar" in response.text


def test_upload_over_the_size_limit_is_refused(site: Site) -> None:
    client = site.client()
    limit = site.app.state.settings.max_upload_bytes
    token = csrf_of(client.get("/complaint").text)
    big = PNG + b"\0" * limit
    response = client.post("/complaint", data={"description": POST, "csrf_token": token},
                           files=[("evidence", ("besar.png", big, "image/png"))])
    assert response.status_code == 400
    assert "lebih besar" in response.text


def test_too_short_description_is_explained(site: Site) -> None:
    client = site.client()
    token = csrf_of(client.get("/complaint").text)
    response = client.post("/complaint", data={"description": "ASN", "csrf_token": token})
    assert response.status_code == 400
    assert "10 karakter" in response.text


def test_complaint_form_is_rate_limited(site: Site) -> None:
    limiter = site.app.state.complaint_limit
    saved = limiter.limit
    limiter.limit = 1
    try:
        client = site.client()
        limiter.reset("testclient")
        file_complaint(client)
        token = csrf_of(client.get("/complaint").text)
        response = client.post("/complaint", data={"description": POST, "csrf_token": token})
        assert response.status_code == 429
    finally:
        limiter.limit = saved
        limiter.reset("testclient")


def test_tracking_and_messages_without_revealing_identity(
    site: Site, clients: dict[str, TestClient]
) -> None:
    reporter = site.client()
    code = file_complaint(reporter, name="Budi Santoso", email="budi@example.org")
    # The tracking code goes in a POST body, never in a URL.
    other = site.client()
    token = csrf_of(other.get("/track").text)
    response = other.post("/track", data={"code": code.lower().replace("-", " "),
                                          "csrf_token": token})
    assert response.status_code == 303 and response.headers["location"] == "/track/status"
    status = other.get("/track/status")
    assert "Diterima" in status.text and code in status.text

    token = csrf_of(status.text)
    other.post("/track/messages", data={"body": "Tangkapan layar lain ada di grup RT.",
                                        "csrf_token": token})

    officer = clients["intake"]
    rows = site.app.state.casebook.query(
        site.app.state.service.actor("bawaslu"),
        __import__("netral.web.casebook", fromlist=["Filters"]).Filters(q=code),
        site.app.state.service.clock().date())
    case_page = officer.get(f"/officer/cases/{rows[0].id}")
    assert "Tangkapan layar lain ada di grup RT." in case_page.text
    assert "Budi Santoso" in case_page.text  # the intake officer may contact the reporter
    examiner_view = clients["examiner"].get(f"/officer/cases/{rows[0].id}").text
    assert "Budi Santoso" not in examiner_view and "budi@example.org" not in examiner_view

    token = csrf_of(case_page.text)
    sent = officer.post(f"/officer/cases/{rows[0].id}/messages",
                        data={"body": "Terima kasih, mohon kirim tautan unggahannya.",
                              "csrf_token": token})
    assert sent.status_code == 303
    thread = other.get("/track/status").text
    assert "mohon kirim tautan" in thread
    assert "bawaslu" not in thread  # the reporter sees "Petugas", not the officer's account


def test_unknown_tracking_code(site: Site) -> None:
    client = site.client()
    token = csrf_of(client.get("/track").text)
    response = client.post("/track", data={"code": "NTR-0000-0000-0000", "csrf_token": token})
    assert response.status_code == 404
    assert "Tidak ada laporan" in response.text
