"""The news room's public API: a file (HTML or plain-text capture) in, an `Article` out.

    rulebook = load_rulebook()
    article = extract_article(Path("berita.html"), rulebook)
    for path, result in extract_paths([Path("captures/")], rulebook): ...
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from netral.i18n import _
from netral.news.acts import cue_patterns, elections_in_view, find_acts, targets_on
from netral.news.capture import parse_capture
from netral.news.contestants import contestant_terms, find_contestants
from netral.news.dates import find_dates, published_date
from netral.news.html import looks_like_html, parse_html
from netral.news.legal import find_legal_refs
from netral.news.lexicon import Lexicon, load_lexicon
from netral.news.models import Article, NewsError, SourceFormat
from netral.news.page import Page
from netral.news.people import find_people
from netral.news.places import find_places
from netral.news.quotes import find_quotes
from netral.news.relevance import score_relevance
from netral.news.sentences import split_sentences
from netral.rulebook import Rulebook

HTML_SUFFIXES = (".html", ".htm", ".xhtml")
TEXT_SUFFIXES = (".txt", ".text")
MIN_BODY_WORDS = 15


class NewsExtractor:
    """Extracts articles against one rulebook; the rulebook's cues and aliases are compiled
    once, so reuse one extractor for many files."""

    def __init__(self, rulebook: Rulebook, lexicon: Lexicon | None = None):
        self.rulebook = rulebook
        self.lexicon = lexicon or load_lexicon()
        self._cues = cue_patterns(rulebook)
        self._terms = contestant_terms(rulebook)

    def extract_file(self, path: Path) -> Article:
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            raise NewsError(str(path), _("file not found")) from None
        except IsADirectoryError:
            raise NewsError(str(path), _("is a directory")) from None
        except OSError as exc:
            raise NewsError(str(path), _("cannot be read: {error}",
                                         error=exc.strerror or exc)) from None
        if path.suffix.lower() in HTML_SUFFIXES or looks_like_html(data):
            page, fmt = parse_html(data, self.lexicon), SourceFormat.HTML
        else:
            page, fmt = parse_capture(decode_text(data, str(path)), self.lexicon), \
                SourceFormat.CAPTURE
        return self.analyse(page, path.name, fmt)

    def analyse(self, page: Page, source: str, fmt: SourceFormat) -> Article:
        body = "\n\n".join(page.paragraphs)
        if not page.title or len(body.split()) < MIN_BODY_WORDS:
            raise NewsError(source, _("no article found (a title and at least {n} words of "
                                      "text are needed)", n=MIN_BODY_WORDS))
        lx, rb = self.lexicon, self.rulebook
        sentences = split_sentences(body)
        published = published_date(find_dates(body, lx.range_words), page.meta_date, body,
                                   lx.speech_verbs)
        people = find_people(body, lx)
        legal_refs = find_legal_refs(body, rb, lx)
        contestants = find_contestants(sentences, rb, lx, self._terms,
                                       officials=people.name_spans())
        elections = elections_in_view(
            body, rb, lx, {rb.contestant(c.id).race.election for c in contestants})
        acts = find_acts(sentences, rb, lx, targets_on(published, elections), self._cues,
                         skip=[(r.start, r.end) for r in legal_refs])
        return Article(
            source=source,
            format=fmt,
            site=page.site,
            rubric=page.rubric,
            title=page.title,
            lede=page.paragraphs[0] if page.paragraphs else None,
            body=body,
            credit=page.credit,
            published=published,
            places=find_places(body, lx),
            people=people.as_mentions(),
            quotes=find_quotes(body, people, lx),
            legal_refs=legal_refs,
            acts_mentioned=acts,
            contestants_mentioned=contestants,
            neutrality_relevance=score_relevance(page.title, body, legal_refs, acts,
                                                 contestants, lx),
        )


def decode_text(data: bytes, name: str) -> str:
    """UTF-8 (with or without BOM) or UTF-16 with a BOM; anything else is refused by name."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    if b"\x00" in data[:4096]:
        raise NewsError(name, _("binary file, not a text capture"))
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise NewsError(name, _("not UTF-8 text (byte {offset})", offset=exc.start)) from None


def extract_article(path: Path, rulebook: Rulebook, lexicon: Lexicon | None = None) -> Article:
    return NewsExtractor(rulebook, lexicon).extract_file(Path(path))


def expand_paths(paths: Iterable[Path]) -> list[Path]:
    """Files named, and the HTML and text files of directories named (sorted)."""
    files: list[Path] = []
    for path in map(Path, paths):
        if path.is_dir():
            files += sorted(p for p in path.iterdir()
                            if p.is_file() and p.suffix.lower() in HTML_SUFFIXES + TEXT_SUFFIXES)
        else:
            files.append(path)
    return files


def extract_paths(paths: Iterable[Path], rulebook: Rulebook,
                  lexicon: Lexicon | None = None) -> Iterator[tuple[Path, Article | NewsError]]:
    """Each file with its article, or the error that names why it is not one."""
    extractor = NewsExtractor(rulebook, lexicon)
    for path in expand_paths(paths):
        try:
            yield path, extractor.extract_file(path)
        except NewsError as exc:
            yield path, exc
