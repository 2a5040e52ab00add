"""New abilities: indirect references (rulebook descriptors), misspelt names, numbers written
as words or keycaps, finger emoji next to voting words, the empty column, and the prefilter."""

import json
from pathlib import Path

import pytest
from tests.screening.conftest import post

from netral.screening import Post
from netral.screening.matcher import scan_field

ROOT = Path(__file__).resolve().parents[2] / "datasets" / "posts"


INDIRECT = [
    (
        "Besok ke TPS ingat ya, coblos mantan gubernur Jawa Tengah itu, kerjanya nyata",
        "pilpres-2024:3",
    ),
    ("Capres yg suka joget itu pasti menang, gas terus!", "pilpres-2024:2"),
    ("Pemilu ini sy dukung penerus Jokowi, biar programnya jalan", "pilpres-2024:2"),
    ("Pilkada Kaltim: Gratispol itu nyata, dukung terus!", "pilgub-kaltim-2024:2"),
    ("Capres 2024 pilihanku ya yg rambut putih, sat set 🤟", "pilpres-2024:3"),
]


@pytest.mark.parametrize(("text", "contestant"), INDIRECT)
def test_indirect_references_name_the_contestant(screener, text, contestant):
    p = post(text, day="2024-11-05" if "Kaltim" in text else "2024-01-25")
    s = screener.screen(p)
    assert s.partisan, text
    assert s.contestants[0] == contestant
    for f in s.findings:
        for span in f.evidence:
            assert getattr(p, span.field)[span.start : span.end] == span.text


def test_attack_phrases_point_at_their_target(screener):
    s = screener.screen(post("Capres anak haram konstitusi kok mau dipilih, malu sama MK"))
    assert s.partisan and s.contestants[0] == "pilpres-2024:2"


def test_ordinary_uses_of_descriptor_words_stay_unflagged(screener):
    for text in (
        "Kantin kantor hari ini ada makan siang gratis buat yang ulang tahun 🎂",
        "Rambut putih ibu makin banyak, sudah waktunya pensiun katanya",
        "Kotak kosong di gudang tolong dibuang ya, bikin sempit",
    ):
        s = screener.screen(post(text))
        assert not s.partisan, text


def test_empty_column_campaign_is_an_attack_on_the_single_pair(screener):
    s = screener.screen(post("Warga Samarinda, 27 November coblos kolom kosong aja!", "2024-11-20"))
    assert s.partisan and s.contestants[0] == "pilwali-samarinda-2024:1"
    backing = screener.screen(
        post("Pilwali Samarinda: jangan pilih kotak kosong, AH sudah terbukti", "2024-11-20")
    )
    assert backing.partisan and backing.contestants[0] == "pilwali-samarinda-2024:1"
    explained = screener.screen(
        post(
            "Info KPU: surat suara Pilwali Samarinda memuat satu paslon dan kolom kosong",
            "2024-11-20",
        )
    )
    assert not explained.partisan


MISSPELT = [
    ("Pokoknya pilpres ini dukung Prabowow sampe menang!!", "pilpres-2024:2"),
    ("capres paling mantap cuma pak Ganjr, yg lain lewat", "pilpres-2024:3"),
    ("Pilpres nanti all in Muhaimim sama Anies!", "pilpres-2024:1"),
]


@pytest.mark.parametrize(("text", "contestant"), MISSPELT)
def test_misspelt_names_are_read(screener, text, contestant):
    s = screener.screen(post(text))
    assert s.partisan and s.contestants[0] == contestant


def test_fuzzy_names_leave_real_words_and_other_names_alone(lexicon):
    norms = lexicon.normaliser.tokens("Pak Mahmud pakai ganjal pintu, saat itu ganjaran").norms
    assert "mahfud" not in norms and "ganjar" not in norms
    assert "saat" in norms


def test_numbers_as_words_keycaps_and_regional_words(lexicon):
    def calls(text):
        return [(r.number, r.kind) for r in scan_field(lexicon, "text", text).numbers]

    assert (3, "ballot-call") in calls("ojo lali coblos nomer telu yo lur")
    assert (2, "ballot-call") in calls("besok pilih 2️⃣ ya bund")
    assert (2, "ballot-call") in calls("coblos 0️⃣2️⃣ gaes")


def test_finger_emoji_next_to_voting_words(screener):
    s = screener.screen(post("Alhamdulillah udah nyoblos ✌️ yg terbaik pasti menang", "2024-02-14"))
    assert s.partisan and s.contestants[0] == "pilpres-2024:2"
    for text in (
        "Debat kusir soal bubur diaduk ✌️ semua benar kok",
        "Habis nyoblos ✌️ pemilu damai, siapapun presidennya kita tetap saudara",
        "Ditegur atasan krn foto 2 jari sama calon, hati2 ya",
    ):
        assert not screener.screen(post(text, "2024-02-14")).partisan, text


