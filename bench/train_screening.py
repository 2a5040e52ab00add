"""Train the learned stage on datasets/posts train split; pick the threshold on dev.

    python bench/train_screening.py [--final] [--out src/netral/screening/model/stance.json]

With ``--final`` (how the shipped model is made) the model is refit on train+dev with the
hyper-parameters and threshold chosen on dev.

Deterministic: fixed feature order, liblinear solver. Writes a JSON artefact (vocabulary and
coefficients), never a pickle. The test split is not read.
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

import numpy as np
from scipy.sparse import csr_matrix
from sklearn.linear_model import LogisticRegression

from netral.rulebook import load_rulebook
from netral.screening import Screener
from netral.screening.dataset import load_split, to_post
from netral.screening.stance.classifier import HEADS, StanceModel, default_model_path

ROOT = Path(__file__).resolve().parents[1] / "datasets" / "posts"


def matrix(feature_lists: list[list[str]], vocab: dict[str, int]) -> csr_matrix:
    rows, cols = [], []
    for i, feats in enumerate(feature_lists):
        idx = sorted({vocab[f] for f in feats if f in vocab})
        rows += [i] * len(idx)
        cols += idx
    data = np.ones(len(rows))
    m = csr_matrix((data, (rows, cols)), shape=(len(feature_lists), len(vocab)))
    norms = np.sqrt(np.asarray(m.sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return csr_matrix(m.multiply(1.0 / norms[:, None]))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--root", type=Path, default=ROOT)
    ap.add_argument("--out", type=Path, default=default_model_path())
    ap.add_argument("--min-count", type=int, default=2)
    ap.add_argument("--C", type=float, default=8.0)
    ap.add_argument(
        "--final",
        action="store_true",
        help="after choosing the threshold on dev, refit on train+dev (the shipped model)",
    )
    args = ap.parse_args()
    rulebook = load_rulebook()
    lexical = Screener(rulebook, use_model=False)
    train = load_split(args.root, "train")
    dev = load_split(args.root, "dev")

    def feats(rows):
        out = []
        for row in rows:
            a = lexical.analyse(to_post(row))
            out.append(lexical.features(a))
        return out

    def fit(rows: list[dict]) -> StanceModel:
        f_rows = feats(rows)
        counts = Counter(f for fs in f_rows for f in set(fs))
        vocab = {
            f: i
            for i, f in enumerate(sorted(f for f, c in counts.items() if c >= args.min_count))
        }
        x = matrix(f_rows, vocab)
        weights, bias = {}, {}
        for head in HEADS:
            y = np.array([bool(r["labels"][head]) for r in rows], dtype=int)
            clf = LogisticRegression(C=args.C, solver="liblinear", class_weight="balanced")
            clf.fit(x, y)
            weights[head] = clf.coef_[0].tolist()
            bias[head] = float(clf.intercept_[0])
        return StanceModel(
            vocab,
            weights,
            bias,
            {"partisan": 0.5, "political": 0.5},
            {"train_posts": len(rows), "C": args.C, "min_count": args.min_count},
        )

    model = fit(train)
    vocab = model.vocabulary
    args.out.parent.mkdir(parents=True, exist_ok=True)
    model.save(args.out)
    # threshold on dev, with the model in place exactly as the screener combines it
    screener = Screener(rulebook, args.out)
    scores = []
    for row in dev:
        screener.model.thresholds["partisan"] = 0.0  # type: ignore[union-attr]
        s = screener.screen(to_post(row))
        scores.append((s.score if s.partisan else 0.0, row["labels"]["partisan"]))
    best = (0.0, 0.5)
    for t in np.arange(0.15, 0.80, 0.01):
        tp = sum(1 for p, g in scores if p >= t and g)
        fp = sum(1 for p, g in scores if p >= t and not g)
        fn = sum(1 for p, g in scores if p < t and g)
        f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
        if f1 > best[0] + 1e-9:
            best = (f1, round(float(t), 2))
    model.thresholds["partisan"] = best[1]
    model.meta["dev_f1_at_threshold"] = round(best[0], 4)
    if args.final:
        final = fit(train + dev)
        final.thresholds["partisan"] = best[1]
        final.meta.update(model.meta, train_posts=len(train) + len(dev), refit="train+dev")
        model = final
    model.save(args.out)
    print(
        f"vocabulary={len(vocab)} train={len(train)} dev={len(dev)} "
        f"threshold={best[1]} dev F1={best[0]:.3f} -> {args.out}"
    )


if __name__ == "__main__":
    main()
