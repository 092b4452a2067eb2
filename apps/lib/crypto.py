"""Encryption at rest for free text: Fernet tokens under settings.FIELD_ENCRYPTION_KEYS.

The keys are a list of Fernet keys, newest first, independent of SECRET_KEY. The newest one
encrypts; every one of them decrypts, so a new key can be put in front of the old ones, the
stored values re-encrypted (`manage.py rotate_encryption_keys`), and the old key then removed.
"""

from functools import cache

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.signals import setting_changed
from django.dispatch import receiver

__all__ = ["InvalidToken", "decrypt", "encrypt", "fernet", "is_current", "rotate"]


@cache
def keys() -> tuple[Fernet, ...]:
    configured = settings.FIELD_ENCRYPTION_KEYS
    if isinstance(configured, str | bytes):
        raise ImproperlyConfigured("FIELD_ENCRYPTION_KEYS must be a list of keys, newest first.")
    if not configured:
        raise ImproperlyConfigured(
            "FIELD_ENCRYPTION_KEYS is empty: set it to one or more Fernet keys, newest first."
        )
    fernets = []
    for position, key in enumerate(configured, start=1):
        try:
            fernets.append(Fernet(key))
        except (TypeError, ValueError):
            # Never echo the key itself into a traceback or a log.
            raise ImproperlyConfigured(
                f"FIELD_ENCRYPTION_KEYS: key {position} is not a Fernet key "
                "(32 url-safe base64-encoded bytes)."
            ) from None
    return tuple(fernets)


@cache
def fernet() -> MultiFernet:
    """Encrypts with the first key, decrypts with any of them."""
    return MultiFernet(list(keys()))


@receiver(setting_changed)
def _forget_keys(*, setting: str, **kwargs: object) -> None:
    # override_settings(FIELD_ENCRYPTION_KEYS=...) in tests, a rotation in a shell.
    if setting == "FIELD_ENCRYPTION_KEYS":
        keys.cache_clear()
        fernet.cache_clear()


def encrypt(text: str) -> str:
    return fernet().encrypt(text.encode()).decode("ascii")


def decrypt(token: str) -> str:
    """The plaintext; raises InvalidToken when no configured key fits (or the token is damaged)."""
    return fernet().decrypt(token.encode("ascii", errors="replace")).decode()


def is_current(token: str) -> bool:
    """Whether the newest key alone decrypts the token, i.e. rotation has nothing to do."""
    try:
        keys()[0].decrypt(token.encode("ascii", errors="replace"))
    except InvalidToken:
        return False
    return True


def rotate(token: str) -> str:
    """The same plaintext (and timestamp) under the newest key; raises InvalidToken like decrypt."""
    return fernet().rotate(token.encode("ascii", errors="replace")).decode("ascii")
