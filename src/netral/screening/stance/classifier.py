"""The learned stage: a linear model over normalised tokens and lexicon tags, and a small
boosted-tree stage that weighs its partisan score against the lexicon stage's conclusions.

Features (:class:`StanceFeatures`) are the post's normalised words with their character
n-grams, bigrams, and tags from the lexicon stage (``K:ballot-call``, ``T:K:hashtag`` for the
engaged-with text, ``A:like`` for the action). A document vector holds each known feature's
count times its IDF, divided by the square root of the number of known feature occurrences; the
IDF is folded into the stored weights, so scoring is a sum of weights divided by that root: no
scikit-learn at run time. Each distinct word counts its own character n-grams (an n-gram two
words share counts twice), so a word's share of the sum is the same in every post and is
remembered per word.
The artefact is a plain JSON file (vocabulary -> weight per head, the trees as arrays of splits
and leaves), never a pickle.
"""

from __future__ import annotations

import json
import math
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from itertools import chain, pairwise
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

import numpy as np

from netral.files import write_text_atomic

if TYPE_CHECKING:
    from netral.screening.screener import Analysis

HEADS = ("political", "partisan")
# what the lexicon stage concluded about a post, as the stacker reads it (see rule_features)
RULE_INPUTS = (
    "strength",
    "strength:text",
    "strength:target_text",
    "engaged",
    "approval",
    "has_target",
    "named",
    "backed",
    "attacked",
    "political",
    "own_account",
    "balance",
)


def default_model_path() -> Path:
    return Path(str(resources.files("netral.screening") / "model" / "stance.json"))


@dataclass
class StanceModel:
    """One logistic head per label over a shared vocabulary; optionally a :class:`BoostedTrees`
    stage that turns the two heads' scores and :func:`rule_features` into the partisan
    probability."""

    vocabulary: dict[str, int]
    weights: dict[str, list[float]]
    bias: dict[str, float]
    thresholds: dict[str, float]
    meta: dict
    contestant: ContestantHead | None = None
    stacker: BoostedTrees | None = None

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
        self._words: dict[str, tuple[complex, int]] = {}  # word -> (its share, known count)
        if self.stacker is not None and self.stacker.inputs != self.stacker_inputs():
            raise ValueError(
                f"stacker inputs {self.stacker.inputs} do not match {self.stacker_inputs()}: "
                "retrain the model (bench/train_screening.py)"
            )

    def stacker_inputs(self) -> list[str]:
        """The stacker's input vector: each head's linear score, the partisan score of the
        post's most partisan passage (:meth:`passage`), then :data:`RULE_INPUTS`."""
        return [f"z:{h}" for h in self._heads] + ["z:passage", *RULE_INPUTS]

    def stacker_row(
        self,
        features: StanceFeatures | Sequence[str],
        rules: Sequence[float],
        z: dict[str, float] | None = None,
    ) -> list[float]:
        """The stacker's input for one post (``z``: its :meth:`decision`, when known); the
        trainer builds its rows with it too."""
        z = z or self.decision(features)
        return [*z.values(), self.passage(features, z), *rules]

    def passage(
        self, features: StanceFeatures | Sequence[str], z: dict[str, float] | None = None
    ) -> float:
        """The partisan score of the most partisan passage of a long post (the whole post's
        for a short one): a long analysis that takes a side only in its last sentences is
        diluted in the whole post's average."""
        windows = features.windows if isinstance(features, StanceFeatures) else ()
        if not windows:
            return (z or self.decision(features))["partisan"]
        return max(self.decision(w)["partisan"] for w in windows)

    def decision(self, features: StanceFeatures | Sequence[str]) -> dict[str, float]:
        """Each head's linear score (log-odds) for a post's features (a plain list is read as
        features without words)."""
        if not isinstance(features, StanceFeatures):
            features = StanceFeatures([], list(features))
        table, shares = self._table, self._words
        total, count = 0j, 0
        for word in features.words:
            share = shares.get(word)
            if share is None:
                share = self._share(word)
            total += share[0]
            count += share[1]
        others = [table[f] for f in features.other if f in table]
        total += sum(others, 0j)
        count += len(others)
        total /= math.sqrt(count) or 1.0
        return {
            head: self.bias[head] + part
            for head, part in zip(self._heads, (total.real, total.imag), strict=False)
        }

    def _share(self, word: str) -> tuple[complex, int]:
        """A word's weights (itself and its character n-grams) and how many of them are known."""
        if len(self._words) > _GRAMS_LIMIT:
            self._words.clear()
        table = self._table
        known = [table[f] for f in (word, *word_grams(word)) if f in table]
        share = self._words[word] = (sum(known, 0j), len(known))
        return share

    def proba(
        self, features: StanceFeatures | Sequence[str], rules: Sequence[float] | None = None
    ) -> dict[str, float]:
        """Each head's probability; with ``rules`` (:func:`rule_features`) and a stacker, the
        partisan one is the stacker's."""
        z = self.decision(features)
        out = {head: _sigmoid(v) for head, v in z.items()}
        if self.stacker is not None and rules is not None:
            out["partisan"] = self.stacker.proba(self.stacker_row(features, rules, z))
        return out

    @classmethod
    def load(cls, path: Path | str | None = None) -> StanceModel | None:
        path = Path(path) if path is not None else default_model_path()
        if not path.is_file():
            return None
        data = json.loads(path.read_text(encoding="utf-8"))
        vocab = {f: i for i, f in enumerate(data["features"])}
        head = data.get("contestant")
        stacker = data.get("stacker")
        return cls(
            vocab,
            data["weights"],
            data["bias"],
            data["thresholds"],
            data.get("meta", {}),
            ContestantHead.from_json(head) if head else None,
            BoostedTrees.from_json(stacker) if stacker else None,
        )

    def save(self, path: Path | str) -> None:
        features = sorted(self.vocabulary, key=self.vocabulary.__getitem__)
        data: dict[str, Any] = {
            "format": "netral-stance-linear/2",
            "meta": self.meta,
            "features": features,
            "bias": self.bias,
            "thresholds": self.thresholds,
            "weights": {h: [round(x, 5) for x in w] for h, w in self.weights.items()},
        }
        if self.contestant is not None:
            data["contestant"] = self.contestant.to_json()
        if self.stacker is not None:
            data["stacker"] = self.stacker.to_json()
        # atomic: an interrupted training run never leaves a half-written shipped model
        write_text_atomic(path, json.dumps(data, ensure_ascii=False, separators=(",", ":")))


