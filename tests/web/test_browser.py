"""Playwright on Debian's Chromium: a citizen's complaint to a tracking code, an officer
taking it to a recommendation PDF, and the self-check. No browser is downloaded."""

from __future__ import annotations

import os
import re
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn
from playwright.sync_api import expect

from tests.web.conftest import USERNAMES, Site

CHROMIUM = Path("/usr/bin/chromium")
pytestmark = pytest.mark.browser
PNG = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00"
       b"\x00\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N"
       b"\x00\x00\x00\x00IEND\xaeB`\x82")


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        if os.environ.get("NETRAL_REQUIRE_SERVICES") == "1":
            pytest.fail("/usr/bin/chromium is missing but NETRAL_REQUIRE_SERVICES=1")
        pytest.skip("Debian's Chromium is not installed")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM),
                                     args=["--no-sandbox", "--disable-gpu"])
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def live(site: Site) -> Iterator[str]:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(site.app, host="127.0.0.1", port=port,
                                           log_level="warning", lifespan="off"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


def login(page, base: str, site: Site, role: str) -> None:
    user = site.users[USERNAMES[role]]
    page.goto(f"{base}/login")
    page.fill("#username", user.username)
    page.fill("#password", user.password)
    page.click("button[type=submit]")
    page.wait_for_url(f"{base}/officer")


def step(page, target: str, reason: str, **fields: str) -> None:
    form = page.locator(f'form[data-move="{target}"]')
    for name, value in fields.items():
        if name == "agency_code":
            form.locator("select[name=agency_code]").select_option(value)
        else:
            form.locator(f"[name={name}]").fill(value)
    form.locator("input[name=reason]").fill(reason)
    form.locator("button[type=submit]").click()
    page.wait_for_selector(".alert.ok")


def test_citizen_complaint_and_officer_to_recommendation_pdf(browser, live: str,
                                                             site: Site) -> None:
    citizen = browser.new_context()
    page = citizen.new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto(f"{live}/complaint")
    page.fill("#description", "Kepala Seksi di Dinas Pendidikan Kota Samarinda membagikan "
                              "postingan akun relawan paslon 2 dan menulis 'ayo coblos nomor 2'.")
    page.fill("#reported_person", "Kepala Seksi Kurikulum")
    page.set_input_files("#evidence", files=[{"name": "tangkapan.png", "mimeType": "image/png",
                                              "buffer": PNG}])
    page.click("button[type=submit]")
    code = page.inner_text("#tracking-code")
    assert re.fullmatch(r"NTR-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}", code)
    page.click("text=Ikuti laporan ini")
    assert "Diterima" in page.inner_text("main")
    page.fill("#body", "Ada saksi lain di kantor yang melihat.")
    page.click("#messages button[type=submit]")
    page.wait_for_selector("text=Ada saksi lain di kantor yang melihat.")
    expect(page.locator("#body")).to_have_value("")  # the form emptied itself after htmx
    assert not errors, errors  # CSP blocked nothing, htmx ran

    officers = {}
    for role in ("intake", "examiner", "analyst"):
        ctx = browser.new_context()
        officers[role] = ctx.new_page()
        login(officers[role], live, site, role)
    intake = officers["intake"]
    intake.fill("#f-q", code)
    intake.press("#f-q", "Enter")
    expect(intake.locator("#queue tbody tr")).to_have_count(1)
    intake.click("#queue tbody tr a")
    case_url = intake.url
    assert "<mark>" in intake.inner_html("#report-text")
    step(intake, "preliminary_review", "Kelengkapan diperiksa.")
    step(intake, "registered", "Memenuhi syarat formal dan materiel.",
         agency_code="64.72-DISDIK")
    examiner = officers["examiner"]
    examiner.goto(case_url)
    step(examiner, "clarification", "Undangan klarifikasi dikirim.")
    step(examiner, "examined", "Klarifikasi selesai.")
    analyst = officers["analyst"]
    analyst.goto(case_url)
    step(analyst, "recommendation_issued", "Terbukti dari tangkapan layar.")
    href = analyst.get_attribute("#letter-link", "href")
    pdf = analyst.context.request.get(f"{live}{href}")
    assert pdf.ok and pdf.body().startswith(b"%PDF")

    page.reload()
    assert "Rekomendasi sanksi telah dikirim" in page.inner_text("#public-status")
    for ctx_page in [page, *officers.values()]:
        ctx_page.context.close()


def test_self_check_in_the_browser(browser, live: str) -> None:
    ctx = browser.new_context()
    page = ctx.new_page()
    page.goto(f"{live}/self-check")
    page.click("button[data-example='Boleh saya like postingan capres?']")
    assert page.input_value("#question") == "Boleh saya like postingan capres?"
    page.click("form button[type=submit]")
    verdict = page.wait_for_selector("[data-verdict]")
    assert verdict.get_attribute("data-verdict") == "not_allowed"
    assert "SKB-D6" in page.inner_text("#answer")
    page.fill("#question", "bolehkah ASN datang ke TPS?")
    page.click("form button[type=submit]")
    page.wait_for_selector("[data-verdict=allowed]")
    assert page.url.endswith("/self-check")  # answered in place by htmx
    ctx.close()
