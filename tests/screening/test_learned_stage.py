"""The learned stage's second head and what it changed: engagement with a contestant's own post,
party epithets, a party named with its ballot number, indirect references named by the
contestant head (with its words as evidence), and the lone peace sign."""

from dataclasses import replace

import numpy as np
import pytest
from sklearn.ensemble import GradientBoostingClassifier
from tests.screening.conftest import post

from netral.screening.screener import Ev, _other_meanings, _passages, _reread
from netral.screening.stance.classifier import (
    RULE_INPUTS,
    BoostedTrees,
    ContestantHead,
    StanceFeatures,
    StanceModel,
    rule_features,
)


def test_liking_a_candidates_own_post_is_engagement(screener):
    s = screener.screen(
        post(
            "",
            "2024-11-02",
            action="like",
            target="(akun Isran-Hadi) Terima kasih warga Sempaja Utara atas sambutan hangatnya "
            "malam ini, semoga Kaltim makin sejahtera.",
        )
    )
    assert s.partisan
    assert s.contestants[0] == "pilgub-kaltim-2024:1"
    assert s.acts == ["social-engagement"]
    assert "menyukai unggahan" in s.explanation
    assert {e.field for f in s.findings for e in f.evidence} == {"target_text"}


def test_liking_news_about_a_candidate_is_not(screener):
    s = screener.screen(
        post(
            "",
            "2024-11-02",
            action="like",
            target="Isran Noor meninjau banjir di Sempaja, Kamis (2/11). Pemprov menyiapkan "
            "bantuan bagi warga terdampak, kata Kepala BPBD.",
        )
    )
    assert not s.partisan


def test_approving_comment_under_a_pairs_post_names_the_pair(screener):
    s = screener.screen(
        post(
            "Aamiin, semoga menang pak, kami di Balikpapan Tengah siap bantu 🙏",
            "2024-11-10",
            action="comment",
            target="Sa'bani–Syukri: Terima kasih warga Balikpapan Tengah, mohon doa restunya.",
        )
    )
    assert s.partisan and s.contestants[0] == "pilwali-balikpapan-2024:3"
    assert "social-engagement" in s.acts


@pytest.mark.parametrize(
    ("text", "contestant"),
    [
        ("Suami sy nyaleg dari partainya Surya Paloh, mohon doa dan dukungannya ya ibu2 🙏",
         "party-2024:5"),
        ("Pileg nanti sy tetap partai mercy, dari zaman partainya SBY sdh biru 💙",
         "party-2024:14"),
        ("Partai Buruh nomor 6, suara pekerja harus masuk Senayan ✊", "party-2024:6"),
        ("PKS nomor 8, bersih peduli profesional 🤍🧡", "party-2024:8"),
    ],
)
def test_party_epithets_and_own_ballot_numbers(screener, text, contestant):
    s = screener.screen(post(text, "2024-01-20"))
    assert s.partisan, s.explanation
    assert s.contestants[0] == contestant


def test_the_draw_of_ballot_numbers_is_not_a_campaign(screener):
    s = screener.screen(
        post(
            "Hasil undian nomor urut Pilgub Kaltim: 1 Isran–Hadi, 2 Rudy–Seno. Kampanye mulai "
            "25 September.",
            "2024-09-24",
        )
    )
    assert s.political and not s.partisan


@pytest.mark.parametrize(
    "text",
    [
        "wisuda si sulung ✌️🎓 alhamdulillah, perjuangan 4 tahun",
        "maaf ya bapak ibu tadi salah kirim foto ke grup ✌️🙏",
        "Antrean BPJS pagi ini dapat nomor 02, semoga cepat dipanggil 😩",
    ],
)
def test_a_lone_sign_or_number_in_campaign_days_stays_unflagged(screener, text):
    assert not screener.screen(post(text, "2024-01-28")).partisan


