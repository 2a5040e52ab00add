"""What an extracted news article looks like: the contract of the news room.

Offsets (`start`, `end`) are character positions in `Article.body`, so every finding can be
shown in the text it came from.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class SourceFormat(StrEnum):
    CAPTURE = "capture"
    HTML = "html"


class PersonMention(Model):
    name: str
    role: str | None = None
    organisation: str | None = None
    start: int = Field(description="First mention in the body")
    end: int


class Quote(Model):
    speaker: str | None = Field(description="Name of the person quoted, when known")
    text: str
    start: int
    end: int


class LegalRef(Model):
    text: str = Field(description="The reference as written")
    normalised: str = Field(description='e.g. "UU 20/2023" or "Pasal 280 ayat (3) UU 7/2017"')
    kind: str
    number: str | None = None
    year: int | None = None
    article: str | None = Field(None, description='e.g. "Pasal 280 ayat (3)"')
    law_id: str | None = Field(None, description="Rulebook law id; null for laws not in it")
    start: int
    end: int


class ActMode(StrEnum):
    """Whether the article explains that an act is forbidden or reports that it was done."""

    EXPLAINED = "explained"
    REPORTED = "reported"


class ActMention(Model):
    act_id: str
    code: str
    mode: ActMode
    cue: str = Field(description="The rulebook cue found")
    sentence: str
    start: int
    end: int


class ContestantMention(Model):
    id: str = Field(description="Rulebook contestant id <race>:<number>")
    name: str
    race: str
    matched: list[str] = Field(description="Aliases found in the article")


class Relevance(Model):
    score: float = Field(ge=0, le=1)
    level: str = Field(description="high, medium, low or none")
    reasons: list[str] = Field(description="Codes: neutrality-title, reports-act …")
    reason: str = Field(description="The reasons in words, in the command-line locale")


class Article(Model):
    source: str = Field(description="File name")
    format: SourceFormat
    site: str | None = None
    rubric: str | None = None
    title: str
    lede: str | None = None
    body: str
    credit: str | None = None
    published: dt.date | None = None
    places: list[str] = Field(default_factory=list)
    people: list[PersonMention] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    legal_refs: list[LegalRef] = Field(default_factory=list)
    acts_mentioned: list[ActMention] = Field(default_factory=list)
    contestants_mentioned: list[ContestantMention] = Field(default_factory=list)
    neutrality_relevance: Relevance


class NewsError(Exception):
    """A file that cannot be read as an article; the message names the file."""

    def __init__(self, path: str, message: str):
        super().__init__(f"{path}: {message}")
        self.path = path
        self.message = message
