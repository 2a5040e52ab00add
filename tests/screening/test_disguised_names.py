"""Names written to dodge filters ("pr4bowo", "an1es", "g@njar", "pr*bowo", "r.u.d.y") are read
as the name, with evidence on the characters as written; numbers and number forms ("02",
"no.2", "covid19", "B 1234 KT") are read as before; and a few emoji stand for election words
("📦" is the empty box of Samarinda's single-pair race, "🗳️" the ballot box)."""

import pytest
from tests.screening.conftest import post

from netral.screening.normalise import _TOKEN, Normaliser

# (post, the disguised name as written, the name it spells, contestant, day)
DISGUISED = [
    ("Sudah saatnya an1es jadi presiden, perubahan dimulai dari TPS 14 Februari",
     "an1es", "anies", "pilpres-2024:1", "2024-01-25"),
    ("Pokoknya pr4bowo presiden 2024, jangan ragu lagi gaes 🇮🇩",
     "pr4bowo", "prabowo", "pilpres-2024:2", "2024-01-25"),
    ("Dukung g4njar sampai menang, sat set!",
     "g4njar", "ganjar", "pilpres-2024:3", "2024-01-25"),
    ("Lanjutkan i5ran noor, Kaltim berdaulat. Tgl 27 jgn lupa ke TPS",
     "i5ran", "isran", "pilgub-kaltim-2024:1", "2024-11-10"),
    ("Mas gibr4n wapres termuda, dukung terus sampai menang 🔥",
     "gibr4n", "gibran", "pilpres-2024:2", "2024-01-25"),
    ("14 Februari nanti coblos pr*bowo ya bapak ibu, biar satu putaran",
     "pr*bowo", "prabowo", "pilpres-2024:2", "2024-02-05"),
    ("Pilpres kali ini aku pilih g@njar, kerja nyata bukan janji",
     "g@njar", "ganjar", "pilpres-2024:3", "2024-01-25"),
    ("Capres pilihan keluarga kami 4nies, perubahan harus menang",
     "4nies", "anies", "pilpres-2024:1", "2024-01-25"),
    ("Yakin prab0wo menang satu putaran, dukung terus",
     "prab0wo", "prabowo", "pilpres-2024:2", "2024-01-25"),
    ("Santri wajib dukung muh4imin jadi wapres 🙏",
     "muh4imin", "muhaimin", "pilpres-2024:1", "2024-01-25"),
    ("Kaltim butuh gubernur muda, coblos r.u.d.y tgl 27 nanti",
     "r.u.d.y", "rudy", "pilgub-kaltim-2024:2", "2024-11-10"),
    ("WA grup kantor: *pr4bowo* aja lah, 14 Feb jangan golput",
     "pr4bowo", "prabowo", "pilpres-2024:2", "2024-02-05"),
]

# Posts full of numbers and number forms; none names a contestant.
NUMBER_FORMS = [
    ("Paket dikirim ke rumah nmr 02 gang Mawar, tolong diterima ya", ["nmr", "02"]),
    ("Rapat RT 03 hari Minggu jam 08.00 di pos ronda, yg 01 sampai 05 hadir ya",
     ["RT", "03", "08", "00", "01"]),
    ("Rumah no.2 di gang sebelah dipakai posyandu tgl 27/11, libur nasional",
     ["no", "2", "27", "11"]),
    ("Mobil plat B 1234 KT parkir di depan gerbang kantor sejak kemarin, punya siapa ya?",
     ["B", "1234", "KT"]),
    ("Sudah vaksin covid19 dosis booster, tp sinyal 5G di kantor masih lemot bgt",
     ["covid", "19", "5", "G"]),
    ("Sesuai pp94 tahun 2021 soal disiplin PNS, apel pagi wajib hadir ya",
     ["pp", "94", "2021"]),
    ("Lulusan s1 hukum, skrg lagi cetak poster ukuran a1 buat acara 17an kantor",
     ["s", "1", "a", "1", "17"]),
    ("Alhamdulillah anak sy naik ke kelas 4a, juara ke-2 lomba mewarnai tingkat kecamatan",
     ["4", "a", "ke", "2"]),
    ("Tahun 2024 ini anak sy masuk SD, biaya seragam naik lagi 😭", ["2024"]),
]


def _token_reading(normaliser, text):
    """The tokens of ``text`` as the token pattern alone reads them (no disguise merged)."""
    out = []
    for m in _TOKEN.finditer(text):
        out += [(norm, m.start(), m.end()) for norm in normaliser.normalise(m[0])]
    return out


def _evidence(screening):
    return [e for f in screening.findings for e in f.evidence]


@pytest.mark.parametrize(("text", "disguised", "name", "contestant", "day"), DISGUISED)
def test_a_disguised_name_is_read_as_the_name(lexicon, text, disguised, name, contestant, day):
    toks = lexicon.normaliser.tokens(text)
    start = text.index(disguised)
    i = toks.norms.index(name)
    assert (toks.starts[i], toks.ends[i]) == (start, start + len(disguised))


