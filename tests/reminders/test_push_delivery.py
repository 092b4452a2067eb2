"""Reminders as notifications, end to end: the dispatcher, a real worker on Redis, a push
service of the tests' own that checks each request's VAPID signature and decrypts it with the
browser's key (tests/push_service.py), and a real SMTP server for what still goes by email.
"""

import datetime as dt
from collections.abc import Iterator

import pytest
from django.utils import timezone

from apps.outbox.models import Channel, Message, PushSubscription, Status
from apps.outbox.tasks import send_messages
from apps.planning.models import RestWindow
from apps.reminders.models import Kind, Preferences, Reminder, Via
from apps.reminders.tasks import dispatch_due
from tests.celery_smtp import Mailbox, Tasks, running_worker, smtp_server, wait_for
from tests.checkins.conftest import checkin
from tests.push_service import Browser, PushService, push_service
from tests.reminders.test_worker_delivery import NOTE, due_now, settle

CHECK_IN = {
    "title": "A minute for yourself?",
    "body": "How are you today? Two taps are enough.",
    "url": "/today/",
    "tag": "checkin",
}


@pytest.fixture
def mailbox(settings) -> Iterator[Mailbox]:
    with smtp_server(settings) as box:
        yield box


@pytest.fixture
def service() -> Iterator[PushService]:
    with push_service() as running:
        yield running


@pytest.fixture
def worker(transactional_db, mailbox, service) -> Iterator[Tasks]:
    with running_worker() as tasks:
        yield tasks


def devices(service: PushService, user, count: int) -> list[Browser]:
    browsers = [Browser(service) for _ in range(count)]
    for n, browser in enumerate(browsers):
        browser.device_of(user, label=f"Device {n}")
    return browsers


def remind_by_push(
    service: PushService, user, *answers: int, via: str = Via.PUSH
) -> tuple[Browser, dt.datetime]:
    """One device, whose push service gives these answers first; the check-in reminder, set to
    come as a notification (or `via`), dispatched now."""
    [phone] = devices(service, user, 1)
    service.answer(phone, *answers)
    now = timezone.now()
    due_now(user, now, checkin_via=via)
    dispatch_due(now)
    return phone, now


def due_again(user, now: dt.datetime) -> None:
    """The check-in reminder due once more (the worker keeps real time: now, not tomorrow)."""
    Reminder.objects.filter(user=user, kind=Kind.CHECKIN).update(
        next_due_at=now - dt.timedelta(minutes=1)
    )


def test_a_check_in_reminder_reaches_each_device_once_signed_encrypted_and_without_a_note(
    worker, mailbox, service, alice
):
    phone, laptop = devices(service, alice, 2)
    checkin(alice, days_ago=1, note=NOTE)
    now = timezone.now()
    due_now(alice, now, checkin_via=Via.PUSH)

    dispatch_due(now)
    settle(worker)

    assert service.refused == []  # every token verified: signature, audience, expiry, contact
    assert service.delivered(phone) == service.delivered(laptop) == [CHECK_IN]
    push = service.pushes[0]
    assert push.claims["aud"] == service.url
    assert push.claims["sub"].startswith("mailto:")
    assert (push.headers["ttl"], push.headers["urgency"]) == ("7200", "normal")
    assert mailbox.received == []  # notifications only, as chosen
    rows = Message.objects.filter(user=alice).values_list("channel", "status", "attempts")
    assert sorted(rows) == [(Channel.PUSH, Status.SENT, 0)] * 2


def test_both_sends_one_email_and_a_notification_to_each_device(worker, mailbox, service, alice):
    phone, _ = remind_by_push(service, alice, via=Via.BOTH)
    settle(worker)

    assert mailbox.recipients() == ["alice@example.com"]
    assert service.delivered(phone) == [CHECK_IN]


def test_a_rest_window_reminder_opens_that_window_and_says_when_it_ends(
    worker, mailbox, service, alice
):
    [phone] = devices(service, alice, 1)
    Preferences.objects.update_or_create(user=alice, defaults={"rest_via": Via.PUSH})
    now = timezone.now()
    window = RestWindow.objects.create(
        user=alice, starts_at=now - dt.timedelta(minutes=1), ends_at=now + dt.timedelta(hours=24)
    )
    Reminder.objects.reschedule_rest_window(window)
    Reminder.objects.filter(rest_window=window, kind=Kind.REST_START).update(
        next_due_at=now - dt.timedelta(minutes=1)
    )

    dispatch_due(now)
    settle(worker)

    [notification] = service.delivered(phone)
    assert notification["title"] == "Your rest window starts now"
    assert notification["url"] == f"/plan/rest/{window.pk}/"
    ends = timezone.localtime(window.ends_at, timezone.get_fixed_timezone(60))  # Berlin, winter
    assert notification["body"] == f"Until {ends:%A %H:%M}. Nothing here needs you."
    assert mailbox.received == []


def test_a_device_its_push_service_forgot_is_forgotten_and_the_next_reminder_comes_by_email(
    worker, mailbox, service, alice
):
    _, now = remind_by_push(service, alice, 410)
    settle(worker)

    assert not PushSubscription.objects.filter(user=alice).exists()
    gone = Message.objects.get(user=alice)
    assert (gone.status, gone.reason, gone.last_error, gone.attempts) == (
        Status.FAILED,
        "gone",
        "HTTP 410",
        0,  # an answer for good, not a failure to try again
    )
    assert service.delivered() == []

    due_again(alice, now)  # the next reminder
    dispatch_due(now)
    settle(worker)

    assert mailbox.recipients() == ["alice@example.com"]  # no device left: by email instead


def test_a_busy_push_service_is_tried_again_after_the_backoff_and_delivers_once(
    worker, mailbox, service, alice
):
    phone, _ = remind_by_push(service, alice, 503)
    wait_for(
        lambda: Message.objects.filter(user=alice, status=Status.PENDING, attempts=1).exists(),
        "the push service to turn the first attempt away",
    )
    assert Message.objects.get(user=alice).last_error == "HTTP 503"
    settle(worker)  # after its backoff

    assert service.delivered(phone) == [CHECK_IN]
    message = Message.objects.get(user=alice)
    assert (message.status, message.attempts, message.last_error) == (Status.SENT, 1, "")


def test_a_request_the_push_service_refuses_for_good_is_not_repeated(
    worker, mailbox, service, alice
):
    remind_by_push(service, alice, 413)
    settle(worker)

    message = Message.objects.get(user=alice)
    assert (message.status, message.reason, message.last_error) == (
        Status.FAILED,
        "refused",
        "HTTP 413",
    )
    assert len(service.pushes) == 1
    assert PushSubscription.objects.filter(user=alice).exists()  # the device itself is fine


def test_a_duplicate_task_and_a_second_dispatch_still_make_one_notification_per_device(
    worker, mailbox, service, alice
):
    phone, now = remind_by_push(service, alice)
    settle(worker)
    [message] = Message.objects.filter(user=alice)
    send_messages.delay([message.pk])  # the same task again, as a broker redelivery would
    due_again(alice, now)
    dispatch_due(now)  # the same slot, dispatched again
    settle(worker)

    assert service.delivered(phone) == [CHECK_IN]
    assert Message.objects.filter(user=alice).count() == 1
