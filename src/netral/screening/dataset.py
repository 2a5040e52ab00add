"""The labelled development set (``datasets/posts``): loading splits for training and evaluation.

Uses ``datasets/posts/{train,dev,test}.jsonl`` when the lead has written them; otherwise deals
the raw files out in memory with the same deterministic rule as ``make_splits.py`` (nothing
is written under ``datasets/``).
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from pathlib import Path
from typing import Any

from netral.screening.io import post_from_record
from netral.screening.models import Post

DEAL = ["train", "train", "train", "dev", "train", "test", "train", "train", "dev", "test"]


def _stratum(row: dict[str, Any]) -> tuple[str, bool, str]:
    labels = row["labels"]
    first = labels["contestants"][0].split(":")[0] if labels["contestants"] else "-"
    return row["source"], labels["partisan"], first


def load_split(root: Path | str, name: str) -> list[dict[str, Any]]:
    root = Path(root)
    path = root / f"{name}.jsonl"
    if path.is_file():
        return [
            json.loads(line)
            for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip()
        ]
    rows: list[dict[str, Any]] = []
    for raw in sorted((root / "raw").glob("*.jsonl")):
        for line in raw.read_text(encoding="utf-8").splitlines():
            if line.strip():
                try:
                    rows.append(json.loads(line))
                except json.JSONDecodeError:
                    continue
    groups: dict[tuple, list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        groups[_stratum(row)].append(row)
    out: list[dict[str, Any]] = []
    for key in sorted(groups, key=str):
        ordered = sorted(groups[key], key=lambda p: hashlib.sha1(p["id"].encode()).hexdigest())
        out += [p for i, p in enumerate(ordered) if DEAL[i % len(DEAL)] == name]
    return sorted(out, key=lambda p: p["id"])


def to_post(row: dict[str, Any]) -> Post:
    return post_from_record(row, 0)
