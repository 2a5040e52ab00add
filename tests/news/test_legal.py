from netral.news.legal import find_legal_refs
from netral.news.lexicon import load_lexicon


def refs(text, rulebook):
    return [(r.normalised, r.law_id) for r in find_legal_refs(text, rulebook, load_lexicon())]


def test_spellings_of_one_law_give_one_rulebook_id(rulebook):
    for text in ("UU No. 20 Tahun 2023", "Undang-Undang Nomor 20 Tahun 2023", "UU 20/2023",
                 "Undang Undang Nomor 20 tahun 2023"):
        assert refs(f"Sesuai {text} tentang ASN.", rulebook) == [("UU 20/2023", "uu-20-2023")]


def test_article_and_unknown_law(rulebook):
    text = "Pasal 280 ayat 3 UU Nomor 7 Tahun 2017 dan Permendagri Nomor 1 Tahun 2020."
    assert refs(text, rulebook) == [("Pasal 280 ayat (3) UU 7/2017", "uu-7-2017"),
                                    ("Permendagri 1/2020", None)]


def test_joint_decree_by_its_subject(rulebook):
    text = "SKB Netralitas ASN serta Pasal 280 ayat (3) UU Nomor 7 Tahun 2017."
    assert refs(text, rulebook)[0] == ("SKB Netralitas ASN 2022", "skb-netralitas-2022")