@pytest.mark.parametrize(("text", "disguised", "name", "contestant", "day"), DISGUISED)
def test_a_disguised_name_is_caught_with_evidence_on_what_was_written(
    screener, text, disguised, name, contestant, day
):
    p = post(text, day)
    s = screener.screen(p)
    assert s.partisan, s.explanation
    assert s.contestants[0] == contestant
    spans = _evidence(s)
    assert all(p.text[e.start : e.end] == e.text for e in spans)
    assert any(disguised in e.text for e in spans), [e.text for e in spans]
    # read as if the name were spelt out
    plain = screener.screen(post(text.replace(disguised, name), day))
    assert (plain.partisan, plain.contestants[:1]) == (True, [contestant])


@pytest.mark.parametrize(("text", "disguised", "name", "contestant", "day"), DISGUISED)
def test_the_prefilter_never_skips_a_disguised_name(
    screener, text, disguised, name, contestant, day
):
    assert not screener._quiet(post(text, day))
    assert not screener._quiet(post(f"ya {disguised}", "2025-06-01"))  # a name alone, any day


@pytest.mark.parametrize(("text", "forms"), NUMBER_FORMS)
def test_numbers_and_number_forms_are_read_as_before(lexicon, text, forms):
    toks = lexicon.normaliser.tokens(text)
    assert list(zip(toks.norms, toks.starts, toks.ends, strict=True)) == _token_reading(
        lexicon.normaliser, text
    )
    read = [text[s:e] for s, e in zip(toks.starts, toks.ends, strict=True)]
    for form in forms:
        assert form in read, (form, read)


@pytest.mark.parametrize(("text", "forms"), NUMBER_FORMS)
@pytest.mark.parametrize("day", ["2024-01-25", "2024-11-20", "2025-03-10"])
def test_numbers_and_number_forms_are_no_finding(screener, text, forms, day):
    s = screener.screen(post(text, day))
    assert not s.partisan and not s.findings and not s.contestants


@pytest.mark.parametrize(
    "word", ["02", "01", "2024", "5g", "a1", "s1", "4a", "covid19", "pp94", "1234", "4ever",
             "b4", "10rb", "p*****o", "an1es_fans"]
)
def test_unleet_reads_no_number_or_unknown_word(lexicon, word):
    assert lexicon.normaliser.unleet(word) is None


def test_unleet_needs_one_unambiguous_target():
    n = Normaliser({}, {}, (), leet_targets=["anies", "anles", "prabowo", "pranowo"])
    assert n.unleet("an1es") is None  # "anies" or "anles"
    assert n.unleet("pr*bowo") == "prabowo"
    assert n.unleet("pra*owo") is None  # "prabowo" or "pranowo"
    assert n.unleet("PR4BOWOOO") == "prabowo"
    # without targets nothing is read, and the tokens stay as the pattern finds them
    assert Normaliser({}, {}, ()).tokens("pr4bowo").norms == ["pr", "4", "bowo"]


def test_a_disguise_inside_a_link_or_tag_is_left_to_them(lexicon):
    n = lexicon.normaliser
    assert n.tokens("https://x.com/pr4bowo").norms == []
    assert n.tokens("#pr4bowo").norms == ["#pr4bowo", "prabowo"]
    assert n.tokens("@g4njar").norms == ["@g4njar", "ganjar"]


@pytest.mark.parametrize(
    "text",
    [
        "📦📦📦 27 nov",
        "📦📦📦 27 nov, Samarinda berani beda. Partai boleh diborong, suara rakyat tidak",
    ],
)
def test_the_box_emoji_is_the_empty_box_campaign(screener, text):
    p = post(text, "2024-11-20")
    s = screener.screen(p)
    assert s.partisan, s.explanation
    assert s.contestants[0] == "pilwali-samarinda-2024:1"
    assert [e.text for e in _evidence(s)] == ["📦📦📦"]
    assert all(p.text[e.start : e.end] == e.text for e in _evidence(s))


@pytest.mark.parametrize(
    "text",
    [
        "📦 Paket COD sudah dikirim semua ya kak, cek resi di DM",
        "Kotak kosong bekas kulkas dipakai cucu2 bikin rumah2an 📦😆",
    ],
)
def test_a_parcel_is_still_a_parcel(screener, text):
    s = screener.screen(post(text, "2024-11-20"))
    assert not s.partisan and not s.political


def test_the_ballot_box_emoji_places_a_post_in_an_election(screener, lexicon):
    toks = lexicon.normaliser.tokens("🗳️ besok!")
    assert toks.norms[:2] == ["kotak", "suara"] and toks.ends[:2] == [1, 1]
    s = screener.screen(post("🗳️ besok! jangan lupa bawa undangan", "2024-11-26"))
    assert s.political and not s.partisan
