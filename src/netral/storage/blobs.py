"""Evidence files on disk, content-addressed by sha256: written once, verified on read."""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path
from typing import BinaryIO

from netral.cases.ports import BlobCorrupted, BlobTooLarge

CHUNK = 1024 * 1024


class FileBlobStore:
    """``root/ab/cd/abcd…`` files, read-only once written; the same bytes are stored once."""

    def __init__(self, root: Path):
        self.root = root

    def path_of(self, sha256: str) -> Path:
        if len(sha256) != 64 or any(c not in "0123456789abcdef" for c in sha256):
            raise ValueError(f"not a sha256: {sha256!r}")
        return self.root / sha256[:2] / sha256[2:4] / sha256

    def exists(self, sha256: str) -> bool:
        return self.path_of(sha256).exists()

    def put(self, stream: BinaryIO, max_size: int | None = None) -> tuple[str, int]:
        self.root.mkdir(parents=True, exist_ok=True)
        digest, size = hashlib.sha256(), 0
        fd, tmp_name = tempfile.mkstemp(prefix=".incoming-", dir=self.root)
        tmp = Path(tmp_name)
        try:
            with os.fdopen(fd, "wb") as out:
                while chunk := stream.read(CHUNK):
                    size += len(chunk)
                    if max_size is not None and size > max_size:
                        raise BlobTooLarge(f"evidence is larger than {max_size} bytes")
                    digest.update(chunk)
                    out.write(chunk)
                out.flush()
                os.fsync(out.fileno())
            sha = digest.hexdigest()
            final = self.path_of(sha)
            final.parent.mkdir(parents=True, exist_ok=True)
            os.chmod(tmp, 0o440)
            try:
                # link() fails when the name exists, so an existing file is never replaced.
                os.link(tmp, final)
            except FileExistsError:
                self._check(final, sha)
            return sha, size
        finally:
            tmp.unlink(missing_ok=True)

    def _check(self, path: Path, sha256: str) -> bytes:
        data = path.read_bytes()
        if hashlib.sha256(data).hexdigest() != sha256:
            raise BlobCorrupted(f"evidence {sha256} on disk no longer matches its hash")
        return data

    def read(self, sha256: str) -> bytes:
        path = self.path_of(sha256)
        if not path.exists():
            raise BlobCorrupted(f"evidence {sha256} is missing from {self.root}")
        return self._check(path, sha256)
