"""Nothing lost, counted: real worker and beat processes, a real SMTP server, faults made real.

A worker killed with SIGKILL in the middle of a batch, a Redis without persistence restarted
while messages wait in it, the database connection cut as a message is accepted. Each time,
every message arrives, and a repeat is only the one message in flight, with its Message-ID.
The worker and beat processes run on the tests' settings, whose outbox timeouts are scaled down
(seconds, not minutes: config/settings/test.py); that production's meet their promise is
checked in tests/outbox/test_settings.py.
"""

import os
import signal
import threading
import time
from collections import Counter

import psycopg
import pytest
from aiosmtpd.controller import Controller
from django.conf import settings as django_settings
from django.db import connection

from apps.outbox.models import Message, Status
from apps.outbox.tasks import enqueue
from tests.celery_smtp import (
    WORKER_DB_NAME,
    Mailbox,
    beat_process,
    free_port,
    process_env,
    publishing_to,
    redis_server,
    wait_for,
    worker_process,
)
from tests.outbox.conftest import stored

pytestmark = pytest.mark.django_db(transaction=True)


def delivered_once_each(mailbox, messages) -> Counter:
    """Every message arrived, recognisably itself; returns how often each Message-ID came."""
    counts = Counter(mailbox.message_ids())
    assert set(counts) == {m.message_id for m in messages}
    assert set(Message.objects.values_list("status", flat=True)) == {Status.SENT}
    return counts


def all_sent(count: int):
    return lambda: Message.objects.filter(status=Status.SENT).count() == count


def test_a_worker_killed_mid_batch_loses_nothing_and_repeats_at_most_one(mailbox, tmp_path):
    messages = stored(500)  # ten tasks of fifty
    env = process_env(mailbox.port, django_settings.REDIS_URL)
    with publishing_to(django_settings.REDIS_URL):
        enqueue([m.pk for m in messages])

    with worker_process(env, tmp_path / "w1.log") as first:
        # SIGKILL as the server accepts the 125th: halfway through the third task's fifty.
        mailbox.on_accept = lambda count: count == 125 and os.kill(first.pid, signal.SIGKILL)
        first.wait(timeout=60)
    mailbox.on_accept = None
    assert len(mailbox.received) < 500
    dead_claim = set(Message.objects.filter(status=Status.SENDING).values_list("pk", flat=True))
    assert dead_claim  # the killed worker's batch, claimed and left unsent
    with (
        worker_process(env, tmp_path / "w2.log", name="w2"),
        beat_process(env, tmp_path / "beat.log"),
    ):
        wait_for(all_sent(500), "every message to be sent", timeout=120)

    counts = delivered_once_each(mailbox, messages)
    assert sum(counts.values()) - 500 <= 1, counts.most_common(3)
    # The dead claim went round through the sweep; no send failed, so no attempt counts.
    assert Message.objects.filter(pk__in=dead_claim, status=Status.SENT).count() == len(dead_claim)
    assert set(Message.objects.values_list("attempts", flat=True)) == {0}


def test_redis_restarted_without_persistence_loses_nothing_and_all_goes_out_soon(mailbox, tmp_path):
    port = free_port()
    broker = f"redis://127.0.0.1:{port}/0"
    messages = stored(400)
    env = process_env(mailbox.port, broker)
    with redis_server(port, tmp_path / "redis.log"), publishing_to(broker):
        enqueue([m.pk for m in messages])  # queued, and no worker yet
    with redis_server(port, tmp_path / "redis-again.log"):  # back, and empty
        returned = time.monotonic()
        with worker_process(env, tmp_path / "w.log"), beat_process(env, tmp_path / "beat.log"):
            wait_for(all_sent(400), "every message to be sent", timeout=120)
        took = time.monotonic() - returned

    counts = delivered_once_each(mailbox, messages)
    assert set(counts.values()) == {1}
    # Swept within the grace period and a sweep's interval; a few seconds more to send them.
    swept_within = django_settings.OUTBOX_QUEUE_GRACE + django_settings.OUTBOX_SWEEP_SECONDS
    assert took < swept_within + 30, took


