"""Public pages: rules from the rulebook, self-check, language switch, security headers."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.web.conftest import Site, csrf_of


def test_home_is_indonesian_by_default(site: Site) -> None:
    response = site.client().get("/")
    assert response.status_code == 200
    assert '<html lang="id">' in response.text
    assert "Laporkan" in response.text or "Lapor" in response.text


def test_english_by_switch_and_cookie(site: Site) -> None:
    client = site.client()
    response = client.get("/lang/en?next=/rules")
    assert response.status_code == 303 and response.headers["location"] == "/rules"
    page = client.get("/rules")
    assert '<html lang="en">' in page.text
    assert "What ASN may and may not do" in page.text
    assert client.get("/rules?lang=id").text.count('<html lang="id">') == 1


def test_language_switch_is_not_an_open_redirect(site: Site) -> None:
    for target in ("https://evil.example/", "//evil.example/x", "/\\evil.example"):
        response = site.client().get("/lang/en", params={"next": target})
        assert response.headers["location"] == "/"


def test_rules_page_lists_every_act_with_citation(site: Site, rulebook) -> None:
    page = site.client().get("/rules").text
    for act in rulebook.acts:
        assert act.code in page
    assert "Pasal" in page
    assert "Boleh" in page or "Diperbolehkan" in page


def test_rule_detail_shows_sanction_and_examples(site: Site, rulebook) -> None:
    act = rulebook.act("social-engagement")
    page = site.client().get("/rules/social-engagement").text
    assert act.title.id in page
    assert act.sanction.id[:40] in page
    assert site.client().get("/rules/no-such-act").status_code == 404


def test_self_check_answers_with_rule_and_citation(site: Site) -> None:
    client = site.client()
    token = csrf_of(client.get("/self-check").text)
    response = client.post("/self-check", data={"question": "boleh saya like postingan capres?",
                                                 "csrf_token": token})
    assert response.status_code == 200
    assert 'data-verdict="not_allowed"' in response.text
    assert "SKB-D6" in response.text
    assert "<mark>like</mark>" in response.text
    assert "Lampiran II" in response.text


def test_self_check_htmx_returns_only_the_answer(site: Site) -> None:
    client = site.client()
    token = csrf_of(client.get("/self-check").text)
    response = client.post("/self-check", data={"question": "bolehkah ASN datang ke TPS?"},
                           headers={"HX-Request": "true", "X-CSRF-Token": token})
    assert response.status_code == 200
    assert "<html" not in response.text
    assert 'data-verdict="allowed"' in response.text


def test_post_without_csrf_token_is_refused(site: Site) -> None:
    client = site.client()
    client.get("/self-check")
    response = client.post("/self-check", data={"question": "boleh?"})
    assert response.status_code == 403
    bad = client.post("/self-check", data={"question": "boleh?", "csrf_token": "forged"})
    assert bad.status_code == 403


def test_security_headers_on_every_page(site: Site) -> None:
    response = site.client().get("/")
    csp = response.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert "frame-ancestors 'none'" in csp
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["referrer-policy"] == "no-referrer"
    cookie = response.headers.get("set-cookie", "")
    assert "httponly" in cookie.lower() and "samesite=lax" in cookie.lower()


def test_pages_have_no_inline_scripts(site: Site, clients: dict[str, TestClient]) -> None:
    for path in ("/", "/rules", "/self-check", "/complaint", "/track"):
        html = site.client().get(path).text
        assert "<script>" not in html and " on" + "click=" not in html
    assert "<script>" not in clients["admin"].get("/officer").text


def test_unknown_page_is_a_friendly_404(site: Site) -> None:
    response = site.client().get("/nowhere")
    assert response.status_code == 404
    assert "Traceback" not in response.text and "<html" in response.text


def test_static_htmx_is_vendored(site: Site) -> None:
    response = site.client().get("/static/htmx.min.js")
    assert response.status_code == 200 and "htmx" in response.text[:2000]
