"""An officer reads a screenshot attached to a case: OCR, screening, and the hash-keyed cache."""

from __future__ import annotations

import io
import json
from pathlib import Path

from netral.cases.roles import Actor
from netral.cases.service import EvidenceUpload
from netral.web.ocr import cache_dir
from tests.web.conftest import Site, csrf_of

SHOT = Path(__file__).resolve().parents[1] / "ocr" / "fixtures" / "p01-light.png"


def test_screenshot_evidence_is_read_screened_and_cached(site: Site, clients, tesseract,
                                                        monkeypatch) -> None:
    service = site.app.state.service
    data = SHOT.read_bytes()
    submitted = service.submit_report(
        Actor.public(), "Tangkapan layar status Facebook seorang guru PNS yang mengajak mencoblos.",
        anonymous=True, evidence=[EvidenceUpload("status-fb.png", io.BytesIO(data), "image/png")])
    intake = clients["intake"]
    page = intake.get(f"/officer/cases/{submitted.case_id}").text
    evidence_id = service.show_case(service.actor("admin"), submitted.case_id).evidence[0].id
    url = f"/officer/cases/{submitted.case_id}/evidence/{evidence_id}/ocr"
    response = intake.post(url, data={"csrf_token": csrf_of(page)})
    assert response.status_code == 200, response.text[-1500:]
    assert "coblos" in response.text.lower()
    assert "<mark>" in response.text
    assert "Prabowo" in response.text  # the screening names whom the post supports

    sha = service.show_case(service.actor("admin"), submitted.case_id).evidence[0].sha256
    cached = cache_dir(site.app.state.settings.data_dir) / f"{sha}.ocr.json"
    assert json.loads(cached.read_text(encoding="utf-8"))["sha256"] == sha

    # the same image is never read twice: a second request is answered from the cache
    def no_ocr(*_args, **_kwargs):
        raise AssertionError("OCR ran again for a cached image")

    monkeypatch.setattr("netral.ocr.evidence.ocr_image", no_ocr)
    again = intake.post(url, data={"csrf_token": csrf_of(page)})
    assert again.status_code == 200 and "<mark>" in again.text
