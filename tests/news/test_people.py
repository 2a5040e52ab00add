from netral.news.lexicon import load_lexicon
from netral.news.people import find_people

LX = load_lexicon()


def people(text):
    return [(p.name, p.role, p.organisation) for p in find_people(text, LX).people]


def test_titles_roles_and_organisations():
    text = ("Kepala BPSDM Kaltim Nina Dewi hadir. Kadis Pendidikan Kukar Thauhid Afrilian dan "
            "Bupati Kukar Edi Damansyah membuka acara. Pj Gubernur Kaltim Akmal Malik menutup.")
    assert people(text) == [
        ("Nina Dewi", "Kepala BPSDM", "BPSDM Kaltim"),
        ("Thauhid Afrilian", "Kepala Dinas Pendidikan", "Dinas Pendidikan Kukar"),
        ("Edi Damansyah", "Bupati", "Pemkab Kukar"),
        ("Akmal Malik", "Penjabat Gubernur", "Pemprov Kaltim"),
    ]


def test_apposition_and_a_title_without_a_name():
    text = ("Menurut Galeh Akbar Tanjung, Anggota Bawaslu Kaltim, laporan masuk. "
            "Sesuai arahan Ketua Dewan Pengurus Nasional Korpri, ASN netral.")
    assert people(text) == [("Galeh Akbar Tanjung", "Anggota Bawaslu", "Bawaslu Kaltim")]


def test_a_venue_named_after_an_office_is_not_a_person():
    assert people("Acara di Aula Kantor Wali Kota Balikpapan, Jumat.") == []
