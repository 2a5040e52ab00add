"""Screening one partition into its own output file, committed by rename.

JSONL parts are written by the screening room's ``ScreeningWriter``, so concatenating them in
order gives, byte for byte, what ``netral scan --engine local`` writes. Parquet parts flatten a
:class:`Screening` (``findings`` as a JSON string) and keep the post's platform, action, author
and day for ``netral stats``.
"""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from netral.scale.manifest import file_sha256
from netral.scale.partitions import Partition, read_partition
from netral.screening import Bad, Post, Screener, Screening, ScreeningWriter, screening_dict

OUTPUT_FORMATS = ("parquet", "jsonl")
EXTENSIONS = {"parquet": "parquet", "jsonl": "jsonl"}
ROW_GROUP = 10_000

SCHEMA = pa.schema([
    ("id", pa.string()),
    ("political", pa.bool_()),
    ("partisan", pa.bool_()),
    ("contestants", pa.list_(pa.string())),
    ("acts", pa.list_(pa.string())),
    ("score", pa.float64()),
    ("phase", pa.string()),
    ("findings", pa.string()),
    ("explanation", pa.string()),
    ("allowed", pa.list_(pa.string())),
    ("rulebook_version", pa.string()),
    ("platform", pa.string()),
    ("action", pa.string()),
    ("author", pa.string()),
    ("day", pa.date32()),
])


class ParquetPartWriter:
    """Row groups of ``ROW_GROUP`` rows streamed to ``.<name>.tmp``, renamed on success."""

    def __init__(self, path: Path):
        self.path = path
        self.tmp = path.with_name(f".{path.name}.tmp")
        self._writer = pq.ParquetWriter(self.tmp, SCHEMA, compression="zstd")
        self._rows: dict[str, list[Any]] = {name: [] for name in SCHEMA.names}
        self.count = 0

    def write(self, post: Post, s: Screening) -> None:
        d = screening_dict(s)
        rows = self._rows
        for name in ("id", "political", "partisan", "contestants", "acts", "score", "phase",
                     "explanation", "allowed", "rulebook_version"):
            rows[name].append(d[name])
        rows["findings"].append(json.dumps(d["findings"], ensure_ascii=False))
        rows["platform"].append(post.platform)
        rows["action"].append(str(post.action))
        rows["author"].append(post.author)
        rows["day"].append(post.published_on)
        self.count += 1
        if len(rows["id"]) >= ROW_GROUP:
            self._flush()

    def _flush(self) -> None:
        if self._rows["id"]:
            self._writer.write_table(pa.table(self._rows, schema=SCHEMA))
            for column in self._rows.values():
                column.clear()

    def __enter__(self) -> ParquetPartWriter:
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        if exc_type is None:
            self._flush()
            self._writer.close()
            with open(self.tmp, "rb+") as fh:
                os.fsync(fh.fileno())
            os.replace(self.tmp, self.path)
        else:
            self._writer.close()
            with contextlib.suppress(FileNotFoundError):
                os.unlink(self.tmp)


def part_path(directory: Path, p: Partition, output_format: str) -> Path:
    return directory / f"{p.name}.{EXTENSIONS[output_format]}"


def _screened(p: Partition, screener: Screener, on_error: str,
              bad: list[dict[str, Any]]) -> Iterator[tuple[Post, Screening]]:
    for item in read_partition(p, "raise" if on_error == "stop" else "collect"):
        if isinstance(item, Bad):
            bad.append({"file": p.source, **item.error.to_dict()})
            continue
        yield item, screener.screen(item)


def write_partition(p: Partition, screener: Screener, directory: Path, output_format: str,
                    on_error: str = "stop") -> dict[str, Any]:
    """Screen ``p`` into ``part-NNNNN.<format>``; returns what the manifest records."""
    target = part_path(directory, p, output_format)
    bad: list[dict[str, Any]] = []
    counts = {"rows": 0, "partisan": 0, "political": 0}
    if output_format == "jsonl":
        with ScreeningWriter(target, "jsonl") as jw:
            for _post, s in _screened(p, screener, on_error, bad):
                jw.write(s)
                counts["rows"] += 1
                counts["partisan"] += s.partisan
                counts["political"] += s.political
    else:
        with ParquetPartWriter(target) as pw:
            for post, s in _screened(p, screener, on_error, bad):
                pw.write(post, s)
                counts["rows"] += 1
                counts["partisan"] += s.partisan
                counts["political"] += s.political
    errors_file = None
    if bad:
        errors_path = directory / f"errors-{p.name}.jsonl"  # not part-*: cat part-* stays clean
        tmp = errors_path.with_name(f".{errors_path.name}.tmp")
        with open(tmp, "w", encoding="utf-8") as fh:
            for e in bad:
                fh.write(json.dumps(e, ensure_ascii=False) + "\n")
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, errors_path)
        errors_file = errors_path.name
    return {"file": target.name, **counts, "errors": len(bad), "errors_file": errors_file,
            "bytes": target.stat().st_size, "sha256": file_sha256(target)}
