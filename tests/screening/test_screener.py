import datetime as dt

import pytest

from netral.screening import Post


def make_post(text, action="post", target=None, day=None, post_id="t1"):
    published = dt.date.fromisoformat(day) if day else None
    return Post(id=post_id, text=text, action=action, target_text=target, published_at=published)


TRAPS = [
    # "ganjar" as a verb
    ("Alhamdulillah kerja keras tim kita diganjar juara umum MTQ tingkat provinsi", None),
    ("Semoga Allah ganjar kebaikan bapak ibu dengan pahala berlipat", None),
    ("Pemerintah mengganjar desa terbersih dengan dana insentif", None),
    # amin as a prayer, Amien Rais
    ("Mohon doanya untuk ibu kami yang sedang dioperasi, aamiin", None),
    ("Semoga pemilu berjalan aman dan damai ya Allah, amin", "2024-02-13"),
    ("Pak Amien Rais hadir di pengajian akbar Masjid Islamic Center", None),
    # 02 as a number
    ("Antrean nomor 02 silakan masuk ruang dokter", None),
    ("Kerja bakti warga RT 02 minggu depan jam 7", "2024-01-20"),
    ("Kelas 02 pindah ke ruang 03 karena AC rusak", None),
    # peace sign
    ("Maaf ya kemarin telat balas chat ✌️ peace", None),
    ("Habis nyoblos jari ungu dulu ✌️ pemilu damai, siapapun presidennya", "2024-02-14"),
    # ordinary words
    ("Kita harus terus maju dan berani melakukan perubahan di pelayanan publik", "2024-01-10"),
    ("Perubahan jadwal apel pagi: mulai besok jam 07.30", None),
    # neutral election work and turnout calls
    ("Rapat koordinasi pengamanan TPS bersama Kodim dan Polres di aula setda", "2024-02-08"),
    ("Ayo warga, 14 Februari jangan golput, gunakan hak pilih sesuai hati nurani", "2024-02-12"),
    ("KPU: rekapitulasi tingkat kecamatan dimulai 15 Februari pukul 09.00", "2024-02-15"),
    (
        "Hari ini sosialisasi netralitas, ASN dilarang pose salam dua jari atau tiga jari",
        "2024-01-11",
    ),
    # neutral news of a visit
    (
        "Calon wakil presiden Gibran Rakabuming Raka berkunjung ke Pasar Pagi Samarinda, "
        "Rabu (10/1), menurut keterangan panitia",
        "2024-01-10",
    ),
]


@pytest.mark.parametrize(("text", "day"), TRAPS)
def test_traps_are_not_partisan(screener, text, day):
    s = screener.screen(make_post(text, day=day))
    assert not s.partisan, (text, s.contestants, s.findings)
    assert s.acts == [] and s.findings == []


CATCHES = [
    (
        "Tanggal 14 jangan lupa ya, nyoblos no 2 biar menang satu putaran",
        "2024-02-05",
        "pilpres-2024:2",
        "online-campaign",
    ),
    (
        "Sudah mantap hati, pilih 01 untuk Indonesia yang adil",
        "2024-01-22",
        "pilpres-2024:1",
        "online-campaign",
    ),
    (
        "Abis kampanye akbar, foto dulu salam 3 jari",
        "2024-02-03",
        "pilpres-2024:3",
        "partisan-photo",
    ),
    (
        "Merinding liat GBK tadi malem #AMIN #AniesMuhaimin",
        "2024-02-10",
        "pilpres-2024:1",
        "online-campaign",
    ),
    (
        "Wowo gemoy bikin adem, oke gas lanjutkan!",
        "2024-01-02",
        "pilpres-2024:2",
        "online-campaign",
    ),
    (
        "Mas Gibran anak ingusan, produk dinasti. Mending Pak Ganjar yang jelas kerjanya",
        "2024-01-28",
        "pilpres-2024:3",
        "online-campaign",
    ),
    (
        "Kaltim butuh pemimpin berpengalaman, dukung terus Pak Isran Noor!",
        "2024-10-15",
        "pilgub-kaltim-2024:1",
        "online-campaign",
    ),
    (
        "27 November coblos nomor 2 untuk Kaltim, Rudy Seno pasti menang",
        "2024-11-10",
        "pilgub-kaltim-2024:2",
        "online-campaign",
    ),
    (
        "Caleg Gerindra dapil 3 siap menangkan, ayo coblos partai nomor 2",
        "2024-02-01",
        "party-2024:2",
        "online-campaign",
    ),
]


