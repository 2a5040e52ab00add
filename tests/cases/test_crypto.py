import os
import stat

import pytest
from cryptography.fernet import Fernet

from netral.cases.crypto import IdentityCipher, SecretKeyError, load_or_create_key

IDENTITY = {"name": "Rina Marlina", "phone": "0812-5555-0101"}


def test_round_trip_and_ciphertext_hides_the_name():
    cipher = IdentityCipher(Fernet.generate_key())
    token = cipher.encrypt(IDENTITY)
    assert "Rina" not in token and "0812" not in token
    assert cipher.decrypt(token) == IDENTITY


def test_another_key_cannot_read_it():
    token = IdentityCipher(Fernet.generate_key()).encrypt(IDENTITY)
    with pytest.raises(SecretKeyError):
        IdentityCipher(Fernet.generate_key()).decrypt(token)


def test_key_file_is_created_owner_only_and_reused(tmp_path):
    key = load_or_create_key(tmp_path, environ={})
    path = tmp_path / "secret.key"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert load_or_create_key(tmp_path, environ={}) == key


def test_group_readable_key_file_is_refused(tmp_path):
    load_or_create_key(tmp_path, environ={})
    os.chmod(tmp_path / "secret.key", 0o644)
    with pytest.raises(SecretKeyError, match="chmod 600"):
        load_or_create_key(tmp_path, environ={})


def test_environment_key_wins_and_passphrases_are_stretched(tmp_path):
    fernet_key = Fernet.generate_key().decode()
    assert load_or_create_key(tmp_path, {"NETRAL_SECRET_KEY": fernet_key}) == fernet_key.encode()
    derived = load_or_create_key(tmp_path, {"NETRAL_SECRET_KEY": "kata sandi panjang bawaslu"})
    IdentityCipher(derived).encrypt(IDENTITY)
    assert derived == load_or_create_key(tmp_path, {"NETRAL_SECRET_KEY":
                                                    "kata sandi panjang bawaslu"})
    assert not (tmp_path / "secret.key").exists()
