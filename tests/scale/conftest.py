"""Generated Indonesian posts in every input form, the local engine's output, one Dask cluster."""

from __future__ import annotations

import csv
import gzip
import json
import shutil
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
import zstandard
from typer.testing import CliRunner

from netral.cli.main import app
from netral.scale import ScanSettings, dask_client
from netral.scale.synthetic import generate_posts, read_templates, write_jsonl
from netral.screening.stance.classifier import default_model_path

REPO = Path(__file__).resolve().parents[2]
DEMO = REPO / "demo" / "posts.jsonl"
FIELDS = ("id", "text", "platform", "action", "target_text", "author", "published_at")
runner = CliRunner()


def local_scan(path: Path, out: Path, *extra: str) -> bytes:
    """What ``netral scan --engine local`` writes for ``path``."""
    result = runner.invoke(app, ["--lang", "en", "scan", str(path), "-o", str(out), *extra])
    assert result.exit_code == 0, result.output
    return out.read_bytes()


def concat_parts(directory: Path, ext: str = "jsonl") -> bytes:
    return b"".join(p.read_bytes() for p in sorted(directory.glob(f"part-*.{ext}")))


def write_csv(posts: list[dict], path: Path) -> None:
    with open(path, "w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, FIELDS)
        writer.writeheader()
        for post in posts:
            writer.writerow({k: "" if post.get(k) is None else post[k] for k in FIELDS})


def pinned_model(root: Path) -> Path | None:
    """A copy of the bundled stance model, so every run of a test session uses the same one."""
    source = default_model_path()
    if not source.is_file():
        return None
    target = root / "stance.json"
    shutil.copyfile(source, target)
    return target


class Inputs:
    def __init__(self, root: Path, n: int):
        self.model = pinned_model(root)
        self.model_args = ["--model", str(self.model)] if self.model else []
        posts = list(generate_posts(read_templates(DEMO), n, seed=11))
        # A CSV record spanning lines must stay whole when the file is cut.
        posts[5]["text"] = "Rapat persiapan TPS\nbesok jam 8, jangan lupa coblos nomor 02 ya"
        self.posts = posts
        self.jsonl = root / "posts.jsonl"
        write_jsonl(iter(posts), self.jsonl)
        self.csv = root / "posts.csv"
        write_csv(posts, self.csv)
        self.jsonl_gz = root / "posts.jsonl.gz"
        self.jsonl_gz.write_bytes(gzip.compress(self.jsonl.read_bytes()))
        self.csv_zst = root / "posts.csv.zst"
        self.csv_zst.write_bytes(zstandard.ZstdCompressor().compress(self.csv.read_bytes()))
        self.parquet = root / "posts.parquet"
        table = pa.table({k: [p.get(k) for p in posts] for k in FIELDS})
        pq.write_table(table, self.parquet, row_group_size=333)
        self.local_jsonl = local_scan(self.jsonl, root / "local-jsonl.out", *self.model_args)
        self.local_csv = local_scan(self.csv, root / "local-csv.out", *self.model_args)

    def settings(self, output_format: str, partition_size: int, **kw) -> ScanSettings:
        return ScanSettings(output_format, partition_size,
                            model_path=str(self.model) if self.model else None, **kw)


@pytest.fixture(scope="session")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> Inputs:
    return Inputs(tmp_path_factory.mktemp("scale-inputs"), 1200)


@pytest.fixture(scope="session")
def cluster():
    """One local cluster of two worker processes for the in-process engine tests."""
    with dask_client(2) as client:
        yield client


def read_jsonl(data: bytes) -> list[dict]:
    return [json.loads(line) for line in data.decode("utf-8").splitlines()]
