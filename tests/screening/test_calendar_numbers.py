"""A bare ballot number or finger belongs to the race the calendar points at: a vote already
cast is not called for while another race runs (☝️ in November 2024 is the Pilgub's, even
next to "abah", which also names Anies), a named voting day ("tgl 27", "14 Feb") names its
election, and after the last vote the talk is of the race just held."""

import datetime as dt

import pytest

from netral.screening import Post
from netral.screening.matcher import scan_field

CASES = [
    # (text, day, expected first contestant)
    ("listrik byarpet terus, jaman abah gak gini2 amat. pokoknya tgl 27 kita ganti ☝️ ya",
     "2024-11-12", "pilgub-kaltim-2024:1"),
    ("abah dulu janji honorer diangkat, sampai skrg sy masih honor 🙃 kali ini ✌️ aja, yg muda",
     "2024-11-18", "pilgub-kaltim-2024:2"),
    ("bubuhan RT, ingat tanggal 14 nanti ☝️ ya, jangan salah pilih 😉",
     "2024-02-03", "pilpres-2024:1"),
    ("alhamdulillah syukuran pelantikan nanti kita nobar rame2 di posko relawan ✌️✌️",
     "2025-02-12", "pilgub-kaltim-2024:2"),
]


@pytest.mark.parametrize(("text", "day", "contestant"), CASES)
def test_the_calendar_picks_the_race_of_a_bare_number(screener, text, day, contestant):
    """What the finger is read as, whoever then weighs whether the post takes a side."""
    a = screener.analyse(Post(id="c", text=text, published_at=dt.date.fromisoformat(day)))
    fingers = [e.cid for e in a.evidence["text"] if e.kind.endswith("gesture")]
    assert fingers and set(fingers) == {contestant}
    # "abah" (Anies) is no hint once his vote is cast and the Pilgub runs
    assert all(e.kind != "weak-alias" for e in a.evidence["text"]) or day < "2024-02-15"


@pytest.mark.parametrize(
    "text",
    [
        "gajian tgl 27 ✌️ alhamdulillah",  # payday
        "tgl 27 nanti libur ✌️ mau mancing ke Pulau Kumala",  # the voting day is a holiday
    ],
)
def test_naming_the_voting_day_does_not_make_a_peace_sign_a_call(screener, text):
    s = screener.screen(Post(id="c", text=text, published_at=dt.date(2024, 11, 10)))
    assert not s.partisan


def test_a_call_in_the_pilgub_campaign_is_flagged_for_the_pilgub(screener):
    s = screener.screen(
        Post(
            id="c",
            text="bubuhan kantor, tgl 27 nanti coblos ☝️ ya, abah lagi 💪",
            published_at=dt.date(2024, 11, 20),
        )
    )
    assert s.partisan
    assert s.contestants[0] == "pilgub-kaltim-2024:1"


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        ("tgl 27 jangan lupa ke TPS", {"pilkada-2024"}),
        ("Rabu 27 November libur nasional", {"pilkada-2024"}),
        ("tanggal 14 nanti kita ketemu di TPS", {"pemilu-2024"}),
        ("14/2 coblos yg terbaik", {"pemilu-2024"}),
        ("harga cabe 27 ribu sekilo", set()),
        ("27 menit lagi buka puasa", set()),
        ("tgl 20 ada rapat dinas", set()),
    ],
)
def test_voting_days_named(screener, text, kinds):
    assert screener._voting_days_named(scan_field(screener.lexicon, "text", text)) == kinds


@pytest.mark.parametrize(
    ("day", "election"),
    [
        ("2024-02-10", "pemilu-2024"),  # campaign
        ("2024-04-02", "pemilu-2024"),  # a fortnight after the count
        ("2024-07-15", "pilkada-2024"),  # six weeks before the Pilkada nominations
        ("2024-10-05", "pilkada-2024"),  # Pilkada campaign, before the inauguration
        ("2024-10-20", "pilkada-2024"),  # inauguration day, Pilkada vote still ahead
    ],
)
def test_the_running_election_is_the_one_whose_calendar_is_nearest(screener, day, election):
    assert screener._active_elections(dt.date.fromisoformat(day)) == {election}


def test_a_finger_in_the_pilkada_campaign_is_not_read_as_the_decided_pilpres(screener):
    """Early October 2024: the Pilpres is won (the inauguration still ahead); the Pilgub runs."""
    text = "sdh yakin sy, ☝️ utk kaltim lbh maju 🙏"
    a = screener.analyse(Post(id="c", text=text, published_at=dt.date(2024, 10, 3)))
    fingers = [e.cid for e in a.evidence["text"] if e.kind.endswith("gesture")]
    assert fingers and fingers[0] == "pilgub-kaltim-2024:1"
