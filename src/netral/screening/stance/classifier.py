"""The learned stage: a linear model over normalised tokens and lexicon tags.

Features are the post's normalised unigrams and bigrams plus tags from the lexicon stage
(``K:ballot-call``, ``T:K:hashtag`` for the engaged-with text, ``A:like`` for the action).
A document vector is binary and L2-normalised, so scoring is a sum of weights divided by the
square root of the number of known features: no scikit-learn at run time. The artefact is a
plain JSON file (vocabulary -> weight per head), never a pickle.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from importlib import resources
from itertools import pairwise
from pathlib import Path

HEADS = ("political", "partisan")


def default_model_path() -> Path:
    return Path(str(resources.files("netral.screening") / "model" / "stance.json"))


@dataclass
class StanceModel:
    """One logistic head per label over a shared vocabulary."""

    vocabulary: dict[str, int]
    weights: dict[str, list[float]]
    bias: dict[str, float]
    thresholds: dict[str, float]
    meta: dict

    def __post_init__(self) -> None:
        heads = list(self.weights)
        self._heads = heads
        # feature -> its weight in every head, so scoring is one dictionary pass
        self._rows = {
            f: tuple(self.weights[h][i] for h in heads) for f, i in self.vocabulary.items()
        }

    def proba(self, features: list[str]) -> dict[str, float]:
        rows = self._rows
        known = {f for f in features if f in rows}
        out: dict[str, float] = {}
        norm = math.sqrt(len(known)) if known else 1.0
        sums = [sum(col) for col in zip(*(rows[f] for f in known), strict=True)] if known else None
        for k, head in enumerate(self._heads):
            z = self.bias[head] + (sums[k] / norm if sums else 0.0)
            out[head] = 1.0 / (1.0 + math.exp(-z)) if z > -30 else 0.0
        return out

    @classmethod
    def load(cls, path: Path | str | None = None) -> StanceModel | None:
        path = Path(path) if path is not None else default_model_path()
        if not path.is_file():
            return None
        data = json.loads(path.read_text(encoding="utf-8"))
        vocab = {f: i for i, f in enumerate(data["features"])}
        return cls(vocab, data["weights"], data["bias"], data["thresholds"], data.get("meta", {}))

    def save(self, path: Path | str) -> None:
        features = sorted(self.vocabulary, key=self.vocabulary.__getitem__)
        data = {
            "format": "netral-stance-linear/1",
            "meta": self.meta,
            "features": features,
            "bias": self.bias,
            "thresholds": self.thresholds,
            "weights": {h: [round(x, 5) for x in w] for h, w in self.weights.items()},
        }
        Path(path).write_text(
            json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8"
        )


def token_features(norms: list[str], prefix: str = "") -> list[str]:
    feats = [prefix + t for t in norms]
    feats += [f"{prefix}{a}_{b}" for a, b in pairwise(norms)]
    return feats


def char_features(
    norms: list[str], prefix: str = "C:", sizes: tuple[int, ...] = (3, 4, 5)
) -> list[str]:
    """Character n-grams inside word boundaries: misspelt names and regional spellings share
    most of their n-grams with the forms seen in training ("prabowow", "gibrn", "nomer")."""
    out: set[str] = set()
    for word in norms:
        if len(word) < 3 or not word.isalpha():
            continue
        padded = f" {word} "
        for n in sizes:
            for i in range(len(padded) - n + 1):
                out.add(prefix + padded[i : i + n])
    return list(out)
