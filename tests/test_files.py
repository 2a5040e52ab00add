import json
import os

import pytest

from netral.files import write_text_atomic


def test_write_replaces_the_whole_file(tmp_path):
    path = tmp_path / "model" / "stance.json"
    write_text_atomic(path, json.dumps({"format": "old"}))
    write_text_atomic(path, json.dumps({"format": "new", "kata": "coblos nomor 2"}))
    assert json.loads(path.read_text(encoding="utf-8"))["kata"] == "coblos nomor 2"
    assert [p.name for p in path.parent.iterdir()] == ["stance.json"]


def test_an_interrupted_write_keeps_the_old_file_and_leaves_no_temporary(tmp_path, monkeypatch):
    path = tmp_path / "stance.json"
    write_text_atomic(path, '{"format": "old"}')

    def interrupted(src, dst):
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_text_atomic(path, '{"format": "new"}')
    assert path.read_text(encoding="utf-8") == '{"format": "old"}'
    assert [p.name for p in tmp_path.iterdir()] == ["stance.json"]
