"""Running a scan on Dask: plan, screen partitions on workers, commit each in the manifest.

A ``LocalCluster`` of processes (one thread each) by default, or any scheduler address. Each
worker builds one :class:`Screener` when it joins, from the rulebook the client hands to a
worker plugin, so no worker loads a rulebook behind the caller's back. The client is the only
writer of the manifest; a worker only renames its own ``part-NNNNN`` file into place.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import logging
import os
import resource
import shutil
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from distributed import Client, LocalCluster, WorkerPlugin, as_completed, get_worker

from netral.i18n import _, current, set_locale
from netral.rulebook import Rulebook
from netral.scale.manifest import MANIFEST, Manifest, ManifestMismatch, file_sha256
from netral.scale.output import OUTPUT_FORMATS, write_partition
from netral.scale.partitions import (
    InputFile,
    Partition,
    ScanInputError,
    expand_inputs,
    plan_partitions,
)
from netral.screening import Screener
from netral.screening.stance.classifier import default_model_path

SPOOL = "_spool"
ERRORS = "errors.jsonl"
LOCK = ".lock"
DEFAULT_PARTITION_SIZE = 50_000
_OWNED = ("part-*.parquet", "part-*.jsonl", "errors-part-*.jsonl", ".part-*.tmp", ".errors-*.tmp",
          ".manifest.*.tmp", ERRORS, MANIFEST)


@dataclass(frozen=True)
class ScanSettings:
    output_format: str = "parquet"
    partition_size: int = DEFAULT_PARTITION_SIZE
    on_error: str = "stop"
    model_path: str | None = None

    def model_sha256(self) -> str | None:
        """The stance model the screeners will load (``None``: no model file, lexicon only)."""
        path = Path(self.model_path) if self.model_path else default_model_path()
        return file_sha256(path) if path.is_file() else None

    def fingerprint(self, rulebook: Rulebook) -> dict[str, Any]:
        """What must not change between a crash and its resume."""
        model = {"path": str(Path(self.model_path).resolve()) if self.model_path else None,
                 "sha256": self.model_sha256()}
        return {"output_format": self.output_format, "partition_size": self.partition_size,
                "on_error": self.on_error, "rulebook_version": rulebook.version, "model": model}


@dataclass
class ScanResult:
    output: Path
    partitions: int
    resumed: int
    rows: int
    partisan: int
    political: int
    errors: int
    seconds: float
    errors_path: Path | None = None
    worker_peak_rss: dict[str, int] = field(default_factory=dict)
    cpu_seconds: float = 0.0  # CPU time the workers spent on this run's partitions

    @property
    def posts_per_second(self) -> float:
        return self.rows / self.seconds if self.seconds else 0.0

    @property
    def cores_used(self) -> float:
        """Worker CPU time over wall time: how many cores the scan actually got."""
        return self.cpu_seconds / self.seconds if self.seconds else 0.0


class ScreenerPlugin(WorkerPlugin):
    """Builds the worker's one :class:`Screener` from the rulebook the client sent."""

    def __init__(self, rulebook: Rulebook, settings: ScanSettings, locale: str):
        self.rulebook, self.settings, self.locale = rulebook, settings, locale
        self.model_sha256 = settings.model_sha256()
        self.screener: Screener | None = None

    def setup(self, worker: Any) -> None:
        set_locale(self.locale)  # messages written by this worker process, like bad lines
        # The rulebook travels with the plugin; the model file is read on the worker, so a
        # worker with another model (another install, a retrained file) must not join in.
        if self.settings.model_sha256() != self.model_sha256:
            raise RuntimeError(_("This worker's stance model differs from the client's; "
                                 "install the same Netral version on every worker."))
        self.screener = Screener(self.rulebook, self.settings.model_path)

    def get(self) -> Screener:
        """The worker's screener (a failed ``setup`` fails here again, in the task's face)."""
        if self.screener is None:
            self.setup(None)
        return self.screener  # type: ignore[return-value]


def screen_partition(spec: dict[str, Any], directory: str, output_format: str, on_error: str,
                     plugin: str) -> dict[str, Any]:
    """The task: screen one partition on this worker with the worker's screener."""
    worker = get_worker()
    screener = worker.plugins[plugin].get()
    cpu = time.process_time()
    record = write_partition(Partition.from_dict(spec), screener, Path(directory),
                             output_format, on_error)
    cpu = round(time.process_time() - cpu, 3)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    return {**record, "cpu_seconds": cpu, "worker": worker.address, "peak_rss": peak}


@contextlib.contextmanager
def dask_client(workers: int | None = None, scheduler: str | None = None) -> Iterator[Client]:
    """A client of ``scheduler``, or of a new local cluster of ``workers`` processes."""
    if scheduler:
        with Client(scheduler) as client:
            yield client
        return
    with LocalCluster(n_workers=workers or os.cpu_count() or 1, threads_per_worker=1,
                      processes=True, dashboard_address=":0",
                      silence_logs=logging.ERROR) as cluster, Client(cluster) as client:
        yield client


@contextlib.contextmanager
def _locked(directory: Path) -> Iterator[None]:
    """One scan per output directory; the kernel drops the lock if the client is killed."""
    with open(directory / LOCK, "a") as fh:
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise ScanInputError(str(directory), None, None, _(
                "another scan is writing to this directory")) from None
        yield


def _clear(directory: Path) -> None:
    """Remove what an earlier scan wrote here (only our own file names)."""
    for pattern in _OWNED:
        for path in directory.glob(pattern):
            path.unlink(missing_ok=True)
    shutil.rmtree(directory / SPOOL, ignore_errors=True)


