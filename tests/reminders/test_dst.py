"""Reminders across daylight-saving changes fire at the person's local time, once a local day.

No worker: the dispatcher runs in-process at each instant, and sends eagerly into mail.outbox.
"""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core import mail

from apps.accounts.models import User
from apps.outbox.models import Message
from apps.reminders.models import Kind, Preferences, Reminder
from apps.reminders.tasks import dispatch_due
from tests.conftest import make_user

SENT = "sent"


def run(now: dt.datetime, capture) -> int:
    """One beat tick at `now`, in-process: the send task runs eagerly into mail.outbox."""
    with time_machine.travel(now, tick=False), capture(execute=True):
        return dispatch_due(now)


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
        Reminder.objects.reschedule(user)
    assert Reminder.objects.get(user=user, kind=Kind.CHECKIN).next_due_at == first
    prefs = Preferences.objects.for_user(user)
    assert prefs.next_checkin(ZoneInfo(time_zone), first) == second

    for due in (first, second):
        assert run(due - dt.timedelta(seconds=1), django_capture_on_commit_callbacks) == 0
        assert run(due, django_capture_on_commit_callbacks) == 1

    assert list(Message.objects.order_by("due_at").values_list("ref", "due_at", "status")) == [
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
        Reminder.objects.reschedule(user)
    reminder = Reminder.objects.get(user=user, kind=Kind.CHECKIN)
    assert reminder.next_due_at == first

    assert run(first, django_capture_on_commit_callbacks) == 1
    assert run(second, django_capture_on_commit_callbacks) == 0
    # Even a schedule moved onto the second 02:30 is held to one reminder per local day.
    Reminder.objects.filter(pk=reminder.pk).update(next_due_at=second)
    assert run(second, django_capture_on_commit_callbacks) == 1

    [message] = Message.objects.all()
    assert (message.ref, message.due_at, message.status) == (slot, first, SENT)
    assert len(mail.outbox) == 1
    reminder.refresh_from_db()
    assert reminder.next_due_at == utc(following)