def _sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-z)) if z > -30 else 0.0


def rule_features(a: Analysis, decisive: str, engaged: bool) -> list[float]:
    """What the lexicon stage concluded about a post (:data:`RULE_INPUTS`), for the stacker.

    The linear heads read words; these say how strong the lexicon's evidence is in the field
    that decides (``decisive``: the engaged-with post when ``engaged``), how many contestants
    it names, backs and attacks, whether the post is election talk at all, and how many of
    one race's contestants it names (``balance``: a joke about all three pairs takes no side).
    The stacker learns from them how far to trust each stage, post by post, where a fixed blend
    of the two probabilities could not."""
    evs = a.evidence[decisive]
    return [
        a.strength[decisive],
        a.strength["text"],
        a.strength.get("target_text", 0.0),
        float(engaged),
        float(a.approval),
        float("target_text" in a.scans),
        float(len({e.cid for e in evs})),
        float(len({e.cid for e in evs if e.stance == "support"})),
        float(len({e.cid for e in evs if e.stance == "attack"})),
        float(a.political),
        float(a.own_account),
        a.balance,
    ]


_DEPTH = 3  # of the stacker's trees: a tree's way down is then a 7-bit code
_INNER = 2**_DEPTH - 1
_NEVER = float(np.finfo(np.float32).max)  # no float32 input is above it: always left


@dataclass
class BoostedTrees:
    """Gradient-boosted regression trees of depth 3 at most for one binary label.

    Each tree is stored complete, breadth-first: split slot ``k`` has children ``2k+1`` and
    ``2k+2``, the 8 leaves follow the 7 splits, and a leaf higher up is copied below an
    always-left split. Every split of every tree is decided in one comparison; the 7 answers of
    a tree make a code that picks its leaf from a table made at load. A post costs a handful of
    numpy calls however many trees there are."""

    inputs: list[str]
    base: float  # the log-odds before any tree
    feature: np.ndarray  # (trees, 7) input tested at each split
    threshold: np.ndarray  # (trees, 7) go right when input > threshold
    leaf: np.ndarray  # (trees, 8) each leaf's contribution, learning rate included

    def __post_init__(self) -> None:
        codes = np.arange(2**_INNER)
        slot = np.zeros_like(codes)
        for _ in range(_DEPTH):
            slot = 2 * slot + 1 + ((codes >> slot) & 1)
        self._table = self.leaf[:, slot - _INNER]  # (trees, 128): the leaf of each code
        self._bits = 1 << np.arange(_INNER)
        self._trees = np.arange(len(self.leaf))

    def decision(self, x: Sequence[float]) -> float:
        # float32 like scikit-learn's trees, so a value on a threshold goes the same way
        right = np.asarray(x, dtype=np.float32)[self.feature] > self.threshold
        return self.base + float(self._table[self._trees, right @ self._bits].sum())

    def proba(self, x: Sequence[float]) -> float:
        return _sigmoid(self.decision(x))

    @classmethod
    def from_sklearn(cls, clf: Any, inputs: list[str]) -> BoostedTrees:
        """From a fitted binary ``GradientBoostingClassifier`` (read through its public
        attributes only; scikit-learn itself is not imported)."""
        estimators = clf.estimators_[:, 0]
        feature = np.zeros((len(estimators), _INNER), dtype=np.int32)
        threshold = np.full((len(estimators), _INNER), _NEVER)
        leaf = np.zeros((len(estimators), _INNER + 1))
        for i, est in enumerate(estimators):
            _place(est.tree_, 0, 0, (feature[i], threshold[i], leaf[i]), clf.learning_rate)
        # the initial log-odds: the decision at any point less what the trees add there
        x0 = np.zeros((1, len(inputs)))
        trees = sum(clf.learning_rate * est.predict(x0)[0] for est in estimators)
        base = float(clf.decision_function(x0)[0] - trees)
        return cls(list(inputs), base, feature, threshold, leaf)

    def to_json(self) -> dict:
        return {
            "inputs": self.inputs,
            "base": self.base,
            "feature": self.feature.tolist(),
            "threshold": self.threshold.tolist(),
            "leaf": [[round(float(v), 6) for v in row] for row in self.leaf],
        }

    @classmethod
    def from_json(cls, data: dict) -> BoostedTrees:
        return cls(
            list(data["inputs"]),
            float(data["base"]),
            np.asarray(data["feature"], dtype=np.int32).reshape(-1, _INNER),
            np.asarray(data["threshold"], dtype=np.float64).reshape(-1, _INNER),
            np.asarray(data["leaf"], dtype=np.float64).reshape(-1, _INNER + 1),
        )


