"""A candidate's given name followed by someone else's surname is someone else: "Rudy
Hartono" is not Rudy Mas'ud, and "pak rudy" in a comment under Rudy Hartono's shop post is
Rudy Hartono too. The candidate's own full name, a pair's name and Title Case banners still
count."""

import datetime as dt

import pytest

from netral.screening import Post
from netral.screening.matcher import namesakes, scan_field
from netral.screening.models import Action

PILKADA_CAMPAIGN = dt.date(2024, 11, 1)

STRANGERS = [
    # (comment or post, the post it answers)
    ("mantap pak rudy 👍 nanti sore mampir",
     "Rudy Hartono: Toko kelontong Rudy buka lagi setelah renovasi, ada diskon minyak & gula!"),
    ("masyaallah, barakallah ustadz syukri 🤲",
     "Syukri Rahman: Khataman santri TPA Al-Ikhlas, 12 anak 🤲"),
    ("Turut berduka cita atas wafatnya Bapak Rudy Hartono, bendahara masjid kami yg sangat "
     "amanah. Semoga husnul khotimah 🤲", None),
]

CANDIDATES = [
    ("Pilgub nanti sy tetap Rudy, Gratispol mantap ✌️", None, "pilgub-kaltim-2024:2"),
    ("Pak Rudy Kembali Pimpin Kaltim! Coblos Nomor 2", None, "pilgub-kaltim-2024:2"),
    ("", "Sa'bani-Syukri Center: Debat kedua, paslon 3 tampil paling solid! Share kalau setuju.",
     "pilwali-balikpapan-2024:3"),
]


def _post(text: str, target: str | None) -> Post:
    return Post(
        id="n",
        text=text,
        target_text=target,
        action=Action.COMMENT if target and text else (Action.LIKE if target else Action.POST),
        published_at=PILKADA_CAMPAIGN,
    )


@pytest.mark.parametrize(("text", "target"), STRANGERS)
def test_a_namesake_is_not_the_candidate(screener, text, target):
    s = screener.screen(_post(text, target))
    assert not s.partisan
    assert s.contestants == []


@pytest.mark.parametrize(("text", "target", "contestant"), CANDIDATES)
def test_the_candidate_is_still_read(screener, text, target, contestant):
    s = screener.screen(_post(text, target))
    assert s.partisan
    assert s.contestants[0] == contestant


def test_namesakes_names_the_given_name_only_when_another_surname_follows(screener):
    lx, common = screener.lexicon, screener._stopwords
    assert namesakes(lx, scan_field(lx, "text", "Rudy Hartono: toko buka lagi"), common) == {
        "rudy"
    }
    for text in (
        "Rudy Seno pasangan terbaik",  # the running mate
        "Rudy Mas'ud datang ke pasar",  # the candidate's own surname
        "RUDY HARTONO PAMIT",  # capitals: a banner, not a full name
        "Pak Rudy Kembali Pimpin Kaltim",  # Title Case
        "pak rudy hartono",  # not written as a name
    ):
        assert namesakes(lx, scan_field(lx, "text", text), common) == set(), text


@pytest.mark.parametrize("word", ["mulyani", "rahman", "rahmadi", "dermawan"])
def test_common_names_and_words_are_not_bent_into_a_candidate(screener, word):
    """Sri Mulyani, Abdul Rahman and "orang dermawan" stay themselves, not Hadi Mulyadi,
    Rahmad Mas'ud or Eddy Sunardi Darmawan."""
    assert screener.lexicon.normaliser.phrase(word) == (word,)
