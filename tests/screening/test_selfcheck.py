"""Self-check answers realistic questions an ASN asks before acting."""

from __future__ import annotations

import pytest

from netral.rulebook import Rulebook
from netral.screening.models import EvidenceSpan, Finding, Post, Screening
from netral.screening.selfcheck import SelfChecker, Verdict


@pytest.fixture(scope="module")
def checker(rulebook: Rulebook) -> SelfChecker:
    return SelfChecker(rulebook)


def test_liking_a_presidential_candidates_post_is_not_allowed(checker: SelfChecker) -> None:
    answer = checker.check("boleh saya like postingan capres?")
    assert answer.verdict == Verdict.NOT_ALLOWED
    assert answer.act is not None and answer.act.id == "social-engagement"
    assert answer.act.code == "SKB-D6"
    assert "capres" in [s.text for s in answer.context]
    assert any(s.text == "like" for s in answer.acts[0].spans)


def test_going_to_the_polling_station_is_allowed(checker: SelfChecker) -> None:
    answer = checker.check("bolehkah ASN datang ke TPS?")
    assert answer.verdict == Verdict.ALLOWED
    assert answer.allowed[0].allowed.id == "vote"
    assert answer.acts == []


def test_joining_a_regents_winning_team_is_not_allowed(checker: SelfChecker) -> None:
    answer = checker.check("saya diajak jadi tim sukses paslon bupati")
    assert answer.verdict == Verdict.NOT_ALLOWED
    # "paslon" means the pair is determined: the discipline row, not the bakal-calon one.
    assert answer.act is not None and answer.act.id == "winning-team"
    assert "winning-team-before-determination" in [m.act.id for m in answer.acts]


def test_sharing_the_kpu_schedule_is_allowed(checker: SelfChecker) -> None:
    answer = checker.check("bolehkah share jadwal KPU?")
    assert answer.verdict == Verdict.ALLOWED
    assert answer.allowed[0].allowed.id == "share-official-information"
    assert answer.acts == []


def test_prospective_candidate_selects_the_ethics_row(checker: SelfChecker) -> None:
    answer = checker.check("bolehkah saya foto bersama bakal calon gubernur sambil salam dua jari?")
    assert answer.verdict == Verdict.NOT_ALLOWED
    assert answer.prospective
    assert answer.act is not None and answer.act.id == "ethics-partisan-photo"
    assert answer.act.category == "ethics"


def test_contestant_alias_is_partisan_context(checker: SelfChecker) -> None:
    answer = checker.check("Boleh nge-share video kampanye Rudy Mas'ud di grup kantor?")
    assert answer.verdict == Verdict.NOT_ALLOWED
    assert any("Rudy" in s.text for s in answer.context)


def test_passive_attendance_depends_on_how(checker: SelfChecker) -> None:
    answer = checker.check("boleh saya hadir kampanye tanpa atribut di luar jam kerja?")
    assert answer.verdict == Verdict.DEPENDS
    assert answer.allowed[0].allowed.id == "passive-attendance"
    assert answer.acts


def test_engagement_without_a_side_depends(checker: SelfChecker) -> None:
    assert checker.check("boleh saya like postingan teman kantor?").verdict == Verdict.DEPENDS


def test_unrelated_question_is_unknown(checker: SelfChecker) -> None:
    answer = checker.check("jam berapa apel pagi hari Senin?")
    assert answer.verdict == Verdict.UNKNOWN
    assert answer.acts == [] and answer.allowed == []


def test_spans_point_into_the_question(checker: SelfChecker) -> None:
    text = "Saya diminta pasang baliho paslon nomor 2 di depan kantor, boleh?"
    answer = checker.check(text)
    assert answer.verdict == Verdict.NOT_ALLOWED
    for span in answer.spans:
        assert text[span.start : span.end] == span.text


class _FakeScreener:
    """Stands in for the screener: flags a ballot call in a pasted post."""

    def screen(self, post: Post) -> Screening:
        start = post.text.index("coblos")
        span = EvidenceSpan(
            "text",
            start,
            start + len("coblos nomor 2"),
            post.text[start : start + len("coblos nomor 2")],
        )
        finding = Finding("online-campaign", "pilgub-kaltim-2024:2", [], [span], "ballot call")
        return Screening(
            post.id,
            True,
            True,
            ["pilgub-kaltim-2024:2"],
            ["online-campaign"],
            0.9,
            None,
            [finding],
            "ballot call",
        )


def test_screener_findings_decide_for_pasted_posts(rulebook: Rulebook) -> None:
    checker = SelfChecker(rulebook, screener=_FakeScreener())
    answer = checker.check("Besok jangan lupa coblos nomor 2 ya bapak ibu, demi Kaltim maju!")
    assert answer.verdict == Verdict.NOT_ALLOWED
    assert answer.acts[0].from_screening
    assert answer.act is not None and answer.act.id == "online-campaign"
    assert any(s.text == "coblos nomor 2" for s in answer.acts[0].spans)
