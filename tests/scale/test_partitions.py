"""Cutting inputs into partitions: every post once, in order, errors at the file's own line."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
import zstandard

from netral.scale.partitions import (
    ScanInputError,
    expand_inputs,
    plan_partitions,
    read_partition,
)
from netral.screening import Bad, read_posts


def _posts_of(path: Path, size: int, spool: Path, errors: str = "raise") -> list:
    parts = list(plan_partitions(expand_inputs([str(path)]), size, spool))
    return [item for p in parts for item in read_partition(p, errors)], parts


@pytest.mark.parametrize("name", ["jsonl", "csv", "jsonl_gz", "csv_zst", "parquet"])
@pytest.mark.parametrize("size", [1, 97, 5000])
def test_partitions_give_every_post_once_in_order(inputs, tmp_path: Path, name: str,
                                                  size: int) -> None:
    if size == 1 and name != "csv":
        pytest.skip("one-row partitions: checked on CSV, the hardest to cut")
    posts, parts = _posts_of(getattr(inputs, name), size, tmp_path / "spool")
    reference = list(read_posts(inputs.csv if "csv" in name else inputs.jsonl))
    assert posts == reference
    assert sum(p.rows for p in parts) == len(reference) == 1200
    assert [p.index for p in parts] == list(range(len(parts)))


def test_csv_record_with_newline_is_not_split(inputs, tmp_path: Path) -> None:
    posts, parts = _posts_of(inputs.csv, 6, tmp_path / "spool")
    assert posts[5].text.startswith("Rapat persiapan TPS\nbesok")
    # Records 1-6 are lines 2-8 (record 6 takes two), so the next partition starts at 9.
    assert [p.first_line for p in parts[:3]] == [2, 9, 15]


def _with_bad_line(lines: list[str], number: int, bad: str) -> str:
    lines = list(lines)
    lines[number - 1] = bad
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("compress", [None, "gz", "zst"])
def test_bad_line_late_in_file_names_file_and_true_line(inputs, tmp_path: Path,
                                                        compress: str | None) -> None:
    lines = inputs.jsonl.read_text(encoding="utf-8").splitlines()
    data = _with_bad_line(lines, 1034, '{"id": "x1", "text": "Coblos nomor 2 ya", ').encode()
    path = tmp_path / "broken.jsonl"
    if compress == "gz":
        path, data = path.with_suffix(".jsonl.gz"), gzip.compress(data)
    elif compress == "zst":
        path, data = path.with_suffix(".jsonl.zst"), zstandard.ZstdCompressor().compress(data)
    path.write_bytes(data)
    with pytest.raises(ScanInputError) as info:
        _posts_of(path, 100, tmp_path / "spool")
    assert info.value.path == str(path.resolve())
    assert info.value.line == 1034
    assert str(path.resolve()) in str(info.value) and "1034" in str(info.value)


def test_bad_field_in_csv_names_line_and_field(inputs, tmp_path: Path) -> None:
    lines = inputs.csv.read_text(encoding="utf-8").split("\n")
    # Line 901 of the file: the record after the two-line one is shifted by one.
    lines[900] = ',"Jangan lupa coblos nomor 1",facebook,post,,,2024-02-10'
    path = tmp_path / "broken.csv"
    path.write_text("\n".join(lines), encoding="utf-8")
    with pytest.raises(ScanInputError) as info:
        _posts_of(path, 128, tmp_path / "spool")
    assert (info.value.line, info.value.field) == (901, "id")


def test_skipped_lines_keep_their_true_numbers(inputs, tmp_path: Path) -> None:
    lines = inputs.jsonl.read_text(encoding="utf-8").splitlines()
    lines[449] = "bukan json"
    lines[1099] = json.dumps({"id": "z", "text": "Salam 2 jari", "action": "repost"})
    path = tmp_path / "some-bad.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items, _parts = _posts_of(path, 64, tmp_path / "spool", errors="collect")
    bad = [i.error for i in items if isinstance(i, Bad)]
    assert [(e.line, e.field) for e in bad] == [(450, None), (1100, "action")]
    assert sum(not isinstance(i, Bad) for i in items) == 1198


def test_parquet_rows_are_numbered_from_one(inputs, tmp_path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    table = pq.read_table(inputs.parquet)
    texts = table["text"].to_pylist()
    texts[700] = None
    path = tmp_path / "missing-text.parquet"
    pq.write_table(table.set_column(1, "text", pa.array(texts, pa.string())), path,
                   row_group_size=250)
    with pytest.raises(ScanInputError) as info:
        _posts_of(path, 300, tmp_path / "spool")
    assert (info.value.line, info.value.field) == (701, "text")


def test_globs_expand_sorted_and_missing_input_is_named(inputs, tmp_path: Path) -> None:
    files = expand_inputs([str(inputs.jsonl.parent / "posts.*")])
    assert [Path(f.path).name for f in files] == sorted(
        ["posts.csv", "posts.csv.zst", "posts.jsonl", "posts.jsonl.gz", "posts.parquet"])
    assert {f.path: (f.format, f.compression) for f in files}[str(inputs.csv_zst)] == (
        "csv", "zst")
    with pytest.raises(ScanInputError, match="tidak-ada"):
        expand_inputs([str(tmp_path / "tidak-ada-*.jsonl")])
