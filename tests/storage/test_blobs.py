import hashlib
import io
import stat

import pytest

from netral.cases.ports import BlobCorrupted, BlobTooLarge
from netral.storage.blobs import FileBlobStore

PHOTO = b"\xff\xd8\xff foto ASN memakai atribut paslon"


def test_stored_by_hash_read_only_and_deduplicated(tmp_path):
    store = FileBlobStore(tmp_path)
    sha, size = store.put(io.BytesIO(PHOTO))
    assert sha == hashlib.sha256(PHOTO).hexdigest() and size == len(PHOTO)
    path = store.path_of(sha)
    assert path.parent.parent.name == sha[:2]
    assert not stat.S_IMODE(path.stat().st_mode) & 0o222
    assert store.put(io.BytesIO(PHOTO)) == (sha, size)
    assert store.read(sha) == PHOTO
    assert not list(tmp_path.glob(".incoming-*"))


def test_tampered_or_missing_file_fails_on_read(tmp_path):
    store = FileBlobStore(tmp_path)
    sha, _ = store.put(io.BytesIO(PHOTO))
    path = store.path_of(sha)
    path.chmod(0o644)
    path.write_bytes(PHOTO + b"!")
    with pytest.raises(BlobCorrupted):
        store.read(sha)
    path.unlink()
    with pytest.raises(BlobCorrupted):
        store.read(sha)


def test_oversized_upload_leaves_nothing(tmp_path):
    store = FileBlobStore(tmp_path)
    with pytest.raises(BlobTooLarge):
        store.put(io.BytesIO(b"x" * 100), max_size=10)
    assert [p for p in tmp_path.rglob("*") if p.is_file()] == []
    with pytest.raises(ValueError):
        store.path_of("../../etc/passwd")
