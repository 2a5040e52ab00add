"""A ballot verb right before an ambiguous candidate name ("sy pilih Ganjar"), one's own choice
a few words before a ballot number ("pilihanku jelas: nomer satu") and a capital initialism
after a ballot verb ("coblos AH") are calls to vote, even in a post with no other election
word; the everyday words they share stay unflagged."""

import datetime as dt

import pytest
from pydantic import ValidationError

from netral.rulebook.models import Person
from netral.screening import Post, Screener

# (text, contestant, stance of the ballot call)
CATCHES = [
    ("sy ASN dan sy pilih Ganjar. Mau dilaporin? silakan", "pilpres-2024:3", "support"),
    ("Udah lah gak usah ribet, coblos Amin aja", "pilpres-2024:1", "support"),
    ("Warga Gunung Samarai kompak dukung Rahmad, biar kota makin rapi", "pilwali-balikpapan-2024:1",
     "support"),
    ("Sy pilih Pak Rudy krn programnya jelas buat pendidikan. Anak sy kuliah gratis nanti kan",
     "pilgub-kaltim-2024:2", "support"),
    ("pokoknya dukung aja Amin, yg lain nanti dulu", "pilpres-2024:1", "support"),
    ("kalau sy sih jangan pilih Ganjar, itu aja", "pilpres-2024:3", "attack"),
    ("Bapak ibu, besok coblos AH ya, jangan sampai lupa", "pilwali-samarinda-2024:1", "support"),
    ("pilihanku jelas: nomer satu, titik", None, "support"),
    ("pilihan sy tetap nomor 2, dari dulu gak berubah", None, "support"),
    ("Mau dibilang apa juga, pilihan saya masih no 3 😌", None, "support"),
]


def _post(text: str, day: str | None = None) -> Post:
    return Post(
        id="bv",
        text=text,
        published_at=dt.date.fromisoformat(day) if day else None,
    )


@pytest.mark.parametrize(("text", "contestant", "stance"), CATCHES)
def test_ballot_verb_and_name_is_a_call(screener, text, contestant, stance):
    rules = Screener(screener.rulebook, use_model=False, lexicon=screener.lexicon)
    post = _post(text)
    assert not rules._quiet(post)
    a = rules.analyse(post)
    calls = [e for evs in a.evidence.values() for e in evs if e.kind == "ballot-call"]
    assert calls, (text, a.evidence)
    assert calls[0].stance == stance
    if contestant is not None:
        assert calls[0].cid == contestant
    s = rules.screen(post)
    assert s.partisan, text
    if contestant is not None:
        assert s.contestants[0] == contestant
    for f in s.findings:
        for span in f.evidence:
            assert post.text[span.start : span.end] == span.text


TRAPS = [
    # ganjar the verb
    "Alhamdulillah kerja keras tim kita diganjar juara umum MTQ tingkat provinsi",
    "Pemerintah mengganjar desa terbersih dengan dana insentif",
    # amin the prayer
    "Aamiin ya rabb, semoga anak2 kita diberi kelancaran ujian",
    "Semoga kita semua pilih yg terbaik buat keluarga, amin",
    "Ya Allah pilihkan jalan terbaik buat ibu, amin",
    "sy tetap dukung. Amin",
    # choosing without a candidate
    "pilih yg terbaik aja bu, jangan yg paling murah",
    # quizzes and menus
    "Soal pilihan ganda nomor 2 jawabannya C ya anak2",
    "Untuk makan siang rapat, pilihan menu no 1 aja: nasi kotak ayam bakar",
    # "ah" the interjection, after a ballot verb too
    "capek banget hari ini, tidur dulu ah",
    "Samarinda cuma satu paslon, males nyoblos ah",
    "pilih yang pedas ah, biar seger",
    # common first names chosen for other posts, questions
    "Rapat warga tadi malam memilih Pak Hadi sebagai ketua RT yang baru",
    "Anak2 kelas 5 pilih Rudy jadi ketua kelas, selamat nak",
    "Mending pilih Eddy atau Seno buat jadi kapten futsal kantor?",
    # a party's ambiguous name is also a team or an organisation
    "Ayo dukung Garuda di semifinal Piala Asia malam ini! 🇮🇩",
    "Indonesia dukung PBB soal gencatan senjata",
    # "dukungan X" is X's support, given
    "Terima kasih atas dukungan Pak Rudy untuk UMKM binaan kami",
]


@pytest.mark.parametrize("day", [None, "2024-02-05", "2024-11-20"])
@pytest.mark.parametrize("text", TRAPS)
def test_everyday_words_stay_unflagged(screener, text, day):
    rules = Screener(screener.rulebook, use_model=False, lexicon=screener.lexicon)
    a = rules.analyse(_post(text, day))
    calls = [e for evs in a.evidence.values() for e in evs if e.kind == "ballot-call"]
    assert not calls, (text, calls)
    assert not rules.screen(_post(text, day)).partisan, text


def test_bare_ah_is_no_trigger(lexicon):
    """The prefilter still skips "ah" at once; only a ballot verb with it asks for a look."""
    assert "ah" not in lexicon.triggers
    assert lexicon.holds_phrase({"pilih", "ah"})
    assert not lexicon.holds_phrase({"ah"})


@pytest.mark.parametrize(
    "text",
    [
        "capek ah",
        "AH solusi",
        "pilih AH",
        "dukung AH ya",
        "males nyoblos ah",
        "ayo pilih 02",
        "urut 2",
        "pilihan sy tetap nomor 2",
        "pilihan ganda nomor 2",
    ],
)
@pytest.mark.parametrize("day", [None, "2024-02-05"])
def test_prefilter_stays_exact(rulebook, text, day):
    rules = Screener(rulebook, use_model=False)
    post = _post(text, day)
    if rules._quiet(post):
        a = rules.analyse(post)
        assert not a.political
        assert not rules._decide(a).political


def test_a_ballot_verb_before_a_number_is_read_on_any_day(rulebook):
    """ "pilih" also guards "hak pilih"; it must stay a number trigger for "pilih 02"."""
    rules = Screener(rulebook, use_model=False)
    s = rules.screen(_post("ayo pilih 02"))
    assert s.partisan and s.contestants[0] == "pilpres-2024:2"


def test_initialisms_are_capital_letters():
    assert Person(name="Andi Harun", role="Calon Wali Kota", initialisms=["AH"]).initialisms
    for bad in ["ah", "A", "A.H.", "ABCDE"]:
        with pytest.raises(ValidationError):
            Person(name="Andi Harun", role="Calon Wali Kota", initialisms=[bad])


def test_a_word_that_only_guards_a_number_phrase_needs_the_whole_phrase(rulebook):
    """"pilihan" is read only as part of "pilihan ku/saya/…": a review with "banyak pilihan
    menu" and "lantai 2" is skipped at once, one's own choice and a ballot number are not."""
    rules = Screener(rulebook, use_model=False)
    assert "pilihan" in rules.lexicon.number_phrase_triggers
    assert "pilihan" not in rules.lexicon.number_triggers
    for text in (
        "Banyak pilihan menu di kantin lantai 2, harganya 15 ribu aja",
        "Pilihan ganda ada 40 soal, esai 5 soal. Semangat ujian nak",
    ):
        assert rules._quiet(_post(text)), text  # undated: a bare number is no ballot number
    for text in ("pilihan sy tetap nomor 2", "pilihanku no 1 dari dulu", "pilihan kami 03"):
        assert not rules._quiet(_post(text)), text
        assert rules.screen(_post(text, "2024-02-05")).partisan, text
