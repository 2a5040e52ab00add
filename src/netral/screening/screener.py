"""The screener: lexicon evidence + learned stance -> a cited :class:`Screening`.

Built once from a rulebook (and optionally a model file); ``screen`` is pure, so one screener
can serve many threads or Dask partitions. Every partisan decision carries evidence spans.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from functools import cache
from importlib import resources
from itertools import chain, compress, pairwise, repeat
from operator import itemgetter
from pathlib import Path

from netral.rulebook import Rulebook
from netral.rulebook.models import RaceOffice
from netral.screening.assess import ActAssessor
from netral.screening.explain import Explainer
from netral.screening.lexicon import ALIAS, DESCRIPTOR, HASHTAG, SLOGAN, Lexicon, build_lexicon
from netral.screening.matcher import FieldScan, Hit, namesakes, scan_field
from netral.screening.models import EvidenceSpan, Finding, Post, Screening
from netral.screening.normalise import Tokens
from netral.screening.stance.classifier import (
    StanceFeatures,
    StanceModel,
    char_features,
    rule_features,
    token_features,
)
from netral.text import month_numbers

_WINDOW = 6
_CONDUCT_SIGNALS = frozenset(
    {"mobilisation", "campaign-event", "campaign-props", "campaign-attribute", "gift",
     "state-facility", "winning-team", "support-letter"}
)
# a bare number's other meanings within this many points of the likeliest (see _resolve_number)
# stay open for the contestant head to choose among (see _reread)
_ALT_GAP = 2.0
_CUES = frozenset({"support", "attack", "conduct"})  # evidence that points at a nearby mention
_WEAK_NUMBERS = frozenset({"weak-gesture", "weak-number", "weak-ballot-call"})
_PLAIN_LIMIT = 500_000
_GUARDED = 10  # added to a chunk's grade when it holds a word that guards a longer phrase
_SPECIFIC_SIGNALS = (
    "mobilisation",
    "gift",
    "state-facility",
    "winning-team",
    "party-membership",
    "support-letter",
    "campaign-props",
    "campaign-event",
    "campaign-attribute",
)
_ENGAGE = {"like": "social-like", "share": "social-share", "comment": "social-comment"}
_OFFICE_ORDER = ("president", "governor", "mayor", "regent", "legislative-party")


@dataclass(slots=True)
class Ev:
    """One piece of evidence for (or against) a contestant in one field."""

    cid: str
    field: str
    kind: str  # mention | ballot-call | gesture | hashtag | slogan | support | attack
    stance: str  # support | attack | mention
    weight: float
    first: int
    last: int
    number: int | None = None
    rival: bool = False  # a mention of the contestant's rival (the empty column)
    # for a bare number or gesture: the other contestants it may as well mean (see _reread)
    alts: tuple[str, ...] = ()


@dataclass
class Analysis:
    """Everything the lexicon stage saw in one post; also the learned stage's input."""

    post: Post
    scans: dict[str, FieldScan]
    evidence: dict[str, list[Ev]]
    strength: dict[str, float]
    political: bool
    approval: bool
    features: StanceFeatures | None = None
    # the engaged-with post is a contestant's own ("(akun Isran-Hadi) …", "Prabowo Subianto: …")
    own_account: bool = False
    # a bare like or share: the engaged-with post read as if the author had posted it
    # (Screener._passed_on, made when first needed)
    passed_on: Analysis | None = None
    # the largest share of one race's contestants the post names, when it names two or more
    # of them: an even-handed joke names them all ("01 slepet, 02 joget, 03 sat set")
    balance: float = 0.0


