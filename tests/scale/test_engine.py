"""``run_scan`` on a Dask cluster: the local engine's results, resumable, crash-proof."""

from __future__ import annotations

import json
import os
import signal
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from netral.scale import ManifestMismatch, ScanInputError, run_scan
from netral.scale.manifest import Manifest
from tests.scale.conftest import concat_parts, read_jsonl


def test_jsonl_output_is_byte_identical_to_local_engine(inputs, cluster, rulebook,
                                                        tmp_path: Path) -> None:
    files = [inputs.jsonl, inputs.csv, inputs.jsonl_gz, inputs.csv_zst, inputs.parquet]
    result = run_scan([str(f) for f in files], tmp_path / "out", rulebook,
                      inputs.settings("jsonl", 97), client=cluster)
    expected = (inputs.local_jsonl + inputs.local_csv + inputs.local_jsonl + inputs.local_csv
                + inputs.local_jsonl)
    assert concat_parts(tmp_path / "out") == expected
    assert result.rows == 6000 and result.partitions == 5 * 13
    assert not (tmp_path / "out" / "_spool").exists()
    manifest = Manifest.load(tmp_path / "out")
    assert manifest is not None and manifest.complete and not manifest.pending


def test_parquet_output_has_the_local_results_and_post_columns(inputs, cluster, rulebook,
                                                               tmp_path: Path) -> None:
    run_scan([str(inputs.jsonl)], tmp_path / "out", rulebook, inputs.settings("parquet", 250),
             client=cluster)
    rows = pq.read_table(sorted((tmp_path / "out").glob("part-*.parquet"))).to_pylist()
    local = read_jsonl(inputs.local_jsonl)
    assert len(rows) == len(local) == 1200
    for row, want, post in zip(rows, local, inputs.posts, strict=True):
        assert {k: row[k] for k in ("id", "political", "partisan", "contestants", "acts",
                                    "score", "phase", "explanation", "allowed")} == {
            k: want[k] for k in ("id", "political", "partisan", "contestants", "acts", "score",
                                 "phase", "explanation", "allowed")}
        assert json.loads(row["findings"]) == want["findings"]
        assert (row["platform"], row["author"]) == (post.get("platform"), post.get("author"))
        day = post.get("published_at")
        assert (row["day"].isoformat() if row["day"] else None) == (day[:10] if day else None)


def test_bad_line_stops_the_scan_naming_file_and_line(inputs, cluster, rulebook,
                                                      tmp_path: Path) -> None:
    lines = inputs.jsonl.read_text(encoding="utf-8").splitlines()
    lines[876] = '{"id": "r877", "text": 42}'
    path = tmp_path / "broken.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(ScanInputError) as info:
        run_scan([str(path)], tmp_path / "out", rulebook, inputs.settings("jsonl", 100),
                 client=cluster)
    assert (info.value.path, info.value.line, info.value.field) == (str(path), 877, "text")
    manifest = Manifest.load(tmp_path / "out")
    assert not manifest.complete and 8 not in manifest.done
    assert not (tmp_path / "out" / "part-00008.jsonl").exists()


def test_skip_mode_writes_errors_with_file_and_line(inputs, cluster, rulebook,
                                                    tmp_path: Path) -> None:
    lines = inputs.jsonl.read_text(encoding="utf-8").splitlines()
    lines[10] = "{rusak"
    lines[1010] = '{"id": "", "text": "Pilih nomor 3"}'
    path = tmp_path / "some-bad.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = run_scan([str(path)], tmp_path / "out", rulebook,
                      inputs.settings("jsonl", 300, on_error="skip"), client=cluster)
    assert result.rows == 1198 and result.errors == 2
    assert len(list((tmp_path / "out").glob("part-*.jsonl"))) == result.partitions == 4
    errors = [json.loads(x) for x in result.errors_path.read_text(encoding="utf-8").splitlines()]
    assert [(e["file"], e["line"], e["field"]) for e in errors] == [
        (str(path), 11, None), (str(path), 1011, "id")]


