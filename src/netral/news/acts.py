"""Prohibited acts an article talks about, found by the rulebook's Indonesian cues.

Each mention says whether the article *explains* the act (a briefing: "dilarang memberikan
reaksi like") or *reports* it as done ("seorang camat terpantau hadir kampanye akbar").
Ethics rows (before candidates are determined) and discipline rows (after) share cues; the
article's date and the election it is about decide which apply.
"""

from __future__ import annotations

import datetime as dt
import re

from netral.news.lexicon import Lexicon, any_of, phrase_pattern
from netral.news.models import ActMention, ActMode
from netral.news.sentences import Sentence
from netral.rulebook import Election, Rulebook, Target


def cue_patterns(rulebook: Rulebook) -> list[tuple[str, str, re.Pattern[str]]]:
    """(act id, cue, pattern) for every cue of every act; build once per rulebook."""
    patterns = []
    for act in rulebook.acts:
        for cue in act.cues:
            # Acronym cues (APK, KTA) are matched as written, phrases in any case.
            flags = 0 if cue.isupper() else re.IGNORECASE
            pattern = re.compile(phrase_pattern(cue, gap=2, inflect=True), flags)
            patterns.append((act.id, cue, pattern))
    return patterns


def elections_in_view(text: str, rulebook: Rulebook, lexicon: Lexicon,
                      contestant_elections: set[str]) -> list[Election]:
    """The elections an article is about: its contestants', else the kinds it names."""
    if contestant_elections:
        return [rulebook.election(e) for e in sorted(contestant_elections)]
    kinds = {kind for kind, words in lexicon.election_kinds.items() if any_of(words).search(text)}
    chosen = [e for e in rulebook.elections if e.kind.value in kinds]
    return chosen or list(rulebook.elections)


def targets_on(day: dt.date | None, elections: list[Election]) -> set[Target]:
    """Which act targets apply: prospective candidates before determination, candidates after."""
    if day is None:
        return set(Target)
    upcoming = [e for e in elections if e.voting_day and e.voting_day >= day]
    election = (min(upcoming, key=lambda e: e.voting_day) if upcoming
                else max(elections, key=lambda e: e.voting_day or dt.date.min, default=None))
    if election is None or election.determination_day is None:
        return set(Target)
    determined = day >= election.determination_day
    return {Target.ANY, Target.CANDIDATE if determined else Target.PROSPECTIVE}


def sentence_mode(sentence: str, lexicon: Lexicon) -> ActMode:
    if any_of(lexicon.conditional_markers).search(sentence):
        return ActMode.EXPLAINED
    if any_of(lexicon.report_markers).search(sentence):
        return ActMode.REPORTED
    return ActMode.EXPLAINED


def find_acts(sentences: list[Sentence], rulebook: Rulebook, lexicon: Lexicon,
              targets: set[Target],
              patterns: list[tuple[str, str, re.Pattern[str]]] | None = None,
              skip: list[tuple[int, int]] = ()) -> list[ActMention]:
    """Acts whose cues occur in an election context. ``skip`` spans (law names: "Surat
    Keputusan Bersama") are not read for cues."""
    context = any_of(lexicon.election_context)
    neutral = any_of(lexicon.neutral_collocations)
    found: dict[tuple[str, ActMode], ActMention] = {}
    for i, sentence in enumerate(sentences):
        window = " ".join(s.text for s in sentences[max(0, i - 1): i + 2])
        if not context.search(window):
            continue
        in_sentence = bool(context.search(sentence.text))
        text = sentence.text
        for start, end in skip:
            a, b = max(start, sentence.start), min(end, sentence.end)
            if a < b:
                text = text[: a - sentence.start] + " " * (b - a) + text[b - sentence.start:]
        # Blank out "Deklarasi Netralitas ASN" and the like, keeping offsets.
        text = neutral.sub(lambda m: " " * len(m.group(0)), text)
        mode = sentence_mode(sentence.text, lexicon)
        for act_id, cue, pattern in patterns or cue_patterns(rulebook):
            act = rulebook.act(act_id)
            if act.target not in targets or (act_id, mode) in found:
                continue
            # One word ("like", "keputusan") is too common to trust on a neighbour's context.
            if " " not in cue and not in_sentence:
                continue
            if pattern.search(text):
                found[(act_id, mode)] = ActMention(
                    act_id=act_id, code=act.code, mode=mode, cue=cue, sentence=sentence.text,
                    start=sentence.start, end=sentence.end)
    return sorted(found.values(), key=lambda a: (a.start, a.mode != ActMode.REPORTED))
