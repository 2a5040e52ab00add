"""National-scale screening: posts split into partitions, screened on Dask, resumable.

``plan_partitions`` cuts inputs (JSONL, CSV, Parquet; ``.gz``/``.zst`` too) into row ranges
that name their true file lines; ``run_scan`` screens them on a Dask cluster and commits each
finished partition atomically in a :class:`Manifest`; ``scan_stats`` aggregates the Parquet
output. The screening itself is the screening room's ``Screener``, unchanged.
"""

from netral.scale.engine import ScanResult, ScanSettings, dask_client, run_scan
from netral.scale.manifest import Manifest, ManifestMismatch
from netral.scale.partitions import Partition, ScanInputError, expand_inputs, plan_partitions
from netral.scale.stats import DIMENSIONS, scan_stats

__all__ = [
    "DIMENSIONS",
    "Manifest",
    "ManifestMismatch",
    "Partition",
    "ScanInputError",
    "ScanResult",
    "ScanSettings",
    "dask_client",
    "expand_inputs",
    "plan_partitions",
    "run_scan",
    "scan_stats",
]