def test_an_indirect_reference_is_named_by_the_contestant_head(screener):
    s = screener.screen(
        post(
            "Pemilu nanti aku ikut yang mau bikin makan gratis buat anak sekolah, sama yang mau "
            "lanjutin IKN. Udah jelas lah 😌",
            "2024-02-10",
        )
    )
    assert s.partisan and s.contestants == ["pilpres-2024:2"]
    words = [e.text for f in s.findings for e in f.evidence]
    assert words and all(w.lower() not in {"yang", "mau", "sama"} for w in words)
    assert any("IKN" in w or "makan" in w for w in words)
    assert "tanpa menyebut namanya" in s.explanation
    text = "Pemilu nanti aku ikut yang mau bikin makan gratis buat anak sekolah, sama yang mau " \
        "lanjutin IKN. Udah jelas lah 😌"
    for f in s.findings:
        for e in f.evidence:
            assert text[e.start : e.end] == e.text


def test_contestant_head_probabilities_reasons_and_round_trip(tmp_path):
    head = ContestantHead(
        ["a", "b"],
        {"ikn": 0, "perubahan": 1, "C: ik": 2},
        np.array([[2.0, -2.0], [-1.5, 1.5], [0.5, 0.0]], dtype=np.float32),
        np.zeros(2, dtype=np.float32),
    )
    p = head.proba(["ikn", "C: ik", "unknown"])
    assert abs(sum(p.values()) - 1.0) < 1e-6 and p["a"] > 0.8
    assert head.reasons(["ikn", "perubahan"], "a") == ["ikn"]
    assert head.reasons(["ikn", "perubahan"], "b") == ["perubahan"]
    model = StanceModel({"x": 0}, {"political": [0.1], "partisan": [0.2]},
                        {"political": 0.0, "partisan": 0.0}, {"partisan": 0.4}, {}, head)
    model.save(tmp_path / "m.json")
    again = StanceModel.load(tmp_path / "m.json")
    assert again is not None and again.contestant is not None
    assert again.contestant.proba(["ikn"]) == pytest.approx(head.proba(["ikn"]), abs=1e-3)


def test_shipped_model_was_chosen_by_cross_validation(screener):
    meta = screener.model.meta
    assert meta["selection"] == "5-fold cross-validation on train+dev, FPR <= 0.03"
    assert screener.model.contestant is not None
    assert {"partisan", "implied", "blend", "model_weight"} <= screener.model.thresholds.keys()


@pytest.mark.parametrize(
    ("text", "partisan"),
    [
        ("gas 02 🔥", True),
        ("fix 03, sat set 🤟", True),
        ("Garuda Muda menang 2 - 0!! 🇮🇩", False),
        ("antrian BPJS dapet nomor 02, semoga cepet dipanggil", False),
    ],
)
def test_a_cheer_next_to_a_number_is_a_ballot_call(screener, text, partisan):
    s = screener.screen(post(text, "2024-01-20"))
    assert s.partisan is partisan


def _stacker(inputs: list[str]) -> tuple[BoostedTrees, GradientBoostingClassifier, np.ndarray]:
    """Boosted trees fit on made-up stage outputs: a strong partisan score or strong lexicon
    evidence for a named contestant means partisan."""
    rng = np.random.default_rng(7)
    x = rng.normal(size=(300, len(inputs)))
    x[:, 2] = rng.integers(0, 8, size=300)  # strength of the decisive field
    y = ((x[:, 1] > 0.3) | (x[:, 2] >= 4)).astype(int)
    clf = GradientBoostingClassifier(n_estimators=20, max_depth=3, random_state=0).fit(x, y)
    return BoostedTrees.from_sklearn(clf, inputs), clf, x


def _model(stacker: BoostedTrees | None = None) -> StanceModel:
    vocab = {"coblos": 0, "nomor": 1, "banjir": 2}
    return StanceModel(
        vocab,
        {"political": [1.0, 0.5, -0.5], "partisan": [2.0, 0.4, -1.0]},
        {"political": -0.2, "partisan": -0.7},
        {"partisan": 0.5},
        {},
        stacker=stacker,
    )


