import datetime as dt

import pytest
import time_machine
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext

from apps.outbox.models import Message, PushSubscription
from apps.reminders.models import Kind, Preferences, Reminder, Via
from apps.reminders.tasks import dispatch_due
from tests.checkins.conftest import checkin
from tests.conftest import make_user

pytestmark = [pytest.mark.django_db, pytest.mark.sqlite]
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


def on_push(user, via: str, devices: int) -> list[PushSubscription]:
    prefs = Preferences.objects.for_user(user)
    prefs.checkin_enabled, prefs.checkin_via = True, via
    prefs.save()
    with time_machine.travel(EVENING - dt.timedelta(hours=1), tick=False):
        Reminder.objects.reschedule(user)
    return [
        PushSubscription.objects.create(
            user=user,
            endpoint=f"https://fcm.googleapis.com/fcm/send/{user.pk}-{n}",
            p256dh=f"key-{n}",
            auth="secret",
            label=f"Device {n}",
        )
        for n in range(devices)
    ]


def test_each_channel_chosen_gets_one_message_per_slot_and_push_goes_to_every_device(alice):
    bob = make_user("bob@example.com", time_zone="Europe/Berlin")
    carol = make_user("carol@example.com", time_zone="Europe/Berlin")
    phone, laptop = on_push(alice, Via.PUSH, devices=2)
    [tablet] = on_push(bob, Via.BOTH, devices=1)
    on_push(carol, Via.PUSH, devices=0)  # no device: by email instead

    with time_machine.travel(EVENING, tick=False):
        assert dispatch_due(EVENING, [].extend) == 3

    rows = Message.objects.values_list("key", "channel", "to", "subscription")
    assert sorted(rows) == [
        (f"email:checkin:{bob.pk}:2026-11-27", "email", "bob@example.com", None),
        (f"email:checkin:{carol.pk}:2026-11-27", "email", "carol@example.com", None),
        (f"push:checkin:{alice.pk}:2026-11-27:{phone.pk}", "push", "", phone.pk),
        (f"push:checkin:{alice.pk}:2026-11-27:{laptop.pk}", "push", "", laptop.pk),
        (f"push:checkin:{bob.pk}:2026-11-27:{tablet.pk}", "push", "", tablet.pk),
    ]


def test_without_vapid_keys_push_reminders_come_by_email(alice, settings):
    settings.VAPID_PRIVATE_KEY = settings.VAPID_PUBLIC_KEY = ""
    on_push(alice, Via.PUSH, devices=1)

    with time_machine.travel(EVENING, tick=False):
        dispatch_due(EVENING, [].extend)

    assert list(Message.objects.values_list("channel", flat=True)) == ["email"]


def dispatch_queries(people: int) -> int:
    for n in range(people):
        user = make_user(f"runner{people}-{n}@example.com", time_zone="Europe/Berlin")
        on_push(user, [Via.PUSH, Via.BOTH][n % 2], devices=2)
    with time_machine.travel(EVENING, tick=False), CaptureQueriesContext(connection) as queries:
        dispatch_due(EVENING, [].extend)
    Reminder.objects.all().delete()
    return len(queries)


def test_a_batch_with_devices_costs_the_same_queries_for_one_person_or_forty(db):
    assert dispatch_queries(1) == dispatch_queries(40)


def test_a_slot_dispatched_again_adds_nothing_and_the_rest_of_its_batch_still_goes(
    scheduled, charlie, django_capture_on_commit_callbacks
):
    run(EVENING, django_capture_on_commit_callbacks)
    again = Reminder.objects.filter(user=scheduled, kind=Kind.CHECKIN)
    again.update(next_due_at=EVENING)  # the same slot again
    prefs = Preferences.objects.for_user(charlie)
    prefs.checkin_enabled = True
    prefs.save()
    Reminder.objects.reschedule(charlie)
    Reminder.objects.filter(user=charlie, kind=Kind.CHECKIN).update(next_due_at=EVENING)

    queued: list[int] = []
    with (
        time_machine.travel(EVENING, tick=False),
        django_capture_on_commit_callbacks(execute=True),
    ):
        assert dispatch_due(EVENING, queued.extend) == 2

    assert Message.objects.filter(user=scheduled).count() == 1
    assert queued == [Message.objects.get(user=charlie).pk]
