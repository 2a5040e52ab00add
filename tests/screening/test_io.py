import io
import json

import pytest
from typer.testing import CliRunner

from netral.cli.main import app
from netral.screening import Bad, PostError, read_posts


def test_reads_jsonl_and_csv(tmp_path):
    jl = tmp_path / "p.jsonl"
    jl.write_text(
        '{"id": "1", "text": "coblos 02", "published_at": "2024-02-01"}\n\n'
        '{"id": 2, "text": "", "action": "like", "target_text": "#AMIN"}\n',
        encoding="utf-8",
    )
    posts = list(read_posts(jl))
    assert [p.id for p in posts] == ["1", "2"] and posts[1].action == "like"
    cs = tmp_path / "p.csv"
    cs.write_text(
        "id,text,action,published_at\nx1,pilih 01 ya,post,2024-01-02T08:00:00\n", encoding="utf-8"
    )
    (post,) = read_posts(cs)
    assert post.id == "x1" and post.published_on.isoformat() == "2024-01-02"


@pytest.mark.parametrize(
    ("line", "field"),
    [
        ('{"text": "tanpa id"}', "id"),
        ('{"id": "a"}', "text"),
        ('{"id": "a", "text": "x", "action": "retweet"}', "action"),
        ('{"id": "a", "text": "x", "published_at": "kemarin"}', "published_at"),
        ('{"id": "a", "text": "x"', None),
        ('["not", "an", "object"]', None),
    ],
)
def test_bad_lines_name_line_and_field(line, field):
    stream = io.StringIO('{"id": "ok", "text": "halo"}\n' + line + "\n")
    with pytest.raises(PostError) as exc:
        list(read_posts(stream))
    assert exc.value.line == 2 and exc.value.field == field
    assert "2" in str(exc.value)
    items = list(
        read_posts(io.StringIO('{"id": "ok", "text": "halo"}\n' + line + "\n"), errors="collect")
    )
    assert isinstance(items[1], Bad) and items[1].error.line == 2


def test_cli_scan_writes_one_object_per_line_in_order(tmp_path):
    src = tmp_path / "in.jsonl"
    rows = [
        {
            "id": "a",
            "text": "Tgl 14 coblos nomor 2 ya #PrabowoGibran",
            "published_at": "2024-02-01",
        },
        {"id": "b", "text": "Antrean nomor 02 silakan masuk"},
        {
            "id": "c",
            "text": "",
            "action": "share",
            "target_text": "Menangkan Ganjar-Mahfud! #GanjarMahfud",
        },
    ]
    src.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(app, ["scan", str(src), "-o", str(out)])
    assert result.exit_code == 0, result.output
    got = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [g["id"] for g in got] == ["a", "b", "c"]
    assert got[0]["partisan"] and got[0]["contestants"][0] == "pilpres-2024:2"
    assert got[0]["phase"] == "kampanye" and not got[1]["partisan"]
    assert got[2]["acts"] == ["social-engagement"]
    for g, row in zip(got, rows, strict=True):
        for f in g["findings"]:
            for e in f["evidence"]:
                assert row[e["field"]][e["start"] : e["end"]] == e["text"]


def test_cli_scan_stops_on_bad_line_and_leaves_no_output(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text('{"id": "a", "text": "halo"}\n{"id": "b"}\n', encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(app, ["scan", str(src), "-o", str(out)])
    assert result.exit_code == 1
    assert "2" in result.output and "text" in result.output
    assert not out.exists() and list(tmp_path.iterdir()) == [src]


def test_cli_scan_skip_writes_errors_file(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text(
        '{"id": "a", "text": "halo"}\nnot json\n{"id": "c", "text": "pilih 01"}\n', encoding="utf-8"
    )
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(
        app, ["scan", str(src), "-o", str(out), "--on-error", "skip", "--format", "jsonl"]
    )
    assert result.exit_code == 0, result.output
    assert [json.loads(x)["id"] for x in out.read_text().splitlines()] == ["a", "c"]
    errors = [json.loads(x) for x in (tmp_path / "out.jsonl.errors.jsonl").read_text().splitlines()]
    assert errors[0]["line"] == 2


def test_cli_scan_csv_output(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text('{"id": "a", "text": "coblos 03 sat set"}\n', encoding="utf-8")
    out = tmp_path / "out.csv"
    result = CliRunner().invoke(app, ["scan", str(src), "-o", str(out), "--format", "csv"])
    assert result.exit_code == 0, result.output
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("id,political,partisan") and lines[1].startswith("a,true,true")
