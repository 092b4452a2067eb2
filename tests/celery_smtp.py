"""A real Celery worker on the test Redis and a real SMTP server, for the email delivery tests.

The worker runs in a thread of the test process, so it shares the (transactional) test database;
the SMTP server is aiosmtpd on a free local port and can refuse messages with a 451. Nothing in
the app is patched: only the MAILERS setting points at the local server.
"""

import socket
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from email import message_from_bytes, policy
from email.message import EmailMessage

import pytest
from aiosmtpd.controller import Controller
from celery.contrib.testing.worker import start_worker
from celery.signals import after_task_publish, task_postrun
from django.conf import settings as django_settings

from config.celery_app import app as celery_app

DEADLINE = 20.0  # seconds; the first retry alone waits 10


class Mailbox:
    """The SMTP server's handler: keeps what it accepts, and can refuse the next messages."""

    def __init__(self) -> None:
        self.refuse_next = 0
        self.refused = 0
        self.received: list[tuple[list[str], EmailMessage]] = []
        self.raw: list[bytes] = []  # each accepted message as it came over the wire
        self._lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope) -> str:  # aiosmtpd hook
        with self._lock:
            if self.refuse_next:
                self.refuse_next -= 1
                self.refused += 1
                return "451 4.3.0 Try again later"
            message = message_from_bytes(envelope.content, policy=policy.default)
            self.received.append((list(envelope.rcpt_tos), message))
            self.raw.append(envelope.content)
        return "250 OK"

    def recipients(self) -> list[str]:
        return sorted(rcpt for rcpts, _ in self.received for rcpt in rcpts)


class Tasks:
    """What the broker was given and what the worker finished, as seen by Celery's signals."""

    def __init__(self) -> None:
        self.published: list[str] = []
        self.finished: list[tuple[str, tuple, str]] = []

    def on_publish(self, sender: str, **kwargs) -> None:
        self.published.append(sender)

    def on_postrun(self, sender, args, state, **kwargs) -> None:
        self.finished.append((sender.name, tuple(args or ()), state))

    def idle(self) -> bool:
        """Every published message (retries included) has run and none is waiting."""
        return len(self.finished) == len(self.published) and queued_messages() == 0


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(condition: Callable[[], bool], what: str, timeout: float = DEADLINE) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail(f"Timed out after {timeout:.0f} s waiting for {what}.")
        time.sleep(0.05)


def queued_messages() -> int:
    """Task messages waiting in the broker's default queue (not yet taken by a worker)."""
    with celery_app.connection_for_write() as connection:
        return connection.default_channel.client.llen(celery_app.conf.task_default_queue)


@contextmanager
def smtp_server(settings) -> Iterator[Mailbox]:
    """aiosmtpd on a free port, made the default mailer through pytest-django's `settings`."""
    handler = Mailbox()
    port = free_port()
    controller = Controller(handler, hostname="127.0.0.1", port=port, server_hostname="localhost")
    controller.start()
    # Django resolves MAILERS on every send, so this override (after the test runner's locmem
    # swap) is what the worker thread uses.
    settings.MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": port, "timeout": 5},
        }
    }
    try:
        yield handler
    finally:
        controller.stop()


@contextmanager
def running_worker() -> Iterator[Tasks]:
    """A solo-pool worker consuming from the test Redis, with tasks no longer run eagerly."""
    conf = celery_app.conf
    saved = {
        key: conf[key] for key in ("task_always_eager", "broker_url", "worker_hijack_root_logger")
    }
    conf.update(
        task_always_eager=False,
        broker_url=django_settings.REDIS_URL,
        worker_hijack_root_logger=False,
    )
    celery_app.control.purge()
    tasks = Tasks()
    after_task_publish.connect(tasks.on_publish, weak=False)
    task_postrun.connect(tasks.on_postrun, weak=False)
    try:
        with start_worker(celery_app, pool="solo", perform_ping_check=False, shutdown_timeout=15):
            yield tasks
    finally:
        task_postrun.disconnect(tasks.on_postrun)
        after_task_publish.disconnect(tasks.on_publish)
        celery_app.control.purge()
        conf.update(saved)
