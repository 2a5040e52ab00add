"""Inputs cut into partitions a worker can read alone, reporting the true file line numbers.

Plain JSONL and CSV files are cut at line (record) boundaries and a partition is a byte range:
the worker seeks to it and reads nothing else. Parquet files are cut into row ranges read
through the row groups that hold them. Compressed files (``.gz``, ``.zst``) cannot be seeked,
so the planner streams them once and spools each partition, re-compressed with zstd level 1,
under the output's ``_spool/`` directory: one sequential decompression instead of every task
re-reading the prefix it skips, at the cost of temporary disk (deleted when the scan ends).

Rows are never validated here: each partition goes through the screening room's
``read_posts``/``post_from_record``, and only the line numbers are shifted to the file's.
"""

from __future__ import annotations

import csv
import datetime as dt
import glob
import gzip
import io
import itertools
import json
import os
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, fields
from pathlib import Path
from typing import IO, Any

import zstandard

from netral.i18n import _
from netral.screening import Bad, Post, PostError, post_from_record, read_posts

FORMATS = ("jsonl", "csv", "parquet")
_POST_FIELDS = tuple(f.name for f in fields(Post))
_BLOCK = 1 << 23


class ScanInputError(ValueError):
    """A bad input: names the file, the 1-based line (row, for Parquet) and the field.

    Built from plain values so it survives the trip from a Dask worker back to the client.
    """

    def __init__(self, path: str, line: int | None, field: str | None, problem: str,
                 raw: str = ""):
        super().__init__(path, line, field, problem, raw)
        self.path, self.line, self.field, self.problem, self.raw = path, line, field, problem, raw

    @property
    def message(self) -> str:
        if self.line is None:
            return self.problem
        return str(PostError(self.line, self.field, self.problem))

    def __str__(self) -> str:
        return _("{path}: {detail}", path=self.path, detail=self.message)


@dataclass(frozen=True, slots=True)
class InputFile:
    path: str
    format: str
    compression: str | None

    def fingerprint(self) -> dict[str, Any]:
        st = os.stat(self.path)
        return {"path": self.path, "format": self.format, "compression": self.compression,
                "size": st.st_size, "mtime_ns": st.st_mtime_ns}


@dataclass(frozen=True, slots=True)
class Partition:
    """Rows ``first_line``… of ``source``; read from ``path`` (the source, or a spool file).

    ``start``/``end`` are byte offsets for JSONL and CSV, row offsets for Parquet; a spooled
    partition (``codec="zst"``) is the whole spool file. ``header`` is a CSV file's header.
    """

    index: int
    source: str
    format: str
    path: str
    start: int
    end: int
    first_line: int
    rows: int
    codec: str | None = None
    header: str | None = None

    @property
    def name(self) -> str:
        return f"part-{self.index:05d}"

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Partition:
        return cls(**data)


# -- inputs ---------------------------------------------------------------------------------

def detect(path: str) -> InputFile:
    name = path.lower()
    compression = None
    for suffix, codec in ((".gz", "gz"), (".zst", "zst")):
        if name.endswith(suffix):
            compression, name = codec, name[: -len(suffix)]
    if name.endswith((".parquet", ".pq")):
        fmt = "parquet"
        if compression:
            raise ScanInputError(path, None, None, _(
                "Parquet files are compressed inside; do not wrap them in .gz or .zst."))
    elif name.endswith(".csv"):
        fmt = "csv"
    else:
        fmt = "jsonl"
    return InputFile(path, fmt, compression)


def expand_inputs(patterns: Iterable[str]) -> list[InputFile]:
    """Files and globs, in the order given (each glob sorted); duplicates kept once."""
    seen: set[str] = set()
    out: list[InputFile] = []
    for pattern in patterns:
        if pattern == "-":
            raise ScanInputError(pattern, None, None, _(
                "The dask engine reads files, not stdin."))
        matches = [pattern] if os.path.isfile(pattern) else sorted(
            m for m in glob.glob(pattern, recursive=True) if os.path.isfile(m))
        if not matches:
            raise ScanInputError(pattern, None, None, _("no such file"))
        for match in matches:
            resolved = str(Path(match).resolve())
            if resolved not in seen:
                seen.add(resolved)
                out.append(detect(resolved))
    return out


# -- planning -------------------------------------------------------------------------------

def plan_partitions(inputs: Iterable[InputFile], size: int,
                    spool_dir: Path) -> Iterator[Partition]:
    """Partitions of at most ``size`` rows, numbered across all inputs in order."""
    if size < 1:
        raise ValueError("partition size must be positive")
    index = itertools.count()
    for item in inputs:
        if item.format == "parquet":
            cuts = _parquet_cuts(item, size)
        elif item.compression:
            yield from _spooled_cuts(item, size, spool_dir, index)
            continue
        elif item.format == "csv":
            cuts = _csv_cuts(item, size)
        else:
            cuts = _jsonl_cuts(item, size)
        for start, end, first_line, rows, header in cuts:
            yield Partition(next(index), item.path, item.format, item.path, start, end,
                            first_line, rows, None, header)


