"""The lexicon: every phrase the screener looks for, compiled once from the rulebook and cues.

Contestant names, aliases, slogans, hashtags and gestures come from the rulebook's races;
election vocabulary (ballot verbs, stance words, offices, guards) from ``data/cues.yaml``;
act cues and allowed-act cues from the rulebook's acts. Phrases are normalised with the same
:class:`Normaliser` as posts and indexed by their first token.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cached_property
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from netral.rulebook import ContestantRef, Rulebook
from netral.screening.normalise import Normaliser, fold_word

# Entry kinds produced by contestants; every other kind is a cue category.
ALIAS = "alias"
HASHTAG = "hashtag"
SLOGAN = "slogan"
DESCRIPTOR = "descriptor"  # an indirect reference: "yang dari jateng", "penerus jokowi"
CONTESTANT_KINDS = (ALIAS, HASHTAG, SLOGAN, DESCRIPTOR)

# Cue kinds whose words can, on their own, make a post political or start evidence, and kinds
# that do so only next to a number ("pilih 2", "kandidat nomor satu", "salam 3 jari"). A post
# with neither cannot be political or partisan (and so names no allowed act either): the
# screener skips its analysis.
_TRIGGER_KINDS = frozenset({*CONTESTANT_KINDS, "election_context", "office", "election"})
_NUMBER_TRIGGER_KINDS = frozenset({"ballot_verbs", "ballot_nouns", "gesture_words", "cheers"})
_NUMBER_KINDS = frozenset({"number_word", "gesture_emoji"})

# Social-media verbs that name engagement acts are read from the post's action instead.
_ACTION_SIGNALS = {"social-like", "social-share", "social-comment", "social-follow", "social-post"}


@dataclass(frozen=True, slots=True)
class Entry:
    kind: str
    value: str = ""
    ambiguous: bool = False
    number: int = 0
    weight: float = 1.0  # descriptors: how much the reference counts
    stance: str = "mention"  # descriptors: what the phrase says by itself
    rival: bool = False  # descriptors: names the contestant's rival (the empty column)
    # aliases: a person's capital initials ("AH"), also an everyday word ("ah"): a name only in
    # capitals right after a ballot verb; the matcher drops every other hit of it
    guarded: bool = False


@dataclass(frozen=True, slots=True)
class PhraseStart:
    """The phrases of :attr:`Lexicon.index` that begin with one word, laid out for the matcher.

    Longer phrases are grouped by their second word, so a token costs one look-up instead of a
    comparison per phrase ("yang" begins four). Hit order stays the index's: at one position
    only phrases sharing the next word can match, kept in index order (longest first), and the
    word alone, the shortest phrase, comes last.
    """

    longer: dict[str, tuple[tuple[tuple[str, ...], tuple[Entry, ...]], ...]]
    alone: tuple[Entry, ...]  # entries of the one-word phrase, if any


@dataclass
class Lexicon:
    normaliser: Normaliser
    index: dict[str, list[tuple[tuple[str, ...], list[Entry]]]]
    contestants: dict[str, ContestantRef]
    numbers: dict[int, list[str]]  # ballot number -> contestant ids, rulebook order
    race_office: dict[str, str]
    race_election: dict[str, str]
    race_region: dict[str, str | None]
    election_kind: dict[str, str]
    number_words: dict[str, int]
    gesture_emoji: dict[str, int]
    signal_words: dict[str, set[str]] = field(default_factory=dict)
    # normalised words a post needs before it can be political (see _TRIGGER_KINDS): a trigger,
    # or a number trigger together with a number (a digit, a number word or a finger emoji)
    triggers: frozenset[str] = frozenset()
    # the rarest word of each longer phrase -> the phrases it guards ("siang" -> "makan siang
    # gratis"): a post holding the word is read only when it holds every word of a phrase
    phrase_triggers: dict[str, tuple[tuple[str, ...], ...]] = field(default_factory=dict)
    number_triggers: frozenset[str] = frozenset()
    # the same for phrases that are number triggers ("pilihan" -> "pilihan ku"): a post
    # holding a whole one still needs a number, and "pilihan menu" + "lantai 2" holds none
    number_phrase_triggers: dict[str, tuple[tuple[str, ...], ...]] = field(default_factory=dict)
    numbers_words: frozenset[str] = frozenset()
    # every word of a contestant's names and aliases: "Anies Rasyid" is still Anies, while a
    # given name followed by another name is someone else ("Rudy Hartono", see namesakes)
    name_words: frozenset[str] = frozenset()

    @cached_property
    def phrase_starts(self) -> dict[str, PhraseStart]:
        """:attr:`index` regrouped for :func:`netral.screening.matcher.scan_field` (made on
        first use: the index is not changed once built)."""
        out: dict[str, PhraseStart] = {}
        for word, phrases in self.index.items():
            longer: dict[str, list[tuple[tuple[str, ...], tuple[Entry, ...]]]] = {}
            alone: tuple[Entry, ...] = ()
            for phrase, entries in phrases:
                if len(phrase) == 1:
                    alone = tuple(entries)
                else:
                    longer.setdefault(phrase[1], []).append((phrase, tuple(entries)))
            out[word] = PhraseStart({w: tuple(ps) for w, ps in longer.items()}, alone)
        return out

    @cached_property
    def phrase_words(self) -> frozenset[str]:
        """Every word of the phrases in :attr:`phrase_triggers` and
        :attr:`number_phrase_triggers`."""
        return frozenset(
            w
            for guards in (self.phrase_triggers, self.number_phrase_triggers)
            for ps in guards.values()
            for p in ps
            for w in p
        )

    def trigger_level(self, norms: tuple[str, ...]) -> int:
        """3: a trigger; 2: a number; 1: a number trigger; 0: nothing election-related."""
        level = 0
        for w in norms:
            if w in self.triggers:
                return 3
            if w.isdigit() or w in self.numbers_words:
                level = 2
            elif level == 0 and w in self.number_triggers:
                level = 1
        return level

    def phrase_guard(self, norms: tuple[str, ...]) -> bool:
        return any(w in self.phrase_triggers or w in self.number_phrase_triggers for w in norms)

    def holds_phrase(self, words: set[str]) -> int:
        """The trigger level of the guarded phrases ``words`` hold every word of: 3 for a
        trigger phrase, 1 for a number-trigger phrase, 0 for none."""
        if _holds(words, self.phrase_triggers):
            return 3
        return 1 if _holds(words, self.number_phrase_triggers) else 0

    def contestant_races(self, cid: str) -> str:
        return self.contestants[cid].race.id


def data_dir() -> Path:
    return Path(str(resources.files("netral.screening") / "data"))


def load_cues(path: Path | None = None) -> dict[str, Any]:
    with (path or data_dir() / "cues.yaml").open(encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def load_slang(path: Path | None = None) -> dict[str, str]:
    with (path or data_dir() / "slang-id.json").open(encoding="utf-8") as fh:
        return json.load(fh)


def build_lexicon(
    rulebook: Rulebook, cues: dict[str, Any] | None = None, slang: dict[str, str] | None = None
) -> Lexicon:
    cues = cues if cues is not None else load_cues()
    slang = slang if slang is not None else load_slang()
    raw: list[tuple[str, Entry]] = []

    def add(text: str, entry: Entry) -> None:
        if text and text.strip():
            raw.append((text, entry))

    refs = rulebook.contestants()
    ambiguous_texts = {
        fold_word(a.text) for ref in refs for a in ref.contestant.all_aliases() if a.ambiguous
    }
    numbers: dict[int, list[str]] = {}
    for ref in refs:
        c = ref.contestant
        numbers.setdefault(c.number, []).append(ref.id)
        for alias in c.all_aliases():
            if alias.text.strip().isdigit():
                continue  # numbers are resolved by race, see matcher
            add(alias.text, Entry(ALIAS, ref.id, alias.ambiguous))
        for person in c.people:
            for initials in person.initialisms:
                add(initials, Entry(ALIAS, ref.id, True, guarded=True))
        names = [c.name, *(p.name for p in c.people)]
        for name in names:
            for part in name.split(" – "):
                add(part, Entry(ALIAS, ref.id, False))
        if c.short_name:
            short = c.short_name
            # an acronym of three letters (PKB, PSI) is a name; two letters (PA) are not
            amb = fold_word(short) in ambiguous_texts or len(short.replace(" ", "")) <= 2
            add(short, Entry(ALIAS, ref.id, amb))
        for tag in c.hashtags:
            add(tag, Entry(HASHTAG, ref.id))
        for slogan in c.slogans:
            add(slogan, Entry(SLOGAN, ref.id, len(slogan.split()) < 3))
        for d in c.descriptors:
            add(
                d.text,
                Entry(
                    DESCRIPTOR, ref.id, d.ambiguous, weight=d.weight, stance=d.stance, rival=d.rival
                ),
            )

    number_words = {k: int(v) for k, v in cues["number_words"].items()}
    gesture_emoji = {k: int(v) for k, v in cues["gesture_emoji"].items()}
    simple = [
        "ballot_verbs",
        "ballot_nouns",
        "weak_ballot_nouns",
        "gesture_words",
        "gesture_leads",
        "negators",
        "number_blockers",
        "election_context",
        "support",
        "cheers",
        "attack",
        "approval",
        "guard",
        "news",
        "prayer",
        "sports",
        "name_ballot_verbs",
        "name_gap",
        "name_call_breakers",
        "ballot_choice",
        "choice_fillers",
    ]
    for category in simple:
        for phrase in cues.get(category, []):
            add(str(phrase), Entry(category))
    for word, n in number_words.items():
        add(word, Entry("number_word", number=n))
    for emoji, n in gesture_emoji.items():
        add(emoji, Entry("gesture_emoji", number=n))
    for office, words in cues["offices"].items():
        for w in words:
            add(w, Entry("office", office))
    for kind, words in cues["elections"].items():
        for w in words:
            add(w, Entry("election", kind))
    race_region = {r.id: r.region_name for r in rulebook.races}
    regions: dict[str, set[str]] = {}
    for race in rulebook.races:
        if race.region_name:
            short = race.region_name.removeprefix("Kota ").removeprefix("Kabupaten ")
            regions.setdefault(race.region_name, set()).add(short)
    for region, words in (cues.get("regions") or {}).items():
        regions.setdefault(region, set()).update(words)
    for region, words in regions.items():
        for w in words:
            add(w, Entry("region", region))
    signal_words: dict[str, set[str]] = {}
    for signal, words in (cues.get("signals") or {}).items():
        for w in words:
            add(w, Entry("signal", signal))
            signal_words.setdefault(signal, set()).add(w)
    for act in rulebook.acts:
        sigs = [s.value for s in act.signals if s.value not in _ACTION_SIGNALS]
        # Only acts with one observable signal say unambiguously what their cues point to.
        if len(sigs) != 1 or any(s.value in _ACTION_SIGNALS for s in act.signals):
            continue
        # A cue names the act's most specific signal (the first one listed).
        for cue in act.cues:
            if len(cue.split()) >= 2 or cue.isupper():
                add(cue, Entry("signal", sigs[0]))
    for allowed in rulebook.allowed:
        for cue in allowed.cues:
            add(cue, Entry("allowed", allowed.id))

    vocabulary: set[str] = set()
    bootstrap = Normaliser({}, {}, ())
    for text, _entry in raw:
        vocabulary.update(bootstrap.phrase(text))
    # misspelt names ("prabowow", "ganjr") are read as the name: only unambiguous-looking long
    # name words are targets, and no known word (slang table, cues, fuzzy_ignore) is ever bent
    fuzzy_targets: set[str] = set()
    for ref in refs:
        people = ref.contestant.people
        texts = [p.name for p in people] + [a.text for p in people for a in p.aliases]
        for text in texts:
            for word in bootstrap.phrase(text):
                if len(word) >= 6 and word.isalpha():
                    fuzzy_targets.add(word)
    fuzzy_ignore = {fold_word(w) for w in cues.get("fuzzy_ignore") or []}
    fuzzy_ignore |= {w for v in slang.values() for w in str(v).lower().split()}
    # a name written to dodge filters ("pr4bowo", "r.u.d.y") is read as the contestant word
    # it spells: any word of a name, alias, slogan or hashtag
    leet_targets = {
        word
        for text, entry in raw
        if entry.kind in (ALIAS, HASHTAG, SLOGAN)
        for word in bootstrap.phrase(text)
    }
    normaliser = Normaliser(
        {**(cues.get("spelling") or {}), **(cues.get("emoji_words") or {})},
        slang,
        vocabulary,
        fuzzy_targets=fuzzy_targets - fuzzy_ignore,
        fuzzy_ignore=fuzzy_ignore,
        leet_targets=leet_targets,
    )

    grouped: dict[tuple[str, ...], list[Entry]] = {}
    for text, entry in raw:
        phrase = normaliser.phrase(text)
        if not phrase:
            continue
        bucket = grouped.setdefault(phrase, [])
        if entry not in bucket:
            bucket.append(entry)
    index: dict[str, list[tuple[tuple[str, ...], list[Entry]]]] = {}
    for phrase, entries in grouped.items():
        index.setdefault(phrase[0], []).append((phrase, entries))
    for items in index.values():
        items.sort(key=lambda item: -len(item[0]))
    # A phrase matches only if all its words are present, so one word per phrase suffices as a
    # trigger: the longest, which is the rarest in practice ("jateng" of "yang dari jateng").
    # common_words runs from the most to the least common word
    rank = {
        w: i
        for i, c in enumerate(cues.get("common_words") or [])
        for w in normaliser.phrase(str(c))
    }
    weak = {normaliser.phrase(str(w)) for w in cues.get("weak_ballot_nouns") or []}

    def rarest(phrase: tuple[str, ...]) -> str:
        """The word of ``phrase`` a post holds least often: the longest uncommon one."""
        rare = [w for w in phrase if w not in rank]
        return max(rare, key=len) if rare else max(phrase, key=rank.__getitem__)

    def pick(kinds: frozenset[str]) -> tuple[set[str], dict[str, list[tuple[str, ...]]]]:
        """Single-word phrases, and for every longer phrase its rarest word (the one a post
        must hold before the phrase can match) with the phrases it stands for."""
        wanted = [
            p
            for p, entries in grouped.items()
            if any(e.kind in kinds and not e.guarded for e in entries) and p not in weak
        ]
        single = {p[0] for p in wanted if len(p) == 1}
        guards: dict[str, list[tuple[str, ...]]] = {}
        for phrase in wanted:
            if len(phrase) > 1 and not single.intersection(phrase):
                guards.setdefault(rarest(phrase), []).append(phrase)
        return single, guards

    triggers, phrase_triggers = pick(_TRIGGER_KINDS)
    number_single, number_guards = pick(_NUMBER_TRIGGER_KINDS)
    number_triggers = number_single - triggers
    # a number trigger that also guards a longer phrase ("pilih" of "hak pilih") stays a number
    # trigger: "pilih 02" is a ballot call whether or not the post says "hak"; a word that only
    # guards ("pilihan" of "pilihan ku") needs its whole phrase (a trigger is read anyway)
    number_phrases = {
        word: tuple(phrases)
        for word, phrases in number_guards.items()
        if word not in number_triggers and word not in triggers
    }
    # a guarded initialism ("AH") is read only right after a ballot verb, so the post must hold
    # the verb and the initialism as the phrase "coblos ah" (its rarest word guards it); bare
    # "ah", a common interjection, is no trigger
    verbs = [p for p, entries in grouped.items() if any(e.kind == "name_ballot_verbs"
                                                         for e in entries)]
    initials = [p for p, entries in grouped.items() if any(e.guarded for e in entries)]
    for verb in verbs:
        for name in initials:
            phrase = verb + name
            if triggers.intersection(phrase):
                continue  # "coblos" is read anyway
            phrase_triggers.setdefault(rarest(phrase), []).append(phrase)
    numbers_words = {
        p[0] for p, entries in grouped.items() if any(e.kind in _NUMBER_KINDS for e in entries)
    }

    return Lexicon(
        normaliser=normaliser,
        index=index,
        contestants={ref.id: ref for ref in refs},
        numbers=numbers,
        race_office={r.id: r.office.value for r in rulebook.races},
        race_election={r.id: r.election for r in rulebook.races},
        race_region=race_region,
        election_kind={e.id: e.kind.value for e in rulebook.elections},
        number_words=number_words,
        gesture_emoji=gesture_emoji,
        signal_words=signal_words,
        triggers=frozenset(triggers),
        phrase_triggers={w: tuple(ps) for w, ps in phrase_triggers.items()},
        number_triggers=frozenset(number_triggers),
        number_phrase_triggers=number_phrases,
        numbers_words=frozenset(numbers_words),
        name_words=frozenset(
            w for text, entry in raw if entry.kind == ALIAS for w in normaliser.phrase(text)
        ),
    )


def _holds(words: set[str], guards: dict[str, tuple[tuple[str, ...], ...]]) -> bool:
    """True when ``words`` hold every word of some phrase of ``guards``."""
    for word in words & guards.keys():
        for phrase in guards[word]:
            if all(w in words for w in phrase):
                return True
    return False