def test_linear_scores_sum_the_known_features_over_the_root_of_their_count():
    model = _model()
    z = model.decision(["coblos", "nomor", "yuk"])
    assert z["partisan"] == pytest.approx(-0.7 + (2.0 + 0.4) / 2**0.5)
    assert z["political"] == pytest.approx(-0.2 + (1.0 + 0.5) / 2**0.5)
    assert model.decision([]) == {"political": -0.2, "partisan": -0.7}


def test_a_word_counts_with_its_character_ngrams():
    model = StanceModel(
        {"coblos": 0, "C:cob": 1, "C:los ": 2, "nomor": 3},
        {"political": [1.0, 0.2, 0.1, 0.5], "partisan": [2.0, 0.6, -0.2, 0.4]},
        {"political": 0.0, "partisan": 0.0},
        {},
        {},
    )
    # "nyoblos" shares "los " with "coblos" but not "cob"; "nomor" is read as a word
    feats = StanceFeatures(["coblos", "nyoblos"], ["nomor", "A:post"])
    assert model.decision(feats)["partisan"] == pytest.approx(
        (2.0 + 0.6 - 0.2 - 0.2 + 0.4) / 5**0.5
    )
    assert model.decision(feats) == pytest.approx(model.decision(feats.expand()))


def test_run_time_scores_equal_the_trainers_reading_of_real_posts(screener):
    """The screener sums remembered word shares; the trainer counts the expanded features.
    Both must give the same score, or the shipped weights mean something else at run time."""
    model = screener.model
    texts = [
        "Sy ASN, tp kl ditanya sy pilih Ganjar. Jgn bilang2 ya 🤫",
        "Rapat koordinasi pengamanan TPS bersama Polres dan KPU Kota Samarinda hari ini",
        "Coblos coblos coblos nomor 2!! Lanjutkan IKN, lanjutkan Kaltim 🔥🔥 #KaltimTuntas",
    ]
    for text in texts:
        a = screener.analyse(post(text, "2024-11-20"))
        assert a.features is not None and a.features.words
        assert model.decision(a.features) == pytest.approx(model.decision(a.features.expand()))


def test_stacker_reproduces_scikit_learn_and_survives_the_round_trip(tmp_path):
    trees, clf, x = _stacker(_model().stacker_inputs())
    mine = [trees.decision(row) for row in x[:50]]
    assert mine == pytest.approx(clf.decision_function(x[:50]).tolist(), abs=1e-5)
    model = _model(trees)
    feats = ["coblos", "nomor", "2", "ya", "bapak", "ibu"]
    rules = [4.0, 4.0, 0.0, 0.0, 1.0, 0.0, 1.0, 1.0, 0.0, 1.0, 0.0]
    model.save(tmp_path / "m.json")
    again = StanceModel.load(tmp_path / "m.json")
    assert again is not None and again.stacker is not None
    assert again.proba(feats, rules) == pytest.approx(model.proba(feats, rules), abs=1e-4)
    # without the lexicon's conclusions the partisan head is read alone
    assert again.proba(feats)["partisan"] == pytest.approx(
        1 / (1 + np.exp(-model.decision(feats)["partisan"])), abs=1e-4
    )


def test_trees_deeper_than_the_table_form_are_refused():
    rng = np.random.default_rng(3)
    x, y = rng.normal(size=(200, 4)), rng.integers(0, 2, size=200)
    clf = GradientBoostingClassifier(n_estimators=3, max_depth=5, random_state=0).fit(x, y)
    with pytest.raises(ValueError, match="deep"):
        BoostedTrees.from_sklearn(clf, ["a", "b", "c", "d"])


def test_a_stacker_trained_on_other_inputs_is_refused():
    trees, _clf, _x = _stacker(_model().stacker_inputs())
    trees.inputs = [*trees.inputs[:-1], "something-else"]
    with pytest.raises(ValueError, match="retrain"):
        _model(trees)