class Screener:
    """``Screener(rulebook).screen(post)``; ``model_path=None`` uses the bundled model if any."""

    def __init__(
        self,
        rulebook: Rulebook,
        model_path: Path | str | None = None,
        *,
        use_model: bool = True,
        lexicon: Lexicon | None = None,
    ):
        self.rulebook = rulebook
        self.lexicon = lexicon or build_lexicon(rulebook)
        self.assessor = ActAssessor(rulebook)
        self.model = StanceModel.load(model_path) if use_model else None
        self.explainer = Explainer("id")
        self._names = {cid: ref.contestant.name for cid, ref in self.lexicon.contestants.items()}
        self._windows = self._election_windows(rulebook)
        self._stages = {e.id: e.phases for e in rulebook.elections}
        self._running: dict[dt.date, frozenset[str]] = {}  # day -> _active_elections; days are few
        self._race_days = [
            (min(p.start for p in e.phases), e.voting_day)
            for e in rulebook.elections
            if e.phases and e.voting_day
        ]
        # election id -> its voting day ("tgl 27" is Pilkada's)
        self._voting = {e.id: e.voting_day for e in rulebook.elections if e.voting_day}
        # white-space chunk -> trigger level (see _quiet); bounded like a cache
        self._grades: dict[str, int] = {}
        # the chunks graded 0 (plain), 0 or 2 (a number at most) and 3 (a trigger), and the
        # words of guarded phrases in each chunk (see _holds_phrase); emptied with _grades
        self._plain: set[str] = set()
        self._numeric: set[str] = set()
        self._loud: set[str] = set()
        self._phrase_words: dict[str, tuple[str, ...]] = {}
        self._phases: dict[tuple, str | None] = {}  # (day, contestant) -> phase; days are few
        self._quiet_explanation = self.explainer.explanation(partisan=False, political=False)
        self._version = rulebook.version  # cited by every screening
        # party contestants: their everyday-word names ("Garuda", "PBB") are read more warily
        self._parties = frozenset(
            cid
            for cid, ref in self.lexicon.contestants.items()
            if self.lexicon.race_office[ref.race.id] == RaceOffice.LEGISLATIVE_PARTY
        )
        self._stopwords = _stopwords()
        self._not_evidence = self._stopwords | _TIMES  # see _content_words
        self._race_size = {race.id: len(race.contestants) for race in rulebook.races}

    # -- public API ------------------------------------------------------------------------

    def screen(self, post: Post) -> Screening:
        return self.decide(post, self.prepare(post))

    def screen_many(self, posts: Iterable[Post]) -> Iterator[Screening]:
        quiet, decide, analyse, skip = self._quiet, self._decide, self.analyse, self._not_political
        for post in posts:
            yield skip(post) if quiet(post) else decide(analyse(post))

    def prepare(self, post: Post) -> Analysis | None:
        """What :meth:`decide` needs of a post: its analysis, or None when the prefilter skips
        it. Kept apart so settings can be tried on one analysis (bench/train_screening.py)."""
        return None if self._quiet(post) else self.analyse(post)

    def decide(self, post: Post, analysis: Analysis | None) -> Screening:
        """The screening of ``post`` from :meth:`prepare`'s result, under the model's current
        thresholds."""
        return self._not_political(post) if analysis is None else self._decide(analysis)

    # -- prefilter -------------------------------------------------------------------------

    def _quiet(self, post: Post) -> bool:
        """True when no word of the post can make it political (most of a national stream).

        Exact, not a heuristic: every lexicon phrase that can start evidence or election
        context holds a word of ``lexicon.triggers``, or of ``lexicon.number_triggers`` and
        then needs a number too (a longer phrase counts only when the post holds all its
        words). A post without them gets no name, number, gesture, context or allowed-act
        hit, so the full analysis would find it neither political nor partisan. Tokens never
        span white space, so each white-space chunk is graded once and remembered; a post
        costs a ``split`` and a few set operations. Most posts hold only chunks already
        graded 0, and most of the rest one graded 3 (a trigger) or only chunks graded 0 or 2
        (a bare number): one set test each settles them.
        """
        chunks = post.text.split() if post.text else []
        if post.target_text:
            chunks += post.target_text.split()
        if self._plain.issuperset(chunks):
            return True
        if not self._loud.isdisjoint(chunks):
            return False
        if self._numeric.issuperset(chunks):  # and not all plain: a number
            return not self._in_race_days(post.published_on)
        grades = self._grades
        if len(grades) > _PLAIN_LIMIT:  # between posts, so a post's chunks stay graded together
            grades.clear()
            self._plain.clear()
            self._numeric.clear()
            self._loud.clear()
            self._phrase_words.clear()
        levels: set[int | None] = set(map(grades.get, chunks))
        if None in levels:
            levels.discard(None)
            levels.update(self._grade(chunk) for chunk in chunks if chunk not in grades)
        base = {level % _GUARDED for level in levels if level is not None}
        if 3 in base or (1 in base and 2 in base):
            return False
        if any(level >= _GUARDED for level in levels if level is not None):
            held = self._holds_phrase(chunks)
            if held == 3 or (held == 1 and 2 in base):
                return False
        # during a race a bare ✌️ or "02" is read too (see analyse)
        return not (2 in base and self._in_race_days(post.published_on))

    def _holds_phrase(self, chunks: list[str]) -> int:
        """The level of the guarded phrases the post's words hold every word of (see
        ``Lexicon.holds_phrase``). Only words of such phrases matter, and _grade kept those of
        each chunk (all graded by now)."""
        get = self._phrase_words.get
        return self.lexicon.holds_phrase(set(chain.from_iterable(map(get, chunks, repeat(())))))

    def _in_race_days(self, day: dt.date | None) -> bool:
        """From an election's first phase to its voting day: when a bare number is a ballot
        number more often than not."""
        if day is None:
            return False
        return any(start <= day <= end for start, end in self._race_days)

    def _grade(self, chunk: str) -> int:
        """The trigger level of a chunk (plus _GUARDED when it holds a word that guards a longer
        phrase), remembered in _grades and the sets _quiet tests first. The chunk is read as the
        matcher reads it (a disguised name "pr4bowo" is one word), so the grade stays exact."""
        norms = self.lexicon.normaliser.chunk_norms(chunk)
        level = self.lexicon.trigger_level(norms)
        guarded = self.lexicon.phrase_guard(norms)
        words = list(filter(self.lexicon.phrase_words.__contains__, norms))
        if guarded:  # holds the rarest word of a longer phrase: check the whole post
            level += _GUARDED
        self._grades[chunk] = level
        if level in (0, 2):
            self._numeric.add(chunk)
            if level == 0:
                self._plain.add(chunk)
        elif level % _GUARDED == 3:
            self._loud.add(chunk)
        if words:
            self._phrase_words[chunk] = tuple(words)
        return level

    def _not_political(self, post: Post) -> Screening:
        day = post.published_on
        return Screening(
            id=post.id,
            political=False,
            partisan=False,
            contestants=[],
            acts=[],
            score=0.0,
            phase=self._phase(day, []) if day else None,
            findings=[],
            explanation=self._quiet_explanation,
            allowed=[],
            rulebook_version=self._version,
        )

    # -- lexicon stage ---------------------------------------------------------------------

    def analyse(self, post: Post) -> Analysis:
        lx = self.lexicon
        scans = {"text": scan_field(lx, "text", post.text or "")}
        if post.target_text:
            scans["target_text"] = scan_field(lx, "target_text", post.target_text)
        self._forget_strangers(scans)
        any_context = any(s.context for s in scans.values())
        named_races: set[str] = set()
        offices: set[str] = set()
        regions: set[str] = set()
        kinds: set[str] = set()
        named_votes: set[str] = set()
        for s in scans.values():
            for h in s.hits:
                if h.kind in (ALIAS, HASHTAG, SLOGAN, DESCRIPTOR) and not h.ambiguous:
                    named_races.add(lx.contestants[h.value].race.id)
                elif h.kind == "office":
                    offices.add(h.value)
                elif h.kind == "region":
                    regions.add(h.value)
                elif h.kind == "election":
                    kinds.add(h.value)
            named_votes.update(self._voting_days_named(s))
        day = post.published_on
        kinds.update(lx.election_kind[e] for e in named_votes)
        evidence: dict[str, list[Ev]] = {}
        strength: dict[str, float] = {}
        for name, s in scans.items():
            evs = self._evidence(s, any_context, named_races, offices, regions, kinds, day)
            evidence[name] = evs
            strength[name] = _strength(evs)
        text_scan = scans["text"]
        approval = "approval" in text_scan.kinds or (
            "support" in text_scan.kinds and "guard" not in text_scan.kinds
        )
        # an uncorroborated ✌️, "nomor 2" or ambiguous name ("Garuda di dadaku") makes a post
        # political only between an election's first phase and its voting day (the prefilter
        # reads the same calendar, so it stays exact); the learned stage then weighs it
        political = (
            any_context
            or _names([e for evs in evidence.values() for e in evs])
            or (any(evidence.values()) and self._in_race_days(day))
        )
        analysis = Analysis(post, scans, evidence, strength, political, approval)
        analysis.own_account = self._own_account(analysis)
        analysis.balance = self._balance(evidence)
        # the learned stage reads every post the prefilter lets through: one that names nobody
        # and holds no election word may still back someone by what it says ("lanjutkan
        # Probebaya", "yg joget2 itu"), named by the contestant head with its words as evidence.
        # A post the prefilter skips stays unread here too, so skipping it changes nothing.
        if self.model is not None and (political or not self._quiet(post)):
            analysis.features = self.features(analysis)
        return analysis

    def _balance(self, evidence: dict[str, list[Ev]]) -> float:
        """See ``Analysis.balance``: 1.0 when every pair of a race is named, 0.0 when no race
        has two named."""
        named: dict[str, set[str]] = {}
        for e in chain.from_iterable(evidence.values()):
            named.setdefault(self.lexicon.contestant_races(e.cid), set()).add(e.cid)
        return max(
            (len(cids) / self._race_size[race] for race, cids in named.items() if len(cids) > 1),
            default=0.0,
        )

    def _forget_strangers(self, scans: dict[str, FieldScan]) -> None:
        """Drop the given names that either field shows belong to someone else (see
        ``namesakes``), and a party's everyday-word name in football talk: "Rudy Hartono: toko
        buka lagi" and "mantap pak rudy" under it are not Rudy Mas'ud, "Garuda di dadaku" next
        to "timnas" is the national team, for the lexicon nor for the learned stage, which reads
        the name as any stranger's."""
        lx = self.lexicon
        others = set().union(*(namesakes(lx, s, self._stopwords) for s in scans.values()))
        for s in scans.values():
            if "sports" in s.kinds:  # "Garuda di dadaku": the national team, not the party
                others.update(
                    w
                    for h in s.hits
                    if h.kind == ALIAS and h.ambiguous and h.value in self._parties
                    for w in s.tokens.norms[h.first : h.last + 1]
                )
        if not others:
            return
        for s in scans.values():
            s.hits = [
                h
                for h in s.hits
                if not h.ambiguous
                or h.kind != ALIAS
                or others.isdisjoint(s.tokens.norms[h.first : h.last + 1])
            ]
            s.kinds = {h.kind for h in s.hits}
            norms = [_STRANGER if w in others else w for w in s.tokens.norms]
            s.tokens = Tokens(norms, s.tokens.starts, s.tokens.ends)

    def _evidence(
        self,
        s: FieldScan,
        any_context: bool,
        named_races: set[str],
        offices: set[str],
        regions: set[str],
        kinds: set[str],
        day: dt.date | None,
    ) -> list[Ev]:
        cats = s.cats
        evs: list[Ev] = []
        fname = s.field
        prayer = "prayer" in s.kinds
        strong_cids = {
            h.value for h in s.hits if h.kind in (ALIAS, HASHTAG, DESCRIPTOR) and not h.ambiguous
        }
        n_tok = len(s.tokens)

        def near(kind: str, first: int, last: int, span: int = 2) -> int | None:
            for k in range(max(0, first - span), min(n_tok, last + span + 1)):
                if (k < first or k > last) and kind in cats[k]:
                    return k
            return None

        def negated_before(first: int) -> bool:
            return first > 0 and bool(cats[first - 1] & {"negators"})

        for h in s.hits:
            if h.kind == HASHTAG:
                evs.append(Ev(h.value, fname, "hashtag", "support", 3.5, h.first, h.last))
            elif h.kind == SLOGAN:
                if h.ambiguous and not (any_context and (strong_cids or s.numbers)):
                    continue
                evs.append(Ev(h.value, fname, "slogan", "support", 3.0, h.first, h.last))
            elif h.kind == ALIAS:
                called = None
                if h.ambiguous:
                    # "sy pilih Ganjar", "coblos Amin", "jangan pilih Pak Rudy": a ballot verb
                    # right before a candidate's name is itself a call, whatever else is said
                    called = None if prayer else self._called_name(s, h)
                    corroborated = called is not None or h.value in strong_cids or (
                        not prayer
                        and any_context
                        and (
                            near("ballot_verbs", h.first, h.last) is not None
                            or near("support", h.first, h.last, 1) is not None
                            or near("election_context", h.first, h.last, 2) is not None
                            or near("office", h.first, h.last, 2) is not None
                        )
                    )
                    if not corroborated:
                        # "abah" in November 2024 is no hint of Anies: his vote is cast
                        if self._election_of(h.value) not in self._stale(day):
                            evs.append(
                                Ev(h.value, fname, "weak-alias", "mention", 0.2, h.first, h.last)
                            )
                        continue
                evs.append(Ev(h.value, fname, "mention", "mention", 1.0, h.first, h.last))
                self._ballot_call(evs, h, fname, near, negated_before, cats, called)
            elif h.kind == DESCRIPTOR:
                if h.ambiguous:
                    corroborated = h.value in strong_cids or (
                        not prayer
                        and (
                            any_context
                            or bool(s.kinds & {"ballot_verbs", "gesture_emoji"})
                            or near("support", h.first, h.last, 1) is not None
                        )
                    )
                    if not corroborated:
                        continue
                evs.append(
                    Ev(
                        h.value,
                        fname,
                        "mention",
                        "mention",
                        h.weight,
                        h.first,
                        h.last,
                        rival=h.rival,
                    )
                )
                if h.stance in ("support", "attack"):
                    evs.append(
                        Ev(h.value, fname, h.stance, h.stance, 1.5 * h.weight, h.first, h.last)
                    )
                self._ballot_call(evs, h, fname, near, negated_before, cats)
        # hashtags that are not in the rulebook but carry a name: #AniesUntukKita, #AsalBukanX
        for h in s.hits:
            if h.kind != ALIAS or h.ambiguous:
                continue
            k = h.first
            start = s.tokens.starts[k]
            while k > 0 and s.tokens.starts[k - 1] == start:
                k -= 1
            head = s.tokens.norms[k]
            if (
                k < h.first
                and head[:1] == "#"
                and not any(e.kind == "hashtag" and e.first == k for e in evs)
            ):
                against = any(
                    ("attack" in cats[j] or "negators" in cats[j]) for j in range(k, h.first)
                )
                evs.append(
                    Ev(
                        h.value,
                        fname,
                        "hashtag",
                        "attack" if against else "support",
                        2.5,
                        k,
                        h.last,
                    )
                )
        # a name read here (even an ambiguous one, once corroborated) says which race a bare
        # number or gesture belongs to
        races_here = named_races | {
            self.lexicon.contestants[e.cid].race.id for e in evs if e.kind == "mention"
        }
        named = bool(races_here) or any(r.strong and r.kind != "gesture" for r in s.numbers)
        hinted = frozenset(
            self.lexicon.contestants[e.cid].race.id for e in evs if e.kind == "weak-alias"
        )
        # ✌️ next to "nyoblos"/"capres" in a post that guards nothing reads as the ballot sign
        gestures = {r.number for r in s.numbers if r.kind == "gesture"}
        voting = (
            len(gestures) == 1
            and "guard" not in s.kinds
            and bool(s.kinds & {"ballot_verbs", "office", "election"})
        )
        for r in s.numbers:
            emoji = r.kind == "gesture" and not s.tokens.norms[r.first].isalnum()
            # ✌️ or "dua jari" alone may be peace or a voter's inked finger, a bare "nomor 2" may
            # be anything: kept as weak evidence (no stance) for the learned stage to weigh
            weak = (not r.strong and not any_context) or (
                r.kind == "gesture" and not r.strong and not named and not (voting and emoji)
            )
            # "gas 02 🔥", "fix 02", "01 aja, menang!": a cheer right next to the number
            if weak and "guard" not in s.kinds and near("cheers", r.first, r.last, 1) is not None:
                weak = False
            cids = self._resolve_number(
                r.number, races_here, offices, regions, kinds, day, hinted
            )
            if not cids:
                continue
            cid = cids[0][0]
            alts = tuple(c for c, points in cids[1:] if cids[0][1] - points <= _ALT_GAP)
            if weak:
                kind, stance, weight = "weak-" + r.kind, "mention", 0.3
            elif r.kind == "ballot-call":
                kind = "ballot-call"
                stance, weight = ("attack", 3.0) if r.negated else ("support", 4.0)
            elif r.kind == "gesture":
                kind, stance = "gesture", "support"
                weight = 3.0 if r.strong else (2.0 if named else 1.5)
            else:
                kind, stance, weight = "mention", "mention", 1.0 if r.strong else 0.5
            evs.append(Ev(cid, fname, kind, stance, weight, r.first, r.last, r.number, alts=alts))
        # "PKS nomor 8", "Rudy–Seno nomor 2!": one contestant named with its own ballot number
        # is how campaigns speak; a notice of the draw pairs every contestant with its number
        by_number = {e.cid: e for e in evs if e.kind == "mention" and e.number is not None}
        by_name = {e.cid for e in evs if e.kind == "mention" and e.number is None}
        if len(by_number) == 1 and by_number.keys() <= by_name:
            (e,) = by_number.values()
            evs.append(Ev(e.cid, fname, "number-pair", "support", 2.0, e.first, e.last, e.number))
        mentions = [e for e in evs if e.kind == "mention"]
        # staff summoned to a rally, props, gifts or a winning-team role next to a named
        # contestant: conduct the rulebook forbids is itself a sign of support
        if mentions and "guard" not in s.kinds:
            conduct = [h for h in s.hits if h.kind == "signal" and h.value in _CONDUCT_SIGNALS]
            for h in conduct:
                target = min(mentions, key=lambda e, h=h: min(abs(e.first - h.first),
                                                               abs(e.last - h.last)))
                evs.append(Ev(target.cid, fname, "conduct", "support", 1.5, h.first, h.last))
        if mentions:
            for i in compress(range(n_tok), cats):  # the tokens with a cue: few
                c = cats[i]
                if "support" in c or "attack" in c:
                    target = min(mentions, key=lambda e, i=i: _reach(s, e, i))
                    _apart, dist = _reach(s, target, i)
                    if dist > _WINDOW and ("attack" in c or len({e.cid for e in mentions}) > 1):
                        continue
                    negated = i > 0 and "negators" in cats[i - 1]
                    if target.rival:  # backing the empty column is running the pair down
                        if "attack" in c or negated:
                            evs.append(Ev(target.cid, fname, "support", "support", 1.0, i, i))
                        else:
                            evs.append(Ev(target.cid, fname, "attack", "attack", 1.5, i, i))
                    elif "attack" in c:
                        evs.append(Ev(target.cid, fname, "attack", "attack", 2.0, i, i))
                    elif not negated:
                        evs.append(
                            Ev(
                                target.cid,
                                fname,
                                "support",
                                "support",
                                1.5 if dist <= _WINDOW else 1.0,
                                i,
                                i,
                            )
                        )
        if "guard" in s.kinds:
            for e in evs:
                e.weight *= 0.3
        elif "news" in s.kinds:
            for e in evs:
                if e.kind in ("support", "attack", "mention", "number-pair"):
                    e.weight *= 0.5
        return evs

    def _called_name(self, s: FieldScan, h: Hit) -> int | None:
        """The ballot verb that calls for an ambiguous candidate name ("pilih Ganjar", "coblos
        Pak Rudy", "dukung aja Amin"), or None.

        The verb stands right before the name, or one or two honorifics or "aja" before it, with
        no punctuation between ("pilih. Amin" is a prayer's end). A party's ambiguous name is
        not read this way ("dukung Garuda" cheers the national team, "dukung PBB" the UN), nor
        a name followed by "atau" (a question: "pilih Ganjar atau Anies?"), by "sebagai" or
        "jadi" (a choice for another post: "memilih Pak Hadi sebagai ketua RT"; with an office
        there the name is corroborated anyway), or by a question mark.
        """
        if h.value in self._parties:
            return None
        cats, tokens = s.cats, s.tokens
        k = h.first - 1
        while k >= 0 and h.first - k <= 2 and "name_gap" in cats[k]:
            k -= 1
        if k < 0 or "name_ballot_verbs" not in cats[k]:
            return None
        if h.last + 1 < len(cats) and "name_call_breakers" in cats[h.last + 1]:
            return None
        text = s.text
        if any(c in text[tokens.ends[k] : tokens.starts[h.first]] for c in ".,;:!?()\n"):
            return None
        after = text[tokens.ends[h.last] :].lstrip(" ")
        if after.startswith("?"):
            return None
        if k > 0 and "name_ballot_verbs" in cats[k - 1]:  # "pilihan ku" is two words
            k -= 1
        return k

    @staticmethod
    def _ballot_call(evs, h, fname, near, negated_before, cats, verb=None) -> None:
        """ "coblos Anies", "jangan pilih kotak kosong": a ballot verb just before a name.
        ``verb``: where the verb already found for an ambiguous name stands."""
        if verb is None:
            verb = near("ballot_verbs", h.first, h.last, 2)
        if verb is None or verb >= h.first:
            return
        against = negated_before(verb) or "attack" in cats[verb]
        if h.rival:
            against = not against
        if against:
            evs.append(Ev(h.value, fname, "ballot-call", "attack", 3.0, max(verb - 1, 0), h.last))
        else:
            evs.append(Ev(h.value, fname, "ballot-call", "support", 3.0, verb, h.last))

    def _resolve_number(
        self,
        number: int,
        named_races: set[str],
        offices: set[str],
        regions: set[str],
        kinds: set[str],
        day: dt.date | None,
        hinted_races: frozenset[str] = frozenset(),
    ) -> list[tuple[str, float]]:
        """Contestants a bare ballot number may mean, most likely first, with their points.

        Each clue adds to a race's score: a name of the race in the post (strongest), an
        ambiguous name ("Rendi", "Abah"), the race's region, the office or kind of election the
        post names, and the election whose calendar is running on the post's date. Parties are
        least likely for 1-3, which people mostly use for pairs.
        """
        lx = self.lexicon
        cids = lx.numbers.get(number, [])
        if not cids:
            return []
        active = self._active_elections(day) if day is not None else frozenset()
        # a vote already cast is not called for while another race runs ("☝️" in Nov 2024 is
        # the Pilgub's); with no race running, the talk is of the last one held
        stale = self._stale(day)
        over = self._over(day)
        last = max(over, key=self._voting.__getitem__) if over and not active else None

        def score(c: str) -> tuple[float, int]:
            race = lx.contestants[c].race.id
            office = lx.race_office[race]
            region = lx.race_region[race]
            election = lx.race_election[race]
            points = 0.0
            points += 4.0 if race in named_races else 0.0
            points += 2.0 if race in hinted_races else 0.0
            points += 2.0 if region is not None and region in regions else 0.0
            points += 1.5 if office in offices else 0.0
            points += 1.0 if lx.election_kind[election] in kinds else 0.0
            points += 1.5 if election in active else 0.0
            points -= 2.0 if election in stale else 0.0
            points += 1.0 if election == last else 0.0
            points += 0.0 if office == "legislative-party" else 0.5
            order = _OFFICE_ORDER.index(office) if office in _OFFICE_ORDER else 99
            return (-points, order)

        scored = sorted(((score(c), c) for c in cids), key=itemgetter(0))  # stable on ties
        return [(c, -key[0]) for key, c in scored]

    def _over(self, day: dt.date | None) -> set[str]:
        """The elections whose vote was cast before ``day``."""
        if day is None:
            return set()
        return {e for e, voting in self._voting.items() if voting < day}

    def _stale(self, day: dt.date | None) -> set[str]:
        """The elections whose vote was cast before ``day`` while another race runs."""
        if day is None:
            return set()
        active = self._active_elections(day)
        return self._over(day) - active if active else set()

    def _election_of(self, cid: str) -> str:
        return self.lexicon.race_election[self.lexicon.contestants[cid].race.id]

    def _voting_days_named(self, scan: FieldScan) -> set[str]:
        """The elections whose voting day the field names: "tgl 27", "tanggal 14", "27 Nov",
        "14/2". A bare "27" is a number like any other."""
        norms = scan.tokens.norms
        months = month_numbers()
        out: set[str] = set()
        for i in compress(range(len(norms)), map(str.isdigit, norms)):
            word = norms[i]
            before = norms[i - 1] if i else ""
            after = norms[i + 1] if i + 1 < len(norms) else ""
            month = months.get(after) or (int(after) if after.isdigit() else None)
            for election, voting in self._voting.items():
                if int(word) != voting.day:
                    continue
                if month == voting.month or (before in _DATE_WORDS and month is None):
                    out.add(election)
        return out

    @staticmethod
    def _election_windows(rulebook: Rulebook) -> list[tuple[str, dt.date, dt.date]]:
        out = []
        for e in rulebook.elections:
            if not e.phases:
                continue
            start = min(p.start for p in e.phases) - dt.timedelta(days=240)
            end = max(p.end for p in e.phases)
            out.append((e.id, start, end))
        return out

    def _active_elections(self, day: dt.date) -> frozenset[str]:
        known = self._running.get(day)
        if known is None:
            known = self._running[day] = self._running_on(day)
        return known

    def _running_on(self, day: dt.date) -> frozenset[str]:
        """The election people talk about on ``day``: of those whose window holds the day, the
        one with a stage nearest to it (July 2024 is the Pilkada's, eight weeks before its
        nomination, not the Pemilu's, four months after its count); on a tie, the one whose vote
        is still ahead (October 2024's Pilkada campaign over the President's inauguration)."""
        active = [eid for eid, start, end in self._windows if start <= day <= end]

        def distance(eid: str) -> tuple[int, bool]:
            gap = min(max((p.start - day).days, (day - p.end).days, 0) for p in self._stages[eid])
            voting = self._voting.get(eid)
            return gap, voting is not None and voting < day

        return frozenset({min(active, key=distance)} if active else ())

    def _passed_on(self, a: Analysis) -> Analysis:
        """The engaged-with post of a bare like or share analysed as the author's own post;
        kept on ``a``, so trying settings on one analysis reads it once."""
        if a.passed_on is None:
            post = a.post
            own = Post(id=post.id, text=post.target_text or "", published_at=post.published_at)
            a.passed_on = self.analyse(own)
        return a.passed_on

    @staticmethod
    def _own_account(a: Analysis) -> bool:
        """Whether the engaged-with post carries a contestant's account as its header: the
        name before the first colon ("Prabowo Subianto: Terima kasih …") or in "(akun …)".
        Liking or sharing a contestant's own post is what SKB-D6 forbids; a news outlet's or
        KPU's header ("Tribun Kaltim: …") names no contestant."""
        target = a.post.target_text
        scan = a.scans.get("target_text")
        if not target or scan is None:
            return False
        header = _ACCOUNT_HEADER.match(target)
        if header is None:
            return False
        starts, end = scan.tokens.starts, header.end()
        return _names([e for e in a.evidence["target_text"] if starts[e.first] < end])

    # -- learned stage ---------------------------------------------------------------------

    def features(self, a: Analysis) -> StanceFeatures:
        words = a.scans["text"].tokens.norms
        bigrams = list(map("_".join, pairwise(words)))
        feats = bigrams.copy()
        feats.append("A:" + str(a.post.action))
        target = a.scans.get("target_text")
        if target is not None:
            feats += token_features(target.tokens.norms, "T:")
        for prefix, name in (("", "text"), ("T:", "target_text")):
            scan = a.scans.get(name)
            if scan is None:
                continue
            feats += [f"{prefix}K:{k}" for k in scan.kinds]
            feats += [f"{prefix}E:{e.kind}:{e.stance}" for e in a.evidence[name]]
            st = a.strength[name]
            feats.append(f"{prefix}S:{min(int(st), 5)}")
            if scan.context:
                feats.append(f"{prefix}CTX")
        if "target_text" in a.scans:
            feats.append(f"A:{a.post.action}:T:S:{min(int(a.strength['target_text']), 3)}")
            if a.approval:
                feats.append(f"A:{a.post.action}:approval")
        # each distinct word and feature once: repeating a word does not make a post more
        # partisan (its character n-grams still count once per distinct word holding them)
        return StanceFeatures(
            list(dict.fromkeys(words)), list(dict.fromkeys(feats)), _passages(words, bigrams)
        )

    # -- decision --------------------------------------------------------------------------

    def _engagement(self, a: Analysis) -> tuple[str, bool]:
        """The field that decides (the engaged-with post for a like, share or approving
        comment of a partisan post; else the author's own words) and whether it is engagement."""
        action = str(a.post.action)
        own = a.strength["text"]
        target = a.strength.get("target_text", 0.0)
        # the engaged-with post names a contestant and the author's words name none: a like of
        # "(akun Isran-Hadi) Terima kasih warga ..." is about Isran-Hadi; the learned stage
        # weighs whether the engagement takes a side
        target_scan = a.scans.get("target_text")
        borrowed = (
            target_scan is not None
            and not target_scan.kinds & {"news", "guard"}  # a news report or a KPU notice
            and _names(a.evidence["target_text"])
            and not _names(a.evidence["text"])
        )
        engaged = False
        if action in ("like", "share"):
            engaged = (target >= 2.0 and target > own) or borrowed
        elif action == "comment":
            engaged = ((target >= 2.0 and own < 2.0) or borrowed) and a.approval
        return ("target_text" if engaged else "text"), engaged

    @staticmethod
    def contestant_features(
        a: Analysis, *, chars: bool = True, fields: Iterable[str] | None = None
    ) -> list[str]:
        """Words of both fields (or of ``fields``) in one namespace: a comment under, or a share
        of, a pair's post is about that pair as much as a post naming it."""
        feats: list[str] = []
        for name, scan in a.scans.items():
            if fields is not None and name not in fields:
                continue
            feats += token_features(scan.tokens.norms)
            if chars:
                feats += char_features(scan.tokens.norms)
        return feats

    def head_features(self, a: Analysis) -> list[str]:
        """What the contestant head reads: the words of both fields (contestant_features) and
        the race running on the post's day. People speak of the race before them: "nomor 2" or
        "lanjutkan" in January 2024 is the Pilpres', in November 2024 the Pilgub's."""
        return [*self.contestant_features(a), *self._day_features(a.post.published_on)]

    def _day_features(self, day: dt.date | None) -> list[str]:
        if day is None:
            return ["D:?"]
        running = self._active_elections(day)
        if not running:
            return ["D:idle"]
        voting = self._voting
        return [
            f"D:{e}:{'after' if e in voting and voting[e] < day else 'before'}"
            for e in sorted(running)
        ]

    def _content_words(self, a: Analysis, fields: Iterable[str]) -> list[str]:
        """Word features of ``fields`` fit to show as evidence: not only function words
        ("yang cuma") and times of day ("malam ini"), which point to no one."""
        stop = self._not_evidence
        return [
            f
            for f in self.contestant_features(a, chars=False, fields=fields)
            if not all(w in stop or not w.isalpha() for w in f.split("_"))
        ]

    def _decide(self, a: Analysis) -> Screening:
        post = a.post
        action = str(post.action)
        decisive, engaged = self._engagement(a)
        rule_strength = a.strength[decisive]
        rule_p = 1.0 - math.exp(-rule_strength / 2.0)
        political_p = 1.0 if a.political else 0.0
        p = rule_p
        model = self.model
        probs: dict[str, float] = {}
        if model is not None and a.features is not None:
            probs = model.proba(a.features, rule_features(a, decisive, engaged))
            weight = model.thresholds.get("model_weight", 0.5)
            p = weight * probs["partisan"] + (1.0 - weight) * rule_p
            political_p = max(political_p * 0.5 + probs["political"] * 0.5, probs["partisan"] * 0.5)
        thresholds = model.thresholds if model is not None else {}
        threshold = thresholds.get("partisan", 0.5)
        evs = a.evidence[decisive]
        head = model.contestant if model is not None and probs else None
        ranked = self._rank(evs, a.scans[decisive])
        implied: list[str] = []  # the words that name the contestant indirectly
        # (partisan score, how sure the contestant head must then be) to name whom a post means
        naming = (
            (thresholds.get("implied", 2.0), thresholds.get("implied_contestant", 1.0)),
            (thresholds.get("implied_alt", 2.0), thresholds.get("implied_alt_contestant", 1.0)),
        )
        # ... taken only from words the author stands behind: their own, or those of what they
        # liked or shared; a courtesy comment under a pair's post ("sehat2 pak 🙏") borrows none
        own = {decisive, "target_text"} if action in ("like", "share") else {decisive}
        who: dict[str, float] = {}  # the contestant head's probabilities, once asked
        # a bare number read as one race's may be another's (see _reread)
        reread = thresholds.get("reread")
        options = (
            _other_meanings(evs, ranked[0][0])
            if head is not None and reread is not None and ranked and p >= threshold
            else set()
        )
        if options:
            who = head.proba(self.head_features(a))
            moved = _reread(evs, ranked[0][0], options, who, reread)
            if moved is not None:
                evs = moved
                a = replace(a, evidence={**a.evidence, decisive: moved})
                ranked = self._rank(evs, a.scans[decisive])
        if head is not None and (
            (len(ranked) > 1 and p >= threshold)
            or (not ranked and probs["partisan"] >= min(naming)[0])
        ):
            who = who or head.proba(self.head_features(a))
            if ranked:
                ranked = self._rank(evs, a.scans[decisive], who, thresholds.get("blend", 0.0))
            else:
                best = max(who, key=who.__getitem__)
                # two bars: a surer partisan score, or a surer contestant
                if _reaches(naming, probs["partisan"], who[best]):
                    implied = head.reasons(self._content_words(a, own), best)
                if implied:
                    ranked = [(best, 0.0)]
                    p = max(p, threshold)
        # a lone sign ("☝️ buat beliau") the words alone would name by the same bars: the
        # head's contestant is the sign's, so the words back it
        agreed = False
        lone = not (engaged or _corroborated(evs, a))
        if head is not None and ranked and p >= threshold and lone:
            who = who or head.proba(self.head_features(a))
            sign = ranked[0][0]
            agreed = max(who, key=who.__getitem__) == sign and _reaches(
                naming, probs["partisan"], who[sign]
            )
        bare = not (post.text or "").strip()
        if engaged and action in ("like", "share") and bare:
            if a.own_account:
                # a bare like or share of a contestant's own post is the act SKB-D6 names,
                # whatever the post says (LABELING.md); with words of their own the author may
                # be refuting it
                p = max(p, threshold)
            else:
                # without words of their own, the author passes on what the post says: partisan
                # when the same words posted by them would be
                echo = self._decide(self._passed_on(a))
                p = max(p, echo.score) if echo.partisan else p
        # no finding without words to show: a resolved name, number, tag or gesture, or the
        # words that name a contestant indirectly. A lone ✌️ or "nomor 2" needs words that back
        # it (_corroborated, or words the head reads as its contestant: agreed) unless the
        # learned stage is all but sure ("sure"): "kalian tau kan artinya ✌️" is a call, a
        # holiday selfie's ✌️ is not
        partisan = (
            p >= threshold
            and bool(ranked)
            and (self.model is not None or any(e.stance != "mention" for e in evs))
            and (
                implied
                or agreed
                or not lone
                or probs.get("partisan", 0.0) >= thresholds.get("sure", 2.0)
            )
        )
        political = partisan or political_p >= 0.5
        day = post.published_on
        # allowed election conduct is named for election posts only ("semoga" in a get-well wish
        # is no private prayer about an election)
        allowed = (
            sorted({h.value for s in a.scans.values() for h in s.hits if h.kind == "allowed"})
            if political
            else []
        )
        if not partisan:
            contestants: list[str] = []
            return Screening(
                id=post.id,
                political=political,
                partisan=False,
                contestants=contestants,
                acts=[],
                score=round(min(p, threshold - 1e-3) if p >= threshold else p, 4),
                phase=self._phase(day, contestants),
                findings=[],
                explanation=self.explainer.explanation(
                    partisan=False, political=political, allowed=None
                ),
                allowed=allowed,
                rulebook_version=self._version,
            )
        contestants = [cid for cid, _w in ranked]
        top = contestants[0]
        race_id = self.lexicon.contestants[top].race.id
        signals = self._signals(a, action, engaged, top)
        findings: list[Finding] = []
        acts: list[str] = []
        if implied:
            spans = self._word_spans(a, implied, own)
            reason = self.explainer.reason(
                "implied", name=self._names[top], words=", ".join(f'"{sp.text}"' for sp in spans)
            )
        else:
            reason = self._reason(a, decisive, top, action, engaged)
            spans = self._spans(a, decisive, top)
        for signal in signals:
            act = self.assessor.act_for(signal, race_id, day)
            if act is None or act in acts:
                continue
            acts.append(act)
            findings.append(
                Finding(
                    act=act,
                    contestant=top,
                    citations=self.assessor.citations(act),
                    evidence=spans,
                    reason=reason,
                )
            )
        citation = _main_citation(findings)
        return Screening(
            id=post.id,
            political=True,
            partisan=True,
            contestants=contestants,
            acts=acts,
            score=round(p, 4),
            phase=self._phase(day, contestants),
            findings=findings,
            explanation=self.explainer.explanation(
                partisan=True,
                political=True,
                name=self._names[top],
                reason=reason,
                citation=citation,
            ),
            allowed=[],
            rulebook_version=self._version,
        )

    def _rank(
        self,
        evs: list[Ev],
        scan: FieldScan,
        words: dict[str, float] | None = None,
        blend: float = 0.0,
    ) -> list[tuple[str, float]]:
        """Contestants by support, then by all evidence; the office the post names breaks ties
        between a pair and its party ("caleg Gerindra … Pak Prabowo" is about the party).

        ``words`` (the contestant head's probabilities) shifts each support score by ``blend``
        times its log-probability: the lexicon's order stands unless its evidence is close.
        """
        offices = {h.value for h in scan.hits if h.kind == "office"}
        office_of = self.lexicon.race_office
        race_of = self.lexicon.contestants
        support: dict[str, float] = {}
        attack: dict[str, float] = {}
        total: dict[str, float] = {}
        for e in evs:
            total[e.cid] = total.get(e.cid, 0.0) + e.weight
            if e.stance in ("support", "attack"):
                side = support if e.stance == "support" else attack
                side[e.cid] = side.get(e.cid, 0.0) + e.weight
        # a post that backs someone is about them, not the rival it runs down on the way ("Mas
        # Gibran anak ingusan, produk dinasti. Mending Pak Ganjar")
        against = attack if support else {}

        def key(cid: str) -> tuple[bool, float, float]:
            score = support.get(cid, 0.0) - against.get(cid, 0.0)
            if offices and office_of[race_of[cid].race.id] in offices:
                score += 1.5
            if words is not None and blend:
                score += blend * math.log(words.get(cid, 0.0) + 0.01)
            # the contestant head may re-order the others, never put the one run down first
            return (cid in against and cid not in support, -score, -total[cid])

        return [(cid, total[cid]) for cid in sorted(total, key=key)]

    def _signals(self, a: Analysis, action: str, engaged: bool, top: str) -> list[str]:
        text_scan = a.scans["text"]
        own = a.evidence["text"]
        signals: list[str] = []
        specific = [h.value for h in text_scan.hits if h.kind == "signal"]
        if any(e.kind == "gesture" and e.cid == top for e in own):
            signals.append("finger-gesture")
        if "photo-with-candidate" in specific and any(e.cid == top for e in own):
            signals.append("photo-with-candidate")
        for sig in _SPECIFIC_SIGNALS:
            if sig in specific and sig not in signals:
                signals.append(sig)
        if action in _ENGAGE:
            signals.append(_ENGAGE[action])
        elif not signals or any(e.kind not in ("gesture", "mention") for e in own if e.cid == top):
            signals.append("social-post")
        return signals

    def _reason(self, a: Analysis, decisive: str, top: str, action: str, engaged: bool) -> str:
        name = self._names[top]
        ex = self.explainer
        if engaged:
            return ex.reason("engage-" + action, name=name)
        evs = [e for e in a.evidence[decisive] if e.cid == top and e.stance != "mention"]
        if not evs:
            return ex.reason("support", name=name)
        best = max(evs, key=lambda e: e.weight)
        tokens = a.scans[decisive].tokens
        text = getattr(a.post, decisive) or ""
        s, e = tokens.span(best.first, best.last)
        words = text[s:e]
        if best.kind == "ballot-call":
            if best.stance == "attack":
                if best.number:
                    return ex.reason("ballot-call-against", name=name, number=best.number)
                return ex.reason("attack", name=name)
            if best.number:
                return ex.reason("ballot-call", name=name, number=best.number)
            return ex.reason("support", name=name)
        if best.kind == "gesture":
            return ex.reason("gesture", name=name, number=best.number)
        if best.kind == "hashtag":
            if best.stance == "attack":
                return ex.reason("attack", name=name)
            return ex.reason("hashtag", name=name, words=words)
        if best.kind == "slogan":
            return ex.reason("slogan", name=name, words=words)
        if best.stance == "attack":
            return ex.reason("attack", name=name)
        return ex.reason("support", name=name)

    def _spans(self, a: Analysis, decisive: str, top: str) -> list[EvidenceSpan]:
        out: list[EvidenceSpan] = []
        seen: set[tuple[str, int, int]] = set()
        fields = [decisive] if decisive == "text" else ["text", "target_text"]
        for fname in fields:
            text = getattr(a.post, fname) or ""
            tokens = a.scans[fname].tokens
            evs = sorted(a.evidence[fname], key=lambda e: -e.weight)
            for e in evs:
                if fname != decisive and e.kind == "mention":
                    continue
                if e.cid != top and e.kind == "mention":
                    continue
                s, end = tokens.span(e.first, e.last)
                key = (fname, s, end)
                if key in seen:
                    continue
                # merge overlapping spans so the words read naturally
                seen.add(key)
                out.append(EvidenceSpan(field=fname, start=s, end=end, text=text[s:end]))
                if len(out) >= 6:
                    break
            if fname == "text" and decisive == "target_text" and a.approval:
                scan = a.scans["text"]
                for i, c in enumerate(scan.cats):
                    if "approval" in c or "support" in c:
                        s, end = tokens.span(i, i)
                        if (fname, s, end) not in seen:
                            seen.add((fname, s, end))
                            out.append(
                                EvidenceSpan(field=fname, start=s, end=end, text=text[s:end])
                            )
                        break
        return _merge(out, a.post)

    @staticmethod
    def _word_spans(a: Analysis, words: list[str], fields: set[str]) -> list[EvidenceSpan]:
        """Where the contestant head's words (unigrams ``w``, bigrams ``a_b``) stand in
        ``fields``."""
        wanted = set(words)
        out: list[EvidenceSpan] = []
        for fname, scan in a.scans.items():
            if fname not in fields:
                continue
            norms = scan.tokens.norms
            for i, w in enumerate(norms):
                last = None
                if i + 1 < len(norms) and f"{w}_{norms[i + 1]}" in wanted:
                    last = i + 1
                elif w in wanted:
                    last = i
                if last is not None:
                    s, e = scan.tokens.span(i, last)
                    text = getattr(a.post, fname) or ""
                    out.append(EvidenceSpan(field=fname, start=s, end=e, text=text[s:e]))
        return _merge(out, a.post)[:6]

    def _phase(self, day: dt.date | None, contestants: list[str]) -> str | None:
        if day is None:
            return None
        key = (day, contestants[0] if contestants else None)
        phase = self._phases.get(key, "?")
        if phase == "?":
            phase = self._phases[key] = self._find_phase(day, contestants)
        return phase

    def _find_phase(self, day: dt.date, contestants: list[str]) -> str | None:
        if contestants:
            election = self._election_of(contestants[0])
            phase = self.assessor.phase(day, election)
            if phase:
                return phase
        return self.assessor.phase(day, None)