def _respool(files: list[InputFile], settings: ScanSettings, directory: Path,
             manifest: Manifest) -> None:
    """Spool files are deleted when a scan ends; a lost part of a compressed input needs them
    again. The plan is deterministic, so planning again re-creates the same partitions."""
    shutil.rmtree(directory / SPOOL, ignore_errors=True)
    again = list(plan_partitions(files, settings.partition_size, directory / SPOOL))
    if [p.to_dict() for p in again] != [p.to_dict() for p in manifest.partitions]:
        raise ManifestMismatch(_(
            "The output holds a scan of other input files; use --fresh to start over."))


def _merge_errors(directory: Path, manifest: Manifest) -> Path | None:
    files = [directory / d["errors_file"] for _i, d in sorted(manifest.done.items())
             if d.get("errors_file")]
    if not files:
        return None
    target = directory / ERRORS
    tmp = directory / f".{ERRORS}.tmp"
    with open(tmp, "wb") as out:
        for path in files:
            with open(path, "rb") as fh:
                shutil.copyfileobj(fh, out)
        out.flush()
        os.fsync(out.fileno())
    os.replace(tmp, target)
    return target


def run_scan(inputs: list[str], output: Path | str, rulebook: Rulebook,
             settings: ScanSettings = ScanSettings(), *, client: Client | None = None,
             workers: int | None = None, scheduler: str | None = None, fresh: bool = False,
             on_partition: Callable[[int, int], None] | None = None) -> ScanResult:
    """Scan ``inputs`` into the directory ``output``, resuming a scan left unfinished there.

    ``client`` reuses a running Dask client; otherwise one is made from ``scheduler`` or a
    local cluster of ``workers``. ``on_partition(done, total)`` is called as partitions finish.
    Raises :class:`ScanInputError` (bad input, naming file and line) and
    :class:`~netral.scale.manifest.ManifestMismatch` (the output holds another scan).
    """
    if settings.output_format not in OUTPUT_FORMATS:
        raise ValueError(f"unknown output format {settings.output_format!r}")
    started = time.perf_counter()
    files = expand_inputs(inputs)
    directory = Path(output)
    directory.mkdir(parents=True, exist_ok=True)
    with _locked(directory):
        wanted = settings.fingerprint(rulebook)
        fingerprints = [f.fingerprint() for f in files]
        manifest = None if fresh else Manifest.load(directory)
        if manifest is not None:
            manifest.check_matches(wanted, fingerprints)
            if manifest.verify_done(directory):
                manifest.complete = False
        else:
            _clear(directory)
            parts = list(plan_partitions(files, settings.partition_size, directory / SPOOL))
            manifest = Manifest(wanted, fingerprints, parts)
            manifest.save(directory)
        if any(p.codec and not Path(p.path).is_file() for p in manifest.pending):
            _respool(files, settings, directory, manifest)
        for pattern in (".part-*.tmp", ".errors-*.tmp"):
            for stale in directory.glob(pattern):
                stale.unlink(missing_ok=True)
        resumed = set(manifest.done)
        peaks: dict[str, int] = {}
        pending = manifest.pending
        if pending:
            with contextlib.ExitStack() as stack:
                if client is None:
                    client = stack.enter_context(dask_client(workers, scheduler))
                _run_pending(client, pending, directory, manifest, rulebook, settings, peaks,
                             on_partition)
        errors_path = _merge_errors(directory, manifest) if settings.on_error == "skip" else None
        if not manifest.complete:
            manifest.complete = True
            manifest.save(directory)
        shutil.rmtree(directory / SPOOL, ignore_errors=True)
    done = manifest.done.values()
    return ScanResult(
        output=directory, partitions=len(manifest.partitions), resumed=len(resumed),
        rows=sum(d["rows"] for d in done), partisan=sum(d["partisan"] for d in done),
        political=sum(d["political"] for d in done), errors=sum(d["errors"] for d in done),
        seconds=time.perf_counter() - started, errors_path=errors_path, worker_peak_rss=peaks,
        cpu_seconds=sum(d.get("cpu_seconds", 0.0) for i, d in manifest.done.items()
                        if i not in resumed))


def _run_pending(client: Client, pending: list[Partition], directory: Path, manifest: Manifest,
                 rulebook: Rulebook, settings: ScanSettings, peaks: dict[str, int],
                 on_partition: Callable[[int, int], None] | None) -> None:
    locale = current().locale
    key = f"{rulebook.version}|{settings}|{settings.model_sha256()}|{locale}"
    token = hashlib.sha1(key.encode())
    plugin = f"netral-screener-{token.hexdigest()[:12]}"
    client.register_plugin(ScreenerPlugin(rulebook, settings, locale), name=plugin)
    run = hashlib.sha1(f"{directory.resolve()}|{time.time_ns()}".encode()).hexdigest()[:10]
    futures = [
        client.submit(screen_partition, p.to_dict(), str(directory.resolve()),
                      settings.output_format, settings.on_error, plugin,
                      key=f"netral-{run}-{p.name}", pure=False)
        for p in pending
    ]
    index_of = {f.key: p.index for f, p in zip(futures, pending, strict=True)}
    total = len(manifest.partitions)
    try:
        for future in as_completed(futures):
            record = future.result()
            worker, peak = record.pop("worker"), record.pop("peak_rss")
            peaks[worker] = max(peaks.get(worker, 0), peak)
            manifest.done[index_of[future.key]] = record
            manifest.save(directory)
            if on_partition is not None:
                on_partition(len(manifest.done), total)
    finally:
        client.cancel(futures)
