"""A lone ✌️ or ☝️ needs words that back it ("coblos", "salam 2 jari", a name, or words the
contestant head reads as the sign's contestant) unless the learned stage is all but sure (the
``sure`` setting, chosen by cross-validation): coded calls ("kalian tau kan artinya ✌️") are
caught, holiday and graduation photos are not."""

import datetime as dt

import pytest

from netral.screening import Post

IN_THE_RACE = dt.date(2024, 2, 10)  # Pilpres campaign, four days before the vote

CODED = [
    ("ootd hari ini biru muda dari jilbab sampe sepatu, kalian tau kan artinya ✌️",
     "pilpres-2024:2"),
    ("gak usah sebut nama ya, yg penting tgl 14 nanti inget jari ini ☝️ IYKYK", "pilpres-2024:1"),
    ("bapak ibu sekalian, yg penting besok jangan salah, telunjuk aja ☝️ paham kan",
     "pilpres-2024:1"),
]
EVERYDAY = [
    "liburan ke Derawan bareng keluarga ✌️😁 airnya jernih bgt",
    "foto wisuda adek ✌️ akhirnya sarjana juga",
    "makan siang bareng tim ✌️ enak bgt ayam bakarnya",
    "anak2 lomba 17an ✌️ seru bgt",
]


def _post(text: str) -> Post:
    return Post(id="g", text=text, published_at=IN_THE_RACE)


@pytest.mark.parametrize(("text", "contestant"), CODED)
def test_a_coded_gesture_is_caught_by_the_shipped_settings(screener, text, contestant):
    s = screener.screen(_post(text))
    assert s.partisan and s.contestants[0] == contestant


@pytest.mark.parametrize(("text", "contestant"), CODED)
def test_a_coded_gesture_is_caught_only_when_the_model_is_sure(fresh, text, contestant):
    # never sure, and the head may name no one: the gesture needs backing words
    fresh.model.thresholds.update(sure=2.0, implied=2.0, implied_alt=2.0)
    assert not fresh.screen(_post(text)).partisan
    fresh.model.thresholds["sure"] = 0.8
    s = fresh.screen(_post(text))
    assert s.partisan and s.contestants[0] == contestant
    gesture = next(ch for ch in ("✌️", "☝️") if ch in text)
    assert any(gesture[0] in sp.text for f in s.findings for sp in f.evidence)


@pytest.mark.parametrize("text", EVERYDAY)
def test_everyday_gestures_stay_unflagged_however_sure_the_setting(fresh, text):
    for sure in (0.8, 0.5):
        fresh.model.thresholds["sure"] = sure
        assert not fresh.screen(_post(text)).partisan, (sure, text)

