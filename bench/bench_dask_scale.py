"""Throughput and memory of ``netral scan --engine dask`` on generated posts.

Scans N generated posts (demo posts re-mixed, fresh ids; default 1,000,000) with 1 and with 2
local workers and prints posts/s for each, the scaling ratio (target >= 1.7 on 2 cores), and
each run's peak resident memory per worker process. A second, smaller input scanned with 2
workers shows whether that peak stays flat as the input grows (it must: partitions stream).
Cluster start-up is not timed; planning, screening and committing are.

    nice python bench/bench_dask_scale.py                 # 1,000,000 and 250,000 posts
    python bench/bench_dask_scale.py --posts 100000 --small 25000
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import tempfile
import time
from pathlib import Path

from netral.rulebook import load_rulebook
from netral.scale import ScanSettings, dask_client, run_scan
from netral.scale.synthetic import generate_posts, read_templates, write_jsonl

DEMO = Path(__file__).resolve().parents[1] / "demo" / "posts.jsonl"
MB = 1024 * 1024


def scan_once(posts: Path, out: Path, workers: int, partition_size: int, fmt: str,
              rulebook) -> dict:
    shutil.rmtree(out, ignore_errors=True)
    with dask_client(workers) as client:
        client.run(lambda: __import__("netral.screening"))  # warm imports, not timed
        result = run_scan([str(posts)], out, rulebook, ScanSettings(fmt, partition_size),
                          client=client)
    peaks = sorted(result.worker_peak_rss.values())
    return {"workers": workers, "posts": result.rows, "partitions": result.partitions,
            "seconds": round(result.seconds, 1),
            "posts_per_s": round(result.posts_per_second),
            "cores_used": round(result.cores_used, 2),
            "posts_per_cpu_s": round(result.rows / result.cpu_seconds),
            "peak_rss_mb_per_worker": [round(p / MB) for p in peaks]}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--posts", type=int, default=1_000_000)
    parser.add_argument("--small", type=int, default=250_000,
                        help="a smaller input for the memory comparison (0: skip)")
    parser.add_argument("--partition-size", type=int, default=20_000)
    parser.add_argument("--format", default="parquet", choices=["parquet", "jsonl"])
    parser.add_argument("--dir", type=Path, default=None, help="work directory (default: tmp)")
    args = parser.parse_args()

    work = args.dir or Path(tempfile.mkdtemp(prefix="netral-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    rulebook = load_rulebook()
    templates = read_templates(DEMO)
    big = work / f"posts-{args.posts}.jsonl"
    t0 = time.perf_counter()
    write_jsonl(generate_posts(templates, args.posts, seed=1), big)
    print(f"generated {args.posts:,} posts ({big.stat().st_size / MB:.0f} MB) "
          f"in {time.perf_counter() - t0:.0f} s", flush=True)

    runs = []
    for workers in (1, 2):
        run = scan_once(big, work / f"out-{workers}", workers, args.partition_size, args.format,
                        rulebook)
        runs.append(run)
        print(json.dumps(run), flush=True)
    if args.small:
        small = work / f"posts-{args.small}.jsonl"
        write_jsonl(generate_posts(templates, args.small, seed=1), small)
        run = scan_once(small, work / "out-small", 2, args.partition_size, args.format,
                        rulebook)
        runs.append(run)
        print(json.dumps(run), flush=True)

    one, two = runs[0], runs[1]
    ratio = two["posts_per_s"] / one["posts_per_s"]
    print()
    print(f"{'input':>10} {'workers':>7} {'posts/s':>9} {'cores got':>9} "
          f"{'posts/CPU-s':>11} {'peak MB/worker':>14}")
    for run in runs:
        print(f"{run['posts']:>10,} {run['workers']:>7} {run['posts_per_s']:>9,} "
              f"{run['cores_used']:>9} {run['posts_per_cpu_s']:>11,} "
              f"{max(run['peak_rss_mb_per_worker']):>14}")
    print(f"scaling 1 -> 2 workers: {ratio:.2f}x (target >= 1.7)")
    # On a machine shared with other work the workers get less than a core each; the
    # per-core figure shows whether the engine itself scales.
    per_core = (two["posts_per_s"] / two["cores_used"]) / (one["posts_per_s"] / one["cores_used"])
    print(f"per core obtained, 2 vs 1 workers: {per_core:.2f} (1.0 = linear); "
          f"cores obtained: {one['cores_used']} and {two['cores_used']}")
    print(f"client peak RSS: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024} MB")
    if args.dir is None:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