def _strength(evs: list[Ev]) -> float:
    if not evs:
        return 0.0
    per: dict[str, float] = {}
    for e in evs:
        if e.stance != "mention":
            per[e.cid] = per.get(e.cid, 0.0) + e.weight
    return max(per.values(), default=0.0)


# an account name heading a quoted post: "(akun Isran-Hadi) …" or "Rudy Mas'ud (akun resmi): …"
_ACCOUNT_HEADER = re.compile(r"\s*(?:\(akun [^)\n]{2,60}\)|[^:\n]{2,60}:)")
_PASSAGE = 40  # words in a passage of a long post (see _passages)
_CORROBORATING = frozenset({"ballot_verbs", "ballot_nouns", "support", "attack", "signal"})


_TIMES = frozenset({"pagi", "siang", "sore", "malam", "subuh", "besok", "kemarin", "lusa"})
_DATE_WORDS = frozenset({"tgl", "tanggal", "tang", "tg"})
_STRANGER = "_orang_"  # the given name of someone who is not a contestant (see namesakes)


@cache
def _stopwords() -> frozenset[str]:
    """Read once per process, however many screeners (Dask partitions) are built."""
    text = (resources.files("netral.screening") / "data" / "stopwords-id.txt").read_text(
        encoding="utf-8"
    )
    return frozenset(w.strip() for w in text.splitlines() if w.strip())