def _place(
    tree: Any, node: int, slot: int, out: tuple[np.ndarray, np.ndarray, np.ndarray], rate: float
) -> None:
    """Copy scikit-learn tree ``node`` and what is below it to ``slot`` of the complete form."""
    feature, threshold, leaf = out
    is_leaf = tree.children_left[node] == -1
    if slot >= _INNER:
        if not is_leaf:
            raise ValueError(f"the stacker's trees are {_DEPTH} deep at most")
        leaf[slot - _INNER] = rate * tree.value[node, 0, 0]
        return
    if is_leaf:  # above the bottom: an always-left split (threshold _NEVER) down to it
        _place(tree, node, 2 * slot + 1, out, rate)
        _place(tree, node, 2 * slot + 2, out, rate)
        return
    feature[slot] = tree.feature[node]
    threshold[slot] = tree.threshold[node]
    _place(tree, tree.children_left[node], 2 * slot + 1, out, rate)
    _place(tree, tree.children_right[node], 2 * slot + 2, out, rate)


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
        return [i for i in map(self.vocabulary.get, set(features)) if i is not None]

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


class StanceFeatures(NamedTuple):
    """What the stance heads read of a post: the author's words, each standing for itself and
    its character n-grams (:func:`word_grams`), and the other features (bigrams, the
    engaged-with text's words, lexicon tags)."""

    words: list[str]
    other: list[str]
    windows: tuple[StanceFeatures, ...] = ()  # passages of a long post (see Screener.features)

    def expand(self) -> list[str]:
        """Every feature occurrence, one string each, as the trainer counts them."""
        return [*self.words, *chain.from_iterable(map(word_grams, self.words)), *self.other]


def word_grams(word: str) -> tuple[str, ...]:
    """The stance heads' character n-grams of one word (see :func:`char_features`)."""
    cache = _gram_cache(*_STANCE_GRAMS)
    grams = cache.get(word)
    if grams is None:
        grams = cache[word] = _word_grams(word, *_STANCE_GRAMS)
    return grams


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
    cache = _gram_cache(prefix, sizes)
    grams = list(map(cache.get, norms))
    if None in grams:
        for i, word in enumerate(norms):
            if grams[i] is None:
                grams[i] = cache[word] = _word_grams(word, prefix, sizes)
    return list(set().union(*grams))


_GRAMS: dict[tuple[str, tuple[int, ...]], dict[str, tuple[str, ...]]] = {}
_GRAMS_LIMIT = 200_000
_STANCE_GRAMS = ("C:", (3, 4, 5))


def _gram_cache(prefix: str, sizes: tuple[int, ...]) -> dict[str, tuple[str, ...]]:
    """The remembered n-grams per word for ``prefix`` and ``sizes`` (emptied when full)."""
    cache = _GRAMS.get((prefix, sizes))
    if cache is None or len(cache) > _GRAMS_LIMIT:
        cache = _GRAMS[prefix, sizes] = {}
    return cache


def _word_grams(word: str, prefix: str, sizes: tuple[int, ...]) -> tuple[str, ...]:
    if len(word) < 3 or not word.isalpha():
        return ()
    padded = f" {word} "
    return tuple(
        sys.intern(prefix + padded[i : i + n]) for n in sizes for i in range(len(padded) - n + 1)
    )
