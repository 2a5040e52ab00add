"""The plain-text capture layout and its real-world variations."""

from netral.news.capture import parse_capture, split_rubric, split_trailer
from netral.news.lexicon import load_lexicon

from .conftest import FIXTURES

LX = load_lexicon()


def test_trailer_with_titles_on_their_own_line_is_cut():
    page = parse_capture((FIXTURES / "cap_kutim_trailer_next_line.txt").read_text(), LX)
    assert page.paragraphs[-1].startswith("Pemungutan suara Pemilu 2024 digelar")
    assert page.credit == "(kutim/hms)"


def test_rubric_glued_to_title_is_split_with_categories_from_the_trailer():
    lines = ["X", "-", "BERITA DAERAH KALTARA2 hari agoJudul lain"]
    _, categories = split_trailer(lines)
    assert categories == ["BERITA DAERAH KALTARA"]
    assert split_rubric("BERITA DAERAH KALTARAASN Diminta Netral", categories) == (
        "BERITA DAERAH KALTARA", "ASN Diminta Netral")


def test_crlf_blank_lines_and_a_paragraph_credit():
    text = ("SEPUTAR KALTIM\r\n\r\nJudul Berita\r\n\r\n\r\nParagraf satu.\r\n\r\n"
            "Paragraf dua.\r\n(abc/def)\r\n")
    page = parse_capture(text, LX)
    assert (page.rubric, page.title, page.paragraphs, page.credit) == (
        "SEPUTAR KALTIM", "Judul Berita", ["Paragraf satu.", "Paragraf dua."], "(abc/def)")


def test_no_rubric_no_trailer_no_credit():
    page = parse_capture("Judul Tanpa Rubrik\nIsi berita (Pileg).\n", LX)
    assert (page.rubric, page.title, page.credit) == (None, "Judul Tanpa Rubrik", None)
    assert page.paragraphs == ["Isi berita (Pileg)."]


def test_credit_labels_and_read_also_links():
    page = parse_capture("RUBRIK\nJudul\nIsi.\nBaca juga: Berita lain\nAkhir.\n\nPenulis: Rina\n"
                         "Editor: Yans\n", LX)
    assert page.paragraphs == ["Isi.", "Akhir."]
    assert page.credit == "Penulis: Rina | Editor: Yans"
