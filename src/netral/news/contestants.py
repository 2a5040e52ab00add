"""Contestants an article names, by the rulebook's names, aliases and hashtags.

Aliases the rulebook marks ambiguous ("amin", "01", "banteng") and three-letter party short
names count only with corroboration: another alias of the same contestant in the article, or
election words in the same sentence or the ones beside it.
"""

from __future__ import annotations

import re

from netral.news.lexicon import Lexicon, any_of, phrase_pattern
from netral.news.models import ContestantMention
from netral.news.sentences import Sentence
from netral.rulebook import ContestantRef, Rulebook
from netral.text import fold

Term = tuple[ContestantRef, bool, re.Pattern[str]]


def contestant_terms(rulebook: Rulebook) -> list[Term]:
    """(contestant, ambiguous, pattern) for every name and alias; build once per rulebook."""
    terms = []
    for ref in rulebook.contestants():
        c = ref.contestant
        entries: list[tuple[str, bool, int]] = [(c.name, False, re.IGNORECASE)]
        if c.short_name:
            entries.append((c.short_name, len(c.short_name) <= 3, 0))
        entries += [(p.name, False, re.IGNORECASE) for p in c.people]
        entries += [(a.text, a.ambiguous, re.IGNORECASE) for a in c.all_aliases()]
        entries += [(h, False, re.IGNORECASE) for h in c.hashtags]
        seen = set()
        for text, ambiguous, flags in entries:
            key = (text.lower(), ambiguous)
            if key in seen:
                continue
            seen.add(key)
            terms.append((ref, ambiguous, re.compile(phrase_pattern(text), flags)))
    return terms


def find_contestants(sentences: list[Sentence], rulebook: Rulebook, lexicon: Lexicon,
                     terms: list[Term] | None = None,
                     officials: list[tuple[int, int, str]] = ()) -> list[ContestantMention]:
    """Contestants named in the sentences. ``officials`` are (start, end, name) spans of people
    the article names with a title: "Sekda Balikpapan Muhaimin" is not Muhaimin Iskandar,
    unless the official's full name is the contestant's ("Wali Kota Samarinda Andi Harun")."""
    context = any_of(lexicon.election_context)
    sure: dict[str, list[str]] = {}
    maybe: dict[str, list[str]] = {}
    first: dict[str, int] = {}
    refs: dict[str, ContestantRef] = {}
    for i, sentence in enumerate(sentences):
        window = " ".join(s.text for s in sentences[max(0, i - 1): i + 2])
        in_context = bool(context.search(window))
        for ref, ambiguous, pattern in terms or contestant_terms(rulebook):
            for m in pattern.finditer(sentence.text):
                at = sentence.start + m.start()
                official = next((name for start, end, name in officials
                                 if start <= at < end), None)
                if official and fold(official) not in {
                        fold(p.name) for p in ref.contestant.people}:
                    continue
                bucket = maybe if ambiguous and not in_context else sure
                found = bucket.setdefault(ref.id, [])
                if m.group(0) not in found:
                    found.append(m.group(0))
                first.setdefault(ref.id, sentence.start + m.start())
                refs[ref.id] = ref
    mentions = []
    for ref_id in sorted(sure, key=lambda r: first[r]):
        ref = refs[ref_id]
        matched = sure[ref_id] + [t for t in maybe.get(ref_id, []) if t not in sure[ref_id]]
        mentions.append(ContestantMention(id=ref.id, name=ref.name, race=ref.race.id,
                                          matched=matched))
    return mentions
