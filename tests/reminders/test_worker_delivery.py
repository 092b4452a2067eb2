"""Reminders end to end: the dispatcher, a real worker on Redis, a real SMTP server.

The worker thread sees real time (the stale rule reads the clock), so reminders are made due a
minute ago rather than frozen.
"""

import datetime as dt
import threading
from collections.abc import Iterator
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.utils import timezone

from apps.accounts.models import User
from apps.outbox.models import Message, Status
from apps.outbox.tasks import enqueue
from apps.reminders import tasks, tokens
from apps.reminders.models import Kind, Preferences, Reminder
from apps.reminders.tasks import dispatch_due
from tests.celery_smtp import Mailbox, Tasks, running_worker, smtp_server, wait_for
from tests.checkins.conftest import checkin
from tests.conftest import make_user

NOTE = "Note about my boss"


@pytest.fixture
def mailbox(settings) -> Iterator[Mailbox]:
    settings.SITE_URL = "https://pacewise.example"
    with smtp_server(settings) as box:
        yield box


@pytest.fixture
def worker(transactional_db, mailbox) -> Iterator[Tasks]:
    with running_worker() as tasks:
        yield tasks


def due_now(user: User, now: dt.datetime, **prefs: object) -> None:
    """Check-in reminders on and scheduled, then moved to a minute before `now`."""
    Preferences.objects.update_or_create(user=user, defaults={"checkin_enabled": True, **prefs})
    Reminder.objects.reschedule(user)
    Reminder.objects.filter(user=user, kind=Kind.CHECKIN).update(
        next_due_at=now - dt.timedelta(minutes=1)
    )


def settle(worker: Tasks) -> None:
    wait_for(worker.idle, "the worker to finish every queued task")


def test_a_due_check_in_reminder_is_delivered_once_with_one_click_unsubscribe(
    worker, mailbox, alice
):
    checkin(alice, days_ago=2, note=NOTE)
    now = timezone.now()
    due_now(alice, now)

    assert dispatch_due(now) == 1
    settle(worker)

    message = Message.objects.get(user=alice)
    [(recipients, sent)] = mailbox.received
    assert recipients == ["alice@example.com"]
    assert (sent["To"], sent["Subject"]) == ("alice@example.com", "A minute for yourself?")
    assert sent["Message-ID"] == message.message_id
    prefix = "<https://pacewise.example/unsubscribe/"
    token = sent["List-Unsubscribe"].removeprefix(prefix).removesuffix("/>")
    assert tokens.read(token) == (alice.pk, "checkin_enabled")
    assert sent["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    # On the wire as RFC 2369 wants it: the URL itself, neither folded nor RFC 2047-encoded.
    header_lines = mailbox.raw[0].split(b"\r\n\r\n")[0].decode("ascii").split("\r\n")
    assert f"List-Unsubscribe: <https://pacewise.example/unsubscribe/{token}/>" in header_lines
    assert [part.get_content_type() for part in sent.iter_parts()] == ["text/plain", "text/html"]
    text, html = (sent.get_body((kind,)).get_content() for kind in ("plain", "html"))
    assert "Hello Alice" in text
    assert "Hello Alice" in html
    assert NOTE not in text + html
    assert (message.status, message.attempts, message.last_error) == (Status.SENT, 0, "")
    berlin_day = (now - dt.timedelta(minutes=1)).astimezone(ZoneInfo("Europe/Berlin")).date()
    assert (message.kind, message.ref) == (Kind.CHECKIN, berlin_day.isoformat())


def test_a_refused_first_attempt_is_built_again_and_delivered_exactly_once(worker, mailbox, alice):
    mailbox.refuse_next = 1
    now = timezone.now()
    due_now(alice, now)

    dispatch_due(now)
    wait_for(
        lambda: Message.objects.filter(user=alice, status=Status.PENDING, attempts=1).exists(),
        "the mail server to refuse the first attempt",
    )
    refused = Message.objects.get(user=alice)
    assert (refused.status, refused.last_error, refused.attempts) == (
        Status.PENDING,
        "SMTPDataError",
        1,
    )
    settle(worker)  # the first retry waits its backoff, then the server accepts

    assert mailbox.recipients() == ["alice@example.com"]
    refused.refresh_from_db()
    assert (refused.status, refused.last_error, refused.attempts) == (Status.SENT, "", 1)


def test_two_dispatchers_at_once_send_every_person_exactly_one_reminder(
    worker, mailbox, monkeypatch
):
    monkeypatch.setattr(tasks, "BATCH_SIZE", 20)  # many small batches, so the two interleave
    now = timezone.now()
    zones = ("Europe/Berlin", "America/Chicago", "Australia/Adelaide", "Asia/Tokyo")
    users = [make_user(f"runner{n}@example.com", time_zone=zones[n % 4]) for n in range(200)]
    for user in users:
        due_now(user, now)
    start, claimed, errors = threading.Barrier(2), [], []

    def dispatcher() -> None:
        try:
            start.wait(timeout=5)
            claimed.append(dispatch_due(now))
        except Exception as exc:  # reported by the assertion below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=dispatcher) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=20)
    assert errors == []
    assert sum(claimed) == 200
    settle(worker)

    assert mailbox.recipients() == sorted(user.email for user in users)
    rows = list(Message.objects.values_list("user_id", "kind", "ref", "status", "attempts"))
    assert len(rows) == len({row[:3] for row in rows}) == 200
    assert {row[3:] for row in rows} == {(Status.SENT, 0)}


def test_unverified_inactive_paused_and_deleted_people_get_nothing(worker, mailbox, alice):
    now = timezone.now()
    unverified = make_user("bob@example.com", verified=False)
    inactive = make_user("carol@example.com", is_active=False)
    deleted_early = make_user("dave@example.com")
    paused = make_user("erin@example.com")
    deleted_late = make_user("frank@example.com")
    for user in (alice, unverified, inactive, deleted_early, deleted_late):
        due_now(user, now)
    due_now(paused, now, paused_until=now + dt.timedelta(days=3))
    deleted_early.delete()  # after scheduling, before the dispatcher runs

    held: list[int] = []
    assert dispatch_due(now, held.extend) == 5
    deleted_late.delete()  # after dispatch, before the worker takes the message
    enqueue(held)
    settle(worker)

    assert mailbox.recipients() == ["alice@example.com"]
    assert sorted(Message.objects.values_list("user__email", "status", "reason")) == [
        ("alice@example.com", Status.SENT, ""),
        ("bob@example.com", Status.SKIPPED, "unverified"),
        ("carol@example.com", Status.SKIPPED, "inactive"),
        ("erin@example.com", Status.SKIPPED, "paused"),
    ]
