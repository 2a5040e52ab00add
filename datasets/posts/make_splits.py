"""Merge the hand-written posts in raw/ into train/dev/test splits (60/20/20).

Deterministic: within each stratum (source × partisan × first contestant's race) posts are
ordered by a hash of their id and dealt out train, train, train, dev, train, test, train,
train, dev, test — so the split does not depend on file order and every stratum is spread
over the three files. Run after editing raw/: ``python datasets/posts/make_splits.py``.
"""

from __future__ import annotations

import hashlib
import json
import sys
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEAL = ["train", "train", "train", "dev", "train", "test", "train", "train", "dev", "test"]


def stratum(post: dict) -> tuple[str, bool, str]:
    labels = post["labels"]
    first = labels["contestants"][0].split(":")[0] if labels["contestants"] else "-"
    return post["source"], labels["partisan"], first


def main() -> int:
    posts: list[dict] = []
    for path in sorted((HERE / "raw").glob("*.jsonl")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if line.strip():
                try:
                    posts.append(json.loads(line))
                except json.JSONDecodeError as exc:
                    print(f"{path.name}:{number}: {exc}", file=sys.stderr)
                    return 1
    ids = [p["id"] for p in posts]
    if len(ids) != len(set(ids)):
        print("duplicate ids in raw/", file=sys.stderr)
        return 1
    groups: dict[tuple, list[dict]] = defaultdict(list)
    for post in posts:
        groups[stratum(post)].append(post)
    splits: dict[str, list[dict]] = {"train": [], "dev": [], "test": []}
    for key in sorted(groups, key=str):
        ordered = sorted(groups[key], key=lambda p: hashlib.sha1(p["id"].encode()).hexdigest())
        for i, post in enumerate(ordered):
            splits[DEAL[i % len(DEAL)]].append(post)
    for name, rows in splits.items():
        rows.sort(key=lambda p: p["id"])
        text = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
        (HERE / f"{name}.jsonl").write_text(text, encoding="utf-8")
        partisan = sum(r["labels"]["partisan"] for r in rows)
        print(f"{name}: {len(rows)} posts, {partisan} partisan")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
