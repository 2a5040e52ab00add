"""``netral scan --engine dask``: arguments checked here, the work done by ``netral.scale``."""

from __future__ import annotations

import sys
from pathlib import Path

from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from netral.cli.console import err, fail
from netral.cli.options import cli_rulebook
from netral.i18n import _
from netral.scale import ManifestMismatch, ScanInputError, ScanSettings, run_scan


def scan_dask(inputs: list[str], output: str, format: str, on_error: str, model: Path | None, *,
              engine: str, workers: int | None, scheduler: str | None, partition_size: int,
              fresh: bool) -> None:
    if engine != "dask":
        fail(_("Unknown engine {value}; use local or dask.", value=engine))
    if format not in ("jsonl", "parquet"):
        fail(_("Unknown format {value}; the dask engine writes jsonl or parquet.", value=format))
    if on_error not in ("stop", "skip"):
        fail(_("Unknown --on-error value {value}; use stop or skip.", value=on_error))
    if output == "-":
        fail(_("The dask engine writes a directory of partitions; give it with -o DIRECTORY."))
    if workers is not None and scheduler:
        fail(_("Give --workers (a local cluster) or --scheduler (a running one), not both."))
    if partition_size < 1 or (workers is not None and workers < 1):
        fail(_("--workers and --partition-size must be positive."))
    settings = ScanSettings(format, partition_size, on_error, str(model) if model else None)
    rulebook = cli_rulebook()
    progress = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                        TimeElapsedColumn(), disable=not sys.stdout.isatty())
    with progress:
        task = progress.add_task(_("Partitions"), total=None)

        def advance(done: int, total: int) -> None:
            progress.update(task, completed=done, total=total)

        try:
            result = run_scan(inputs, Path(output), rulebook, settings, workers=workers,
                              scheduler=scheduler, fresh=fresh, on_partition=advance)
        except ScanInputError as exc:
            fail(str(exc), code=1)
        except ManifestMismatch as exc:
            fail(str(exc))
        except RuntimeError as exc:  # a worker that cannot screen, e.g. another model file
            fail(str(exc), code=1)
        except OSError as exc:
            fail(_("Cannot read {path}: {error}", path=output, error=exc), code=1)
    if result.resumed:
        err.print(_("Resumed: {done} of {total} partitions were already finished.",
                    done=result.resumed, total=result.partitions), highlight=False)
    err.print(_("Scanned {n} posts: {partisan} partisan, {political} about an election, "
                "{errors} skipped.", n=result.rows, partisan=result.partisan,
                political=result.political, errors=result.errors), highlight=False)
    err.print(_("Wrote {partitions} partition(s) to {path} in {seconds:.1f} s.",
                partitions=result.partitions, path=output, seconds=result.seconds),
              highlight=False)
    if result.errors_path is not None:
        err.print(_("Skipped lines were written to {path}.", path=result.errors_path),
                  highlight=False)
