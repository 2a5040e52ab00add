"""The lexicon stage: names, numbers, gestures, hashtags, slogans and stance words in a field.

:func:`scan_field` is pure and cheap: one pass of dictionary look-ups over normalised tokens.
It returns what it saw with token positions; ballot numbers are resolved to contestants later,
once the whole post (both fields, the date) is known.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import compress

from netral.screening.lexicon import (
    ALIAS,
    CONTESTANT_KINDS,
    DESCRIPTOR,
    HASHTAG,
    SLOGAN,
    Entry,
    Lexicon,
)
from netral.screening.normalise import Tokens


@dataclass(slots=True)
class Hit:
    kind: str
    value: str
    ambiguous: bool
    number: int
    first: int
    last: int
    weight: float = 1.0
    stance: str = "mention"
    rival: bool = False
    guarded: bool = False  # a capital initialism read only right after a ballot verb


@dataclass(slots=True)
class NumberRef:
    """A number used like a ballot number: ``coblos 02``, ``paslon nomor 1``, ``salam 3 jari``."""

    number: int
    first: int
    last: int
    kind: str  # "ballot-call" | "number" | "gesture"
    strong: bool
    negated: bool = False


@dataclass(slots=True)
class FieldScan:
    field: str
    tokens: Tokens
    hits: list[Hit]
    cats: list[set[str]]  # token index -> cue kinds covering it
    numbers: list[NumberRef]
    context: bool  # election vocabulary or an unambiguous contestant
    kinds: set[str] = field(default_factory=set)
    text: str = ""  # the field as written (punctuation and capitals the tokens fold away)

    def of(self, kind: str) -> list[Hit]:
        return [h for h in self.hits if h.kind == kind]


_CONTESTANT_KINDS = CONTESTANT_KINDS
_NONE: frozenset[str] = frozenset()
_CONTEXT_KINDS = frozenset({"election_context", "office", "election", HASHTAG})


def scan_field(lexicon: Lexicon, name: str, text: str) -> FieldScan:
    tokens = lexicon.normaliser.tokens(text)
    norms = tokens.norms
    n = len(norms)
    starts = lexicon.phrase_starts
    hits: list[Hit] = []
    # most tokens carry no cue: they share one empty set, replaced on first write
    cats: list[set[str]] = [_NONE] * n  # type: ignore[list-item]
    # only the positions where some phrase begins are visited (found at C speed)
    for i in compress(range(n), map(starts.__contains__, norms)):
        start = starts[norms[i]]
        if start.longer and i + 1 < n:
            for phrase, entries in start.longer.get(norms[i + 1], ()):
                last = i + len(phrase) - 1
                if last < n and (last == i + 1 or tuple(norms[i : last + 1]) == phrase):
                    _add(hits, cats, entries, i, last)
        if start.alone:
            _add(hits, cats, start.alone, i, i)
    if any(h.guarded for h in hits):
        hits = [h for h in hits if not h.guarded or _called_initials(tokens, text, cats, h)]
    kinds = {h.kind for h in hits}
    digits = list(compress(range(n), map(str.isdigit, norms)))
    numbers = _numbers(
        lexicon, tokens, text, cats, hits, _numeric_groups(tokens, text, digits), digits, kinds
    )
    context = bool(
        kinds & _CONTEXT_KINDS
        or any(h.kind in (ALIAS, SLOGAN, DESCRIPTOR) and not h.ambiguous for h in hits)
        or any(r.strong for r in numbers)
    )
    return FieldScan(name, tokens, hits, cats, numbers, context, kinds, text)


def namesakes(lexicon: Lexicon, scan: FieldScan, common: frozenset[str] | set[str]) -> set[str]:
    """Given names the field shows belong to someone else: an ambiguous one-word name written
    as a name and followed by a capitalised name no contestant bears ("Rudy Hartono", "Syukri
    Rahman: khataman santri…"). ``common``: everyday words that may follow a name ("Rudy
    Kembali")."""
    text, tokens = scan.text, scan.tokens
    norms, starts, ends = tokens.norms, tokens.starts, tokens.ends
    given = [
        h
        for h in scan.hits
        if h.kind == ALIAS and h.ambiguous and h.first == h.last and h.last + 1 < len(norms)
    ]
    if not given:
        return set()
    words = [w for w in text.split() if w[:1].isalpha()]
    if sum(w[:1].isupper() for w in words) * 5 > 3 * len(words):
        return set()  # Title Case Or A Banner: every word is capitalised
    covered = {k for h in scan.hits for k in range(h.first, h.last + 1)}
    # "Sa'bani-Syukri Center", "Rudy–Seno Official": the pair is named by another word too
    named_at: dict[str, set[int]] = {}
    for h in scan.hits:
        if h.kind in CONTESTANT_KINDS:
            named_at.setdefault(h.value, set()).update(range(h.first, h.last + 1))
    out: set[str] = set()
    for h in given:
        j = h.last + 1
        name = text[starts[h.first] : ends[h.first]]
        after = text[starts[j] : ends[j]]
        if (
            name[:1].isupper()
            and not name.isupper()  # "AMIN KEC. SUNGAI KUNJANG": shouting, not a full name
            and after[:1].isupper()
            and not after.isupper()
            and after.replace("'", "").isalpha()
            and j not in covered
            and norms[j] not in lexicon.name_words
            and norms[j] not in common
            and not text[ends[h.first] : starts[j]].strip()
            and all(norms[k] == norms[h.first] for k in named_at[h.value])
        ):
            out.add(norms[h.first])
    return out


def _add(
    hits: list[Hit], cats: list[set[str]], entries: tuple[Entry, ...], first: int, last: int
) -> None:
    """Record a phrase found at tokens ``first..last``: a hit per entry, and the cue kinds on
    the tokens it covers."""
    for e in entries:
        hits.append(
            Hit(
                e.kind,
                e.value,
                e.ambiguous,
                e.number,
                first,
                last,
                e.weight,
                e.stance,
                e.rival,
                e.guarded,
            )
        )
        if e.kind not in _CONTESTANT_KINDS:
            for k in range(first, last + 1):
                c = cats[k]
                if c is _NONE:
                    c = cats[k] = set()
                c.add(e.kind)


def _called_initials(tokens: Tokens, text: str, cats: list[set[str]], h: Hit) -> bool:
    """A guarded initialism is a name only in capitals right after a ballot verb: "coblos AH",
    not "males nyoblos ah" nor "AH" alone."""
    i = h.first
    if i == 0 or "name_ballot_verbs" not in cats[i - 1]:
        return False
    written = text[tokens.starts[i] : tokens.ends[i]]
    return written.isupper() and not text[tokens.ends[i - 1] : tokens.starts[i]].strip()


def _own_choice(
    tokens: Tokens, text: str, cats: list[set[str]], j: int, first: int
) -> int | None:
    """Where "pilihanku" / "pilihan sy" begins when it stands a few filler words before the
    ballot number starting at ``first`` ("pilihanku jelas: nomer satu"); ``j`` is the token
    just before that number. No sentence ends between them."""
    gap = 0
    while j >= 0 and "choice_fillers" in cats[j] and "ballot_choice" not in cats[j]:
        gap += 1
        j -= 1
    if j < 0 or gap > 3 or "ballot_choice" not in cats[j]:
        return None
    between = text[tokens.ends[j] : tokens.starts[first]]
    if any(mark in between for mark in ".!?\n"):
        return None
    while j > 0 and "ballot_choice" in cats[j - 1]:
        j -= 1
    return j


def _number_at(
    norms: list[str], cats: list[set[str]], hits_num: dict[int, int], i: int
) -> int | None:
    tok = norms[i]
    if tok.isdigit() and len(tok) <= 3:
        return int(tok)
    return hits_num.get(i)


def _numeric_groups(tokens: Tokens, text: str, digits: list[int]) -> set[int]:
    """Digit tokens glued to another number by "." ":" "/" or "-": clock times ("09.41"),
    dates ("14.02.2024", "14/2") and scores ("2-0") are not ballot numbers.

    ``digits``: the positions of the all-digit tokens, in order."""
    norms, starts, ends = tokens.norms, tokens.starts, tokens.ends
    out: set[int] = set()
    last = len(norms) - 1
    for i in digits:
        if (
            i < last
            and norms[i + 1].isdigit()
            and starts[i + 1] - ends[i] == 1
            and text[ends[i]] in ".:/-"
        ):
            out.update((i, i + 1))
    return out


def _numbers(
    lexicon: Lexicon,
    tokens: Tokens,
    text: str,
    cats: list[set[str]],
    hits: list[Hit],
    glued: set[int],
    digits: list[int],
    kinds: set[str],
) -> list[NumberRef]:
    """Numbers used like ballot numbers. ``digits``: positions of the all-digit tokens, in
    order; ``kinds``: the kinds of ``hits`` (number words and finger emoji are looked for only
    when there are some)."""
    norms = tokens.norms
    words: dict[int, int] = {}
    found: list[NumberRef] = []
    n = len(norms)
    if "number_word" in kinds or "gesture_emoji" in kinds:
        for h in hits:
            if h.kind == "number_word" and h.first == h.last:
                words[h.first] = h.number
            elif h.kind == "gesture_emoji":
                found.append(NumberRef(h.number, h.first, h.last, "gesture", False))
    at = sorted({*digits, *words}) if words else digits
    for i in at:
        if i in glued:
            continue
        value = _number_at(norms, cats, words, i)
        if value is None or value == 0 or value > 99:
            continue
        tok = norms[i]
        padded = tok.isdigit() and len(tok) == 2 and tok[0] == "0"
        # "salam 2 jari", "2 jari"
        if i + 1 < n and "gesture_words" in cats[i + 1]:
            lead = i > 0 and "gesture_leads" in cats[i - 1]
            first = i - 1 if lead else i
            found.append(NumberRef(value, first, i + 1, "gesture", lead))
            continue
        if i > 0 and "number_blockers" in cats[i - 1] and "ballot_verbs" not in cats[i - 1]:
            continue
        if i in words and not (i > 0 and cats[i - 1] & {"ballot_nouns", "ballot_verbs"}):
            continue  # "dua" alone is just a word
        j = i - 1
        strong_noun = weak_noun = False
        while j >= 0 and i - j <= 3 and "ballot_nouns" in cats[j] and "ballot_verbs" not in cats[j]:
            if "weak_ballot_nouns" in cats[j]:
                weak_noun = True
            else:
                strong_noun = True
            j -= 1
        if j >= 0 and "number_blockers" in cats[j] and "ballot_verbs" not in cats[j]:
            continue
        verb = j >= 0 and "ballot_verbs" in cats[j]
        first = j if verb else j + 1
        negated = verb and j > 0 and ("negators" in cats[j - 1] or "attack" in cats[j])
        if not verb and (strong_noun or weak_noun or padded) and "ballot_choice" in kinds:
            choice = _own_choice(tokens, text, cats, j, first)
            if choice is not None:
                verb, first = True, choice
        if verb:
            found.append(NumberRef(value, first, i, "ballot-call", True, negated))
        elif strong_noun:
            found.append(NumberRef(value, first, i, "number", True))
        elif weak_noun or padded:
            found.append(NumberRef(value, first, i, "number", False))
    return found
