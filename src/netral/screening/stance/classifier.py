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
        # Both heads are scored in one C-level pass: each feature's two weights travel as one
        # complex number (real: first head, imaginary: second), summed by the built-in sum.
        self._heads = list(self.weights)
        if len(self._heads) > 2:
            raise ValueError("the stance model scores at most two heads")
        first, *rest = (self.weights[h] for h in self._heads)
        second = rest[0] if rest else [0.0] * len(first)
        self._table = {
            f: complex(first[i], second[i]) for f, i in self.vocabulary.items()
        }

    def proba(self, features: list[str]) -> dict[str, float]:
        table = self._table
        known = table.keys() & set(features)
        total = sum(map(table.__getitem__, known), 0j) / (math.sqrt(len(known)) or 1.0)
        out: dict[str, float] = {}
        for head, part in zip(self._heads, (total.real, total.imag), strict=False):
            z = self.bias[head] + part
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
        grams = _GRAMS.get(word)
        if grams is None:
            grams = _word_grams(word, prefix, sizes)
            if len(_GRAMS) > 200_000:
                _GRAMS.clear()
            _GRAMS[word] = grams
        out.update(grams)
    return list(out)


_GRAMS: dict[str, tuple[str, ...]] = {}


def _word_grams(word: str, prefix: str, sizes: tuple[int, ...]) -> tuple[str, ...]:
    if len(word) < 3 or not word.isalpha():
        return ()
    padded = f" {word} "
    return tuple(
        prefix + padded[i : i + n] for n in sizes for i in range(len(padded) - n + 1)
    )