def _jsonl_cuts(item: InputFile, size: int) -> Iterator[tuple[int, int, int, int, None]]:
    """Byte ranges of ``size`` lines each: one pass counting newlines in large blocks."""
    with open(item.path, "rb") as fh:
        pos = start = 0
        line = in_part = 0
        last = b"\n"
        while block := fh.read(_BLOCK):
            i = 0
            while True:
                need = size - in_part
                if block.count(b"\n", i) < need:
                    in_part += block.count(b"\n", i)
                    break
                for _n in range(need):
                    i = block.index(b"\n", i) + 1
                yield start, pos + i, line + 1, size, None
                start, line, in_part = pos + i, line + size, 0
            pos += len(block)
            last = block[-1:]
        rows = in_part + (last != b"\n")
        if pos > start and rows:
            yield start, pos, line + 1, rows, None


def _decode(raw: bytes, path: str, line: int) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ScanInputError(path, line, None, _("not UTF-8 text ({error})", error=exc.reason)
                             ) from None


class _CsvRecords:
    """CSV records with their raw bytes, cut by the csv module itself (quoted newlines)."""

    def __init__(self, lines: Iterable[bytes], path: str):
        self.lines, self.path = lines, path
        self.buffer: list[bytes] = []
        self.line = 0

    def _feed(self) -> Iterator[str]:
        for raw in self.lines:
            self.line += 1
            if self.line == 1 and raw.startswith(b"\xef\xbb\xbf"):
                self.buffer.append(raw)
                yield _decode(raw[3:], self.path, 1)
                continue
            self.buffer.append(raw)
            yield _decode(raw, self.path, self.line)

    def __iter__(self) -> Iterator[tuple[int, bytes]]:
        """(first physical line, raw bytes) of each record, header included."""
        reader = csv.reader(self._feed())
        first = 1
        try:
            for _record in reader:
                raw = b"".join(self.buffer)
                self.buffer.clear()
                yield first, raw
                first = self.line + 1
        except csv.Error as exc:
            raise ScanInputError(self.path, self.line, None, str(exc)) from None
        if self.buffer:  # an unterminated quote swallowed the rest: let the worker say so
            yield first, b"".join(self.buffer)


def _header_text(raw: bytes) -> str:
    return raw.removeprefix(b"\xef\xbb\xbf").decode("utf-8")


def _csv_cuts(item: InputFile, size: int) -> Iterator[tuple[int, int, int, int, str | None]]:
    with open(item.path, "rb") as fh:
        records = iter(_CsvRecords(fh, item.path))
        head = next(records, None)
        if head is None:
            return
        header = _header_text(head[1])
        pos = len(head[1])
        start, first_line, rows = pos, None, 0
        for line, raw in records:
            if first_line is None:
                first_line = line
            pos += len(raw)
            rows += 1
            if rows == size:
                yield start, pos, first_line, rows, header
                start, first_line, rows = pos, None, 0
        if rows:
            yield start, pos, first_line or 1, rows, header


def _parquet_cuts(item: InputFile, size: int) -> Iterator[tuple[int, int, int, int, None]]:
    import pyarrow.parquet as pq

    try:
        total = pq.ParquetFile(item.path).metadata.num_rows
    except Exception as exc:  # pyarrow raises several types for a file that is not Parquet
        raise ScanInputError(item.path, None, None, _("not a Parquet file ({error})",
                                                      error=exc)) from None
    for start in range(0, total, size):
        end = min(total, start + size)
        yield start, end, start + 1, end - start, None


def open_binary(path: str, compression: str | None) -> IO[bytes]:
    if compression == "gz":
        return gzip.open(path, "rb")  # type: ignore[return-value]
    if compression == "zst":
        reader = zstandard.ZstdDecompressor().stream_reader(open(path, "rb"),  # noqa: SIM115
                                                           read_across_frames=True)
        return io.BufferedReader(reader)  # type: ignore[arg-type]
    return open(path, "rb")


class _Spool:
    """One spooled partition being written: zstd level 1, temporary name, renamed when full."""

    def __init__(self, path: Path):
        self.path = path
        self.tmp = path.with_name(path.name + ".tmp")
        self._fh = open(self.tmp, "wb")  # noqa: SIM115 (closed in close())
        self._w = zstandard.ZstdCompressor(level=1).stream_writer(self._fh, closefd=False)

    def write(self, data: bytes) -> None:
        self._w.write(data)

    def close(self) -> None:
        self._w.close()
        self._fh.flush()
        os.fsync(self._fh.fileno())
        self._fh.close()
        os.replace(self.tmp, self.path)


