"""Speed and memory of screening 100,000 posts on one core, next to a TF-IDF + LR baseline.

    python bench/bench_scan.py [--n 100000] [--election-share 0.1]

Two mixes, both printed:

- ``stream``: what a national feed of ASN accounts looks like outside a campaign rally: mostly
  everyday chatter (NusaX-Senti Indonesian sentences from /work/shared, all splits) with
  ``--election-share`` (default 10%) of posts drawn from the labelled set (demo + the train
  split's posts of teams a to j, political and not). The headline figure.
- ``labeled``: those labelled posts only (every post election-flavoured), the worst case for
  the prefilter.

The labelled sample is fixed (teams written later are not added to it), so figures of
successive rounds compare.

Then the latency of one ``screen`` call per labelled post (median, p95, p99).

Prints posts/s (wall clock, and per CPU-second of this process, which is the fair one-core
figure when the 2 shared cores are busy) and peak RSS for Netral's ``Screener.screen_many``
and, on the stream mix, for a plain scikit-learn TF-IDF (word 1-2 grams) + logistic
regression baseline in the same run.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import resource
import time
from dataclasses import replace
from pathlib import Path

from netral.rulebook import load_rulebook
from netral.screening import Post, Screener
from netral.screening.dataset import load_split, to_post
from netral.screening.io import post_from_record

ROOT = Path(__file__).resolve().parents[1]


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


NUSAX = ROOT.parent / "shared" / "data" / "nusax-senti-id"  # ../shared beside the checkout
BENCH_SOURCES = {f"team-{t}" for t in "abcdefghij"}  # fixed: see the module docstring


def labeled() -> list:
    base = [
        post_from_record(json.loads(line), i)
        for i, line in enumerate(
            (ROOT / "demo" / "posts.jsonl").read_text(encoding="utf-8").splitlines(), 1
        )
    ]
    train = load_split(ROOT / "datasets" / "posts", "train")
    return base + [to_post(r) for r in train if r["source"] in BENCH_SOURCES]


def chatter() -> list:
    out = []
    for name in ("train.csv", "valid.csv", "test.csv"):
        path = NUSAX / name
        if path.is_file():
            with path.open(encoding="utf-8") as fh:
                out += [Post(id=f"x{row['id']}", text=row["text"]) for row in csv.DictReader(fh)]
    return out


def corpus(n: int, election_share: float | None) -> list:
    election = labeled()
    if election_share is None:
        return [replace(election[i % len(election)], id=str(i)) for i in range(n)]
    everyday = chatter()
    rng = random.Random(13)
    out = []
    for i in range(n):
        pool = election if rng.random() < election_share or not everyday else everyday
        out.append(replace(pool[rng.randrange(len(pool))], id=str(i)))
    return out


def run(name: str, posts: list, screener: Screener) -> None:
    t, c = time.perf_counter(), time.process_time()
    partisan = sum(s.partisan for s in screener.screen_many(posts))
    dt, dc = time.perf_counter() - t, time.process_time() - c
    print(
        f"netral   {len(posts) / dt:>10,.0f} posts/s wall, {len(posts) / dc:,.0f} per CPU-second"
        f"  peak RSS {peak_mb():.0f} MB  ({partisan} partisan; mix={name})"
    )


def latency(posts: list, screener: Screener) -> None:
    """One ``screen`` call per labelled post, as the web app's self-check and API make them."""
    times = []
    for post in posts:
        t = time.perf_counter()
        screener.screen(post)
        times.append(time.perf_counter() - t)
    times.sort()
    at = [times[min(len(times) - 1, int(q * len(times)))] * 1e6 for q in (0.5, 0.95, 0.99)]
    print(
        f"latency  one screen() per labelled post ({len(times)}): median {at[0]:,.0f} µs, "
        f"p95 {at[1]:,.0f} µs, p99 {at[2]:,.0f} µs"
    )


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=100_000)
    ap.add_argument("--election-share", type=float, default=0.1)
    args = ap.parse_args()
    posts = corpus(args.n, args.election_share)
    chat = len(chatter())
    screener = Screener(load_rulebook())
    print(
        f"posts={len(posts)} model={'on' if screener.model else 'off'} "
        f"rss_start={peak_mb():.0f} MB\n"
        f"mix stream : {1 - args.election_share:.0%} everyday chatter (NusaX-Senti, {chat} "
        f"sentences) + {args.election_share:.0%} labelled posts (demo + train split, teams a-j)\n"
        f"mix labeled: those labelled posts only ({len(labeled())} posts, all election-flavoured)"
    )
    run("stream", posts, screener)
    run("labeled", corpus(args.n, None), screener)
    latency(labeled(), screener)

    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    train = load_split(ROOT / "datasets" / "posts", "train")
    vec = TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True)
    x = vec.fit_transform([r["text"] + " " + (r.get("target_text") or "") for r in train])
    clf = LogisticRegression(max_iter=1000).fit(x, [r["labels"]["partisan"] for r in train])
    texts = [p.text + " " + (p.target_text or "") for p in posts]
    t, c = time.perf_counter(), time.process_time()
    flagged = 0
    for i in range(0, len(texts), 5000):
        flagged += int(clf.predict(vec.transform(texts[i : i + 5000])).sum())
    dt, dc = time.perf_counter() - t, time.process_time() - c
    print(
        f"baseline {len(posts) / dt:>10,.0f} posts/s wall, {len(posts) / dc:,.0f} per CPU-second"
        f"  peak RSS {peak_mb():.0f} MB  (mix=stream, "
        f"{flagged} partisan; TF-IDF word 1-2 grams + logistic regression)"
    )


if __name__ == "__main__":
    main()
