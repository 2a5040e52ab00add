from tests.screening.conftest import post

from netral.screening.normalise import Normaliser


def test_offsets_point_back_to_the_original_words(lexicon):
    text = "Pokoknya PILIHHH nmr 02 yaa!! #PrabowoGibran2024 ✌️"
    toks = lexicon.normaliser.tokens(text)
    for norm, start, end in zip(toks.norms, toks.starts, toks.ends, strict=True):
        assert text[start:end].strip(), norm
    assert "pilih" in toks.norms and "nomor" in toks.norms and "02" in toks.norms
    i = toks.norms.index("pilih")
    assert text[toks.starts[i] : toks.ends[i]] == "PILIHHH"


def test_slang_elongation_and_ballot_abbreviations(lexicon):
    norms = lexicon.normaliser.tokens("jgn lupa cblos no.2 ya, pilihhhh yg terbaik").norms
    assert norms[:5] == ["jangan", "lupa", "coblos", "nomor", "2"]
    assert "pilih" in norms


def test_hashtags_are_split_into_words_and_kept_whole(lexicon):
    norms = lexicon.normaliser.tokens("#AMINAjaDulu #asalbukanwowo").norms
    assert norms[0] == "#aminajadulu" and norms[1:4] == ["amin", "aja", "dulu"]
    assert "#asalbukanwowo" in norms and "wowo" in norms


def test_prayer_is_never_folded_into_the_name_amin(lexicon):
    for prayer in ("Aamiin", "aamiiin", "AMIIN", "amiin"):
        assert lexicon.normaliser.tokens(prayer).norms == ["aamiin"], prayer
    assert lexicon.normaliser.tokens("Amien Rais").norms == ["amien", "rais"]


def test_the_slang_table_never_rewrites_a_known_word():
    n = Normaliser({}, {"ganjar": "hadiah", "gw": "saya"}, {"ganjar"})
    assert n.tokens("gw ganjar").norms == ["saya", "ganjar"]


def test_urls_are_dropped_and_emoji_kept(lexicon):
    toks = lexicon.normaliser.tokens("cek https://cekdptonline.kpu.go.id 👍🏽")
    assert toks.norms == ["cek", "👍"]


def test_ocr_reads_a_capital_i_as_l_and_the_meant_word_is_restored(lexicon):
    norms = lexicon.normaliser.tokens("Janji doang. Sy tetap lsran, lni utk lbu2 guru").norms
    assert "isran" in norms and "ini" in norms and "ibu" in norms
    # words that really begin with l stay as written, and unknown l-words are not bent
    kept = ["lrt", "lpk", "lembur", "libur"]
    assert lexicon.normaliser.tokens(" ".join(kept)).norms == kept


def test_an_ocr_misread_name_is_evidence_on_the_characters_as_written(screener):
    text = "Gratispol gratispol, janji doang. Sy tetap lsran, yg udh kerja. Tgl 27 ingat"
    s = screener.screen(post(text, "2024-11-20"))
    assert s.partisan
    assert "pilgub-kaltim-2024:1" in s.contestants
    spans = [e.text for f in s.findings for e in f.evidence]
    assert any("lsran" in t for t in spans), spans
