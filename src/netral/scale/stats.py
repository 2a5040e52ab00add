"""Counts over a scan's Parquet output: by contestant, act, platform, day and agency.

Each part file is counted on its own (a Dask task reading only the columns it needs, so
memory follows one part, not the whole output) and the small per-file tables are summed. A
post counts once under each contestant and each act it names; ``posts`` under ``platform``,
``day`` and ``agency`` add up to the number of posts screened.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import dask
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from netral.i18n import _
from netral.scale.manifest import Manifest

DIMENSIONS = ("contestant", "act", "platform", "day", "agency")
_COLUMNS = ["political", "partisan", "contestants", "acts", "platform", "day", "author"]
Counts = dict[str, dict[Any, list[int]]]


def author_key(author: str) -> str:
    """NIPs are written with spaces or dots; the registry stores the 18 digits."""
    return author.replace(" ", "").replace(".", "").strip()


def part_files(output: Path) -> tuple[list[Path], bool]:
    """The Parquet parts of a scan output (or one Parquet file) and whether it is complete."""
    if output.is_file():
        return [output], True
    manifest = Manifest.load(output)
    if manifest is None:
        files = sorted(output.glob("part-*.parquet"))
        complete = True
    else:
        if manifest.settings.get("output_format") != "parquet":
            raise ValueError(_("{path} holds JSONL output; netral stats reads Parquet output "
                               "(netral scan --format parquet).", path=output))
        files = [output / d["file"] for _i, d in sorted(manifest.done.items())]
        complete = manifest.complete
    if not files:
        raise ValueError(_("{path} holds no Parquet scan output.", path=output))
    return files, complete


def _group(keys: pa.Array, political: pa.Array, partisan: pa.Array) -> dict[Any, list[int]]:
    table = pa.table({"k": keys, "political": political, "partisan": partisan})
    grouped = table.group_by("k").aggregate(
        [("political", "count"), ("political", "sum"), ("partisan", "sum")])
    return {k: [n, int(a or 0), int(b or 0)] for k, n, a, b in zip(
        grouped["k"].to_pylist(), grouped["political_count"].to_pylist(),
        grouped["political_sum"].to_pylist(), grouped["partisan_sum"].to_pylist(), strict=True)}


def count_file(path: Path, agency_of: Mapping[str, str] | None = None) -> Counts:
    """Counts of one part file: ``{dimension: {key: [posts, political, partisan]}}``."""
    t = pq.read_table(path, columns=_COLUMNS)
    political, partisan = t["political"].combine_chunks(), t["partisan"].combine_chunks()
    out: Counts = {}
    for dimension, column in (("contestant", "contestants"), ("act", "acts")):
        lists = t[column].combine_chunks()
        parents = pc.list_parent_indices(lists)
        out[dimension] = _group(pc.list_flatten(lists), political.take(parents),
                                partisan.take(parents))
    out["platform"] = _group(t["platform"].combine_chunks(), political, partisan)
    out["day"] = _group(t["day"].combine_chunks(), political, partisan)
    if agency_of is not None:
        agencies = pa.array([agency_of.get(author_key(a)) if a else None
                             for a in t["author"].to_pylist()], pa.string())
        out["agency"] = _group(agencies, political, partisan)
    return out


def _add(total: Counts, part: Counts) -> Counts:
    for dimension, rows in part.items():
        into = total.setdefault(dimension, {})
        for key, values in rows.items():
            have = into.setdefault(key, [0, 0, 0])
            for i, v in enumerate(values):
                have[i] += v
    return total


def scan_stats(output: Path | str, agency_of: Mapping[str, str] | None = None, *,
               scheduler: Any = "threads") -> dict[str, Any]:
    """Aggregates of a scan's Parquet output, one Dask task per part file.

    ``agency_of`` maps an author (a NIP) to an agency code; without it there is no ``agency``
    dimension. ``scheduler`` is any Dask scheduler (``"threads"``, a distributed ``Client``).
    Returns ``{"posts", "political", "partisan", "complete", "<dimension>": [rows]}``; rows are
    ``{"key", "posts", "political", "partisan"}``, most posts first (days in date order).
    """
    files, complete = part_files(Path(output))
    tasks = [dask.delayed(count_file)(path, agency_of) for path in files]
    total: Counts = {}
    for part in dask.compute(*tasks, scheduler=scheduler):
        _add(total, part)
    platform = total.get("platform", {})
    result: dict[str, Any] = {
        "posts": sum(v[0] for v in platform.values()),
        "political": sum(v[1] for v in platform.values()),
        "partisan": sum(v[2] for v in platform.values()),
        "complete": complete,
    }
    for dimension in DIMENSIONS:
        if dimension not in total:
            continue
        rows = [{"key": k.isoformat() if isinstance(k, dt.date) else k, "posts": v[0],
                 "political": v[1], "partisan": v[2]} for k, v in total[dimension].items()]
        if dimension == "day":
            rows.sort(key=lambda r: (r["key"] is None, r["key"] or ""))
        else:
            rows.sort(key=lambda r: (-r["posts"], r["key"] is None, r["key"] or ""))
        result[dimension] = rows
    return result
