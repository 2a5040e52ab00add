"""Generated post streams for load tests: real Indonesian posts, re-mixed, with fresh ids.

Each generated post is one of the template posts (e.g. ``demo/posts.jsonl``) with a new id,
an author drawn from a pool of NIPs, another platform and day in the same season, and now and
then an opener or closer people really add (a greeting, a forward note, a hashtag), so the
stream is not the same thirty strings over and over. Deterministic for a given seed.
"""

from __future__ import annotations

import datetime as dt
import json
import random
from collections.abc import Iterator
from pathlib import Path
from typing import Any

OPENERS = ("", "", "", "Selamat pagi rekan-rekan, ", "Info dari grup sebelah: ",
           "Numpang share ya. ", "Assalamualaikum bapak ibu, ", "Sekadar mengingatkan, ",
           "Dari grup WA kantor: ", "Mohon izin admin, ")
CLOSERS = ("", "", "", " Terima kasih.", " Mohon disebarkan.", " Salam sehat semua 🙏",
           " cc @humas_pemprov", " #InfoKaltim", " Semangat pagi!", " Tabik.")
PLATFORMS = ("facebook", "instagram", "x", "whatsapp", "tiktok", "youtube")


def read_templates(path: Path | str) -> list[dict[str, Any]]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def author_pool(size: int = 500, seed: int = 7) -> list[str]:
    """Plausible 18-digit NIPs: birth date, appointment month, gender, sequence."""
    rng = random.Random(seed)
    pool = []
    for i in range(size):
        birth = dt.date(1965, 1, 1) + dt.timedelta(days=rng.randrange(0, 365 * 30))
        appointed = birth.year + rng.randrange(22, 30)
        pool.append(f"{birth:%Y%m%d}{appointed:04d}{rng.randrange(1, 13):02d}"
                    f"{rng.choice('12')}{i % 999 + 1:03d}")
    return pool


def generate_posts(templates: list[dict[str, Any]], n: int, seed: int = 2024,
                   authors: list[str] | None = None) -> Iterator[dict[str, Any]]:
    rng = random.Random(seed)
    pool = authors if authors is not None else author_pool()
    season = dt.date(2023, 11, 28)
    for i in range(n):
        base = templates[rng.randrange(len(templates))]
        post = dict(base)
        post["id"] = f"g{seed}-{i:08d}"
        text = post.get("text") or ""
        if text and rng.random() < 0.5:
            text = rng.choice(OPENERS) + text + rng.choice(CLOSERS)
        post["text"] = text
        if rng.random() < 0.3:
            post["platform"] = rng.choice(PLATFORMS)
        post["author"] = rng.choice(pool) if rng.random() < 0.9 else None
        if post.get("published_at") and rng.random() < 0.5:
            post["published_at"] = (season + dt.timedelta(days=rng.randrange(0, 365))).isoformat()
        yield post


def write_jsonl(posts: Iterator[dict[str, Any]], path: Path | str) -> int:
    n = 0
    with open(path, "w", encoding="utf-8") as fh:
        for post in posts:
            fh.write(json.dumps(post, ensure_ascii=False) + "\n")
            n += 1
    return n