def test_resume_redoes_only_unfinished_partitions(inputs, cluster, rulebook,
                                                  tmp_path: Path) -> None:
    out = tmp_path / "out"
    settings = inputs.settings("jsonl", 150)
    run_scan([str(inputs.jsonl)], out, rulebook, settings, client=cluster)
    # As after a crash: two partitions never recorded, one file lost, one half-written temp.
    manifest = Manifest.load(out)
    del manifest.done[2], manifest.done[5]
    manifest.complete = False
    manifest.save(out)
    (out / "part-00005.jsonl").unlink()
    (out / "part-00007.jsonl").write_text("")
    (out / ".part-00003.jsonl.abc.tmp").write_text('{"id": "setengah')
    seen: list[int] = []
    result = run_scan([str(inputs.jsonl)], out, rulebook, settings, client=cluster,
                      on_partition=lambda done, total: seen.append(done))
    assert result.resumed == 5 and seen == [6, 7, 8]
    assert concat_parts(out) == inputs.local_jsonl
    assert not list(out.glob(".part-*"))


def test_changed_input_or_settings_refuse_to_resume(inputs, cluster, rulebook,
                                                    tmp_path: Path) -> None:
    path = tmp_path / "posts.jsonl"
    path.write_bytes(inputs.jsonl.read_bytes())
    out = tmp_path / "out"
    run_scan([str(path)], out, rulebook, inputs.settings("jsonl", 400), client=cluster)
    with pytest.raises(ManifestMismatch, match="partition_size"):
        run_scan([str(path)], out, rulebook, inputs.settings("jsonl", 500), client=cluster)
    with path.open("a", encoding="utf-8") as fh:
        fh.write('{"id": "baru", "text": "Ayo dukung paslon 1"}\n')
    with pytest.raises(ManifestMismatch, match="--fresh"):
        run_scan([str(path)], out, rulebook, inputs.settings("jsonl", 400), client=cluster)
    result = run_scan([str(path)], out, rulebook, inputs.settings("jsonl", 400), client=cluster,
                      fresh=True)
    assert result.rows == 1201 and result.resumed == 0


def test_killed_worker_mid_run_loses_and_duplicates_nothing(inputs, cluster, rulebook,
                                                            tmp_path: Path) -> None:
    pids = cluster.run(os.getpid)
    killed: list[int] = []

    def kill_a_worker(done: int, total: int) -> None:
        if done == 2 and not killed:
            pid = sorted(pids.values())[0]
            os.kill(pid, signal.SIGKILL)
            killed.append(pid)

    out = tmp_path / "out"
    run_scan([str(inputs.jsonl)], out, rulebook, inputs.settings("jsonl", 60), client=cluster,
             on_partition=kill_a_worker)
    assert killed
    # Re-running is a no-op on a finished scan; the result is the clean one.
    again = run_scan([str(inputs.jsonl)], out, rulebook, inputs.settings("jsonl", 60),
                     client=cluster)
    assert again.resumed == again.partitions == 20
    data = concat_parts(out)
    assert data == inputs.local_jsonl
    ids = [r["id"] for r in read_jsonl(data)]
    assert len(ids) == len(set(ids)) == 1200


def test_lost_part_of_a_compressed_input_is_spooled_again(inputs, cluster, rulebook,
                                                          tmp_path: Path) -> None:
    out = tmp_path / "out"
    settings = inputs.settings("jsonl", 500)
    run_scan([str(inputs.csv_zst)], out, rulebook, settings, client=cluster)
    assert not (out / "_spool").exists()
    (out / "part-00001.jsonl").unlink()
    result = run_scan([str(inputs.csv_zst)], out, rulebook, settings, client=cluster)
    assert result.resumed == 2 and concat_parts(out) == inputs.local_csv
