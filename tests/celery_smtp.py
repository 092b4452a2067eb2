"""A real SMTP server and real Celery workers, for the delivery tests.

The SMTP server is aiosmtpd on a free local port: it can refuse the next messages with a 451,
take its time over each one, or call back as it accepts one (to cut a database connection at
that moment, say). A worker runs in a thread of the test process (`running_worker`: it shares
the transactional test database), or as a real process (`worker_process`, with `beat_process`
and a Redis of its own, `redis_server`, for the fault tests: a process can be killed, a Redis
restarted). Nothing in the app is patched: only settings and environment point at these.
"""

import asyncio
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller
from celery.contrib.testing.worker import start_worker
from celery.signals import after_task_publish, task_postrun
from django.conf import settings as django_settings
from django.db import connection

from config.celery_app import app as celery_app

DEADLINE = 20.0  # seconds; generous: the tests' waits are tenths of seconds (settings/test.py)
ROOT = Path(__file__).resolve().parent.parent


class Mailbox:
    """The SMTP server's handler: keeps what it accepts, and can refuse or slow the next ones."""

    def __init__(self) -> None:
        self.refuse_next = 0
        self.refused = 0
        self.delay = 0.0  # seconds to take over each message before accepting it
        self.unknown: set[str] = set()  # recipients refused for good (550)
        self.on_accept: Callable[[int], None] | None = None  # called with the count so far
        self.received: list[tuple[list[str], EmailMessage]] = []
        self.raw: list[bytes] = []  # each accepted message as it came over the wire
        self._lock = threading.Lock()

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options) -> str:
        if address in self.unknown:
            return "550 5.1.1 No such mailbox"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope) -> str:  # aiosmtpd hook
        if self.delay:
            await asyncio.sleep(self.delay)
        with self._lock:
            if self.refuse_next:
                self.refuse_next -= 1
                self.refused += 1
                return "451 4.3.0 Try again later"
            message = message_from_bytes(envelope.content, policy=policy.default)
            self.received.append((list(envelope.rcpt_tos), message))
            self.raw.append(envelope.content)
            count = len(self.received)
        if self.on_accept:
            await asyncio.to_thread(self.on_accept, count)  # a thread may use Django's ORM
        return "250 OK"

    def recipients(self) -> list[str]:
        return sorted(rcpt for rcpts, _ in self.received for rcpt in rcpts)

    def message_ids(self) -> list[str]:
        with self._lock:
            return [message["Message-ID"] for _, message in self.received]


class Tasks:
    """What the broker was given and what the worker finished, as seen by Celery's signals.

    Only this test's tasks count: one an earlier test left in Redis (a retry's countdown, say)
    may still come round, and must not pass for one of these."""

    def __init__(self) -> None:
        self.published: list[str] = []
        self.finished: list[tuple[str, tuple, str]] = []
        self.ids: set[str] = set()  # of the tasks published here

    def on_publish(self, sender: str, headers: dict, **kwargs) -> None:
        self.ids.add(headers["id"])
        self.published.append(sender)

    def on_postrun(self, sender, task_id, args, state, **kwargs) -> None:
        if task_id in self.ids:
            self.finished.append((sender.name, tuple(args or ()), state))

    def idle(self) -> bool:
        """Something was published, every published message (retries included) has run, and
        none is waiting. Before the first publish this is false, so a wait cannot pass early."""
        return (
            bool(self.published)
            and len(self.finished) == len(self.published)
            and (queued_messages() == 0)
        )


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
    with celery_app.connection_for_write() as conn:
        return conn.default_channel.client.llen(celery_app.conf.task_default_queue)


@contextmanager
def smtp_server(settings) -> Iterator[Mailbox]:
    """aiosmtpd on a free port, made the default mailer through pytest-django's `settings`."""
    handler = Mailbox()
    port = free_port()
    controller = Controller(handler, hostname="127.0.0.1", port=port, server_hostname="localhost")
    controller.start()
    handler.port = port
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
    """A solo-pool worker thread consuming from the test Redis; tasks no longer run eagerly."""
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


