import datetime as dt

import pytest
import time_machine
from django.core import mail

from apps.outbox.models import Message
from apps.reminders.models import Kind, Preferences, Reminder
from apps.reminders.tasks import dispatch_due
from tests.checkins.conftest import checkin

pytestmark = pytest.mark.django_db
# A Friday: 19:00 in Berlin is 18:00 UTC in November.
EVENING = dt.datetime(2026, 11, 27, 18, 0, tzinfo=dt.UTC)


@pytest.fixture
def scheduled(alice):
    prefs = Preferences.objects.for_user(alice)
    prefs.checkin_enabled = True
    prefs.save()
    with time_machine.travel(EVENING - dt.timedelta(hours=1), tick=False):
        Reminder.objects.reschedule(alice)
    return alice


def run(now: dt.datetime, capture) -> int:
    with time_machine.travel(now, tick=False), capture(execute=True):
        return dispatch_due(now)


def test_a_due_check_in_reminder_is_sent_once_and_the_next_one_is_tomorrow(
    scheduled, django_capture_on_commit_callbacks
):
    claimed = run(EVENING, django_capture_on_commit_callbacks)

    assert claimed == 1
    assert [m.to for m in mail.outbox] == [["alice@example.com"]]
    assert mail.outbox[0].subject == "A minute for yourself?"
    reminder = Reminder.objects.get(user=scheduled, kind=Kind.CHECKIN)
    assert reminder.next_due_at == EVENING + dt.timedelta(days=1)
    message = Message.objects.get(kind=Kind.CHECKIN)
    assert (message.ref, message.status, message.user) == ("2026-11-27", "sent", scheduled)
    assert mail.outbox[0].extra_headers["Message-ID"] == message.message_id


def test_running_the_dispatcher_again_sends_nothing_more(
    scheduled, django_capture_on_commit_callbacks
):
    run(EVENING, django_capture_on_commit_callbacks)
    run(EVENING + dt.timedelta(seconds=30), django_capture_on_commit_callbacks)

    assert len(mail.outbox) == 1


def test_nothing_is_due_before_its_time(scheduled, django_capture_on_commit_callbacks):
    assert run(EVENING - dt.timedelta(minutes=1), django_capture_on_commit_callbacks) == 0
    assert mail.outbox == []


def test_no_reminder_once_the_day_is_checked_in(scheduled, django_capture_on_commit_callbacks):
    with time_machine.travel(EVENING, tick=False):
        checkin(scheduled)

    run(EVENING, django_capture_on_commit_callbacks)

    assert mail.outbox == []
    assert Message.objects.get().reason == "checked_in"


def test_a_reminder_hours_late_after_an_outage_is_dropped(
    scheduled, django_capture_on_commit_callbacks
):
    run(EVENING + dt.timedelta(hours=3), django_capture_on_commit_callbacks)

    assert mail.outbox == []
    assert Message.objects.get().reason == "stale"


def test_an_unverified_user_gets_nothing(scheduled, django_capture_on_commit_callbacks):
    scheduled.emailaddress_set.update(verified=False)

    run(EVENING, django_capture_on_commit_callbacks)

    assert mail.outbox == []
    assert Message.objects.get().reason == "unverified"


def test_quiet_hours_and_pauses_hold_reminders_back(scheduled, django_capture_on_commit_callbacks):
    prefs = Preferences.objects.for_user(scheduled)
    prefs.quiet_start, prefs.quiet_end = dt.time(18, 30), dt.time(7, 0)
    prefs.save()

    run(EVENING, django_capture_on_commit_callbacks)

    assert mail.outbox == []
    assert Message.objects.get().reason == "quiet_hours"


def test_planning_a_rest_window_schedules_its_start_end_and_heads_up(alice_client, alice):
    from django.urls import reverse

    prefs = Preferences.objects.for_user(alice)
    prefs.rest_heads_up_hours = 3
    prefs.save()
    with time_machine.travel(EVENING - dt.timedelta(days=2), tick=False):
        alice_client.post(
            reverse("planning:rest-add"),
            {
                "starts_on": "2026-11-28",
                "starts_time": "10:00",
                "hours": "24",
                "activities": "",
                "avoid": "",
            },
        )

    due = dict(
        Reminder.objects.filter(user=alice, rest_window__isnull=False).values_list(
            "kind", "next_due_at"
        )
    )
    start = dt.datetime(2026, 11, 28, 9, 0, tzinfo=dt.UTC)  # 10:00 in Berlin
    assert due == {
        Kind.REST_HEADS_UP: start - dt.timedelta(hours=3),
        Kind.REST_START: start,
        Kind.REST_END: start + dt.timedelta(hours=24),
    }


def test_rest_emails_show_the_window_in_the_users_own_time(
    alice, django_capture_on_commit_callbacks
):
    from apps.planning.models import RestWindow

    prefs = Preferences.objects.for_user(alice)
    prefs.rest_enabled = True
    prefs.save()
    start = dt.datetime(2026, 11, 28, 9, 0, tzinfo=dt.UTC)  # 10:00 in Berlin
    with time_machine.travel(start - dt.timedelta(days=1), tick=False):
        window = RestWindow.objects.create(
            user=alice, starts_at=start, ends_at=start + dt.timedelta(hours=24)
        )
        Reminder.objects.reschedule_rest_window(window)

    run(start, django_capture_on_commit_callbacks)

    message = mail.outbox[0]
    assert message.subject == "Your rest window starts now"
    assert "until Sunday 29 November at 10:00" in message.body


def test_one_email_that_cannot_be_built_fails_alone(
    scheduled, charlie, monkeypatch, django_capture_on_commit_callbacks
):
    from apps.reminders import emails

    prefs = Preferences.objects.for_user(charlie)
    prefs.checkin_enabled = True
    prefs.save()
    with time_machine.travel(EVENING - dt.timedelta(hours=1), tick=False):
        Reminder.objects.reschedule(charlie)
    Reminder.objects.filter(user=charlie, kind=Kind.CHECKIN).update(next_due_at=EVENING)
    real = emails.reminder

    def broken_for_charlie(message, *args):
        if message.user_id == charlie.pk:
            raise ValueError("a template bug")
        return real(message, *args)

    monkeypatch.setattr(emails, "reminder", broken_for_charlie)

    run(EVENING, django_capture_on_commit_callbacks)

    assert [m.to for m in mail.outbox] == [["alice@example.com"]]
    failed = Message.objects.get(user=charlie)
    assert (failed.status, failed.reason, failed.last_error) == (
        "failed",
        "build_error",
        "ValueError",
    )
