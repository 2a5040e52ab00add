"""Typed shape of the rulebook: what each YAML file may say, checked on load.

Cross-file checks (a citation naming an unknown law, alias collisions) live in
`validation.py`; these models only check what one record can know about itself.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

Slug = Annotated[str, Field(pattern=r"^[a-z0-9]+(?:[-_][a-z0-9]+)*$")]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class LocalizedText(Strict):
    """A text in Bahasa Indonesia (authoritative) and English."""

    id: str = Field(min_length=1)
    en: str = Field(min_length=1)

    def get(self, locale: str) -> str:
        return self.en if locale.startswith("en") else self.id


class Category(StrEnum):
    ETHICS = "ethics"
    DISCIPLINE_LIGHT = "discipline-light"
    DISCIPLINE_MODERATE = "discipline-moderate"
    DISCIPLINE_HEAVY = "discipline-heavy"
    DISMISSAL = "dismissal"
    CRIMINAL = "criminal"


class Signal(StrEnum):
    """Observable evidence a screener or an officer can attach to an act."""

    SOCIAL_POST = "social-post"
    SOCIAL_LIKE = "social-like"
    SOCIAL_SHARE = "social-share"
    SOCIAL_COMMENT = "social-comment"
    SOCIAL_FOLLOW = "social-follow"
    FINGER_GESTURE = "finger-gesture"
    PHOTO_WITH_CANDIDATE = "photo-with-candidate"
    CAMPAIGN_ATTRIBUTE = "campaign-attribute"
    CAMPAIGN_PROPS = "campaign-props"
    CAMPAIGN_EVENT = "campaign-event"
    BALLOT_CALL = "ballot-call"
    ENDORSEMENT = "endorsement"
    ATTACK = "attack"
    WINNING_TEAM = "winning-team"
    MOBILISATION = "mobilisation"
    STATE_FACILITY = "state-facility"
    OFFICIAL_DECISION = "official-decision"
    GIFT = "gift"
    SUPPORT_LETTER = "support-letter"
    PARTY_MEMBERSHIP = "party-membership"
    CANDIDACY = "candidacy"


class Target(StrEnum):
    """Whom the act favours: before determination the SKB speaks of a *bakal calon*."""

    PROSPECTIVE = "prospective"
    CANDIDATE = "candidate"
    ANY = "any"


class LawKind(StrEnum):
    UU = "uu"
    PERPPU = "perppu"
    PP = "pp"
    PERPRES = "perpres"
    PKPU = "pkpu"
    PERBAWASLU = "perbawaslu"
    SKB = "skb"
    SE = "se"


class Article(Strict):
    ref: str = Field(min_length=1, description='e.g. "Pasal 280 ayat (3)"')
    summary: LocalizedText
    verified: bool
    source: str | None = None


class Law(Strict):
    id: Slug
    kind: LawKind
    number: str = Field(min_length=1)
    year: int = Field(ge=1945, le=2100)
    short_name: str = Field(min_length=1)
    title: str = Field(min_length=1)
    verified: bool
    source: str | None = None
    articles: list[Article] = Field(default_factory=list)


class Citation(Strict):
    """A pointer to an article listed under its law in ``laws.yaml``."""

    law: Slug
    article: str = Field(min_length=1)

    def __str__(self) -> str:
        return f"{self.article} {self.law}"


class Examples(Strict):
    counts: list[str] = Field(min_length=1)
    does_not_count: list[str] = Field(min_length=1)


class ProhibitedAct(Strict):
    id: Slug
    code: str = Field(min_length=1, description="Reference in the source table, e.g. SKB-D6")
    title: LocalizedText
    description: LocalizedText
    category: Category
    target: Target = Target.ANY
    sanction: LocalizedText
    citations: list[Citation] = Field(min_length=1)
    criminal: list[Citation] = Field(default_factory=list)
    signals: list[Signal] = Field(min_length=1)
    cues: list[str] = Field(default_factory=list, description="Indonesian phrases naming the act")
    examples: Examples
    verified: bool
    note: str | None = None


class AllowedAct(Strict):
    id: Slug
    title: LocalizedText
    reason: LocalizedText
    citations: list[Citation] = Field(default_factory=list)
    cues: list[str] = Field(min_length=1)
    examples: list[str] = Field(min_length=1)
    verified: bool


class ElectionKind(StrEnum):
    PEMILU = "pemilu"
    PILKADA = "pilkada"


class Phase(Strict):
    id: Slug
    name: LocalizedText
    start: dt.date
    end: dt.date

    @model_validator(mode="after")
    def _ordered(self) -> Phase:
        if self.end < self.start:
            raise ValueError(f"end {self.end} is before start {self.start}")
        return self

    def contains(self, day: dt.date) -> bool:
        return self.start <= day <= self.end


class Election(Strict):
    id: Slug
    kind: ElectionKind
    name: LocalizedText
    legal_basis: list[Citation] = Field(default_factory=list)
    voting_day: dt.date | None = None
    determination_day: dt.date | None = Field(
        None, description="Candidates are *calon* from this day; *bakal calon* before it"
    )
    verified: bool
    phases: list[Phase] = Field(default_factory=list)

    def phases_on(self, day: dt.date) -> list[Phase]:
        return [p for p in self.phases if p.contains(day)]


class Alias(Strict):
    text: str = Field(min_length=2)
    ambiguous: bool = False
    note: str | None = None


class Descriptor(Alias):
    """An indirect reference a reader of the campaign would resolve to one contestant.

    "yang dari Jateng", "penerus Jokowi", "makan siang gratis": world knowledge kept as data.
    ``stance`` is what the phrase says on its own (``mention`` when it only points);
    ``weight`` how much it counts next to a real name (a name counts 1).
    """

    weight: float = Field(1.0, gt=0, le=4)
    stance: Literal["mention", "support", "attack"] = "mention"
    rival: bool = Field(False, description="Names the contestant's rival (the empty column)")


class Person(Strict):
    name: str = Field(min_length=1)
    role: str = Field(min_length=1)
    aliases: list[Alias] = Field(default_factory=list)
    initialisms: list[str] = Field(
        default_factory=list,
        description=(
            "Capital initials posts call the person by (\"AH\" for Andi Harun) that are also an "
            "everyday word (\"ah\"): read as the person only in capitals right after a ballot "
            "verb (\"coblos AH\"), never alone, and not by other readers of aliases"
        ),
    )

    @field_validator("initialisms")
    @classmethod
    def _capitals(cls, items: list[str]) -> list[str]:
        for text in items:
            if not (2 <= len(text) <= 4 and text.isalpha() and text.isupper()):
                raise ValueError(f"initialism {text!r} must be 2 to 4 capital letters")
        return items


class Contestant(Strict):
    number: int = Field(ge=0, le=99)
    name: str = Field(min_length=1)
    short_name: str | None = None
    people: list[Person] = Field(default_factory=list)
    parties: list[str] = Field(default_factory=list)
    coalition: str | None = None
    aliases: list[Alias] = Field(default_factory=list)
    slogans: list[str] = Field(default_factory=list)
    hashtags: list[str] = Field(default_factory=list)
    descriptors: list[Descriptor] = Field(
        default_factory=list, description="Indirect references (world knowledge), see Descriptor"
    )
    gesture: int | None = Field(None, ge=1, le=10, description="Fingers shown as ballot sign")
    verified: bool

    @field_validator("hashtags")
    @classmethod
    def _hash_prefixed(cls, tags: list[str]) -> list[str]:
        for tag in tags:
            if not tag.startswith("#") or " " in tag:
                raise ValueError(f"hashtag {tag!r} must start with # and hold no space")
        return tags

    def all_aliases(self) -> list[Alias]:
        return [*self.aliases, *(a for p in self.people for a in p.aliases)]


class RaceOffice(StrEnum):
    PRESIDENT = "president"
    LEGISLATIVE_PARTY = "legislative-party"
    GOVERNOR = "governor"
    REGENT = "regent"
    MAYOR = "mayor"


class Race(Strict):
    id: Slug
    election: Slug
    office: RaceOffice
    name: LocalizedText
    region: str | None = Field(None, description="Kemendagri region code, e.g. 64 for Kaltim")
    region_name: str | None = None
    empty_column: bool = Field(False, description="Single pair against the kolom kosong")
    determination_day: dt.date | None = Field(
        None, description="Overrides the election's determination day for this race"
    )
    contestants: list[Contestant] = Field(min_length=1)


class DayUnit(StrEnum):
    WORKING = "working"
    CALENDAR = "calendar"


class DeadlineRule(Strict):
    id: Slug
    name: LocalizedText
    days: int = Field(ge=0)
    unit: DayUnit
    starts_from: str = Field(min_length=1, description="Event that starts the clock")
    applies_to: list[ElectionKind | str] = Field(default_factory=list)
    statutory: bool = Field(description="False for Netral's own service standard")
    citations: list[Citation] = Field(default_factory=list)
    verified: bool


class ExtraDayOff(Strict):
    date: dt.date
    name: str
    kind: str = Field(pattern=r"^(cuti-bersama|holiday|election-day)$")
    verified: bool


class Manifest(Strict):
    version: str = Field(pattern=r"^\d{4}\.\d{2}\.\d+$")
    updated: dt.date
    description: LocalizedText
