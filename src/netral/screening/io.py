"""Reading posts (JSONL or CSV, line-numbered errors) and writing screenings atomically."""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import io
import json
import os
import sys
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from netral.i18n import _
from netral.screening.models import Action, Post, Screening

REQUIRED = ("id", "text")
_ACTIONS = {a.value: a for a in Action}
CSV_COLUMNS = (
    "id",
    "political",
    "partisan",
    "contestants",
    "acts",
    "score",
    "phase",
    "explanation",
    "evidence",
)


class PostError(ValueError):
    """A bad input line: names the line (1-based) and, when known, the field."""

    def __init__(self, line: int, field: str | None, problem: str, raw: str = ""):
        self.line, self.field, self.problem, self.raw = line, field, problem, raw
        if field:
            message = _(
                "line {line}, field {field}: {problem}", line=line, field=field, problem=problem
            )
        else:
            message = _("line {line}: {problem}", line=line, problem=problem)
        super().__init__(message)

    def to_dict(self) -> dict[str, Any]:
        return {"line": self.line, "field": self.field, "error": self.problem, "raw": self.raw}


@dataclass(frozen=True, slots=True)
class Bad:
    """Yielded instead of a post by ``read_posts(..., errors="collect")``."""

    error: PostError


def parse_date(value: Any, line: int) -> dt.date | dt.datetime | None:
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise PostError(
            line, "published_at", _("not an ISO date or datetime: {value!r}", value=value)
        )
    try:
        if len(value) == 10:
            return dt.date.fromisoformat(value)
        return dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise PostError(
            line, "published_at", _("not an ISO date or datetime: {value!r}", value=value)
        ) from None


def post_from_record(record: Any, line: int) -> Post:
    """Validate one input record (a dict) into a :class:`Post`; raise :class:`PostError`."""
    if not isinstance(record, dict):
        raise PostError(line, None, _("a line must be a JSON object"))
    for name in REQUIRED:
        value = record.get(name)
        if value is None:
            raise PostError(line, name, _("required field is missing"))
        if name == "id" and isinstance(value, int) and not isinstance(value, bool):
            value = str(value)
        if not isinstance(value, str):
            raise PostError(line, name, _("must be a string"))
    post_id = str(record["id"]).strip()
    if not post_id:
        raise PostError(line, "id", _("must not be empty"))
    action_raw = record.get("action") or "post"
    action = _ACTIONS.get(str(action_raw).strip().lower())
    if action is None:
        raise PostError(
            line,
            "action",
            _(
                "unknown action {value!r}; expected post, share, comment, like or caption",
                value=action_raw,
            ),
        )
    target = record.get("target_text")
    if target is not None and not isinstance(target, str):
        raise PostError(line, "target_text", _("must be a string"))
    for name in ("platform", "author"):
        value = record.get(name)
        if value is not None and not isinstance(value, str):
            raise PostError(line, name, _("must be a string"))
    return Post(
        id=post_id,
        text=record["text"],
        platform=record.get("platform") or None,
        action=action,
        target_text=target or None,
        author=record.get("author") or None,
        published_at=parse_date(record.get("published_at"), line),
    )


def _open(source: str | Path | IO[str]) -> tuple[IO[str], bool]:
    if isinstance(source, str | Path):
        if str(source) == "-":
            return sys.stdin, False
        return open(source, encoding="utf-8-sig", newline=""), True
    return source, False


def detect_format(source: str | Path | IO[str], default: str = "jsonl") -> str:
    if isinstance(source, str | Path) and str(source) != "-":
        return "csv" if str(source).lower().endswith(".csv") else "jsonl"
    return default


def read_posts(
    source: str | Path | IO[str], *, format: str | None = None, errors: str = "raise"
) -> Iterator[Post | Bad]:
    """Posts from a JSONL or CSV file, path ``-`` for stdin, or an open text stream.

    ``errors="raise"`` raises :class:`PostError` at the first bad line; ``"collect"`` yields a
    :class:`Bad` in its place so the caller can log it and go on. Blank lines are skipped.
    """
    fmt = format or detect_format(source)
    stream, close = _open(source)
    try:
        rows = _csv_rows(stream) if fmt == "csv" else _jsonl_rows(stream)
        for line, record, raw in rows:
            try:
                if isinstance(record, PostError):
                    raise record
                yield post_from_record(record, line)
            except PostError as exc:
                exc.raw = exc.raw or raw
                if errors == "raise":
                    raise
                yield Bad(exc)
    finally:
        if close:
            stream.close()


