"""A scan killed with SIGKILL mid-run, run again: the clean result, nothing lost or doubled."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from netral.scale.synthetic import generate_posts, read_templates, write_jsonl
from tests.scale.conftest import DEMO, concat_parts, local_scan, pinned_model, read_jsonl

CLI = [sys.executable, "-c", "from netral.cli.main import app; app(prog_name='netral')"]


def _scan(posts: Path, out: Path, model: list[str]) -> list[str]:
    return [*CLI, "--lang", "en", "scan", str(posts), "-o", str(out), "--engine", "dask",
            "--workers", "1", "--partition-size", "50", *model]


def _done(out: Path) -> int:
    try:
        return len(json.loads((out / "manifest.json").read_text(encoding="utf-8"))["done"])
    except (FileNotFoundError, json.JSONDecodeError, KeyError):
        return 0


def test_scan_killed_mid_run_resumes_to_the_clean_result(tmp_path: Path) -> None:
    posts = tmp_path / "posts.jsonl"
    write_jsonl(generate_posts(read_templates(DEMO), 3000, seed=99), posts)
    out = tmp_path / "out"
    model_path = pinned_model(tmp_path)
    model = ["--model", str(model_path)] if model_path else []
    # The client (and with it its local cluster) dies at once, as in a crash or an OOM kill.
    proc = subprocess.Popen(_scan(posts, out, model), start_new_session=True,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    try:
        while _done(out) < 3:
            assert proc.poll() is None, proc.stderr.read().decode()
            assert time.monotonic() < deadline, "no partition finished within 60 s"
            time.sleep(0.02)
    finally:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    finished = len(manifest["done"])
    assert not manifest["complete"] and 3 <= finished < 60

    again = subprocess.run(_scan(posts, out, model), capture_output=True, text=True, timeout=120)
    assert again.returncode == 0, again.stderr
    assert f"Resumed: {finished} of 60 partitions" in again.stderr
    assert "Scanned 3000 posts" in again.stderr

    data = concat_parts(out)
    assert data == local_scan(posts, tmp_path / "local.jsonl", *model)
    ids = [r["id"] for r in read_jsonl(data)]
    assert len(ids) == len(set(ids)) == 3000
    assert json.loads((out / "manifest.json").read_text(encoding="utf-8"))["complete"]