def _passages(words: list[str], bigrams: list[str]) -> tuple[StanceFeatures, ...]:
    """Overlapping passages of a long text's words (none for a short one), each read like a
    short post by the stance heads."""
    if len(words) <= _PASSAGE:
        return ()
    step = _PASSAGE // 2
    return tuple(
        StanceFeatures(
            list(dict.fromkeys(words[i : i + _PASSAGE])),
            list(dict.fromkeys(bigrams[i : i + _PASSAGE - 1])),
        )
        for i in range(0, len(words) - step, step)
    )


_SENTENCE_END = re.compile(r"[.!?](?:\s|$)|\n")


def _reach(s: FieldScan, e: Ev, i: int) -> tuple[bool, int]:
    """How far cue token ``i`` is from mention ``e``: first whether a sentence ends between
    them ("Mas Gibran anak ingusan, produk dinasti. Mending Pak Ganjar": "dinasti" is said of
    Gibran, though Ganjar is nearer), then the number of tokens."""
    starts, ends = s.tokens.starts, s.tokens.ends
    lo, hi = (e.last, i) if e.last < i else (i, e.first)
    apart = bool(_SENTENCE_END.search(s.text, ends[lo], starts[hi])) if lo < hi else False
    return apart, min(abs(e.first - i), abs(e.last - i))


