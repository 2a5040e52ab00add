"""OCR quality on the screenshot test set: character error rate and screening F1.

    python bench/eval_ocr.py                 # render the 84 screenshots to a temp dir, evaluate
    python bench/eval_ocr.py --keep out/     # keep images, labels and per-image results there

CER is computed on the caption region (OCR words whose centre lies in the caption's known box)
against the caption as drawn, emoji removed, white space collapsed; reported for light and dark
themes. Screening F1 (partisan yes/no, and contestant pairs) is computed twice: on the original
caption text and on the whole OCR text of the screenshot (header, counters and all).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

from rapidfuzz.distance import Levenshtein

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_screenshots import generate
from netral.ocr import OcrResult, TesseractConfig, ocr_image, ocr_post


def caption_text(result: OcrResult, box: list[int], slack: int) -> str:
    left, top, right, bottom = box
    words = [w for w in result.words
             if left - slack <= (w.box[0] + w.box[2]) / 2 <= right + slack
             and top - slack <= (w.box[1] + w.box[3]) / 2 <= bottom + slack]
    return " ".join(w.text for w in words)


def f1(tp: int, fp: int, fn: int) -> float:
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


class Scores:
    def __init__(self) -> None:
        self.bin = [0, 0, 0]  # tp fp fn on "partisan"
        self.pairs = [0, 0, 0]  # tp fp fn on (image, contestant) of partisan findings

    def add(self, predicted: bool, contestants: set[str], gold: bool, gold_c: set[str]) -> None:
        self.bin[0] += predicted and gold
        self.bin[1] += predicted and not gold
        self.bin[2] += gold and not predicted
        got = contestants if predicted else set()
        self.pairs[0] += len(got & gold_c)
        self.pairs[1] += len(got - gold_c)
        self.pairs[2] += len(gold_c - got)

    def f1(self) -> tuple[float, float]:
        return f1(*self.bin), f1(*self.pairs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--keep", type=Path, help="directory to keep images and results in")
    parser.add_argument("--psm", type=int, default=TesseractConfig().psm)
    parser.add_argument("--no-screen", action="store_true", help="CER only")
    parser.add_argument("--show-errors", action="store_true", help="print differing captions")
    args = parser.parse_args()
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")  # one Tesseract thread: the machine is shared

    screener = None
    if not args.no_screen:
        from netral.rulebook import load_rulebook
        from netral.screening import Post, Screener

        screener = Screener(load_rulebook())

    with tempfile.TemporaryDirectory(prefix="netral-shots-") as tmp:
        outdir = args.keep or Path(tmp)
        records = generate(outdir)
        config = TesseractConfig(psm=args.psm)
        errors: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        per_platform: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        text_scores, ocr_scores = Scores(), Scores()
        seconds = 0.0
        rows = []
        for record in records:
            started = time.perf_counter()
            result = ocr_image(outdir / record["file"], config=config)
            seconds += time.perf_counter() - started
            slack = round(8 * record["density"])
            hypothesis = caption_text(result, record["caption_box"], slack)
            reference = record["reference"]
            distance = Levenshtein.distance(hypothesis, reference)
            for key in (record["theme"], "all"):
                errors[key][0] += distance
                errors[key][1] += len(reference)
            per_platform[record["platform"]][0] += distance
            per_platform[record["platform"]][1] += len(reference)
            if args.show_errors and distance:
                print(f"{record['id']}: {distance} errors\n  ref: {reference}\n  ocr: {hypothesis}")
            row = {"id": record["id"], "cer": round(distance / len(reference), 4),
                   "ocr_caption": hypothesis, "seconds": round(time.perf_counter() - started, 2)}
            if screener is not None:
                gold, gold_c = record["partisan"], set(record["contestants"])
                on_text = screener.screen(Post(id=record["id"], text=record["text"]))
                on_ocr = screener.screen(ocr_post(result, post_id=record["id"]))
                text_scores.add(on_text.partisan, set(on_text.contestants), gold, gold_c)
                ocr_scores.add(on_ocr.partisan, set(on_ocr.contestants), gold, gold_c)
                row.update(text_partisan=on_text.partisan, ocr_partisan=on_ocr.partisan,
                           text_contestants=on_text.contestants,
                           ocr_contestants=on_ocr.contestants)
            rows.append(row)
        if args.keep:
            (outdir / "results.jsonl").write_text(
                "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")

    n = len(records)
    print(f"screenshots: {n} ({sum(r['theme'] == 'light' for r in records)} light, "
          f"{sum(r['theme'] == 'dark' for r in records)} dark), "
          f"{sum(r['partisan'] for r in records)} partisan; Tesseract psm {args.psm}")
    print(f"OCR time: {seconds / n:.2f} s per image (one thread)")
    for key in ("light", "dark", "all"):
        wrong, total = errors[key]
        print(f"CER caption {key:5}: {wrong / total:.4f}  ({wrong} / {total} characters)")
    for platform, (wrong, total) in sorted(per_platform.items()):
        print(f"CER caption {platform:9}: {wrong / total:.4f}")
    if screener is not None:
        (tb, tc), (ob, oc) = text_scores.f1(), ocr_scores.f1()
        print(f"screening F1 partisan    : text {tb:.3f}  OCR {ob:.3f}  (diff {ob - tb:+.3f})")
        print(f"screening F1 contestants : text {tc:.3f}  OCR {oc:.3f}  (diff {oc - tc:+.3f})")
        differ = [r["id"] for r in rows if r["text_partisan"] != r["ocr_partisan"]
                  or sorted(r["text_contestants"]) != sorted(r["ocr_contestants"])]
        print(f"verdict differs text vs OCR: {', '.join(differ) or 'none'}")


if __name__ == "__main__":
    main()