def test_rule_features_of_a_like_of_a_pairs_own_post(screener):
    p = post(
        "",
        "2024-11-02",
        action="like",
        target="(akun Rudy-Seno) Kampanye akbar di Stadion Palaran, tumpah ruah! Coblos nomor 2, "
        "Kaltim makin maju ✌️",
    )
    a = screener.analyse(p)
    rules = dict(zip(RULE_INPUTS, rule_features(a, "target_text", True), strict=True))
    assert rules["engaged"] == 1.0 and rules["has_target"] == 1.0
    assert rules["strength"] == rules["strength:target_text"] > rules["strength:text"] == 0.0
    assert rules["backed"] >= 1.0 and rules["attacked"] == 0.0


def test_the_shipped_model_weighs_the_lexicon_with_a_stacker(screener):
    model = screener.model
    assert model.stacker is not None and model.meta["idf"]
    assert model.stacker.inputs == model.stacker_inputs()
    assert {"P", "R", "F1", "contestant_acc", "neutral_fpr"} <= model.meta["cv"].keys()


def test_a_post_with_no_election_word_is_read_by_the_learned_stage(screener):
    text = (
        "Terowongan sudah tembus, Teras Samarinda jadi, banjir cepat surut. Yg kerjanya sudah "
        "kelihatan ya dilanjut aja lah 💪"
    )
    p = post(text, "2024-11-10")
    assert not screener._quiet(p) and not screener.analyse(p).political
    s = screener.screen(p)
    assert s.partisan and s.contestants == ["pilwali-samarinda-2024:1"]
    assert "tanpa menyebut namanya" in s.explanation
    spans = [e for f in s.findings for e in f.evidence]
    assert spans and all(text[e.start : e.end] == e.text for e in spans)


def test_everyday_posts_the_prefilter_lets_through_stay_unflagged(screener):
    for text in (
        "Arisan RT tgl 14 ditunda ya bu, pindah ke minggu depan di rumah bu Yati 🙏",
        "Dapat nomor antrian 2 di puskesmas, semoga cepat dipanggil",
    ):
        p = post(text, "2024-02-05")
        assert not screener._quiet(p), text
        assert not screener.screen(p).partisan, text


@pytest.mark.parametrize(
    ("comment", "target"),
    [
        ("sehat selalu pak 🙏🙏", "Gibran Rakabuming: Makan siang gratis untuk anak sekolah, susu "
         "gratis untuk ibu hamil. Lanjutkan! Coblos nomor 2"),
        ("semoga lancar acaranya pak", "Isran Noor: Alhamdulillah ribuan warga Tenggarong hadir di "
         "kampanye dialogis kita. Kaltim berdaulat, nomor 1!"),
        # the words of campaign posts under which courtesy comments sit ("relawan", "02 ✌️")
        # pull a share's score down; a bare share is read as the post itself would be
        (
            "Jaga kesehatan pak, jangan lupa istirahat 🙏",
            "Seharian keliling 5 kecamatan bersama relawan. Capek tapi semangat! Coblos 02 ✌️ "
            "#PrabowoGibran2024",
        ),
    ],
)
def test_a_courtesy_comment_under_a_partisan_post_borrows_none_of_its_words(
    screener, comment, target
):
    s = screener.screen(post(comment, "2024-01-20", action="comment", target=target))
    assert not s.partisan, s.findings
    # the same words liked or shared are the author's own act
    shared = screener.screen(post("", "2024-01-20", action="share", target=target))
    # (an ethics breach before the Pilkada pairs were determined, discipline after)
    assert shared.partisan and shared.acts[0].endswith("social-engagement")


