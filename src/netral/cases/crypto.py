"""Reporter identity encrypted at rest (Fernet: AES-128-CBC + HMAC-SHA256).

The key comes from ``NETRAL_SECRET_KEY`` (a Fernet key, or any passphrase, stretched with
HKDF) or from a key file created owner-only (0600) on first use.
"""

from __future__ import annotations

import base64
import json
import os
import stat
from pathlib import Path

from cryptography.fernet import Fernet, InvalidToken
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

KEY_ENV = "NETRAL_SECRET_KEY"
KEY_FILE_NAME = "secret.key"


class SecretKeyError(RuntimeError):
    """The key is missing, unreadable or readable by others."""


class IdentityCipher:
    def __init__(self, key: bytes):
        self._fernet = Fernet(key)

    def encrypt(self, identity: dict[str, str]) -> str:
        data = json.dumps(identity, ensure_ascii=False, sort_keys=True).encode()
        return self._fernet.encrypt(data).decode("ascii")

    def decrypt(self, token: str) -> dict[str, str]:
        try:
            return json.loads(self._fernet.decrypt(token.encode("ascii")))
        except InvalidToken:
            raise SecretKeyError("reporter identity cannot be decrypted with this key") from None


def _derive(passphrase: str) -> bytes:
    try:
        raw = base64.urlsafe_b64decode(passphrase.encode())
        if len(raw) == 32:
            return passphrase.encode()
    except ValueError:
        pass
    hkdf = HKDF(algorithm=hashes.SHA256(), length=32, salt=b"netral-reporter-identity",
                info=b"fernet-key")
    return base64.urlsafe_b64encode(hkdf.derive(passphrase.encode()))


def load_or_create_key(data_dir: Path, environ: dict[str, str] | None = None) -> bytes:
    """The Fernet key: from the environment, else from ``data_dir/secret.key`` (created 0600)."""
    env = os.environ if environ is None else environ
    if env.get(KEY_ENV):
        return _derive(env[KEY_ENV])
    path = data_dir / KEY_FILE_NAME
    data_dir.mkdir(parents=True, exist_ok=True)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        mode = path.stat().st_mode
        if mode & (stat.S_IRWXG | stat.S_IRWXO):
            raise SecretKeyError(f"{path} is readable by others (mode {oct(mode & 0o777)}); "
                            "run chmod 600 on it") from None
        return path.read_bytes().strip()
    with os.fdopen(fd, "wb") as fh:
        fh.write(Fernet.generate_key())
    return path.read_bytes().strip()


def cipher_from_environment(data_dir: Path) -> IdentityCipher:
    return IdentityCipher(load_or_create_key(data_dir))
