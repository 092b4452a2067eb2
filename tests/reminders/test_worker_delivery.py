"""Reminder deliveries end to end: the dispatcher, a real worker on Redis, a real SMTP server.

The worker thread sees real time (the stale rule reads the clock), so reminders are made due a
minute ago rather than frozen. The daylight-saving tests need no worker: they run in-process.
"""

import datetime as dt
import threading
from collections.abc import Iterator
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core import mail
from django.db import connection
from django.utils import timezone

from apps.accounts.models import User
from apps.reminders import dispatch, schedule, sending, services, tokens
from apps.reminders.dispatch import dispatch_due
from apps.reminders.models import Delivery, Kind, Preferences, Reminder
from apps.reminders.tasks import queue_deliveries, send_deliveries
from tests.celery_smtp import Mailbox, Tasks, running_worker, smtp_server, wait_for
from tests.checkins.conftest import checkin
from tests.conftest import make_user

SEND = send_deliveries.name
PENDING, SENT, SKIPPED, FAILED = (
    Delivery.Status.PENDING,
    Delivery.Status.SENT,
    Delivery.Status.SKIPPED,
    Delivery.Status.FAILED,
)
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
    services.reschedule(user)
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

    delivery = Delivery.objects.get(user=alice)
    assert worker.finished == [(SEND, ([delivery.pk],), "SUCCESS")]
    [(recipients, sent)] = mailbox.received
    assert recipients == ["alice@example.com"]
    assert sent["To"] == "alice@example.com"
    assert sent["Subject"] == "A minute for yourself?"
    prefix = "<https://pacewise.example/unsubscribe/"
    assert sent["List-Unsubscribe"].startswith(prefix)
    assert sent["List-Unsubscribe"].endswith("/>")
    token = sent["List-Unsubscribe"].removeprefix(prefix).removesuffix("/>")
    assert tokens.read(token) == (alice.pk, "checkin_enabled")
    assert sent["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    # On the wire as RFC 2369 wants it: the URL itself, neither folded nor RFC 2047-encoded.
    [raw] = mailbox.raw
    header_lines = raw.split(b"\r\n\r\n")[0].decode("ascii").split("\r\n")
    assert f"List-Unsubscribe: <https://pacewise.example/unsubscribe/{token}/>" in header_lines
    assert sent.get_content_type() == "multipart/alternative"
    assert [part.get_content_type() for part in sent.iter_parts()] == ["text/plain", "text/html"]
    text, html = (sent.get_body((kind,)).get_content() for kind in ("plain", "html"))
    assert "Hello Alice" in text
    assert "Hello Alice" in html
    assert NOTE not in text + html
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts, delivery.error) == (SENT, 1, "")
    berlin_day = (now - dt.timedelta(minutes=1)).astimezone(ZoneInfo("Europe/Berlin")).date()
    assert delivery.slot == berlin_day.isoformat()


def test_a_refused_first_attempt_is_retried_and_delivered_exactly_once(worker, mailbox, alice):
    mailbox.refuse_next = 1
    now = timezone.now()
    due_now(alice, now)

    dispatch_due(now)
    wait_for(lambda: len(worker.finished) == 1, "the mail server to refuse the first attempt")
    refused = Delivery.objects.get(user=alice)
    assert worker.finished == [(SEND, ([refused.pk],), "RETRY")]
    assert (refused.status, refused.error, refused.attempts) == (PENDING, "SMTPDataError", 1)
    assert (mailbox.refused, mailbox.received) == (1, [])

    settle(worker)  # the first retry waits its 10 s countdown, then the server accepts

    assert worker.finished[1:] == [(SEND, ([refused.pk],), "SUCCESS")]
    assert mailbox.recipients() == ["alice@example.com"]
    refused.refresh_from_db()
    assert (refused.status, refused.error, refused.attempts) == (SENT, "", 2)


def test_two_dispatchers_at_once_send_every_person_exactly_one_reminder(
    worker, mailbox, monkeypatch
):
    monkeypatch.setattr(dispatch, "BATCH_SIZE", 20)  # many small batches, so the two interleave
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
    rows = list(Delivery.objects.values_list("user_id", "kind", "slot", "status", "attempts"))
    assert len(rows) == len({row[:3] for row in rows}) == 200
    assert {row[3:] for row in rows} == {(SENT, 1)}
    assert {state for _, _, state in worker.finished} == {"SUCCESS"}


def test_a_delivery_claimed_by_a_worker_that_died_is_never_sent_again_and_is_swept(
    worker, mailbox, alice
):
    now = timezone.now()
    due_now(alice, now)
    held: list[int] = []
    dispatch_due(now, held.extend)

    sending.claim(held)  # the worker that took the message died right after claiming
    send_deliveries.delay(held)  # so the broker hands the unacknowledged message out again
    settle(worker)

    assert worker.finished == [(SEND, (held,), "SUCCESS")]
    assert mailbox.received == []
    assert sending.sweep_interrupted(timezone.now()) == 0  # it may still be sending
    assert sending.sweep_interrupted(now + dt.timedelta(minutes=31)) == 1
    delivery = Delivery.objects.get(user=alice)
    assert (delivery.status, delivery.reason, delivery.attempts) == (FAILED, "interrupted", 1)


