from netral.screening.matcher import scan_field


def numbers(lexicon, text):
    return [(r.number, r.kind, r.strong) for r in scan_field(lexicon, "text", text).numbers]


def test_ballot_number_calls(lexicon):
    assert (2, "ballot-call", True) in numbers(lexicon, "Tgl 14 nanti nyoblos nomer 2 aja gaes")
    assert (1, "ballot-call", True) in numbers(lexicon, "pokoke pilih 01 titik")
    assert (3, "number", True) in numbers(lexicon, "Visi misi paslon 03 paling masuk akal")


def test_finger_gesture_captions(lexicon):
    assert (3, "gesture", True) in numbers(lexicon, "Foto sama bapak-bapak, salam tiga jari!")
    assert (2, "gesture", True) in numbers(lexicon, "pose salam 2 jari dulu dong")


def test_queue_room_and_rt_numbers_are_not_ballot_numbers(lexicon):
    assert numbers(lexicon, "Pasien antrean nomor 02 harap ke poli gigi") == []
    assert numbers(lexicon, "Rapat warga RT 02 di rumah pak Joko") == []
    assert numbers(lexicon, "Ujian di ruang 03 lantai 2 ya") == []
    assert numbers(lexicon, "Saya nyoblos di TPS 02 dekat masjid") == []


def test_negated_ballot_call_is_an_attack(lexicon):
    refs = scan_field(lexicon, "text", "Pokoknya jangan pilih 02, titik!").numbers
    assert refs and refs[0].negated


def test_rulebook_hashtags_and_slogans_are_found(lexicon):
    scan = scan_field(lexicon, "text", "Gas terus! #GanjarMahfud2024 sat set tas tes")
    kinds = {(h.kind, h.value) for h in scan.hits}
    assert ("hashtag", "pilpres-2024:3") in kinds
    assert ("slogan", "pilpres-2024:3") in kinds