def test_a_long_posts_most_partisan_passage_is_read_on_its_own():
    neutral = [f"kata{i}" for i in range(70)]
    vocab = {w: i for i, w in enumerate([*neutral, "coblos"])}
    model = StanceModel(
        vocab,
        {"political": [0.0] * 71, "partisan": [0.0] * 70 + [3.0]},
        {"political": 0.0, "partisan": 0.0},
        {},
        {},
    )
    words = [*neutral, "coblos"]
    feats = StanceFeatures(words, [], _passages(words, []))
    assert feats.windows and all(len(w.words) <= 40 for w in feats.windows)
    assert "coblos" in feats.windows[-1].words  # the passages reach the end
    whole = model.decision(feats)["partisan"]
    assert whole == pytest.approx(3.0 / 71**0.5)
    # the last passage holds words 40..70: 31 known words, one of them partisan
    assert model.passage(feats) == pytest.approx(3.0 / 31**0.5)
    # a short post is its own passage
    short = StanceFeatures(["kata1", "coblos"], [], _passages(["kata1", "coblos"], []))
    assert short.windows == () and model.passage(short) == model.decision(short)["partisan"]


@pytest.mark.parametrize(
    ("target", "own"),
    [
        ("(akun Isran-Hadi) Terima kasih warga Sempaja Utara atas sambutan hangatnya", True),
        ("Prabowo Subianto: Terima kasih Kalimantan Timur! Sampai jumpa di TPS", True),
        ("Andi Harun (akun resmi): Banjir di Samarinda mulai berkurang, mohon doa restu", True),
        ("Tribun Kaltim: Isran Noor kunjungi Sempaja, warga sambut hangat", False),
        ("KPU Kota Samarinda: Surat suara memuat satu pasangan calon dan kolom kosong", False),
        ("Terima kasih warga Sempaja atas sambutan hangatnya untuk Isran-Hadi", False),
    ],
)
def test_the_stacker_is_told_when_the_engaged_post_is_a_contestants_own(screener, target, own):
    a = screener.analyse(post("", "2024-11-02", action="like", target=target))
    assert a.own_account is own
    rules = dict(zip(RULE_INPUTS, rule_features(a, "target_text", True), strict=True))
    assert rules["own_account"] == float(own)


def test_a_surer_contestant_head_may_name_a_post_below_the_first_naming_bar(fresh):
    p = post(
        "Kakak jadi gubernur, adik jadi wali kota, iparnya di dewan. Kaltim ini provinsi atau "
        "warisan keluarga? #tolakdinasti",
        "2024-11-12",
    )
    fresh.model.thresholds.update(implied=2.0, implied_alt=2.0)
    assert not fresh.screen(p).partisan  # nobody named, and neither bar reached
    fresh.model.thresholds.update(implied_alt=0.5, implied_alt_contestant=0.6)
    s = fresh.screen(p)
    assert s.partisan and s.contestants == ["pilgub-kaltim-2024:2"]
    assert "tanpa menyebut namanya" in s.explanation


@pytest.mark.parametrize(
    ("text", "contestant"),
    [
        (
            "Rekan2 guru honor, ingat siapa yg dulu perjuangkan insentif kita. Tgl 27 jangan "
            "lupa ☝️",
            "pilgub-kaltim-2024:1",
        ),
        ("abah kembali memimpin benua etam ☝️", "pilgub-kaltim-2024:1"),
        ("Kuliah gratis sampai S3, bukan mimpi lagi ✌️", "pilgub-kaltim-2024:2"),
    ],
)
def test_a_lone_sign_the_words_point_to_is_backed_by_them(fresh, text, contestant):
    """A lone ☝️ needs words that back it; words the contestant head reads as that same pair
    (at a naming bar) do, where a graduation ✌️ has none."""
    p = post(text, "2024-11-20")
    shipped = dict(fresh.model.thresholds)
    fresh.model.thresholds.update(implied=2.0, implied_alt=2.0)  # the head may name no one
    assert not fresh.screen(p).partisan
    fresh.model.thresholds = shipped
    s = fresh.screen(p)
    assert s.partisan and s.contestants[0] == contestant
    assert not fresh.screen(post("wisuda si sulung ✌️🎓 alhamdulillah", "2024-11-20")).partisan