def _spooled_cuts(item: InputFile, size: int, spool_dir: Path,
                  index: Iterator[int]) -> Iterator[Partition]:
    spool_dir.mkdir(parents=True, exist_ok=True)
    try:
        with open_binary(item.path, item.compression) as fh:
            if item.format == "csv":
                records: Iterator[tuple[int, bytes]] = iter(_CsvRecords(fh, item.path))
                head = next(records, None)
                if head is None:
                    return
                header: str | None = _header_text(head[1])
            else:
                records = ((n, raw) for n, raw in enumerate(fh, start=1))
                header = None
            while True:
                chunk = list(itertools.islice(records, size))
                if not chunk:
                    return
                i = next(index)
                spool = _Spool(spool_dir / f"part-{i:05d}.{item.format}.zst")
                for _line, raw in chunk:
                    spool.write(raw)
                spool.close()
                yield Partition(i, item.path, item.format, str(spool.path), 0, 0, chunk[0][0],
                                len(chunk), "zst", header)
    except (OSError, EOFError, zstandard.ZstdError) as exc:
        raise ScanInputError(item.path, None, None, _(
            "cannot decompress ({error})", error=exc)) from None


# -- reading one partition ------------------------------------------------------------------

class _Bounded(io.RawIOBase):
    """``length`` bytes of an open file from its current position."""

    def __init__(self, fh: IO[bytes], length: int):
        self._fh, self._left = fh, length

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        n = min(len(buffer), self._left)
        if n <= 0:
            return 0
        got = self._fh.readinto(memoryview(buffer)[:n])  # type: ignore[attr-defined]
        self._left -= got
        return got

    def close(self) -> None:
        self._fh.close()
        super().close()


def _text(p: Partition) -> io.TextIOWrapper:
    if p.codec == "zst":
        raw: IO[bytes] = open_binary(p.path, "zst")
    else:
        fh = open(p.path, "rb")  # noqa: SIM115 (closed with the text wrapper)
        fh.seek(p.start)
        raw = io.BufferedReader(_Bounded(fh, p.end - p.start), buffer_size=1 << 20)
    encoding = "utf-8-sig" if p.first_line == 1 else "utf-8"
    return io.TextIOWrapper(raw, encoding=encoding, newline="")


def read_partition(p: Partition, errors: str = "raise") -> Iterator[Post | Bad]:
    """The posts of one partition, like ``read_posts`` on the whole file would give them."""
    if p.format == "parquet":
        yield from _parquet_posts(p, errors)
        return
    with _text(p) as text:
        if p.format == "csv":
            # The header goes in front as one item, so the reader's line_num counts it as 1.
            stream: Any = itertools.chain([p.header or ""], text)
            shift = p.first_line - 2
        else:
            stream, shift = text, p.first_line - 1

        def true_line(line: int) -> int:
            return line + shift if (p.format != "csv" or line > 1) else line

        try:
            for item in read_posts(stream, format=p.format, errors=errors):
                if isinstance(item, Bad):
                    e = item.error
                    item = Bad(PostError(true_line(e.line), e.field, e.problem, e.raw))
                yield item
        except PostError as exc:
            raise ScanInputError(p.source, true_line(exc.line), exc.field, exc.problem,
                                 exc.raw) from None
        except UnicodeDecodeError as exc:
            raise ScanInputError(p.source, p.first_line, None, _(
                "not UTF-8 text ({error})", error=exc.reason)) from None


def _plain(value: Any) -> Any:
    return value.isoformat() if isinstance(value, dt.date) else value


def _parquet_posts(p: Partition, errors: str) -> Iterator[Post | Bad]:
    import pyarrow.parquet as pq

    pf = pq.ParquetFile(p.path)
    groups, row, first = [], 0, None
    for g in range(pf.metadata.num_row_groups):
        n = pf.metadata.row_group(g).num_rows
        if row + n > p.start and row < p.end:
            groups.append(g)
            first = row if first is None else first
        row += n
    columns = [c for c in pf.schema_arrow.names if c in _POST_FIELDS]
    row = first or 0
    for batch in pf.iter_batches(batch_size=4096, row_groups=groups, columns=columns):
        for record in batch.to_pylist():
            row += 1
            if row <= p.start or row > p.end:
                continue
            record = {k: _plain(v) for k, v in record.items()}
            try:
                yield post_from_record(record, row)
            except PostError as exc:
                raw = json.dumps(record, ensure_ascii=False, default=str)
                if errors == "raise":
                    raise ScanInputError(p.source, row, exc.field, exc.problem, raw) from None
                yield Bad(PostError(row, exc.field, exc.problem, raw))
