"""Sending a batch (apps.outbox.tasks.send) into a real SMTP server: once each, recorded at once."""

import datetime as dt

import pytest
from django.conf import settings
from django.db import connections
from django.utils import timezone

from apps.outbox import tasks
from apps.outbox.models import Message, Status
from tests.outbox.conftest import queued, stored

pytestmark = [pytest.mark.django_db, pytest.mark.sqlite]


def ids(messages: list[Message]) -> list[int]:
    return [m.pk for m in messages]


def test_a_stored_email_goes_out_with_its_own_message_id_and_its_content_is_then_forgotten(
    mailbox, alice
):
    message = queued(user=alice)

    assert tasks.send([message.pk]) == 1

    [(recipients, sent)] = mailbox.received
    assert recipients == ["runner@example.com"]
    assert (sent["Subject"], sent["Message-ID"]) == ("Your Pacewise code", message.message_id)
    assert sent.get_body(("plain",)).get_content().strip() == "Your code is CALM-42."
    assert "<b>CALM-42</b>" in sent.get_body(("html",)).get_content()
    message.refresh_from_db()
    assert (message.status, message.attempts, message.user) == (Status.SENT, 0, alice)
    assert (message.subject, message.text_body, message.html_body) == ("", "", "")
    assert message.sent_at is not None


@pytest.mark.django_db(transaction=True)
def test_each_message_is_recorded_sent_before_the_next_one_goes(mailbox):
    batch = stored(3)
    seen = []

    def as_each_arrives(count: int) -> None:
        # Another connection, as the sweep would see the rows while the batch is sending.
        statuses = dict(Message.objects.using("default").values_list("pk", "status"))
        seen.append([statuses[pk] for pk in ids(batch)])
        connections.close_all()

    mailbox.on_accept = as_each_arrives
    tasks.send(ids(batch))

    assert seen == [
        ["sending", "sending", "sending"],
        ["sent", "sending", "sending"],
        ["sent", "sent", "sending"],
    ]


def test_a_temporary_refusal_counts_an_attempt_for_that_message_and_puts_the_batch_back(mailbox):
    batch = stored(2)
    mailbox.refuse_next = 1
    before = timezone.now()

    assert tasks.send(ids(batch)) == 0

    assert mailbox.received == []
    assert sorted(Message.objects.values_list("to", "status", "attempts", "last_error")) == [
        ("runner0@example.com", Status.PENDING, 1, "SMTPDataError"),  # the one refused
        ("runner1@example.com", Status.PENDING, 0, ""),  # not tried: no attempt
    ]
    for message in Message.objects.all():
        assert message.next_attempt_at >= before + dt.timedelta(seconds=settings.OUTBOX_BACKOFF[0])
        assert message.subject  # still to be sent


def test_an_address_refused_for_good_fails_alone_and_the_others_go(mailbox):
    batch = stored(3)
    mailbox.unknown = {"runner1@example.com"}

    assert tasks.send(ids(batch)) == 2

    assert mailbox.recipients() == ["runner0@example.com", "runner2@example.com"]
    statuses = dict(Message.objects.values_list("to", "status"))
    assert statuses["runner1@example.com"] == Status.FAILED
    refused = Message.objects.get(to="runner1@example.com")
    assert (refused.reason, refused.last_error) == ("refused", "SMTPRecipientsRefused")


def test_with_the_mail_server_down_the_last_attempt_gives_up_and_says_why(settings, caplog):
    settings.MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": 1, "timeout": 2},
        }
    }
    [tired, fresh] = stored(2)
    Message.objects.filter(pk=tired.pk).update(attempts=len(settings.OUTBOX_BACKOFF))

    tasks.send([tired.pk, fresh.pk])

    tired.refresh_from_db()
    fresh.refresh_from_db()
    assert (tired.status, tired.reason, tired.last_error, tired.subject) == (
        Status.FAILED,
        "gave_up",
        "ConnectionRefusedError",
        "",
    )
    assert (fresh.status, fresh.attempts) == (Status.PENDING, 0)  # never tried
    attempts = len(settings.OUTBOX_BACKOFF) + 1
    assert tired.attempts == attempts
    [warning] = [r for r in caplog.records if r.levelname == "WARNING"]
    assert warning.getMessage() == (
        f"Gave up on code message code:0 after {attempts} attempts: ConnectionRefusedError."
    )


def test_what_is_not_due_claimed_elsewhere_or_sent_is_left_alone(mailbox):
    later, theirs, done = stored(3)
    Message.objects.filter(pk=later.pk).update(next_attempt_at=timezone.now() + dt.timedelta(1))
    Message.objects.filter(pk=theirs.pk).update(status=Status.SENDING, claimed_at=timezone.now())
    Message.objects.filter(pk=done.pk).update(status=Status.SENT)

    assert tasks.send(ids([later, theirs, done])) == 0
    assert mailbox.received == []


def test_the_goodbye_forgets_its_address_once_sent(mailbox):
    message = queued(to="leaving@example.com", forget_recipient=True)

    tasks.send([message.pk])

    assert mailbox.recipients() == ["leaving@example.com"]
    message.refresh_from_db()
    assert (message.status, message.to) == (Status.SENT, "")


def test_recording_a_delivery_clears_what_was_stored_and_only_the_addresses_to_forget():
    leaving, staying = stored(2, headers={"List-Unsubscribe": "<https://x.example/u/>"})
    Message.objects.filter(pk=leaving.pk).update(forget_recipient=True, last_error="SMTPDataError")
    now = timezone.now()

    Message.objects.mark_sent([leaving.pk, staying.pk], now)

    assert sorted(
        Message.objects.values_list(
            "to", "status", "sent_at", "subject", "text_body", "headers", "last_error", "deliveries"
        )
    ) == [
        ("", Status.SENT, now, "", "", {}, "", 1),
        ("runner1@example.com", Status.SENT, now, "", "", {}, "", 1),
    ]


def test_a_second_acceptance_counts_as_a_second_delivery_at_its_own_time():
    [message] = stored(1)
    first = timezone.now()
    Message.objects.mark_sent([message.pk], first)

    Message.objects.mark_sent([message.pk], first + dt.timedelta(seconds=5))

    message.refresh_from_db()
    assert (message.deliveries, message.sent_at) == (2, first + dt.timedelta(seconds=5))


def test_out_of_time_the_rest_of_a_batch_goes_back_to_be_sent_at_once(mailbox, settings):
    settings.OUTBOX_SEND_BUDGET = -1  # already spent
    batch = stored(2)

    assert tasks.send(ids(batch)) == 1  # one, then the other published again (sent eagerly)

    assert mailbox.recipients() == ["runner0@example.com", "runner1@example.com"]
    assert sorted(Message.objects.values_list("to", "status", "attempts")) == [
        ("runner0@example.com", Status.SENT, 0),
        ("runner1@example.com", Status.SENT, 0),  # handed back for want of time: no attempt
    ]
