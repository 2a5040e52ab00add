"""The scan manifest: what a scan reads, how it is cut, and which partitions are finished.

``OUTPUT/manifest.json`` is rewritten atomically (temporary file, fsync, rename) by the client
alone, after each partition's output file has itself been renamed into place. A partition is
finished only once the manifest says so; anything else in the directory is redone on resume.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from netral.i18n import _
from netral.scale.partitions import Partition

MANIFEST = "manifest.json"
FORMAT = "netral-scan-manifest/1"


class ManifestMismatch(ValueError):
    """The output directory holds a scan of other inputs or settings."""


def file_sha256(path: Path | str) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        while block := fh.read(1 << 20):
            digest.update(block)
    return digest.hexdigest()


@dataclass
class Manifest:
    settings: dict[str, Any]
    inputs: list[dict[str, Any]]
    partitions: list[Partition]
    done: dict[int, dict[str, Any]] = field(default_factory=dict)
    complete: bool = False

    @property
    def pending(self) -> list[Partition]:
        return [p for p in self.partitions if p.index not in self.done]

    def to_dict(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "complete": self.complete,
            "settings": self.settings,
            "inputs": self.inputs,
            "partitions": [p.to_dict() for p in self.partitions],
            "done": {str(k): v for k, v in sorted(self.done.items())},
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Manifest:
        if data.get("format") != FORMAT:
            raise ValueError(f"not a {FORMAT} file")
        return cls(
            settings=data["settings"],
            inputs=data["inputs"],
            partitions=[Partition.from_dict(p) for p in data["partitions"]],
            done={int(k): v for k, v in data.get("done", {}).items()},
            complete=bool(data.get("complete")),
        )

    @staticmethod
    def path_in(directory: Path) -> Path:
        return directory / MANIFEST

    @classmethod
    def load(cls, directory: Path) -> Manifest | None:
        path = cls.path_in(directory)
        if not path.is_file():
            return None
        try:
            return cls.from_dict(json.loads(path.read_text(encoding="utf-8")))
        except (ValueError, KeyError, TypeError) as exc:
            raise ManifestMismatch(_(
                "{path} is not a readable scan manifest ({error}); use --fresh to start over.",
                path=path, error=exc)) from None

    def save(self, directory: Path) -> None:
        """Write atomically: a crash leaves the previous manifest or this one, never half."""
        data = json.dumps(self.to_dict(), ensure_ascii=False, indent=1)
        fd, tmp = tempfile.mkstemp(prefix=".manifest.", suffix=".tmp", dir=directory)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, self.path_in(directory))
        except BaseException:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(tmp)
            raise

    def check_matches(self, settings: dict[str, Any], inputs: list[dict[str, Any]]) -> None:
        """Raise :class:`ManifestMismatch` unless a resume would scan the same thing."""
        for key in sorted(set(settings) | set(self.settings)):
            if settings.get(key) != self.settings.get(key):
                raise ManifestMismatch(_(
                    "The output holds a scan made with {key}={old}, not {new}; use --fresh to "
                    "start over.", key=key, old=self.settings.get(key), new=settings.get(key)))
        if [i["path"] for i in inputs] != [i["path"] for i in self.inputs]:
            raise ManifestMismatch(_(
                "The output holds a scan of other input files; use --fresh to start over."))
        for new, old in zip(inputs, self.inputs, strict=True):
            if new != old:
                raise ManifestMismatch(_(
                    "{path} changed since the scan started (size or modification time); use "
                    "--fresh to start over.", path=new["path"]))

    def verify_done(self, directory: Path) -> list[int]:
        """Forget finished partitions whose output file is gone or has another size."""
        lost = []
        for index, entry in list(self.done.items()):
            path = directory / entry["file"]
            if not path.is_file() or path.stat().st_size != entry["bytes"]:
                lost.append(index)
                del self.done[index]
        return lost
