"""Self-check: an ASN describes an act or pastes a post and asks "boleh?" (may I?).

The answer comes from the rulebook: the ``cues`` of prohibited acts and of allowed acts
(``allowed.yaml``), plus the screener's findings when a screener is passed in (for pasted
posts). An engagement word like "like" or "share" only counts against the asker when the
question also points at a side (a contestant, "capres", "paslon", "tim sukses" …): liking a
KPU schedule is fine, liking a candidate's post is not. Every match keeps the character span
of the words it was read from, so the page can show why.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cache
from importlib import resources
from typing import Protocol

import yaml

from netral.rulebook import AllowedAct, ProhibitedAct, Rulebook, Target
from netral.screening.models import Post, Screening
from netral.text import fold

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*", re.UNICODE)
# Informal verb prefixes: "nge-like", "ngeshare", "dishare", "di-like", "me-retweet".
_PREFIXES = ("nge", "di", "ng")
# Words that say the person favoured is not yet a candidate (SKB ethics rows).
_PROSPECTIVE = (("bakal", "calon"), ("bacalon",), ("balon",), ("bakal", "pasangan"),
                ("sebelum", "penetapan"), ("bacaleg",), ("bakal", "caleg"))
_MAX_RELATED = 4
_CONTEXT = "context"
_PROSPECTIVE_KEY = "prospective"


class Verdict(StrEnum):
    ALLOWED = "allowed"  # boleh
    NOT_ALLOWED = "not_allowed"  # tidak boleh
    DEPENDS = "depends"  # tergantung: allowed and prohibited readings both fit
    UNKNOWN = "unknown"  # nothing in the rulebook matched


class ScreenerLike(Protocol):
    def screen(self, post: Post) -> Screening: ...


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int
    text: str


@dataclass(slots=True)
class ActMatch:
    act: ProhibitedAct
    cues: list[str] = field(default_factory=list)
    spans: list[Span] = field(default_factory=list)
    from_screening: bool = False

    @property
    def score(self) -> int:
        return sum(s.end - s.start for s in self.spans) + (100 if self.from_screening else 0)


@dataclass(slots=True)
class AllowedMatch:
    allowed: AllowedAct
    cues: list[str] = field(default_factory=list)
    spans: list[Span] = field(default_factory=list)

    @property
    def score(self) -> int:
        return sum(s.end - s.start for s in self.spans)


@dataclass(slots=True)
class SelfCheckAnswer:
    text: str
    verdict: Verdict
    acts: list[ActMatch]  # best first; acts[0] is "the rule" when not allowed
    allowed: list[AllowedMatch]  # best first
    context: list[Span]  # words that point at a side in the election
    prospective: bool  # the question is about a bakal calon (before determination)
    screening: Screening | None = None

    @property
    def act(self) -> ProhibitedAct | None:
        return self.acts[0].act if self.acts else None

    @property
    def spans(self) -> list[Span]:
        out = [s for m in self.acts for s in m.spans] + [s for m in self.allowed for s in m.spans]
        return sorted(set(out + self.context), key=lambda s: (s.start, s.end))


@dataclass(frozen=True, slots=True)
class _Token:
    norm: str
    start: int
    end: int


def _tokens(text: str) -> list[_Token]:
    return [_Token(fold(m.group()), m.start(), m.end()) for m in _WORD.finditer(text)]


def _variants(norm: str) -> set[str]:
    out = {norm}
    for prefix in _PREFIXES:
        if norm.startswith(prefix) and len(norm) - len(prefix) >= 3:
            out.add(norm[len(prefix):])
    return out


def _phrase(text: str) -> tuple[str, ...]:
    return tuple(t.norm for t in _tokens(text))


@cache
def _election_context() -> tuple[str, ...]:
    path = resources.files("netral.screening") / "data" / "cues.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return tuple(data.get("election_context", []))


class SelfChecker:
    """Answers "boleh?" questions from a rulebook (and a screener, when given)."""

    def __init__(self, rulebook: Rulebook, screener: ScreenerLike | None = None):
        self.rulebook = rulebook
        self.screener = screener
        allowed_words = {w for a in rulebook.allowed for cue in a.cues for w in _phrase(cue)}
        # Neutral election words (KPU, TPS, pemilu, hak pilih …) name no side: they are the
        # subject of allowed acts, so they do not make an engagement word partisan.
        self._context = [
            p for p in {_phrase(c) for c in _election_context()}
            if p and not set(p) <= allowed_words
        ]
        self._act_cues = [(a, [(c, _phrase(c)) for c in a.cues]) for a in rulebook.acts]
        self._allowed_cues = [(a, [(c, _phrase(c)) for c in a.cues]) for a in rulebook.allowed]
        # Every phrase indexed by its first word: one dictionary look-up per word of the text.
        self._index: dict[str, list[tuple[tuple[str, ...], object]]] = {}
        entries: list[tuple[tuple[str, ...], object]] = [(p, _CONTEXT) for p in self._context]
        entries += [(p, _PROSPECTIVE_KEY) for p in _PROSPECTIVE]
        entries += [(p, ("act", a.id, c)) for a, cues in self._act_cues for c, p in cues if p]
        entries += [(p, ("allowed", a.id, c)) for a, cues in self._allowed_cues
                    for c, p in cues if p]
        for phrase, key in entries:
            self._index.setdefault(phrase[0], []).append((phrase, key))

    def _match(self, tokens: list[_Token], text: str) -> dict[object, list[Span]]:
        found: dict[object, list[Span]] = {}
        variants = [_variants(t.norm) for t in tokens]
        for i, forms in enumerate(variants):
            for form in forms:
                for phrase, key in self._index.get(form, ()):
                    n = len(phrase)
                    if i + n > len(tokens):
                        continue
                    if all(phrase[k] in variants[i + k] for k in range(1, n)):
                        start, end = tokens[i].start, tokens[i + n - 1].end
                        spans = found.setdefault(key, [])
                        span = Span(start, end, text[start:end])
                        if span not in spans:
                            spans.append(span)
        return found

    def check(self, text: str) -> SelfCheckAnswer:
        text = text.strip()
        tokens = _tokens(text)
        found = self._match(tokens, text)
        context = found.get(_CONTEXT, [])
        context += self._contestant_mentions(tokens, text)
        prospective = bool(found.get(_PROSPECTIVE_KEY))

        acts: dict[str, ActMatch] = {}
        for act, cues in self._act_cues:
            for cue, _phrase_tokens in cues:
                spans = found.get(("act", act.id, cue))
                if spans:
                    match = acts.setdefault(act.id, ActMatch(act))
                    match.cues.append(cue)
                    match.spans.extend(spans)
        allowed: list[AllowedMatch] = []
        for item, cues in self._allowed_cues:
            match = AllowedMatch(item)
            for cue, _phrase_tokens in cues:
                spans = found.get(("allowed", item.id, cue))
                if spans:
                    match.cues.append(cue)
                    match.spans.extend(spans)
            if match.spans:
                allowed.append(match)

        screening = None
        if self.screener is not None and text:
            screening = self.screener.screen(Post(id="self-check", text=text))
            for finding in screening.findings:
                try:
                    act = self.rulebook.act(finding.act)
                except KeyError:
                    continue
                match = acts.setdefault(act.id, ActMatch(act))
                match.from_screening = True
                match.spans.extend(Span(e.start, e.end, e.text) for e in finding.evidence
                                   if e.field == "text")

        partisan = bool(context) or bool(screening and screening.partisan)
        ranked = self._rank(list(acts.values()), prospective)
        # A one-word cue ("like", "spanduk") is an act only when the text points at a side.
        strong = [m for m in ranked if m.from_screening or partisan
                  or any(len(_phrase(c)) > 1 for c in m.cues)]
        allowed.sort(key=lambda m: -m.score)

        if strong and allowed:
            verdict = Verdict.DEPENDS
        elif strong:
            verdict = Verdict.NOT_ALLOWED
        elif allowed:
            verdict = Verdict.ALLOWED
        elif ranked:
            verdict = Verdict.DEPENDS
        else:
            verdict = Verdict.UNKNOWN
        shown = strong or (ranked if verdict == Verdict.DEPENDS else [])
        return SelfCheckAnswer(text, verdict, shown[: 1 + _MAX_RELATED], allowed, context,
                               prospective, screening)

    def _contestant_mentions(self, tokens: list[_Token], text: str) -> list[Span]:
        spans = []
        for n in (3, 2, 1):
            for i in range(len(tokens) - n + 1):
                words = " ".join(t.norm for t in tokens[i:i + n])
                if len(words) >= 4 and self.rulebook.contestants_by_alias(words):
                    spans.append(Span(tokens[i].start, tokens[i + n - 1].end,
                                      text[tokens[i].start:tokens[i + n - 1].end]))
        return spans

    @staticmethod
    def _rank(matches: list[ActMatch], prospective: bool) -> list[ActMatch]:
        """Best first: screening evidence, then the right target, then the most words."""

        def target_fit(m: ActMatch) -> int:
            if m.act.target == Target.ANY:
                return 1
            wanted = Target.PROSPECTIVE if prospective else Target.CANDIDATE
            return 2 if m.act.target == wanted else 0

        order = {id(m): i for i, m in enumerate(matches)}
        return sorted(matches, key=lambda m: (-m.from_screening, -target_fit(m), -m.score,
                                              order[id(m)]))