def _reaches(naming: Iterable[tuple[float, float]], partisan: float, certainty: float) -> bool:
    """Whether a partisan score and the contestant head's certainty of one contestant clear
    one of the naming bars, each (partisan score, certainty)."""
    return any(partisan >= bar and certainty >= sure for bar, sure in naming)


def _other_meanings(evs: list[Ev], top: str) -> set[str]:
    """The other contestants ``top``'s evidence may mean when no word names ``top``, only a
    bare number or gesture (empty otherwise)."""
    own = [e for e in evs if e.cid == top]
    if any(e.number is None and e.kind not in _CUES for e in own):
        return set()
    return {c for e in own if e.number is not None for c in e.alts}


def _reread(
    evs: list[Ev], top: str, options: set[str], who: dict[str, float], margin: float
) -> list[Ev] | None:
    """The evidence with ``top`` read as another of its ``options`` when the contestant head
    finds that one at least ``margin`` times as likely: "presidenku ✌️" in Kaltim in November
    2024 is still the Pilpres' 02. None when it stays."""
    best = max(sorted(options), key=lambda c: who.get(c, 0.0))  # sorted: the same on a tie
    if not who.get(best) or who[best] < margin * who.get(top, 0.0):
        return None
    return [replace(e, cid=best, alts=()) if e.cid == top else e for e in evs]


