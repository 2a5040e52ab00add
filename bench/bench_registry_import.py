"""Registry import speed and memory: N generated ASN rows into a fresh SQLite database.

    python bench/bench_registry_import.py [--rows 1000000]

Prints rows/s and resident memory at 250k/500k/1M rows. Target: the national 4.3 M rows
in under 2 minutes (>= 36,000 rows/s) with memory flat as rows grow.
"""

from __future__ import annotations

import argparse
import csv
import random
import resource
import tempfile
import time
from pathlib import Path

import psutil

from netral.cases.registry import bundled_agencies_csv
from netral.cases.roles import Actor, Role
from netral.rulebook import load_rulebook
from netral.storage.db import make_engine
from netral.storage.migrate import upgrade
from netral.storage.open import open_service

FIRST = ["Budi", "Siti", "Andi", "Rina", "Agus", "Dewi", "Hendra", "Nur", "Rahmat", "Fitri"]
LAST = ["Santoso", "Rahmawati", "Pratama", "Marlina", "Saputra", "Lestari", "Hidayat", "Sari"]
POSITIONS = ["Analis Kepegawaian", "Guru Ahli Pertama", "Perawat Terampil", "Pranata Komputer",
             "Kepala Seksi", "Camat", "Penyuluh Pertanian", "Arsiparis"]
UNITS = [("64-DISDIK", "64"), ("64-DINKES", "64"), ("64.72-DISDIK", "64.72"),
         ("64.71-DKK", "64.71"), ("64.02-DISDIKBUD", "64.02"), ("64.72-KEC-SU", "64.72.01")]


def generate(path: Path, rows: int, seed: int = 6) -> None:
    """Unique valid NIPs: the sequence number runs 001-999 within each birth/appointment key."""
    rnd = random.Random(seed)
    with path.open("w", newline="") as fh:
        out = csv.writer(fh)
        out.writerow(["nip", "name", "position", "agency_code", "region_code"])
        for i in range(rows):
            key, seq = divmod(i, 999)
            year = 1960 + key % 40
            month = 1 + (key // 40) % 12
            day = 1 + (key // 480) % 28
            appointed = year + 20 + (key // 13440) % 20
            nip = (f"{year:04d}{month:02d}{day:02d}{appointed:04d}{1 + key % 12:02d}"
                   f"{1 + i % 2}{seq + 1:03d}")
            unit, region = UNITS[i % len(UNITS)]
            out.writerow([nip, f"{rnd.choice(FIRST)} {rnd.choice(LAST)}",
                          rnd.choice(POSITIONS), unit, region])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=1_000_000)
    args = parser.parse_args()
    proc = psutil.Process()
    with tempfile.TemporaryDirectory() as tmp:
        directory = Path(tmp)
        csv_path = directory / "asn.csv"
        t0 = time.perf_counter()
        generate(csv_path, args.rows)
        print(f"generated {args.rows:,} rows ({csv_path.stat().st_size / 1e6:.0f} MB) "
              f"in {time.perf_counter() - t0:.1f} s")
        engine = make_engine(f"sqlite:///{directory / 'bench.sqlite3'}")
        upgrade(engine)
        service = open_service(load_rulebook(), engine=engine, directory=directory)
        admin = Actor("bench", Role.ADMIN)
        service.import_agencies(admin, bundled_agencies_csv())
        marks = {250_000, 500_000, 1_000_000, 2_000_000, 4_300_000}
        start = time.perf_counter()
        cpu_start = time.process_time()
        rss_start = proc.memory_info().rss

        def progress(done: int) -> None:
            if done in marks:
                elapsed = time.perf_counter() - start
                print(f"  {done:>9,} rows  {done / elapsed:>9,.0f} rows/s  "
                      f"RSS {proc.memory_info().rss / 2**20:6.1f} MiB", flush=True)

        n = service.import_registry(admin, csv_path, progress=progress)
        elapsed = time.perf_counter() - start
        cpu = time.process_time() - cpu_start
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"imported {n:,} rows in {elapsed:.1f} s: {n / elapsed:,.0f} rows/s; "
              f"RSS before {rss_start / 2**20:.1f} MiB, peak {peak:.1f} MiB")
        # On a shared machine wall time includes waiting for a core; CPU time does not.
        print(f"CPU time {cpu:.1f} s: {n / cpu:,.0f} rows per CPU-second")
        print(f"4.3 M rows at this rate: {4_300_000 / (n / elapsed):.0f} s (target < 120 s)")


if __name__ == "__main__":
    main()
