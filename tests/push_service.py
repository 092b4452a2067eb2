"""A push service of the tests' own, and browsers to subscribe to it: web push end to end,
without the internet.

The service listens on a free local port and checks each request as a browser vendor's push
service would: the VAPID token (RFC 8292: its signature against the site's public key, its
audience, its expiry, its contact) and the encoding. It then decrypts the payload as the
browser would (RFC 8291, aes128gcm, with the subscription's own private key and auth secret).
It answers 201, or whatever statuses a test asks for, in turn, per device.
"""

import json
import os
import secrets
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import http_ece
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.utils import encode_dss_signature
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat
from django.conf import settings

from apps.outbox.models import PushSubscription
from apps.outbox.vapid import b64url, b64url_decode

# A browser's keys, for devices that are never sent to (the data and authorization sweeps).
SAMPLE_KEYS = {
    "p256dh": "BNcRdreALRFXTkOOUHK1EtK2wtaz5Ry4YfYCA_0QTpQtUbVlUls0VJXg7A8u"
    "-Ts1XbjhazAkj7I99e8QcYP7DkM",
    "auth": "tBHItJI5svbpez7KI4CCXg",
}


class Browser:
    """One browser's subscription: its own P-256 key pair and auth secret, as it makes them."""

    def __init__(self, service: "PushService") -> None:
        self.key = ec.generate_private_key(ec.SECP256R1())
        self.auth = os.urandom(16)
        self.token = secrets.token_urlsafe(12)
        self.endpoint = f"{service.url}/push/{self.token}"
        service.browsers[self.token] = self

    def device_of(self, user: object, label: str = "Phone") -> PushSubscription:
        """This browser kept as the user's device, as subscribing from the page would."""
        return PushSubscription.objects.create(
            user=user, endpoint=self.endpoint, label=label, **self.subscription()["keys"]
        )

    def subscription(self) -> dict:
        """As PushSubscription.toJSON() gives it in a browser."""
        public = self.key.public_key().public_bytes(Encoding.X962, PublicFormat.UncompressedPoint)
        return {
            "endpoint": self.endpoint,
            "keys": {"p256dh": b64url(public), "auth": b64url(self.auth)},
        }


@dataclass
class Push:
    token: str
    status: int
    payload: dict
    claims: dict
    headers: dict[str, str]  # by lower-case name


@dataclass
class PushService:
    url: str = ""
    browsers: dict[str, Browser] = field(default_factory=dict)
    pushes: list[Push] = field(default_factory=list)  # every request that passed the checks
    refused: list[str] = field(default_factory=list)  # why a request failed them
    answers: dict[str, list[int]] = field(default_factory=dict)  # statuses to give, in turn
    delay: float = 0.0
    on_accept: Callable[[int], None] | None = None  # called with the deliveries so far
    lock: threading.Lock = field(default_factory=threading.Lock)

    def answer(self, browser: Browser, *statuses: int) -> None:
        self.answers[browser.token] = list(statuses)

    def delivered(self, browser: Browser | None = None) -> list[dict]:
        """The payloads accepted (2xx), for one browser or all."""
        with self.lock:
            return [
                push.payload
                for push in self.pushes
                if push.status < 300 and (browser is None or push.token == browser.token)
            ]

    def check(self, handler: BaseHTTPRequestHandler, browser: Browser, body: bytes) -> tuple:
        """(claims, payload), or raise ValueError saying what a push service would refuse."""
        if handler.headers.get("Content-Encoding") != "aes128gcm":
            raise ValueError("not aes128gcm")
        if not handler.headers.get("TTL", "").isdigit():
            raise ValueError("no TTL")
        scheme, _, params = handler.headers.get("Authorization", "").partition(" ")
        parts = dict(part.strip().split("=", 1) for part in params.split(","))
        if scheme != "vapid" or parts.get("k") != settings.VAPID_PUBLIC_KEY:
            raise ValueError("not signed with the site's VAPID key")
        head, claims_text, signature = parts["t"].split(".")
        if json.loads(b64url_decode(head)) != {"typ": "JWT", "alg": "ES256"}:
            raise ValueError("not an ES256 JWT")
        raw = b64url_decode(signature)
        public = ec.EllipticCurvePublicKey.from_encoded_point(
            ec.SECP256R1(), b64url_decode(parts["k"])
        )
        try:
            public.verify(
                encode_dss_signature(int.from_bytes(raw[:32]), int.from_bytes(raw[32:])),
                f"{head}.{claims_text}".encode(),
                ec.ECDSA(hashes.SHA256()),
            )
        except InvalidSignature:
            raise ValueError("bad signature") from None
        claims = json.loads(b64url_decode(claims_text))
        if claims.get("aud") != self.url:
            raise ValueError(f"audience {claims.get('aud')!r}")
        if not time.time() < claims.get("exp", 0) <= time.time() + 24 * 3600:
            raise ValueError("expired, or good for more than 24 hours")
        if not claims.get("sub", "").startswith(("mailto:", "https://")):
            raise ValueError("no contact")
        plain = http_ece.decrypt(
            body, private_key=browser.key, auth_secret=browser.auth, version="aes128gcm"
        )
        return claims, json.loads(plain)


def handler_for(service: PushService) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"  # keep-alive, as a real push service

        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
            browser = service.browsers.get(self.path.removeprefix("/push/"))
            if service.delay:
                time.sleep(service.delay)
            if browser is None:
                return self.reply(404)
            try:
                claims, payload = service.check(self, browser, body)
            except (ValueError, KeyError) as exc:
                with service.lock:
                    service.refused.append(str(exc))
                return self.reply(403)
            with service.lock:
                waiting = service.answers.get(browser.token)
                status = waiting.pop(0) if waiting else 201
                headers = {name.lower(): value for name, value in self.headers.items()}
                service.pushes.append(Push(browser.token, status, payload, claims, headers))
                count = sum(1 for push in service.pushes if push.status < 300)
            if status < 300 and service.on_accept:
                service.on_accept(count)
            self.reply(status)

        def reply(self, status: int) -> None:
            self.send_response(status)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *args: object) -> None:
            pass

    return Handler


@contextmanager
def push_service() -> Iterator[PushService]:
    service = PushService()
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler_for(service))
    server.daemon_threads = True
    service.url = f"http://127.0.0.1:{server.server_address[1]}"
    # Polled every 20 ms for shutdown, not Python's 0.5 s: every test with a push service waited
    # that long to end.
    thread = threading.Thread(target=server.serve_forever, args=(0.02,), daemon=True)
    thread.start()
    try:
        yield service
    finally:
        server.shutdown()
        server.server_close()