def test_a_duplicated_message_for_a_sent_delivery_sends_nothing(worker, mailbox, alice):
    now = timezone.now()
    due_now(alice, now)
    dispatch_due(now)
    settle(worker)
    delivery = Delivery.objects.get(user=alice)

    send_deliveries.delay([delivery.pk])
    settle(worker)

    assert worker.finished == [(SEND, ([delivery.pk],), "SUCCESS")] * 2
    assert mailbox.recipients() == ["alice@example.com"]
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts) == (SENT, 1)


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
    queue_deliveries(held)
    settle(worker)

    assert mailbox.recipients() == ["alice@example.com"]
    assert sorted(Delivery.objects.values_list("user__email", "status", "reason")) == [
        ("alice@example.com", SENT, ""),
        ("bob@example.com", SKIPPED, "unverified"),
        ("carol@example.com", SKIPPED, "inactive"),
        ("erin@example.com", SKIPPED, "paused"),
    ]


def run(now: dt.datetime, capture) -> int:
    """One beat tick at `now`, in-process: the send task runs eagerly into mail.outbox."""
    with time_machine.travel(now, tick=False), capture(execute=True):
        return dispatch_due(now, queue_deliveries)


def runner(time_zone: str, at: str) -> User:
    user = make_user("runner@example.com", time_zone=time_zone)
    Preferences.objects.create(
        user=user,
        checkin_enabled=True,
        checkin_time=dt.time.fromisoformat(at),
        summary_enabled=False,
    )
    return user


def utc(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(f"{text}Z")


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("time_zone", "at", "first", "second", "slots"),
    [
        # 19:00 CET on Saturday, 19:00 CEST on Sunday: an hour earlier in UTC.
        ("Europe/Berlin", "19:00", "2026-03-28 18:00", "2026-03-29 17:00", ("03-28", "03-29")),
        # Adelaide goes from UTC+9:30 to UTC+10:30 on Sunday 4 October.
        ("Australia/Adelaide", "19:00", "2026-10-03 09:30", "2026-10-04 08:30", ("10-03", "10-04")),
        # 02:30 does not exist that night: it is 03:30 ACDT, still Saturday in UTC.
        ("Australia/Adelaide", "02:30", "2026-10-02 17:00", "2026-10-03 17:00", ("10-03", "10-04")),
        # Far west: 19:00 in Chicago is already the next day in UTC.
        ("America/Chicago", "19:00", "2026-03-08 01:00", "2026-03-09 00:00", ("03-07", "03-08")),
    ],
)
def test_a_check_in_reminder_across_spring_forward_fires_at_local_time_in_its_local_day(
    time_zone, at, first, second, slots, django_capture_on_commit_callbacks
):
    first, second = utc(first), utc(second)
    user = runner(time_zone, at)
    with time_machine.travel(first - dt.timedelta(hours=12), tick=False):
        services.reschedule(user)
    assert Reminder.objects.get(user=user, kind=Kind.CHECKIN).next_due_at == first
    prefs = services.preferences_for(user)
    assert schedule.next_checkin(prefs, ZoneInfo(time_zone), first) == second

    for due in (first, second):
        assert run(due - dt.timedelta(seconds=1), django_capture_on_commit_callbacks) == 0
        assert run(due, django_capture_on_commit_callbacks) == 1

    assert list(Delivery.objects.order_by("due_at").values_list("slot", "due_at", "status")) == [
        (f"2026-{slots[0]}", first, SENT),
        (f"2026-{slots[1]}", second, SENT),
    ]
    assert [m.to for m in mail.outbox] == [["runner@example.com"]] * 2


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("time_zone", "slot", "first", "second", "following"),
    [
        # Sunday 25 October: 02:30 CEST (00:30 UTC), then 02:30 CET (01:30 UTC).
        ("Europe/Berlin", "2026-10-25", "2026-10-25 00:30", "2026-10-25 01:30", "2026-10-26 01:30"),
        # Sunday 5 April: 02:30 ACDT (16:00 UTC on Saturday), then 02:30 ACST (17:00 UTC).
        (
            "Australia/Adelaide",
            "2026-04-05",
            "2026-04-04 16:00",
            "2026-04-04 17:00",
            "2026-04-05 17:00",
        ),
    ],
)
def test_a_local_time_that_happens_twice_at_fall_back_sends_one_reminder(
    time_zone, slot, first, second, following, django_capture_on_commit_callbacks
):
    first, second = utc(first), utc(second)
    user = runner(time_zone, "02:30")
    with time_machine.travel(first - dt.timedelta(hours=12), tick=False):
        services.reschedule(user)
    reminder = Reminder.objects.get(user=user, kind=Kind.CHECKIN)
    assert reminder.next_due_at == first

    assert run(first, django_capture_on_commit_callbacks) == 1
    assert run(second, django_capture_on_commit_callbacks) == 0
    # Even a schedule moved onto the second 02:30 is held to one reminder per local day.
    Reminder.objects.filter(pk=reminder.pk).update(next_due_at=second)
    assert run(second, django_capture_on_commit_callbacks) == 1

    [delivery] = Delivery.objects.all()
    assert (delivery.slot, delivery.due_at, delivery.status) == (slot, first, SENT)
    assert len(mail.outbox) == 1
    reminder.refresh_from_db()
    assert reminder.next_due_at == utc(following)
