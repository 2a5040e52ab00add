"""The news room: regional news pages in, articles out (who said what, when, citing which law).

Plain-text page captures and HTML pages are read by `capture.py` and `html.py`; `extract.py`
is the API the command line and other rooms call.
"""

from netral.news.extract import NewsExtractor, expand_paths, extract_article, extract_paths
from netral.news.models import (
    ActMention,
    ActMode,
    Article,
    ContestantMention,
    LegalRef,
    NewsError,
    PersonMention,
    Quote,
    Relevance,
    SourceFormat,
)

__all__ = [
    "ActMention",
    "ActMode",
    "Article",
    "ContestantMention",
    "LegalRef",
    "NewsError",
    "NewsExtractor",
    "PersonMention",
    "Quote",
    "Relevance",
    "SourceFormat",
    "expand_paths",
    "extract_article",
    "extract_paths",
]