def _jsonl_rows(stream: IO[str]) -> Iterator[tuple[int, Any, str]]:
    loads = json.loads
    for line, raw in enumerate(stream, start=1):
        if not raw.strip():
            continue
        try:
            yield line, loads(raw), raw.rstrip("\n")
        except json.JSONDecodeError as exc:
            yield line, PostError(line, None, _("not valid JSON ({error})", error=exc.msg)), raw
        except RecursionError:
            yield line, PostError(line, None, _("not valid JSON ({error})", error="too deep")), raw


def _csv_rows(stream: IO[str]) -> Iterator[tuple[int, Any, str]]:
    reader = csv.DictReader(stream)
    for name in REQUIRED:
        if reader.fieldnames is None or name not in reader.fieldnames:
            raise PostError(1, name, _("The CSV header has no {field} column.", field=name))
    for row in reader:
        line = reader.line_num
        record = {
            k: (v if v != "" or k in REQUIRED else None) for k, v in row.items() if k is not None
        }
        if None in row:
            record = dict(record)
        yield line, record, ""


# -- output --------------------------------------------------------------------------------


def screening_dict(s: Screening) -> dict[str, Any]:
    """The output object of one post (cheaper than ``dataclasses.asdict``)."""
    return {
        "id": s.id,
        "political": s.political,
        "partisan": s.partisan,
        "contestants": s.contestants,
        "acts": s.acts,
        "score": s.score,
        "phase": s.phase,
        "findings": [
            {
                "act": f.act,
                "contestant": f.contestant,
                "citations": [
                    {"law": c.law, "article": c.article, "label": c.label} for c in f.citations
                ],
                "evidence": [
                    {"field": e.field, "start": e.start, "end": e.end, "text": e.text}
                    for e in f.evidence
                ],
                "reason": f.reason,
            }
            for f in s.findings
        ],
        "explanation": s.explanation,
        "allowed": s.allowed,
        "rulebook_version": s.rulebook_version,
    }


def _csv_row(s: Screening) -> list[Any]:
    spans = {(e.field, e.start, e.end, e.text) for f in s.findings for e in f.evidence}
    evidence = " | ".join(f"{fld}[{a}:{b}]={t}" for fld, a, b, t in sorted(spans))
    return [
        s.id,
        str(s.political).lower(),
        str(s.partisan).lower(),
        " ".join(s.contestants),
        " ".join(s.acts),
        s.score,
        s.phase or "",
        s.explanation,
        evidence,
    ]


class ScreeningWriter:
    """Writes screenings to a temporary file beside ``path`` and renames it on ``commit``.

    Used as a context manager: leaving the block with an exception removes the temporary file,
    so an interrupted scan never leaves a half-written output. ``path`` ``-`` writes to stdout.
    """

    def __init__(self, path: str | Path, format: str = "jsonl"):
        self.path = None if str(path) == "-" else Path(path)
        self.format = format
        self.count = 0
        self._tmp: str | None = None
        if self.path is None:
            self._fh: IO[str] = sys.stdout
        else:
            directory = self.path.resolve().parent
            fd, self._tmp = tempfile.mkstemp(
                prefix=f".{self.path.name}.", suffix=".tmp", dir=directory
            )
            self._fh = io.open(fd, "w", encoding="utf-8", newline="")  # noqa: SIM115, UP020
        self._csv = csv.writer(self._fh) if format == "csv" else None
        if self._csv is not None:
            self._csv.writerow(CSV_COLUMNS)

    def write(self, s: Screening) -> None:
        if self._csv is not None:
            self._csv.writerow(_csv_row(s))
        else:
            self._fh.write(json.dumps(screening_dict(s), ensure_ascii=False) + "\n")
        self.count += 1

    def write_all(self, items: Iterable[Screening]) -> int:
        for s in items:
            self.write(s)
        return self.count

    def commit(self) -> None:
        if self._tmp is None:
            self._fh.flush()
            return
        self._fh.flush()
        os.fsync(self._fh.fileno())
        self._fh.close()
        os.replace(self._tmp, self.path)  # type: ignore[arg-type]
        self._tmp = None

    def abort(self) -> None:
        if self._tmp is None:
            return
        self._fh.close()
        with contextlib.suppress(FileNotFoundError):
            os.unlink(self._tmp)
        self._tmp = None

    def __enter__(self) -> ScreeningWriter:
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        if exc_type is None:
            self.commit()
        else:
            self.abort()


def write_screenings(items: Iterable[Screening], path: str | Path, format: str = "jsonl") -> int:
    """Write all screenings atomically; returns how many were written."""
    with ScreeningWriter(path, format) as writer:
        return writer.write_all(items)
