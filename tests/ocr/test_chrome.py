"""Status bars, counters and timestamps are not post content; captions always are."""

from __future__ import annotations

from netral.ocr import OcrResult
from netral.ocr.chrome import chrome_lines, content_text
from netral.ocr.engine import assemble


def screenshot(lines: list[str], height: int = 1000) -> OcrResult:
    data: dict[str, list] = {k: [] for k in ("block_num", "par_num", "line_num", "text", "left",
                                             "top", "width", "height", "conf")}
    for n, line in enumerate(lines):
        for i, word in enumerate(line.split()):
            for key, value in zip(data, (n + 1, 1, 1, word, 20 + 60 * i, 20 + 80 * n, 50, 30, 90),
                                  strict=True):
                data[key].append(value)
    text, ocr_lines = assemble(data)
    return OcrResult("0" * 64, 1080, height, "PNG", text, ocr_lines, False, 1.0, "test")


def test_status_bar_counters_and_times_are_chrome() -> None:
    result = screenshot([
        "09.41 all &)",
        "Sri Wahyuni",
        "Kemarin pukul 19.20 · Publik",
        "Tanggal 14 jangan lupa coblos nomor 2 ya",
        "eo 1,2 rb 109 komentar 26 kali dibagikan",
        "O 139 O 73 O 12 rb",
        "13.05",
    ])
    assert chrome_lines(result) == [0, 2, 4, 5, 6]
    text = content_text(result)
    assert len(text) == len(result.text)
    assert "09.41" not in text and "komentar" not in text
    assert "coblos nomor 2" in text and "Sri Wahyuni" in text


def test_caption_lines_with_numbers_are_kept() -> None:
    result = screenshot([
        "Instagram",
        "coblos",
        "02",
        "no 2",
        "Ayo ke TPS tanggal 14 Februari 2024!",
        "Salam 2 jari",
    ])
    assert chrome_lines(result) == []
