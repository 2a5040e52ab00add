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
import sys
from dataclasses import dataclass
from importlib import resources
from itertools import chain, pairwise
from pathlib import Path

import numpy as np

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
    contestant: ContestantHead | None = None

    def __post_init__(self) -> None:
        # Both heads are scored in one C-level pass: each feature's two weights travel as one
        # complex number (real: first head, imaginary: second), summed by the built-in sum.
        self._heads = list(self.weights)
        if len(self._heads) > 2:
            raise ValueError("the stance model scores at most two heads")
        first, *rest = (self.weights[h] for h in self._heads)
        second = rest[0] if rest else [0.0] * len(first)
        # keys interned like the normalised words and n-grams, so look-ups match by identity
        self._table = {
            sys.intern(f): complex(first[i], second[i]) for f, i in self.vocabulary.items()
        }

    def proba(self, features: list[str]) -> dict[str, float]:
        table = self._table
        # the view intersection drops repeated features itself (the vector is binary), so the
        # list is never copied into a set first; only the order of the sum depends on it, as it
        # always did on string hashing
        known = table.keys() & features
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
        head = data.get("contestant")
        return cls(
            vocab,
            data["weights"],
            data["bias"],
            data["thresholds"],
            data.get("meta", {}),
            ContestantHead.from_json(head) if head else None,
        )

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
        if self.contestant is not None:
            data["contestant"] = self.contestant.to_json()
        Path(path).write_text(
            json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8"
        )


@dataclass
class ContestantHead:
    """Which contestant a partisan post backs or attacks, read from its words alone.

    A multinomial linear model over the decisive field's word and character n-grams. It ranks
    the contestants the lexicon found when their evidence ties or crosses races, and names the
    contestant of a post that speaks of one only indirectly ("yang ngurus IKN", "lanjutkan
    hilirisasi"). Its words are the evidence: :meth:`reasons` gives those that pushed most.
    """

    classes: list[str]
    vocabulary: dict[str, int]
    weights: np.ndarray  # (features, classes)
    bias: np.ndarray  # (classes,)

    def _rows(self, features: list[str]) -> list[int]:
        vocab = self.vocabulary
        return [vocab[f] for f in set(features) if f in vocab]

    def proba(self, features: list[str]) -> dict[str, float]:
        rows = self._rows(features)
        z = self.bias + self.weights[rows].sum(axis=0) / (math.sqrt(len(rows)) or 1.0)
        z = np.exp(z - z.max())
        z /= z.sum()
        return dict(zip(self.classes, z.tolist(), strict=True))

    def reasons(self, features: list[str], cid: str, limit: int = 3) -> list[str]:
        """The features that count most for ``cid`` against the runner-up class."""
        if cid not in self.classes:
            return []
        column = self.classes.index(cid)
        known = sorted(set(features) & self.vocabulary.keys())
        if not known:
            return []
        rows = self.weights[[self.vocabulary[f] for f in known]]
        margin = rows[:, column] - np.delete(rows, column, axis=1).max(axis=1)
        order = np.argsort(-margin)[:limit]
        return [known[i] for i in order if margin[i] > 0]

    def to_json(self) -> dict:
        features = sorted(self.vocabulary, key=self.vocabulary.__getitem__)
        return {
            "classes": self.classes,
            "features": features,
            "bias": [round(float(b), 4) for b in self.bias],
            "weights": [[round(float(w), 3) for w in row] for row in self.weights],
        }

    @classmethod
    def from_json(cls, data: dict) -> ContestantHead:
        return cls(
            list(data["classes"]),
            {f: i for i, f in enumerate(data["features"])},
            np.asarray(data["weights"], dtype=np.float32).reshape(
                len(data["features"]), len(data["classes"])
            ),
            np.asarray(data["bias"], dtype=np.float32),
        )


def token_features(norms: list[str], prefix: str = "") -> list[str]:
    """Unigrams, then bigrams (``a_b``), each with ``prefix``."""
    bigrams = map("_".join, pairwise(norms))
    if prefix:
        return [prefix + t for t in chain(norms, bigrams)]
    return [*norms, *bigrams]


def char_features(
    norms: list[str], prefix: str = "C:", sizes: tuple[int, ...] = (3, 4, 5)
) -> list[str]:
    """Character n-grams inside word boundaries: misspelt names and regional spellings share
    most of their n-grams with the forms seen in training ("prabowow", "gibrn", "nomer").

    Each word's n-grams are made once and remembered (per ``prefix`` and ``sizes``)."""
    cache = _GRAMS.get((prefix, sizes))
    if cache is None or len(cache) > _GRAMS_LIMIT:
        cache = _GRAMS[prefix, sizes] = {}
    grams = list(map(cache.get, norms))
    if None in grams:
        for i, word in enumerate(norms):
            if grams[i] is None:
                grams[i] = cache[word] = _word_grams(word, prefix, sizes)
    return list(set().union(*grams))


_GRAMS: dict[tuple[str, tuple[int, ...]], dict[str, tuple[str, ...]]] = {}
_GRAMS_LIMIT = 200_000


def _word_grams(word: str, prefix: str, sizes: tuple[int, ...]) -> tuple[str, ...]:
    if len(word) < 3 or not word.isalpha():
        return ()
    padded = f" {word} "
    return tuple(
        sys.intern(prefix + padded[i : i + n]) for n in sizes for i in range(len(padded) - n + 1)
    )
