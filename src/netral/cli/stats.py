"""``netral stats``: counts of a ``netral scan --engine dask --format parquet`` output."""

from __future__ import annotations

import csv
import sys
from pathlib import Path
from typing import Any

import typer
from rich.table import Table

from netral.cli.console import err, fail, out, print_json
from netral.i18n import _


def _titles() -> dict[str, str]:
    return {"contestant": _("Contestant"), "act": _("Prohibited act"), "platform": _("Platform"),
            "day": _("Day"), "agency": _("Agency")}


def _registry(path: Path) -> dict[str, str]:
    from netral.cases.registry import InputFileError, read_registry

    try:
        return {row.nip: row.agency_code for row in read_registry(path)}
    except InputFileError as exc:
        fail(str(exc), code=1)
    except OSError as exc:
        fail(_("Cannot read {path}: {error}", path=path, error=exc), code=1)


def stats(
    output: Path = typer.Argument(..., help="Output directory of netral scan --format parquet."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
    as_csv: bool = typer.Option(False, "--csv", help="Print CSV: dimension,key,posts,political,"
                                "partisan."),
    registry: Path = typer.Option(None, "--registry", help="ASN registry CSV (nip, agency_code, "
                                  "…) to count by agency; authors are matched by NIP."),
    scheduler: str = typer.Option(None, "--scheduler", help="Address of a Dask scheduler "
                                  "(default: threads in this process)."),
) -> None:
    """Rekap hasil pindaian / Counts by contestant, act, platform, day and agency."""
    from netral.scale import DIMENSIONS, scan_stats

    if as_json and as_csv:
        fail(_("Choose --json or --csv, not both."))
    if not output.exists():
        fail(_("Cannot read {path}: {error}", path=output, error="no such file or directory"))
    agency_of = _registry(registry) if registry else None
    try:
        if scheduler:
            from distributed import Client

            with Client(scheduler) as client:
                result = scan_stats(output, agency_of, scheduler=client)
        else:
            result = scan_stats(output, agency_of)
    except ValueError as exc:
        fail(str(exc), code=1)
    if not result["complete"]:
        err.print(_("The scan in {path} is not finished; these counts cover its finished "
                    "partitions only.", path=output), highlight=False)
    if as_json:
        print_json(result)
        return
    if as_csv:
        writer = csv.writer(sys.stdout)
        writer.writerow(["dimension", "key", "posts", "political", "partisan"])
        writer.writerow(["total", "", result["posts"], result["political"], result["partisan"]])
        for dimension in DIMENSIONS:
            for row in result.get(dimension, []):
                writer.writerow([dimension, "" if row["key"] is None else row["key"],
                                 row["posts"], row["political"], row["partisan"]])
        return
    _print_tables(result)


def _print_tables(result: dict[str, Any]) -> None:
    from netral.scale import DIMENSIONS

    out.print(_("{posts} posts: {political} about an election, {partisan} partisan.",
                posts=result["posts"], political=result["political"],
                partisan=result["partisan"]), highlight=False)
    for dimension in DIMENSIONS:
        rows = result.get(dimension)
        if rows is None:
            continue
        table = Table(title=_titles()[dimension], title_justify="left")
        table.add_column(_titles()[dimension])
        for name in (_("Posts"), _("Political"), _("Partisan")):
            table.add_column(name, justify="right")
        for row in rows:
            key = "—" if row["key"] is None else str(row["key"])
            table.add_row(key, str(row["posts"]), str(row["political"]), str(row["partisan"]))
        out.print(table)
