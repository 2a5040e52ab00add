"""What goes into screening and what comes out: the contract every consumer reads.

A :class:`Post` is one thing an ASN did online (posted, shared, liked, commented). A
:class:`Screening` says whether it takes a side, for whom, which prohibited act it
evidences and why, with :class:`EvidenceSpan` character offsets into the post's own fields
so a person can see the words. Plain dataclasses: cheap to build at tens of thousands a second.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field
from enum import StrEnum
from typing import Any


class Platform(StrEnum):
    FACEBOOK = "facebook"
    INSTAGRAM = "instagram"
    X = "x"
    WHATSAPP = "whatsapp"
    TIKTOK = "tiktok"
    YOUTUBE = "youtube"
    NEWS = "news"
    OTHER = "other"


class Action(StrEnum):
    POST = "post"
    SHARE = "share"
    COMMENT = "comment"
    LIKE = "like"
    CAPTION = "caption"


@dataclass(frozen=True, slots=True)
class Post:
    id: str
    text: str
    platform: str | None = None
    action: Action = Action.POST
    target_text: str | None = None
    author: str | None = None
    published_at: dt.date | dt.datetime | None = None

    @property
    def published_on(self) -> dt.date | None:
        value = self.published_at
        return value.date() if isinstance(value, dt.datetime) else value


@dataclass(frozen=True, slots=True)
class EvidenceSpan:
    """``text == getattr(post, field)[start:end]``, always, so the words can be highlighted."""

    field: str
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class CitationRef:
    law: str
    article: str
    label: str


@dataclass(frozen=True, slots=True)
class Finding:
    act: str
    contestant: str | None
    citations: list[CitationRef]
    evidence: list[EvidenceSpan]
    reason: str


@dataclass(slots=True)
class Screening:
    """Not frozen, unlike the parts it is made of: a scan builds one per post, and a frozen
    dataclass costs four times as much to build (most posts of a stream end here at once)."""

    id: str
    political: bool
    partisan: bool
    contestants: list[str]
    acts: list[str]
    score: float
    phase: str | None
    findings: list[Finding]
    explanation: str
    allowed: list[str] = field(default_factory=list)
    rulebook_version: str = ""

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)
