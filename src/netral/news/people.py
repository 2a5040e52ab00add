"""Officials an article names, with their normalised role and organisation.

"Sekda Kaltim Sri Wahyuni" → Sri Wahyuni, Sekretaris Daerah, Pemprov Kaltim. Titles and how
they map are data (data/titles.yaml); regions come from data/places.yaml. A title yields a
person only when a name follows it ("Kepala BPSDM Kaltim Nina Dewi") or stands before it in
apposition ("Hari Dermanto, Ketua Bawaslu Kaltim").
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cache

from netral.news.dates import weekday_names
from netral.news.lexicon import Lexicon, Region, Title
from netral.news.models import PersonMention
from netral.news.places import RegionMention, find_regions
from netral.text import fold

_HONORIFICS = r"(?:H|Hj|Dr|Ir|Drs|Dra|Prof|KH|Hc)\."
_WORD = rf"(?:{_HONORIFICS}|\([A-Za-z]+\)|[A-Z][A-Za-z0-9'’-]*|dan)"
_RUN = re.compile(rf"(?:[ \t]+{_WORD})+")
_NAME_WORD = re.compile(rf"^(?:{_HONORIFICS}|[A-Z][a-z'’-]+[A-Za-z'’-]*)$")
_ROMAN = re.compile(r"^[IVX]+$")
_APPOSITION = re.compile(
    rf"((?:{_HONORIFICS}\s*)*[A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+){{1,3}})(?:,\s*|\s+(?:selaku|sebagai)\s+)$"
)
_REGION_PREFIX = {"Provinsi", "Kabupaten", "Kota", "Pemerintah", "Pemprov", "Pemkab", "Pemkot"}


@dataclass
class Person:
    name: str
    role: str | None
    organisation: str | None
    start: int
    end: int
    mentions: list[int] = field(default_factory=list)  # offsets where named or titled
    names: list[tuple[int, int]] = field(default_factory=list)  # spans of the name itself


@dataclass(frozen=True)
class TitleMention:
    """A title with no name after it ("Sekda Kaltim meminta ..."): who it is comes later."""

    role: str
    organisation: str | None
    start: int
    end: int


@dataclass
class PeopleFound:
    people: list[Person]
    titles: list[TitleMention]

    def as_mentions(self) -> list[PersonMention]:
        return [PersonMention(name=p.name, role=p.role, organisation=p.organisation,
                              start=p.start, end=p.end) for p in self.people]

    def name_spans(self) -> list[tuple[int, int, str]]:
        """(start, end, name) of every place a person is named by name."""
        return [(start, end, p.name) for p in self.people for start, end in p.names]

    def speaker_at(self, offset: int) -> Person | None:
        """The person most recently named or titled before ``offset``."""
        best: tuple[int, Person] | None = None
        for person in self.people:
            for at in person.mentions:
                if at < offset and (best is None or at > best[0]):
                    best = (at, person)
        for title in self.titles:
            person = self.by_title(title)
            if person and title.start < offset and (best is None or title.start > best[0]):
                best = (title.start, person)
        return best[1] if best else None

    def starting_at(self, offset: int, slack: int = 0) -> Person | None:
        """The person named or titled right at ``offset`` ("… ,” tegas Sekda Sri Wahyuni")."""
        for person in self.people:
            if any(offset <= at <= offset + slack for at in person.mentions):
                return person
        for title in self.titles:
            if offset <= title.start <= offset + slack:
                return self.by_title(title)
        return None

    def by_title(self, title: TitleMention) -> Person | None:
        for person in self.people:
            if person.role == title.role and (
                title.organisation is None or person.organisation in (None, title.organisation)
            ):
                return person
        return None


@cache
def _title_pattern(lexicon: Lexicon) -> tuple[re.Pattern[str], dict[str, Title]]:
    by_form = {form: t for t in lexicon.titles for form in t.forms}
    ordered = sorted(by_form, key=len, reverse=True)
    alternation = "|".join(re.escape(f).replace(r"\ ", r"\s+") for f in ordered)
    return re.compile(rf"(?<![\w-])(?:{alternation})(?![\w-])"), by_form


def _is_unit_word(word: str, lexicon: Lexicon) -> bool:
    return (word in lexicon.unit_words or word.startswith("(")
            or (len(word) >= 2 and word.isupper()) or bool(_ROMAN.match(word)))


def _clean_name(tokens: list[str], lexicon: Lexicon) -> str | None:
    stop = re.compile(rf"^(?:{weekday_names()})$")
    venue_heads = {h.split()[0] for h in lexicon.venue_heads}
    name: list[str] = []
    for tok in tokens:
        if (not _NAME_WORD.match(tok) or tok in lexicon.unit_words or stop.match(tok)
                or tok in venue_heads or tok in lexicon.name_stopwords):
            break
        name.append(tok)
    plain = [t for t in name if not t.endswith(".")]
    if not plain or len(plain) > 5:
        return None
    return " ".join(name)


def _government(title: Title, region: Region | None, fallback: dict[str, Region]) -> str | None:
    if region is None:
        region = fallback.get(title.level or "any")
    return region.government if region else None


def find_people(text: str, lexicon: Lexicon) -> PeopleFound:
    pattern, by_form = _title_pattern(lexicon)
    regions = find_regions(text, lexicon)
    fallback = _fallback_regions(regions)
    people: dict[str, Person] = {}
    titles: list[TitleMention] = []
    pos = 0
    while True:
        m = pattern.search(text, pos)
        if not m:
            break
        title = by_form[re.sub(r"\s+", " ", m.group(0))]
        run = _RUN.match(text, m.end())
        run_end = run.end() if run else m.end()
        # "Kadis Pendidikan Kukar Thauhid dan Bupati Kukar Edi": the next title starts a person.
        for joined in re.finditer(r"\s+dan\s+", text[m.end():run_end]):
            if pattern.match(text, m.end() + joined.end()):
                run_end = m.end() + joined.start()
                break
        tokens = [(t.group(0), t.start(), t.end())
                  for t in re.finditer(r"\S+", text[m.end():run_end])]
        tokens = [(w, m.end() + s, m.end() + e) for w, s, e in tokens]
        while tokens and tokens[-1][0] == "dan":
            tokens.pop()
        inside = [RegionMention(r.region, m.end() + r.start, m.end() + r.end)
                  for r in find_regions(text[m.end():run_end], lexicon)]
        region: RegionMention | None = inside[0] if inside else None
        if region:
            unit = [w for w, s, _ in tokens if s < region.start and w not in _REGION_PREFIX]
            rest = [(w, s) for w, s, _ in tokens if s >= region.end]
        else:
            split = 0
            while split < len(tokens) and _is_unit_word(tokens[split][0], lexicon):
                split += 1
            unit = [w for w, _, _ in tokens[:split]]
            rest = [(w, s) for w, s, _ in tokens[split:]]
        unit = [w for w in unit if not w.startswith("(")]
        while unit and unit[-1] == "dan":
            unit.pop()
        role, organisation = _role_and_organisation(title, unit, region, fallback, lexicon)
        name = _clean_name([w for w, _ in rest], lexicon)
        name_start = rest[0][1] if name else None
        if name is None:
            before = _APPOSITION.search(text[max(0, m.start() - 80): m.start()])
            if before:
                words = before.group(1).split()
                while words and words[0] in lexicon.name_stopwords:
                    words.pop(0)
                if len(words) >= 2:
                    name = " ".join(words)
                    name_start = m.start() - len(before.group(0)) + before.group(1).index(name)
        if name and name_start is not None:
            key = fold(name)
            person = people.get(key)
            if person is None:
                person = people[key] = Person(name, role, organisation, name_start,
                                              name_start + len(name))
            else:
                person.role = person.role or role
                person.organisation = person.organisation or organisation
            person.mentions.append(m.start())
            pos = max(run_end if rest else m.end(), name_start + len(name))
        else:
            titles.append(TitleMention(role, organisation, m.start(), m.end()))
            pos = run_end if region or unit else m.end()
    found = PeopleFound(sorted(people.values(), key=lambda p: p.start), titles)
    for person in found.people:
        for again in re.finditer(re.escape(person.name), text):
            person.names.append((again.start(), again.end()))
            if again.start() not in person.mentions:
                person.mentions.append(again.start())
    return found


def _fallback_regions(regions: list[RegionMention]) -> dict[str, Region]:
    """The region of each level an article talks about most: "Sekda" without a region in a
    Balikpapan story is Balikpapan's."""
    counts = Counter(r.region for r in regions if r.region.government)
    fallback: dict[str, Region] = {}
    for region, _ in counts.most_common():
        level = region.kind
        fallback.setdefault(level, region)
        fallback.setdefault("any", region)
    return fallback


def _role_and_organisation(title: Title, unit: list[str], region: RegionMention | None,
                           fallback: dict[str, Region], lexicon: Lexicon) -> tuple[str, str | None]:
    if title.scope == "government":
        return title.role, _government(title, region.region if region else None, fallback)
    if title.division:
        # "Koordinator Divisi Penanganan Pelanggaran Bawaslu Samarinda": the division is part
        # of the role, the organisation starts at the institution.
        at = next((i for i in range(len(unit) - 1, -1, -1)
                   if unit[i].isupper() or unit[i] in lexicon.institutions), None)
        if at is not None:
            role = " ".join([title.role, *unit[:at]])
            where = region.region.short if region else None
            return role, " ".join(filter(None, [*unit[at:], where]))
    body = " ".join(filter(None, [title.unit_prefix, *unit]))
    if title.unit_prefix and not unit:
        body = ""
    role = f"{title.role} {body}".strip() if body and title.role != "Camat" else title.role
    where = region.region.short if region else None
    organisation = " ".join(filter(None, [body, where])) or None
    return role, organisation
