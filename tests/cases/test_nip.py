import datetime as dt

import pytest

from netral.cases.nip import NipError, is_valid_nip, parse_nip


def test_decodes_birth_appointment_gender_and_sequence():
    nip = parse_nip("19850312 201001 1 004")
    assert nip.value == "198503122010011004"
    assert nip.birth_date == dt.date(1985, 3, 12)
    assert (nip.appointment_year, nip.appointment_month) == (2010, 1)
    assert nip.gender == "M"
    assert nip.sequence == 4
    assert nip.formatted == "19850312 201001 1 004"
    assert parse_nip("199001052015032002").gender == "F"


@pytest.mark.parametrize(("text", "part"), [
    ("19850312201001100", "digits"),  # 17 digits
    ("1985031220100110041", "digits"),  # 19 digits
    ("19850312201001100A", "digits"),
    ("198502302010011004", "birth_date"),  # 30 February
    ("185003122010011004", "birth_date"),  # born in 1850
    ("198503122010131004", "appointment"),  # month 13
    ("198503122000011004", "appointment"),  # appointed at 14
    ("198503122010013004", "gender"),
    ("198503122010011000", "sequence"),
])
def test_each_invalid_part_is_named(text, part):
    with pytest.raises(NipError) as info:
        parse_nip(text)
    assert info.value.part == part
    assert not is_valid_nip(text)
