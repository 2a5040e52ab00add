"""Evaluate the screener on a split of datasets/posts: partisan P/R/F1, first-contestant
accuracy, neutral false-positive rate and a confusion list, overall and per data source.

Contestant accuracy is given over every gold-partisan post (a missed post counts as wrong) and,
in brackets, over the gold-partisan posts the screener flagged.

    python bench/eval_screening.py --split dev [--no-model] [--errors 30]

Tune on dev only; run on test once, at the end.
"""

from __future__ import annotations

import argparse
from collections import defaultdict
from pathlib import Path

from netral.rulebook import load_rulebook
from netral.screening import Screener
from netral.screening.dataset import load_split, to_post

ROOT = Path(__file__).resolve().parents[1] / "datasets" / "posts"


def metrics(pairs: list[tuple[dict, object]]) -> dict[str, float]:
    tp = fp = fn = tn = 0
    c_ok = c_n = d_ok = d_n = 0
    neutral = neutral_fp = 0
    for row, s in pairs:
        gold = row["labels"]["partisan"]
        pred = s.partisan
        tp += gold and pred
        fp += (not gold) and pred
        fn += gold and not pred
        tn += (not gold) and not pred
        if gold and row["labels"]["contestants"]:
            c_n += 1
            hit = bool(s.contestants) and s.contestants[0] == row["labels"]["contestants"][0]
            c_ok += hit
            if pred:
                d_n += 1
                d_ok += hit
        if not gold:
            neutral += 1
            neutral_fp += pred
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return {
        "n": len(pairs),
        "P": p,
        "R": r,
        "F1": f1,
        "contestant_acc": c_ok / c_n if c_n else float("nan"),
        "contestant_acc_detected": d_ok / d_n if d_n else float("nan"),
        "neutral_fpr": neutral_fp / neutral if neutral else float("nan"),
    }


def show(name: str, m: dict[str, float]) -> None:
    print(
        f"{name:<12} n={m['n']:<5} partisan P={m['P']:.3f} R={m['R']:.3f} F1={m['F1']:.3f}  "
        f"contestant acc={m['contestant_acc']:.3f} (of detected {m['contestant_acc_detected']:.3f})"
        f"  neutral FPR={m['neutral_fpr']:.3f}"
    )


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--split", default="dev", choices=["train", "dev", "test"])
    ap.add_argument("--root", type=Path, default=ROOT)
    ap.add_argument("--model", type=Path, default=None)
    ap.add_argument("--no-model", action="store_true")
    ap.add_argument("--errors", type=int, default=40, help="How many confusions to list.")
    args = ap.parse_args()
    rows = load_split(args.root, args.split)
    screener = Screener(load_rulebook(), args.model, use_model=not args.no_model)
    print(f"split={args.split} posts={len(rows)} model={'off' if screener.model is None else 'on'}")
    pairs = [(row, screener.screen(to_post(row))) for row in rows]
    show("all", metrics(pairs))
    by_source: dict[str, list] = defaultdict(list)
    for row, s in pairs:
        by_source[row.get("source", "?")].append((row, s))
    for source in sorted(by_source):
        show(source, metrics(by_source[source]))
    print("\nconfusions (gold -> predicted):")
    shown = 0
    for row, s in pairs:
        gold = row["labels"]
        wrong_c = (
            gold["partisan"]
            and s.partisan
            and gold["contestants"]
            and (not s.contestants or s.contestants[0] != gold["contestants"][0])
        )
        if gold["partisan"] != s.partisan or wrong_c:
            if shown < args.errors:
                kind = (
                    "FN"
                    if gold["partisan"] and not s.partisan
                    else ("FP" if s.partisan and not gold["partisan"] else "CONTESTANT")
                )
                print(
                    f"  {kind:<10} {row['id']} [{row.get('action')}] gold={gold['contestants'][:1]}"
                    f" pred={s.contestants[:1]} score={s.score} trap={row.get('trap')}\n"
                    f"             {row['text'][:150]!r}"
                    + (
                        f"\n             target={row['target_text'][:120]!r}"
                        if row.get("target_text")
                        else ""
                    )
                )
            shown += 1
    print(f"  ({shown} in all)")


if __name__ == "__main__":
    main()