def test_amen_under_a_partisan_prayer_is_engagement(screener):
    target = "Ya Allah menangkan Pak Prabowo dan Mas Gibran satu putaran ✌️ #PrabowoGibran"
    s = screener.screen(post("Aamiin 🤲", "2024-02-01", action="comment", target=target))
    assert s.partisan and s.contestants[0] == "pilpres-2024:2"
    calm = "Semoga pemilu besok damai dan lancar"
    s = screener.screen(post("Aamiin 🤲", "2024-02-13", action="comment", target=calm))
    assert not s.partisan


def test_prefilter_is_exact_on_labelled_posts(screener):
    """A post the prefilter skips must come out exactly as the full analysis would say."""
    from netral.screening.dataset import to_post

    rows = [json.loads(x) for x in (ROOT / "train.jsonl").read_text(encoding="utf-8").splitlines()]
    chatter = [
        "Nasi goreng di depan kantor enak banget, harganya juga murah",
        "Pilihan menu katering minggu ini banyak, saya pilih yang pedas",
        "Rapat jam 2 di ruang 3 ya, bawa laptop",
        "Selamat ulang tahun bu Kabid, semoga sehat selalu 🎂🙏",
    ]
    posts = [to_post(r) for r in rows] + [Post(id=str(i), text=t) for i, t in enumerate(chatter)]
    skipped = 0
    for p in posts:
        if screener._quiet(p):
            skipped += 1
            full = screener._decide(screener.analyse(p))
            assert not full.political and not full.partisan and not full.allowed, p.text
    assert skipped >= len(chatter)


def test_clock_times_dates_and_scores_are_not_ballot_numbers(screener):
    for text in (
        "Rapat koordinasi pemenangan pengamanan TPS dimulai 09.41 WITA di aula kantor camat",
        "Batas akhir laporan dana kampanye tanggal 14.02.2024, mohon dicek lagi",
        "Garuda Muda menang 2-0 lawan Yordania, nonton bareng di pos ronda RT 05!",
    ):
        s = screener.screen(post(text, "2024-02-01"))
        assert not s.partisan, text
        assert not any(c.startswith("pilpres-2024:") for c in s.contestants), text
    s = screener.screen(post("Jam 09.41 udah di TPS, coblos 02 biar satu putaran ✌️", "2024-02-14"))
    assert s.partisan and s.contestants[0] == "pilpres-2024:2"


# a well-known programme or symbol, the contestant it stands for, and the words shown as evidence
PROGRAMMES = [
    (
        post(
            "Pilwali Samarinda nanti dukung terus yg punya Probebaya, sudah terbukti 👍",
            "2024-11-10",
        ),
        "pilwali-samarinda-2024:1",
        "Probebaya",
    ),
    (
        post(
            "Pilgub Kaltim: beasiswa Kaltim Tuntas harus lanjut, dukung abahnya lagi!", "2024-11-10"
        ),
        "pilgub-kaltim-2024:1",
        "Kaltim Tuntas",
    ),
    (
        post(
            "Bapak ibu, 14 Februari nanti coblos gambar ka'bah ya, partai kita dari dulu 💚",
            "2024-02-01",
        ),
        "party-2024:17",
        "gambar ka'bah",
    ),
    (
        post("Pileg nanti tetap bintang mercy, biru sampai mati 💙", "2024-01-20"),
        "party-2024:14",
        "bintang mercy",
    ),
    (
        post("Pilwali Balikpapan: pilih mantan sekda yg paham birokrasi, nomor 3!", "2024-11-10"),
        "pilwali-balikpapan-2024:3",
        "mantan sekda",
    ),
]


@pytest.mark.parametrize(("p", "contestant", "words"), PROGRAMMES)
def test_programmes_and_symbols_name_their_contestant(screener, p, contestant, words):
    s = screener.screen(p)
    assert s.partisan and s.contestants[0] == contestant, p.text
    assert any(words in span.text for f in s.findings for span in f.evidence)


def test_programmes_in_everyday_life_are_not_campaigning(screener):
    for text, day in (
        (
            "Alhamdulillah beasiswa Kaltim Tuntas anak sy cair hari ini, terima kasih Pemprov 🙏",
            "2023-03-10",
        ),
        (
            "Dana Probebaya RT kami sudah cair, kerja bakti semenisasi gang Minggu ini ya bapak2",
            "2025-03-10",
        ),
        ("Desain masjid dgn gambar ka'bah di mihrab, bagus bgt", "2024-02-01"),
    ):
        assert not screener.screen(post(text, day)).partisan, text


@pytest.mark.parametrize(
    "text",
    [
        "Garuda di dadaku 🇮🇩 Timnas menang 2-0 lawan Vietnam! Bangga jadi suporter #GarudaMuda",
        "Skuad Garuda siap tempur di kualifikasi Piala Dunia malam ini, ayo dukung! 🇮🇩",
        "Nobar timnas di aula kantor Kaltim jam 8, dukung Garuda bareng2 ya 🔥",
    ],
)
def test_garuda_in_a_football_post_is_the_national_team(screener, text):
    s = screener.screen(post(text, "2024-02-01"))  # in the legislative campaign
    assert not s.partisan, s.explanation
    assert "party-2024:11" not in s.contestants


