"""Authenticator-app codes as a phone computes them (RFC 6238: SHA-1, 6 digits, 30 seconds)."""

import base64
import hashlib
import hmac
import struct
import time

SECRET = "JBSWY3DPEHPK3PXP"  # base32, as an authenticator app is given it


def code(secret: str, at: float | None = None) -> str:
    counter = int(time.time() if at is None else at) // 30
    digest = hmac.new(base64.b32decode(secret), struct.pack(">Q", counter), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    number = struct.unpack(">I", digest[offset : offset + 4])[0] & 0x7FFFFFFF
    return f"{number % 1_000_000:06d}"
