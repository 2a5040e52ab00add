"""Normalised tokens of a post that still know where they came from.

Each token keeps the character span of the original text it was read from, so any match on
the normalised form maps back to exact words: ``text[start:end]``. Normalisation folds case and
accents, slang ("cblos", "nmr"), elongation ("pilihhh"), splits hashtags into words and keeps
emoji as tokens (an emoji that stands for words, "📦" for "kotak kosong", is read as them).
The prayer "aamiin" is never folded into the name "amin".

Names written to dodge filters are read as the name: leetspeak ("pr4bowo", "an1es", "g@njar",
masked "pr*bowo") and letters spaced by dots ("r.u.d.y"). Such a disguise becomes one token
spanning all its characters, and only when what it spells is one of the lexicon's ``leet_targets``
(contestant words); any other mix of letters and digits ("covid19", "5G", "a1") is read as before.
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
_CONSONANTS = frozenset("bcdfghjkmnpqrstvwxz")  # after an initial l: see _word
_PRAYER = re.compile(r"^a+m+i+e?n+$")
_SKIN_TONES = frozenset(chr(c) for c in range(0x1F3FB, 0x1F400))
_APOSTROPHES = str.maketrans({"’": "'", "`": "'"})
_KEYCAP = re.compile(r"[\ufe0f\u20e3]")
# A disguised word: letters spaced by one repeated "." or "-" ("r.u.d.y"); or a run of letters
# and the digits leetspeak uses for letters, "@", "$" and "*" only inside it ("g@njar",
# "pr*bowo"). Neither may touch another letter or digit, so "covid19" and "pp94" never match.
_LEET = re.compile(
    r"(?<![\w.-])(?P<spaced>[^\W\d_]([.-])[^\W\d_](?:\2[^\W\d_])++)(?![.-]?\w)"
    r"|(?<![\w@#$])[^\W_2689]++(?:[@$*]++[^\W_2689]++)*+(?!\w)"
)
_LEET_WORD = re.compile(r"(?:[^\W\d_]|[013457@$*])+")
_UNLEET = str.maketrans("03457@$", "oeastas")
_LEET_MIN = 4  # letters of the shortest word a disguise can stand for
_CACHE_LIMIT = 200_000

# The tokens of a white-space chunk: the norm alone when the chunk is one token that normalises
# to one word (most chunks), else norms, starts and ends relative to the chunk.
_Chunk = str | tuple[tuple[str, ...], tuple[int, ...], tuple[int, ...]]


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
    ``spelling`` may also map an emoji to words. ``leet_targets``: the words a disguised word
    ("pr4bowo", "r.u.d.y") is read as when it spells one of them (see :meth:`unleet`).
    """

    def __init__(
        self,
        spelling: Mapping[str, str],
        slang: Mapping[str, str],
        vocabulary: Iterable[str],
        *,
        fuzzy_targets: Iterable[str] = (),
        fuzzy_ignore: Iterable[str] = (),
        leet_targets: Iterable[str] = (),
    ):
        self.vocabulary = frozenset(vocabulary)
        self._leet = frozenset(w for w in leet_targets if len(w) >= _LEET_MIN and w.isalpha())
        self._leet_by_len: dict[int, list[str]] = {}
        for target in sorted(self._leet):
            self._leet_by_len.setdefault(len(target), []).append(target)
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
        get = self._chunks.get
        remember = self._remember
        find = text.find
        norms: list[str] = []
        starts: list[int] = []
        ends: list[int] = []
        pos = 0
        for chunk in text.split():
            pos = find(chunk, pos)
            read = get(chunk)
            if read is None:
                read = remember(chunk)
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
        found = [(m.start(), m.end(), normalise(m[0])) for m in _TOKEN.finditer(chunk)]
        if self._leet and not chunk.isalpha():
            found = self._disguised(chunk, found)
        for s, e, out in found:
            norms += out
            starts += [s] * len(out)
            ends += [e] * len(out)
        if len(norms) == 1 and starts[0] == 0 and ends[0] == len(chunk):
            return norms[0]
        return tuple(norms), tuple(starts), tuple(ends)

    def _disguised(
        self, chunk: str, found: list[tuple[int, int, tuple[str, ...]]]
    ) -> list[tuple[int, int, tuple[str, ...]]]:
        """``found`` (the chunk's tokens: start, end, norms) with each disguised name read as
        one token over all its characters. A disguise that a token crosses (a URL, a tag, which
        :meth:`_tag` reads itself) is left alone."""
        for m in _LEET.finditer(chunk):
            raw = m[0]
            if m["spaced"]:
                word: str | None = fold_word(raw[::2])
                if word not in self._leet:
                    continue
            else:
                word = self.unleet(raw)
                if word is None:
                    continue
            s, e = m.span()
            inside = [t for t in found if t[0] < e and t[1] > s]
            if not inside or any(t[0] < s or t[1] > e for t in inside):
                continue
            first = found.index(inside[0])
            found[first : first + len(inside)] = [(s, e, (sys.intern(word),))]
        return found

    def chunk_norms(self, chunk: str) -> tuple[str, ...]:
        """The normalised tokens of one white-space chunk, exactly as :meth:`tokens` reads it
        (remembered the same way)."""
        read = self._chunks.get(chunk)
        if read is None:
            read = self._remember(chunk)
        return (read,) if type(read) is str else read[0]

    def _remember(self, chunk: str) -> _Chunk:
        """Read a chunk not seen before and keep it (the memory is bounded: emptied when full)."""
        if len(self._chunks) > _CACHE_LIMIT:
            self._chunks.clear()
        read = self._chunks[chunk] = self._chunk(chunk)
        return read

    def normalise(self, raw: str) -> tuple[str, ...]:
        """The normalised tokens of one raw token (a match of the token pattern), cached."""
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
            if raw in _SKIN_TONES:
                return ()
            return self._spelling.get(raw, (raw,))  # "📦" -> kotak kosong
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
        if len(word) >= 3 and word[0] == "l" and word[1] in _CONSONANTS:
            # OCR reads a capital I as l ("lsran", "lni", "lbu"): no Indonesian word begins
            # with l and a consonant, so the word with i is meant when that one is known
            meant = "i" + word[1:]
            if meant in self._known or meant in self._leet:
                return self._word(meant)
        if len(word) >= 5 and self._fuzzy:
            near = self.near_name(word)
            if near is not None:
                return (near,)
        return (word,)

    def unleet(self, raw: str) -> str | None:
        """The contestant word a leetspeak token spells ("pr4bowo", "an1es", "g@njar",
        "pr*bowo", "4niesss" -> "prabowo", "anies", "ganjar", "prabowo", "anies"), or None.

        0 4 @ 3 5 $ 7 stand for o a a e s s t; 1 for i or l; "*" masks one letter (at most a
        third of the word). Only a mix of at least two letters with such characters is read,
        and only as a ``leet_targets`` word it spells unambiguously: numbers and number forms
        ("02", "2024", "5G", "a1", "covid19") never are.
        """
        word = fold_word(raw)
        if len(word) < _LEET_MIN or word.isalpha() or not _LEET_WORD.fullmatch(word):
            return None
        if sum(map(str.isalpha, word)) < 2 or 3 * word.count("*") > len(word):
            return None
        plain = word.translate(_UNLEET)
        for form in dict.fromkeys((plain, _RUNS3.sub(r"\1", plain))):
            if "1" not in form and "*" not in form:
                if form in self._leet:
                    return form
                continue
            fits = [t for t in self._leet_by_len.get(len(form), ()) if _spells(form, t)]
            if len(fits) == 1:
                return fits[0]
        return None

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
        disguised = self.unleet(body) if self._leet else None  # "#pr4bowo"
        parts = [disguised] if disguised else _CAMEL.findall(body)
        if len(parts) <= 1 and not disguised:
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


def _spells(form: str, target: str) -> bool:
    """Whether a de-leeted ``form`` of the same length as ``target`` spells it: "1" is an "i"
    or an "l", "*" any letter."""
    for c, t in zip(form, target, strict=True):
        if c != t and not (c == "1" and t in "il") and c != "*":
            return False
    return True
