"""Production refuses to start without good field-encryption keys, and never echoes a key."""

import pytest

from tests.config.test_deploy import PRODUCTION_ENV, manage


@pytest.mark.parametrize(
    ("keys", "error"),
    [
        ("", "FIELD_ENCRYPTION_KEYS must be set"),
        ("KjWW8zVyKiVR1qiVE5uymnwkIJL0ofN7Go3J3vD-zao=", "must not include the development-only"),
        ("not-a-key", "key 1 is not a Fernet key"),
    ],
)
def test_production_refuses_missing_development_or_malformed_keys(keys, error):
    result = manage("check", env={**PRODUCTION_ENV, "FIELD_ENCRYPTION_KEYS": keys})

    assert result.returncode != 0
    assert error in result.stderr
    assert "not-a-key" not in result.stderr
