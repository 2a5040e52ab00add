"""``netral scan``: screen a JSONL or CSV file of posts, write one result per line."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from netral.cli.console import err, fail
from netral.cli.options import cli_rulebook
from netral.i18n import _
from netral.screening import Bad, Post, PostError, Screener, ScreeningWriter, read_posts
from netral.screening.io import detect_format


def scan(
    inputs: list[str] = typer.Argument(
        ..., help="Posts files (JSONL or CSV); - for stdin. --engine dask: several files or "
        "globs, also Parquet and .gz/.zst."),
    output: str = typer.Option("-", "-o", "--output", help="Output file; - for stdout."),
    format: str = typer.Option("jsonl", "--format",
                               help="Output format: jsonl or csv (dask: jsonl or parquet)."),
    on_error: str = typer.Option(
        "stop", "--on-error", help="On a bad line: stop (default) or skip."
    ),
    input_format: str = typer.Option(
        None, "--input-format", help="Input format of stdin: jsonl or csv."
    ),
    model: Path = typer.Option(None, "--model", help="Stance model file (default: bundled)."),
    engine: str = typer.Option("local", "--engine", help="local (one process) or dask "
                               "(partitions on a Dask cluster, resumable; -o is a directory)."),
    workers: int = typer.Option(None, "--workers", help="dask: local cluster size (all cores)."),
    scheduler: str = typer.Option(None, "--scheduler", help="dask: address of a running Dask "
                                  "scheduler, e.g. tcp://10.0.0.5:8786."),
    partition_size: int = typer.Option(50_000, "--partition-size", help="dask: rows per "
                                       "partition."),
    fresh: bool = typer.Option(False, "--fresh/--resume", help="dask: start over, or finish the "
                               "scan left in the output directory (default)."),
) -> None:
    """Pindai unggahan ASN / Screen posts for partisanship."""
    if engine != "local":
        from netral.cli.scale import scan_dask

        return scan_dask(inputs, output, format, on_error, model, engine=engine, workers=workers,
                         scheduler=scheduler, partition_size=partition_size, fresh=fresh)
    if len(inputs) != 1:
        fail(_("The local engine reads one file; use --engine dask for several."))
    input = inputs[0]
    if format not in ("jsonl", "csv"):
        fail(_("Unknown format {value}; use jsonl or csv.", value=format))
    if on_error not in ("stop", "skip"):
        fail(_("Unknown --on-error value {value}; use stop or skip.", value=on_error))
    fmt = input_format or detect_format(input)
    if input != "-" and not Path(input).is_file():
        fail(_("Cannot read {path}: {error}", path=input, error="not a file"))
    screener = Screener(cli_rulebook(), model)
    errors_path = Path(f"{output}.errors.jsonl") if output != "-" else Path("scan.errors.jsonl")
    bad: list[PostError] = []
    stats = {"n": 0, "partisan": 0, "political": 0}
    show_progress = output != "-" and sys.stdout.isatty()
    total = _count_lines(input) if show_progress else None

    def posts(progress: Progress | None, task: int | None) -> Iterator[Post]:
        for item in read_posts(
            input, format=fmt, errors="raise" if on_error == "stop" else "collect"
        ):
            if progress is not None:
                progress.advance(task)  # type: ignore[arg-type]
            if isinstance(item, Bad):
                bad.append(item.error)
                continue
            yield item

    try:
        with ScreeningWriter(output, format) as writer:
            progress = Progress(
                TextColumn("{task.description}"),
                BarColumn(),
                MofNCompleteColumn(),
                TimeElapsedColumn(),
                disable=not show_progress,
            )
            with progress:
                task = progress.add_task(_("Scanning"), total=total)
                for s in screener.screen_many(posts(progress, task)):
                    writer.write(s)
                    stats["n"] += 1
                    stats["partisan"] += s.partisan
                    stats["political"] += s.political
    except PostError as exc:
        fail(_("{path}: {detail}", path=input, detail=str(exc)), code=1)
    except OSError as exc:
        fail(_("Cannot read {path}: {error}", path=input, error=exc), code=1)
    if bad:
        with errors_path.open("w", encoding="utf-8") as fh:
            for e in bad:
                fh.write(json.dumps(e.to_dict(), ensure_ascii=False) + "\n")
    err.print(
        _(
            "Scanned {n} posts: {partisan} partisan, {political} about an election, "
            "{errors} skipped.",
            errors=len(bad),
            **stats,
        ),
        highlight=False,
    )
    if bad:
        err.print(_("Skipped lines were written to {path}.", path=errors_path), highlight=False)


def _count_lines(path: str) -> int | None:
    if path == "-":
        return None
    with open(path, "rb") as fh:
        return sum(1 for line in fh if line.strip()) - (1 if path.lower().endswith(".csv") else 0)