def test_the_garuda_party_named_as_such_in_a_football_post_still_counts(screener):
    s = screener.screen(
        post("Garuda di dadaku, tapi pileg nanti sy coblos Partai Garuda nomor 11 💪", "2024-02-01")
    )
    assert s.partisan and s.contestants[0] == "party-2024:11"


@pytest.mark.parametrize(
    ("text", "party"),
    [
        ("Ka'bah ijo, sy pilih krn amanah, dulu almarhum bapak jg. Pileg 💚", "party-2024:17"),
        ("kabah di surat suara pileg ya bu, jgn nyasar", "party-2024:17"),
        ("partai restorasi itu yg menterinya kena kasus BTS, pileg skip", "party-2024:5"),
        ("bulan sabit kembar di surat suara DPR, itu aja", "party-2024:8"),
        ("ibu2, caleg partai hati nurani yg bagi nasi kuning tiap subuh itu lho", "party-2024:10"),
        ("Kepala garuda di kertas DPR, kepala garuda juga di kertas DPRD 🦅🦅", "party-2024:2"),
        ("pileg jgn lupa partai yg lambangnya bola dunia bintang sembilan 🌏", "party-2024:1"),
        ("Kertas ijo pileg, golekono gambar wit ringin 🌳 kuning tetep", "party-2024:4"),
        ("sy sekeluarga insyaallah ke bulan sabit lagi di pileg 🌙🌙", "party-2024:8"),
        (
            "Partainya kecil, otaknya gede. Bulan bintang, 13 di kertas kuning 🌙⭐ sy gak malu"
            " milih partai kecil",
            "party-2024:13",
        ),
        ("Abah ulun dulu pambakal zaman SBY. Pileg ni mercy lagi 💙", "party-2024:14"),
    ],
)
def test_party_emblems_and_mottos_name_the_party(screener, text, party):
    a = screener.analyse(post(text, day="2024-02-05"))
    assert party in {e.cid for e in a.evidence["text"]}, text


def test_the_kaaba_of_a_pilgrimage_is_no_party(screener):
    a = screener.analyse(post("alhamdulillah tahun depan umrah, rindu ka'bah 🤲", day="2024-02-05"))
    assert not a.evidence["text"]


def test_emblem_words_in_everyday_use_are_no_party(screener):
    for text in (
        "Alhamdulillah mobil mercy bekas sudah lunas, makasih om 🚗",
        "Sholat tarawih pertama, bulan sabit sudah terlihat dari masjid 🌙",
        "Lambang negara kita kepala garuda menoleh ke kanan, anak2 hafalkan ya",
        "Pengajian bintang sembilan malam ini di masjid kompleks, bapak2 NU hadir ya",
    ):
        s = screener.screen(post(text, day="2024-02-05"))
        assert not s.partisan, text


def test_mayoral_titles_put_a_bare_number_in_the_mayoral_race(screener):
    s = screener.screen(post("bareng pak bagus cawawali nomor 1 ☝️😁", day="2024-10-20"))
    assert s.partisan and s.contestants[0] == "pilwali-balikpapan-2024:1"
    s = screener.screen(post("Pilwali Balikpapan: Pak Wali lagi, 2 periode ☝️", "2024-11-01"))
    assert s.partisan and s.contestants[0] == "pilwali-balikpapan-2024:1"


def test_the_mayor_called_by_his_initials(screener):
    text = "Pak RM sdh 1 periode, jalan di kampung sy mulus. tau lah nomor brp ☝️"
    s = screener.screen(post(text, "2024-11-10"))
    assert s.partisan and s.contestants[0] == "pilwali-balikpapan-2024:1"
    s = screener.screen(post("Makan siang di RM Padang dekat kantor, enak", "2024-11-10"))
    assert not s.political


@pytest.mark.parametrize(
    ("text", "contestant"),
    [
        (
            "Bapak ibu, besok di bilik: kertas abu-abu yg paling kiri ☝️, kertas kuning terserah "
            "hati nurani",
            "pilpres-2024:1",
        ),
        ("kertas kuning sy coblos nomor 1 ya, bola dunia bintang sembilan 💚", "party-2024:1"),
    ],
)
def test_a_ballot_papers_colour_names_its_race(screener, text, contestant):
    """PKPU 14/2023: grey for the President, yellow for the DPR, blue and green for the DPRDs."""
    s = screener.screen(post(text, day="2024-02-10"))
    assert s.partisan and s.contestants[0] == contestant


def test_coloured_paper_in_a_craft_lesson_is_no_ballot(screener):
    s = screener.screen(post("lipat kertas kuning jadi kapal2an sama anak, seru", "2024-02-10"))
    assert not s.partisan