# --- Real processes ---------------------------------------------------------------------------
@contextmanager
def publishing_to(broker_url: str) -> Iterator[None]:
    """Tasks this process queues go to that broker, not run eagerly (no worker in this process)."""
    conf = celery_app.conf
    saved = conf.task_always_eager, conf.broker_url
    conf.update(task_always_eager=False, broker_url=broker_url)
    reset_broker_connections()
    try:
        yield
    finally:
        conf.update(task_always_eager=saved[0], broker_url=saved[1])
        reset_broker_connections()


def reset_broker_connections() -> None:
    """Forget pooled broker connections so the next publish connects to the current URL."""
    from kombu import pools

    pools.reset()
    celery_app.close()  # its connection pool; the next publish opens one on the current URL
    del celery_app.amqp  # and its producer pool, made again from the current URL when asked


WORKER_DB_NAME = "pacewise-test-worker"  # application_name of a worker process's connections


def process_env(smtp_port: int, broker_url: str, **extra: object) -> dict[str, str]:
    """The environment of a worker or beat process: the test database, this broker, this SMTP
    server, tasks not eager, and whatever else is given (e.g. OUTBOX_SEND_BUDGET=0.5)."""
    db = connection.settings_dict
    env = os.environ.copy()
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings.test",
        DATABASE_URL=(
            f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"
            f"?application_name={WORKER_DB_NAME}"
        ),
        # This run's Redis databases (REDIS_URL, CACHE_URL), whatever the environment's default.
        REDIS_URL=django_settings.REDIS_URL,
        CACHE_URL=django_settings.CACHE_URL,
        CELERY_BROKER_URL=broker_url,
        CELERY_TASK_ALWAYS_EAGER="false",
        EMAIL_URL=f"smtp://127.0.0.1:{smtp_port}",
        # This test's VAPID pair, so that its push service can check the worker's signature.
        VAPID_PRIVATE_KEY=django_settings.VAPID_PRIVATE_KEY,
        VAPID_PUBLIC_KEY=django_settings.VAPID_PUBLIC_KEY,
        PYTHONUNBUFFERED="1",
        **{key: str(value) for key, value in extra.items()},
    )
    return env


@contextmanager
def celery_process(
    kind: str, env: dict[str, str], log: Path, ready: bytes, *args: str
) -> Iterator[subprocess.Popen]:
    command = [sys.executable, "-m", "celery", "--app", "config", kind, "--loglevel", "INFO", *args]
    with log.open("ab") as out:
        process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=out, stderr=out)
    try:
        wait_for(
            lambda: ready in log.read_bytes() or process.poll() is not None,
            f"celery {kind} to start",
            timeout=30,
        )
        if process.poll() is not None:
            pytest.fail(f"celery {kind} exited:\n{log.read_text()[-3000:]}")
        yield process
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def worker_process(env: dict[str, str], log: Path, name: str = "w1"):
    """A real worker process (solo pool), ready to take tasks."""
    return celery_process(
        "worker",
        env,
        log,
        b" ready.",
        "--pool",
        "solo",
        "--without-mingle",
        "--without-gossip",
        f"--hostname={name}@%h",
    )


def beat_process(env: dict[str, str], log: Path):
    """A real beat process, its schedule file beside its log."""
    schedule = log.with_suffix(".schedule")
    return celery_process("beat", env, log, b"beat: Starting", "--schedule", str(schedule))


@contextmanager
def redis_server(port: int, log: Path) -> Iterator[subprocess.Popen]:
    """A Redis of the test's own that keeps nothing on disk: restart it and its queues are gone."""
    command = [
        "redis-server",
        *("--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"),
        *("--dir", str(log.parent), "--logfile", str(log)),
    ]
    process = subprocess.Popen(command)
    try:
        wait_for(lambda: port_open(port), "Redis to listen", timeout=10)
        yield process
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()


def port_open(port: int) -> bool:
    with socket.socket() as sock:
        return sock.connect_ex(("127.0.0.1", port)) == 0
