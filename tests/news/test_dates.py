from datetime import date

from netral.news.dates import find_dates, published_date

SPEECH = ("ujar", "kata", "tegas")


def test_indonesian_written_and_numeric_forms():
    text = ("Rabu 7 Februari 2024; Senin (27/11/2023); Jum'at, 3 Nop 2023; 12 Agt. 2024; "
            "Kamis, 25 Januari 2024")
    assert [d.date for d in find_dates(text)] == [
        date(2024, 2, 7), date(2023, 11, 27), date(2023, 11, 3), date(2024, 8, 12),
        date(2024, 1, 25)]
    assert [d.weekday_named for d in find_dates(text)] == [True, True, True, False, True]


def test_a_period_is_not_the_day_of_the_article():
    text = "mulai 28 November 2023 sampai 10 Februari 2024. Hal itu disampaikan 1 Desember 2023."
    assert published_date(find_dates(text, ("mulai", "sampai")), None) == date(2023, 12, 1)


def test_the_day_a_statement_was_made_beats_the_day_of_the_event():
    text = ("RS hadir di kampanye, Minggu (13/10/2024). “Kami klarifikasi,” ujar Hari Dermanto, "
            "Rabu, 16 Oktober 2024.")
    assert published_date(find_dates(text), None, text, SPEECH) == date(2024, 10, 16)


def test_metadata_date_when_the_text_names_no_weekday():
    assert published_date(find_dates("Tahun 2024 netral."), date(2024, 8, 5)) == date(2024, 8, 5)
