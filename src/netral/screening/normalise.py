"""Normalised tokens of a post that still know where they came from.

Each token keeps the character span of the original text it was read from, so any match on
the normalised form maps back to exact words: ``text[start:end]``. Normalisation folds case and
accents, slang ("cblos", "nmr"), elongation ("pilihhh"), splits hashtags into words and keeps
emoji as tokens. The prayer "aamiin" is never folded into the name "amin".
"""

from __future__ import annotations

import re
import sys
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from rapidfuzz.distance import Levenshtein

_TOKEN = re.compile(
    r"https?://\S+|www\.\S+"
    r"|[#@][^\W_][\w]*"
    r"|[^\W\d_]+(?:['’`][^\W\d_]+)*"
    r"|(?:\d\ufe0f?\u20e3)+"  # keycap digits: 0️⃣2️⃣ reads as 02
    r"|\d+"
    r"|[\u2600-\u27BF\U0001F000-\U0001FAFF]"
)
_CAMEL = re.compile(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|\d+|[^\W\d_]+")
_TRIPLE = re.compile(r"(.)\1\1")
_RUNS3 = re.compile(r"(.)\1{2,}")
_RUNS2 = re.compile(r"(.)\1+")
_TRAILING2 = re.compile(r"(.)\1+$")
_PRAYER = re.compile(r"^a+m+i+e?n+$")
_SKIN_TONES = frozenset(chr(c) for c in range(0x1F3FB, 0x1F400))
_APOSTROPHES = str.maketrans({"’": "'", "`": "'"})
_KEYCAP = re.compile(r"[\ufe0f\u20e3]")
_CACHE_LIMIT = 200_000

# The tokens of a white-space chunk: the norm alone when the chunk is one token that normalises
# to one word (most chunks), else norms, starts and ends relative to the chunk.
_Chunk = str | tuple[tuple[str, ...], tuple[int, ...], tuple[int, ...]]


raw_tokens = _TOKEN.findall  # the raw words of a text, exactly as Normaliser.tokens reads them


def fold_word(raw: str) -> str:
    """Lowercase and strip accents of one word (fast path for ASCII)."""
    if raw.isascii():
        return raw.lower()
    text = unicodedata.normalize("NFKD", raw.translate(_APOSTROPHES))
    return "".join(ch for ch in text if not unicodedata.combining(ch)).lower()


@dataclass(slots=True)
class Tokens:
    """Parallel lists: normalised token, and the original span it came from."""

    norms: list[str]
    starts: list[int]
    ends: list[int]

    def __len__(self) -> int:
        return len(self.norms)

    def span(self, first: int, last: int) -> tuple[int, int]:
        """Original character span covering tokens ``first..last`` (inclusive)."""
        return self.starts[first], self.ends[last]


class Normaliser:
    """Turns text into :class:`Tokens`; built once from the spelling tables and the vocabulary.

    ``vocabulary`` holds every word the lexicon knows: such words are never rewritten by the
    slang table, and elongated words are folded only when the result is a known word.
    """

    def __init__(
        self,
        spelling: Mapping[str, str],
        slang: Mapping[str, str],
        vocabulary: Iterable[str],
        *,
        fuzzy_targets: Iterable[str] = (),
        fuzzy_ignore: Iterable[str] = (),
    ):
        self.vocabulary = frozenset(vocabulary)
        self._fuzzy: dict[str, list[str]] = {}
        for target in sorted(set(fuzzy_targets)):
            self._fuzzy.setdefault(target[0], []).append(target)
        self._fuzzy_ignore = frozenset(fuzzy_ignore)
        table: dict[str, tuple[str, ...]] = {}
        for key, value in slang.items():
            key = key.strip().lower()
            if key and " " not in key and key not in self.vocabulary:
                table[key] = tuple(value.lower().split())
        self._spelling = {k.lower(): tuple(v.lower().split()) for k, v in spelling.items()}
        table.update(self._spelling)
        self._table = table
        self._known = self.vocabulary | frozenset(table)
        self._cache: dict[str, tuple[str, ...]] = {}
        self._chunks: dict[str, _Chunk] = {}

    def tokens(self, text: str) -> Tokens:
        """The normalised tokens of ``text`` with their spans.

        Tokens never span white space, so a text is read one white-space chunk at a time and
        each chunk is tokenised once and remembered (the token pattern is the costly part).
        """
        chunks = self._chunks
        if len(chunks) > _CACHE_LIMIT:
            chunks.clear()
        get = chunks.get
        find = text.find
        norms: list[str] = []
        starts: list[int] = []
        ends: list[int] = []
        pos = 0
        for chunk in text.split():
            pos = find(chunk, pos)
            read = get(chunk)
            if read is None:
                read = chunks[chunk] = self._chunk(chunk)
            if type(read) is str:
                norms.append(read)
                starts.append(pos)
                pos += len(chunk)
                ends.append(pos)
            else:
                chunk_norms, chunk_starts, chunk_ends = read
                norms += chunk_norms
                starts += map(pos.__add__, chunk_starts)
                ends += map(pos.__add__, chunk_ends)
                pos += len(chunk)
        return Tokens(norms, starts, ends)

    def _chunk(self, chunk: str) -> _Chunk:
        """The tokens of one white-space chunk, with spans relative to it."""
        norms: list[str] = []
        starts: list[int] = []
        ends: list[int] = []
        normalise = self.normalise
        for m in _TOKEN.finditer(chunk):
            out = normalise(m[0])
            s, e = m.span()
            norms += out
            starts += [s] * len(out)
            ends += [e] * len(out)
        if len(norms) == 1 and starts[0] == 0 and ends[0] == len(chunk):
            return norms[0]
        return tuple(norms), tuple(starts), tuple(ends)

    def normalise(self, raw: str) -> tuple[str, ...]:
        """The normalised tokens of one raw token (as found by :data:`raw_tokens`), cached."""
        out = self._cache.get(raw)
        if out is None:
            # interned: the lexicon's and the model's look-ups then match words by identity
            out = tuple(map(sys.intern, self._normalise(raw)))
            if len(self._cache) > _CACHE_LIMIT:
                self._cache.clear()
            self._cache[raw] = out
        return out

    def phrase(self, text: str) -> tuple[str, ...]:
        """A lexicon phrase normalised exactly like post text."""
        return tuple(self.tokens(text).norms)

    # -- one token -------------------------------------------------------------------------

    def _normalise(self, raw: str) -> tuple[str, ...]:
        first = raw[0]
        if raw.startswith(("http", "www.")) and len(raw) > 4 and ("/" in raw or "." in raw):
            return ()
        if first in "#@":
            return self._tag(raw)
        if len(raw) == 1 and not raw.isalnum():
            return () if raw in _SKIN_TONES else (raw,)
        if raw.isdigit():
            return (raw,)
        if raw[0].isdigit():  # keycap digits
            return (_KEYCAP.sub("", raw),)
        return self._word(fold_word(raw))

    def _word(self, word: str) -> tuple[str, ...]:
        word = word.replace("`", "'").replace("’", "'")
        spelled = self._spelling.get(word)
        if spelled is not None:
            return spelled
        if word in self.vocabulary:
            return (word,)
        if word != "amin" and _PRAYER.match(word) and "e" not in word:
            return ("aamiin",)
        mapped = self._table.get(word)
        if mapped is not None:
            return mapped
        if _TRIPLE.search(word):
            once = _RUNS3.sub(r"\1", word)
            if once in self._known:
                return self._table.get(once, (once,))
            single = _RUNS2.sub(r"\1", once)
            if single in self._known:
                return self._table.get(single, (single,))
            return (once,)
        if len(word) > 3:  # "pilihh", "gass": a doubled last letter ("saat" stays "saat")
            single = _TRAILING2.sub(r"\1", word)
            if single != word and single in self.vocabulary:
                return (single,)
        if len(word) >= 5 and self._fuzzy:
            near = self.near_name(word)
            if near is not None:
                return (near,)
        return (word,)

    def near_name(self, word: str) -> str | None:
        """The name a misspelt word stands for ("prabowow" -> "prabowo"), or None.

        Same first letter, one edit for names of up to 7 letters, two for longer ones; words
        the slang table or ``fuzzy_ignore`` knows ("mahmud", "ganjal") are never bent.
        """
        targets = self._fuzzy.get(word[0])
        if not targets or word in self._fuzzy_ignore or word in self._table:
            return None
        best: tuple[int, str] | None = None
        for target in targets:
            if abs(len(target) - len(word)) > 2:
                continue
            limit = 1 if len(target) <= 7 else 2
            d = Levenshtein.distance(word, target, score_cutoff=limit)
            if d <= limit and (best is None or d < best[0]):
                best = (d, target)
        return best[1] if best else None

    def _tag(self, raw: str) -> tuple[str, ...]:
        body = raw[1:]
        parts = _CAMEL.findall(body)
        if len(parts) <= 1:
            parts = self._segment(fold_word(body)) or [body]
        words: list[str] = []
        for part in parts:
            words.extend(self._word(fold_word(part)))
        return (raw[0] + fold_word(body), *words)

    def _segment(self, body: str) -> list[str] | None:
        """Split an all-lowercase tag into known words ("asalbukanwowo"), or None."""
        n = len(body)
        if n < 5:
            return None
        best: list[list[str] | None] = [None] * (n + 1)
        best[0] = []
        for i in range(n):
            done = best[i]
            if done is None:
                continue
            for j in range(min(n, i + 20), i, -1):
                piece = body[i:j]
                if (piece in self._known and len(piece) > 1) or piece.isdigit():
                    candidate = [*done, piece]
                    if best[j] is None or len(candidate) < len(best[j]):  # type: ignore[arg-type]
                        best[j] = candidate
        result = best[n]
        return result if result and len(result) > 1 else None