class DatabaseCutter:
    """Terminates the worker's database connections the moment the SMTP server accepts the
    nth message, and can keep the database closed to new connections for a while."""

    def __init__(self, at: int, closed_for: float = 0.0) -> None:
        db = connection.settings_dict
        self.db = db["NAME"]
        self.conn = psycopg.connect(
            host=db["HOST"], port=db["PORT"], user=db["USER"], dbname="postgres", autocommit=True
        )
        self.at, self.closed_for = at, closed_for
        self.cut = threading.Event()

    def __call__(self, accepted: int) -> None:
        if accepted != self.at:
            return
        if self.closed_for:
            self.conn.execute(f'ALTER DATABASE "{self.db}" ALLOW_CONNECTIONS false')
            threading.Timer(self.closed_for, self.reopen).start()
        self.conn.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = %s",
            [WORKER_DB_NAME],
        )
        self.cut.set()

    def reopen(self) -> None:
        self.conn.execute(f'ALTER DATABASE "{self.db}" ALLOW_CONNECTIONS true')

    def close(self) -> None:
        self.reopen()
        self.conn.close()


def test_a_cut_database_connection_is_reopened_to_record_the_delivery(mailbox, tmp_path):
    messages = stored(60)
    cutter = DatabaseCutter(at=10)
    mailbox.on_accept = cutter
    env = process_env(mailbox.port, django_settings.REDIS_URL)
    try:
        with publishing_to(django_settings.REDIS_URL):
            enqueue([m.pk for m in messages])
        with worker_process(env, tmp_path / "w.log"):
            wait_for(all_sent(60), "every message to be sent", timeout=60)
    finally:
        cutter.close()

    assert cutter.cut.is_set()
    counts = delivered_once_each(mailbox, messages)
    assert set(counts.values()) == {1}  # the delivery was recorded on a fresh connection
    assert "reconnecting" in (tmp_path / "w.log").read_text()


def test_a_delivery_that_cannot_be_recorded_is_repeated_once_with_the_same_message_id(
    mailbox, tmp_path
):
    messages = stored(30)
    # Closed for longer than a sender keeps trying to record it: as long as its claim holds.
    cutter = DatabaseCutter(at=10, closed_for=django_settings.OUTBOX_CLAIM_TIMEOUT + 2)
    mailbox.on_accept = cutter
    env = process_env(mailbox.port, django_settings.REDIS_URL)
    try:
        with publishing_to(django_settings.REDIS_URL):
            enqueue([m.pk for m in messages])
        with worker_process(env, tmp_path / "w.log"), beat_process(env, tmp_path / "beat.log"):
            wait_for(all_sent(30), "every message to be sent", timeout=90)
    finally:
        cutter.close()

    counts = delivered_once_each(mailbox, messages)
    [(repeated, twice)] = [(mid, n) for mid, n in counts.items() if n > 1]
    assert twice == 2
    assert mailbox.message_ids()[9] == repeated  # the tenth, accepted as the database went
    assert not Message.objects.filter(status=Status.FAILED).exists()


def test_a_slow_relay_that_then_drops_out_for_three_seconds_loses_nothing(tmp_path):
    """A relay taking a quarter of a second a message: each claim sends what fits in its budget
    (OUTBOX_SEND_BUDGET, a second here) and hands the rest back, again and again. Those hand-backs
    are not attempts, so when the relay then goes away for three seconds, the failed sends wait
    their backoff and every message still arrives, none given up on."""
    mailbox = Mailbox()
    mailbox.delay = 0.25
    port = free_port()

    def relay() -> Controller:
        controller = Controller(
            mailbox, hostname="127.0.0.1", port=port, server_hostname="localhost"
        )
        controller.start()
        return controller

    controller = relay()
    messages = stored(50)
    twenty_in = threading.Event()
    mailbox.on_accept = lambda count: count == 20 and twenty_in.set()
    env = process_env(port, django_settings.REDIS_URL)
    with publishing_to(django_settings.REDIS_URL):
        enqueue([m.pk for m in messages])
    try:
        with worker_process(env, tmp_path / "w.log"), beat_process(env, tmp_path / "beat.log"):
            assert twenty_in.wait(60), "the slow relay took twenty messages"
            # By now every unsent message has been claimed and handed back several times.
            controller.stop()  # the relay goes away: connections refused, the one in flight cut
            time.sleep(3)
            controller = relay()
            wait_for(all_sent(50), "every message to be sent", timeout=120)
    finally:
        controller.stop()

    counts = delivered_once_each(mailbox, messages)
    assert sum(counts.values()) - 50 <= 1, counts.most_common(3)  # at most the one in flight
    attempts = list(Message.objects.values_list("attempts", flat=True))
    assert max(attempts) >= 1  # the dropout's failed sends counted...
    assert max(attempts) < len(django_settings.OUTBOX_BACKOFF)  # ...and only they did
