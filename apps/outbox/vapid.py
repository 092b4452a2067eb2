"""VAPID keys (RFC 8292): the key pair that signs every web push request as this site's.

Both halves travel as base64url without padding, the form browsers take as a push
subscription's `applicationServerKey`: the private key is the raw 32-byte scalar, the public key
the 65-byte uncompressed point. Settings import this module, so it needs nothing but
cryptography.
"""

import base64
import binascii

from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def b64url_decode(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def generate() -> tuple[str, str]:
    """A new (private, public) pair."""
    key = ec.generate_private_key(ec.SECP256R1())
    return b64url(key.private_numbers().private_value.to_bytes(32, "big")), public_of(key)


def public_of(key: ec.EllipticCurvePrivateKey) -> str:
    return b64url(key.public_key().public_bytes(Encoding.X962, PublicFormat.UncompressedPoint))


def private_key(private: str) -> ec.EllipticCurvePrivateKey:
    """The private key of its base64url text; ValueError if it is not one."""
    try:
        raw = b64url_decode(private)
    except (binascii.Error, ValueError):
        raise ValueError("not base64url") from None
    if len(raw) != 32:
        raise ValueError("not a 32-byte P-256 private key")
    return ec.derive_private_key(int.from_bytes(raw, "big"), ec.SECP256R1())


def problem(private: str, public: str, subject: str) -> str:
    """What is wrong with this configuration, in a sentence, or "" if nothing is."""
    if not (private and public and subject):
        return "VAPID_PRIVATE_KEY, VAPID_PUBLIC_KEY and VAPID_SUBJECT must all be set"
    try:
        key = private_key(private)
    except ValueError as exc:
        return f"VAPID_PRIVATE_KEY is {exc}"
    if public_of(key) != public:
        return "VAPID_PUBLIC_KEY is not the public half of VAPID_PRIVATE_KEY"
    if not subject.startswith(("mailto:", "https://")):
        return "VAPID_SUBJECT must be a mailto: address or an https:// URL"
    return ""
