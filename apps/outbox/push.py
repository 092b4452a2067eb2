"""Web push, the wire: a notification posted to a browser's push service, encrypted for that
browser alone (RFC 8291, aes128gcm, by pywebpush) and signed as this site's (VAPID, RFC 8292,
by py-vapid), over kept-alive urllib3 connections rather than pywebpush's own requests
session, a layer a push request needs nothing of.

What an answer means is the outbox's to decide (apps/outbox/tasks.py, send_pushes): here, a
notification goes out and its HTTP status comes back, or a urllib3 error says none came.
"""

import json
import threading
import time
import urllib.request
from urllib.parse import urlsplit

import urllib3
from django.conf import settings
from py_vapid import Vapid02
from pywebpush import WebPusher

from apps.outbox import vapid
from apps.outbox.models import Notification, PushSubscription

TIMEOUT = urllib3.Timeout(connect=3.05, read=10)  # seconds
# Notifications one sender posts at once (tasks.send_pushes), each on a kept-alive connection
# of its own: a push service is a network round trip away, and one at a time its latency would
# be the sender's pace. A crash repeats at most these, and a repeat replaces the notification on
# the device (the same tag) rather than showing a second one.
IN_FLIGHT = 16
# A VAPID token's life: push services refuse more than 24 hours; pywebpush's own default.
TOKEN_LIFETIME = 12 * 60 * 60


def configured() -> bool:
    return bool(settings.VAPID_PRIVATE_KEY and settings.VAPID_PUBLIC_KEY)


def payload(notification: Notification) -> bytes:
    """What the service worker reads (templates/offline/sw.js, on "push")."""
    fields = {
        "title": notification.title,
        "body": notification.body,
        "url": notification.url,
        "tag": notification.tag,
    }
    return json.dumps(fields, separators=(",", ":")).encode()


class Pusher:
    """One batch's connection to the push services: one pool, whose connections are
    kept alive from one notification to the next, and one signed token per push service.
    Its threads (tasks.send_pushes) share it: urllib3's pool is thread-safe, the tokens
    are made under a lock."""

    def __init__(self) -> None:
        self.vapid = Vapid02(vapid.private_key(settings.VAPID_PRIVATE_KEY))
        self.tokens: dict[str, dict[str, str]] = {}
        self.lock = threading.Lock()
        # The environment's proxy, if any (HTTPS_PROXY): push services are on the internet.
        proxy = urllib.request.getproxies().get("https")
        options = {"maxsize": IN_FLIGHT, "timeout": TIMEOUT, "retries": False}
        self.http = (
            urllib3.ProxyManager(proxy, **options) if proxy else urllib3.PoolManager(**options)
        )

    def __enter__(self) -> "Pusher":
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.http.clear()

    def authorization(self, endpoint: str) -> dict[str, str]:
        parts = urlsplit(endpoint)
        audience = f"{parts.scheme}://{parts.netloc}"
        with self.lock:
            if audience not in self.tokens:
                claims = {
                    "aud": audience,
                    "exp": int(time.time()) + TOKEN_LIFETIME,
                    "sub": settings.VAPID_SUBJECT,
                }
                self.tokens[audience] = self.vapid.sign(claims)
            return self.tokens[audience]

    def post(self, subscription: PushSubscription, notification: Notification) -> int:
        """Send one notification; returns the push service's HTTP status.

        Raises urllib3.exceptions.HTTPError when no answer came (refused, timed out, reset).
        """
        encrypted = WebPusher(subscription.info()).encode(payload(notification), "aes128gcm")
        headers = {
            **self.authorization(subscription.endpoint),
            "Content-Encoding": "aes128gcm",
            "Content-Type": "application/octet-stream",
            "TTL": str(notification.ttl),
            "Urgency": "normal",
        }
        response = self.http.request(
            "POST",
            subscription.endpoint,
            body=encrypted["body"],
            headers=headers,
            redirect=False,  # a push service answers; it never sends us elsewhere
        )
        return response.status