def _corroborated(evs: list[Ev], a: Analysis) -> bool:
    """Not a lone ✌️ or "nomor 2" among words that neither name, back, attack nor call to vote:
    a peace sign in a holiday selfie stays a peace sign, whatever the calendar."""
    return (
        any(e.kind not in _WEAK_NUMBERS for e in evs)
        or any(s.context or s.kinds & _CORROBORATING for s in a.scans.values())
    )


def _names(evs: list[Ev]) -> bool:
    """Evidence that says who: a name, tag, slogan or a number read as a ballot number."""
    return any(e.kind not in _WEAK_NUMBERS and e.kind != "weak-alias" for e in evs)


def _merge(spans: list[EvidenceSpan], post: Post) -> list[EvidenceSpan]:
    """Join spans that touch or are separated only by white space, re-reading the words from
    the post's field."""
    spans = sorted(spans, key=lambda s: (s.field, s.start, s.end))
    out: list[EvidenceSpan] = []
    for sp in spans:
        if out and out[-1].field == sp.field:
            prev = out[-1]
            text = getattr(post, sp.field) or ""
            if sp.start <= prev.end or (
                sp.start - prev.end <= 2 and not text[prev.end : sp.start].strip()
            ):
                end = max(prev.end, sp.end)
                out[-1] = EvidenceSpan(sp.field, prev.start, end, text[prev.start : end])
                continue
        out.append(sp)
    return out


def _main_citation(findings: list[Finding]) -> str | None:
    for f in findings:
        for c in f.citations:
            if c.law.startswith("pp-94") or c.law.startswith("pp-42"):
                return c.label
    if findings and findings[0].citations:
        return findings[0].citations[0].label
    return None
