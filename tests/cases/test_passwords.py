import pytest

from netral.cases.passwords import hash_password, verify_password


def test_argon2_hash_verifies_only_the_right_password(fast_password_hashing):
    stored = hash_password("Samarinda#2024")
    assert stored.startswith("$argon2id$")
    assert verify_password(stored, "Samarinda#2024")
    assert not verify_password(stored, "samarinda#2024")
    assert not verify_password("not-a-hash", "Samarinda#2024")
    with pytest.raises(ValueError):
        hash_password("pendek")