@pytest.mark.parametrize(("text", "day", "contestant", "act"), CATCHES)
def test_catches_are_partisan_with_evidence(screener, text, day, contestant, act):
    post = make_post(text, day=day, action="caption" if "foto" in text else "post")
    s = screener.screen(post)
    assert s.partisan, text
    assert s.contestants[0] == contestant
    assert act in s.acts
    assert s.findings and all(f.evidence for f in s.findings)
    for f in s.findings:
        assert f.citations and all(c.label for c in f.citations)
        for span in f.evidence:
            assert getattr(post, span.field)[span.start : span.end] == span.text


def test_before_determination_day_gives_ethics_acts(screener):
    s = screener.screen(
        make_post("Sudah saatnya Pak Isran Noor lanjut dua periode, dukung!", day="2024-07-01")
    )
    assert s.partisan and s.acts[0] == "ethics-online-campaign"
    assert any("PP 42/2004" in c.label for f in s.findings for c in f.citations)


def test_like_and_share_of_partisan_post_is_partisan(screener):
    target = "Ayo rapatkan barisan, menangkan Ganjar-Mahfud di Jawa Tengah! #GanjarMahfud"
    for action in ("like", "share"):
        s = screener.screen(make_post("", action=action, target=target, day="2024-01-19"))
        assert s.partisan and s.contestants[0] == "pilpres-2024:3"
        assert s.acts == ["social-engagement"]
        assert any(e.field == "target_text" for f in s.findings for e in f.evidence)


def test_neutral_comment_on_partisan_post_is_not_partisan(screener):
    target = "Ayo rapatkan barisan, menangkan Ganjar-Mahfud di Jawa Tengah! #GanjarMahfud"
    neutral = screener.screen(
        make_post(
            "Acara besok mulai jam berapa ya?", action="comment", target=target, day="2024-01-19"
        )
    )
    assert not neutral.partisan
    agreeing = screener.screen(
        make_post("Setuju bgt pak 👍", action="comment", target=target, day="2024-01-19")
    )
    assert agreeing.partisan and agreeing.acts == ["social-engagement"]


def test_numbers_follow_the_pilkada_calendar(screener):
    s = screener.screen(
        make_post("Ingat ya bapak ibu, coblos nomor 1 tanggal 27!", day="2024-11-15")
    )
    assert s.partisan
    assert s.contestants[0].startswith("pilgub-kaltim-2024") or "pilwali" in s.contestants[0]
    s = screener.screen(
        make_post("Ingat ya bapak ibu, coblos nomor 1 tanggal 14!", day="2024-02-01")
    )
    assert s.contestants[0] == "pilpres-2024:1"


def test_phase_and_indonesian_explanation(screener):
    s = screener.screen(make_post("Coblos 03 biar sat set!", day="2024-02-12"))
    assert s.phase == "masa-tenang"
    assert s.explanation.startswith("Unggahan ini berpihak")
    none = screener.screen(make_post("Nasi goreng di depan kantor enak banget"))
    assert none.explanation == "Unggahan ini tidak terkait pemilu." and not none.political


def test_screen_many_keeps_order(screener):
    posts = [
        Post(id=str(i), text=t) for i, t in enumerate(["coblos 02", "makan siang", "pilih 01"])
    ]
    assert [s.id for s in screener.screen_many(posts)] == ["0", "1", "2"]
