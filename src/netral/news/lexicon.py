"""The word lists the extractor reads with (data/*.yaml), loaded once and passed around."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

import yaml


@dataclass(frozen=True)
class Title:
    role: str
    scope: str  # "government" or "unit"
    forms: tuple[str, ...]
    level: str | None = None
    unit_prefix: str | None = None
    division: bool = False


@dataclass(frozen=True)
class Region:
    name: str
    short: str
    kind: str
    forms: tuple[str, ...]

    @property
    def government(self) -> str | None:
        prefix = {"province": "Pemprov", "regency": "Pemkab", "city": "Pemkot"}.get(self.kind)
        return f"{prefix} {self.short}" if prefix else None


@dataclass(frozen=True, eq=False)  # hashed by identity: one per load, cached below
class Lexicon:
    titles: tuple[Title, ...]
    unit_words: frozenset[str]
    institutions: frozenset[str]
    regions: tuple[Region, ...]
    venue_heads: tuple[str, ...]
    rubrics: tuple[str, ...]
    inserts: tuple[str, ...]
    credit_labels: tuple[str, ...]
    speech_verbs: tuple[str, ...]
    range_words: tuple[str, ...]
    report_markers: tuple[str, ...]
    conditional_markers: tuple[str, ...]
    election_context: tuple[str, ...]
    neutrality_terms: tuple[str, ...]
    asn_terms: tuple[str, ...]
    election_terms: tuple[str, ...]
    legal_kinds: dict[str, tuple[str, ...]]
    name_stopwords: frozenset[str]
    election_kinds: dict[str, tuple[str, ...]]
    neutral_collocations: tuple[str, ...]


def data_dir() -> Path:
    return Path(str(resources.files("netral.news") / "data"))


@cache
def load_lexicon(directory: Path | None = None) -> Lexicon:
    """The bundled lexicon (or one from ``directory``, for tests)."""
    base = directory or data_dir()

    def read(name: str) -> dict:
        with (base / name).open(encoding="utf-8") as fh:
            return yaml.safe_load(fh)

    titles, places, words = read("titles.yaml"), read("places.yaml"), read("lexicon.yaml")
    return Lexicon(
        titles=tuple(Title(t["role"], t["scope"], tuple(t["forms"]), t.get("level"),
                           t.get("unit_prefix"), t.get("division", False))
                     for t in titles["titles"]),
        institutions=frozenset(titles["institutions"]),
        unit_words=frozenset(titles["unit_words"]),
        regions=tuple(Region(r["name"], r["short"], r["kind"], tuple(r["forms"]))
                      for r in places["regions"]),
        venue_heads=tuple(places["venue_heads"]),
        rubrics=tuple(words["rubrics"]),
        inserts=tuple(words["inserts"]),
        credit_labels=tuple(words["credit_labels"]),
        speech_verbs=tuple(words["speech_verbs"]),
        range_words=tuple(words["range_words"]),
        report_markers=tuple(words["report_markers"]),
        conditional_markers=tuple(words["conditional_markers"]),
        election_context=tuple(words["election_context"]),
        neutrality_terms=tuple(words["neutrality_terms"]),
        asn_terms=tuple(words["asn_terms"]),
        election_terms=tuple(words["election_terms"]),
        legal_kinds={k: tuple(v) for k, v in words["legal_kinds"].items()},
        name_stopwords=frozenset(words["name_stopwords"]),
        election_kinds={k: tuple(v) for k, v in words["election_kinds"].items()},
        neutral_collocations=tuple(words["neutral_collocations"]),
    )


# Indonesian verbs take a prefix, with the nasal replacing p/t/s/k ("pasang" → "memasang",
# "suka" → "menyukai", "komentar" → "mengomentari", "hadir" → "menghadiri"), and a suffix.
_NASAL = {"p": "m", "t": "n", "s": "ny", "k": "ng"}


def inflected(word: str) -> str:
    """Regex for a cue word with the verb affixes reporters put on it."""
    stem = re.escape(word).replace("'", "['’‘`]")
    forms = [rf"(?:mem|men|meng|me|di|ber|ter)?{stem}"]
    if word[:1].lower() in _NASAL:
        forms.append(rf"me{_NASAL[word[0].lower()]}{re.escape(word[1:])}")
    return rf"(?:{'|'.join(forms)})(?:kan|i|nya|an)?"


def phrase_pattern(phrase: str, gap: int = 0, inflect: bool = False) -> str:
    """Regex for a phrase: any run of spaces between words, any apostrophe, whole words.

    ``gap`` lets up to that many words stand between the phrase's words ("ikut dalam
    kampanye" for "ikut kampanye"); ``inflect`` lets the first word take verb affixes.
    """
    words = [re.escape(w).replace("'", "['’‘`]") for w in phrase.split()]
    if inflect and phrase[:1].islower():
        words[0] = inflected(phrase.split()[0])
    sep = rf"\s+(?:\w+\s+){{0,{gap}}}" if gap else r"\s+"
    return r"(?<![\w#])" + sep.join(words) + r"(?!\w)"


@cache
def any_of(phrases: tuple[str, ...], flags: int = re.IGNORECASE) -> re.Pattern[str]:
    """One regex matching any phrase, longest first."""
    ordered = sorted(set(phrases), key=len, reverse=True)
    return re.compile("|".join(phrase_pattern(p) for p in ordered), flags)