def test_the_stacker_is_told_how_many_of_a_races_pairs_a_post_names(screener):
    def balance(text: str, day: str) -> float:
        a = screener.analyse(post(text, day))
        return dict(zip(RULE_INPUTS, rule_features(a, "text", False), strict=True))["balance"]

    pilpres = "Anies bawa ayat, Prabowo bawa joget, Ganjar bawa rambut putih 🤣"
    pilgub = "Pilgub ini Isran janji masa jaya, Rudy janji gratis pol. Sy? Jalan aja dulu"
    assert balance(pilpres, "2024-01-20") == 1.0
    assert balance(pilgub, "2024-11-02") == 1.0
    two_of_three = "Rahmad–Bagus atau Rendi–Eddy, sama2 janji air lancar"
    assert balance(two_of_three, "2024-11-02") == pytest.approx(2 / 3)
    assert balance("Tgl 14 coblos Prabowo-Gibran, biar satu putaran ✌️", "2024-02-01") == 0.0


def test_a_partys_emblem_in_football_talk_is_read_by_neither_stage(screener):
    football = screener.analyse(
        post("Garuda di dadaku! Timnas menang 2-0 malam ini, bangga jadi suporter", "2024-01-20")
    )
    assert "garuda" not in football.features.words and not football.evidence["text"]
    ballot = screener.analyse(post("Kertas DPR nanti sy coblos Garuda, nomor 11", "2024-01-20"))
    assert "garuda" in ballot.features.words


def test_a_bare_numbers_other_meanings_stay_open_only_without_a_name():
    number = Ev("pilgub-kaltim-2024:2", "text", "gesture", "support", 2.0, 3, 3, 2,
                alts=("pilpres-2024:2",))
    cue = Ev("pilgub-kaltim-2024:2", "text", "support", "support", 1.5, 5, 5)
    assert _other_meanings([number, cue], "pilgub-kaltim-2024:2") == {"pilpres-2024:2"}
    name = Ev("pilgub-kaltim-2024:2", "text", "mention", "mention", 1.0, 0, 1)
    assert _other_meanings([name, number], "pilgub-kaltim-2024:2") == set()
    who = {"pilgub-kaltim-2024:2": 0.2, "pilpres-2024:2": 0.7}
    moved = _reread([number, cue], "pilgub-kaltim-2024:2", {"pilpres-2024:2"}, who, 2.0)
    assert moved is not None and {e.cid for e in moved} == {"pilpres-2024:2"}
    assert _reread([number, cue], "pilgub-kaltim-2024:2", {"pilpres-2024:2"}, who, 4.0) is None


def test_the_contestant_head_rereads_a_bare_sign_in_another_races_days(fresh):
    """November 2024 runs the Pilgub, so a bare ✌️ is read as its pair 2 first; the words say
    the President, whom the head finds far likelier."""
    p = post("Presiden kita sudah dilantik ✌️ yang dulu nyinyir ke mana suaranya sekarang? 😂",
             "2024-11-05")
    assert fresh.model.thresholds.get("reread") is not None
    s = fresh.screen(p)
    assert s.partisan and s.contestants[0] == "pilpres-2024:2"
    assert any(e.text.startswith("✌") for f in s.findings for e in f.evidence)
    del fresh.model.thresholds["reread"]
    assert fresh.screen(p).contestants[:1] == ["pilgub-kaltim-2024:2"]


def test_the_contestant_head_reads_the_race_running_on_the_day(screener):
    def days(day: str | None) -> list[str]:
        a = screener.analyse(post("lanjutkan pak", day or "2024-01-01"))
        if day is None:
            a.post = replace(a.post, published_at=None)
        return [f for f in screener.head_features(a) if f.startswith("D:")]

    assert days("2024-01-20") == ["D:pemilu-2024:before"]
    assert days("2024-11-20") == ["D:pilkada-2024:before"]
    assert days("2024-02-20") == ["D:pemilu-2024:after"]
    assert days(None) == ["D:?"]
