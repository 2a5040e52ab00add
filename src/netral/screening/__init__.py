"""The screening room: Indonesian posts in, cited findings out.

``Screener(rulebook).screen(post)`` returns a :class:`Screening`; ``screen_many`` streams.
``read_posts`` reads JSONL/CSV input with line-numbered errors; ``ScreeningWriter`` and
``write_screenings`` write output atomically.
"""

from netral.screening.io import (
    Bad,
    PostError,
    ScreeningWriter,
    post_from_record,
    read_posts,
    screening_dict,
    write_screenings,
)
from netral.screening.models import (
    Action,
    CitationRef,
    EvidenceSpan,
    Finding,
    Platform,
    Post,
    Screening,
)
from netral.screening.screener import Screener

__all__ = [
    "Action",
    "Bad",
    "CitationRef",
    "EvidenceSpan",
    "Finding",
    "Platform",
    "Post",
    "PostError",
    "Screener",
    "Screening",
    "ScreeningWriter",
    "post_from_record",
    "read_posts",
    "screening_dict",
    "write_screenings",
]
