"""The outbox end to end: a real Celery worker, consuming from Redis, sends to a real SMTP server.

The worker runs in a thread of this process (so it shares the test database) and the SMTP
server is aiosmtpd on a free local port. Nothing in the app is patched.
"""

from collections.abc import Iterator
from datetime import timedelta

import pytest
from django.conf import settings as django_settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.utils import timezone

from apps.accounts.models import OutboundEmail
from apps.accounts.services import queue_email, requeue_stalled
from apps.accounts.tasks import requeue_stalled_emails, send_outbound_email
from tests.celery_smtp import (
    Mailbox,
    Tasks,
    queued_messages,
    running_worker,
    smtp_server,
    wait_for,
)

SEND = send_outbound_email.name
REQUEUE = requeue_stalled_emails.name


@pytest.fixture
def mailbox(settings) -> Iterator[Mailbox]:
    with smtp_server(settings) as handler:
        yield handler


@pytest.fixture
def worker(transactional_db, mailbox) -> Iterator[Tasks]:
    with running_worker() as tasks:
        yield tasks


def test_an_email_queued_in_a_request_is_delivered_by_the_worker(worker, mailbox):
    message = EmailMultiAlternatives(
        subject="Your Pacewise code",
        body="Your code is CALM-42.",
        to=["runner@example.com"],
        headers={"X-Pacewise-Kind": "verification"},
    )
    message.attach_alternative("<p>Your code is <b>CALM-42</b>.</p>", "text/html")

    with transaction.atomic():
        [row] = queue_email(message)
        # Nothing reaches the broker before the commit, so the worker never misses the row.
        assert queued_messages() == 0

    wait_for(
        lambda: len(worker.finished) == 1 and OutboundEmail.objects.get(pk=row.pk).status == "sent",
        "the worker to send the email",
    )
    assert worker.finished == [(SEND, (row.pk,), "SUCCESS")]
    assert len(mailbox.received) == 1
    recipients, sent = mailbox.received[0]
    assert recipients == ["runner@example.com"]
    assert sent["To"] == "runner@example.com"
    assert sent["Subject"] == "Your Pacewise code"
    assert sent["From"] == django_settings.DEFAULT_FROM_EMAIL
    assert sent["X-Pacewise-Kind"] == "verification"
    assert sent.get_content_type() == "multipart/alternative"
    assert [part.get_content_type() for part in sent.iter_parts()] == ["text/plain", "text/html"]
    assert sent.get_body(("plain",)).get_content().strip() == "Your code is CALM-42."
    assert "<b>CALM-42</b>" in sent.get_body(("html",)).get_content()

    row.refresh_from_db()
    assert row.status == OutboundEmail.Status.SENT
    assert row.attempts == 1
    assert row.sent_at is not None
    assert (row.text_body, row.html_body, row.last_error) == ("", "", "")
    assert queued_messages() == 0


def test_it_retries_after_the_mail_server_refuses_and_delivers_once(worker, mailbox):
    mailbox.refuse_next = 1
    message = EmailMultiAlternatives(
        subject="Your weekly summary", body="Three runs this week.", to=["runner@example.com"]
    )
    message.attach_alternative("<p>Three runs this week.</p>", "text/html")

    with transaction.atomic():
        [row] = queue_email(message)

    wait_for(lambda: mailbox.refused == 1, "the mail server to refuse the first attempt")
    refused = OutboundEmail.objects.get(pk=row.pk)
    assert refused.status == OutboundEmail.Status.PENDING
    assert refused.last_error == "SMTPDataError"
    assert refused.text_body == "Three runs this week."

    # The first retry waits its 5 s countdown (5 * 2**0), then the server accepts.
    wait_for(
        lambda: len(worker.finished) == 2 and OutboundEmail.objects.get(pk=row.pk).status == "sent",
        "the retry to deliver the email",
    )
    assert worker.finished == [(SEND, (row.pk,), "RETRY"), (SEND, (row.pk,), "SUCCESS")]
    assert len(mailbox.received) == 1
    recipients, sent = mailbox.received[0]
    assert recipients == ["runner@example.com"]
    assert sent["Subject"] == "Your weekly summary"

    row.refresh_from_db()
    assert row.status == OutboundEmail.Status.SENT
    assert row.attempts == 2
    assert (row.text_body, row.html_body, row.last_error) == ("", "", "")
    assert queued_messages() == 0


def test_a_lost_task_is_requeued_and_sent_once(worker, mailbox):
    row = OutboundEmail.objects.create(
        to="runner@example.com", subject="Lost in the broker", text_body="Still here."
    )
    OutboundEmail.objects.filter(pk=row.pk).update(updated_at=timezone.now() - timedelta(hours=1))

    # Beat's periodic task, run by the worker, finds the stalled row and queues it again.
    requeue_stalled_emails.delay()
    wait_for(
        lambda: len(worker.finished) == 2 and OutboundEmail.objects.get(pk=row.pk).status == "sent",
        "the requeued email to be sent",
    )
    assert worker.finished == [(REQUEUE, (), "SUCCESS"), (SEND, (row.pk,), "SUCCESS")]

    # The lost task turns up after all: the row is already sent, so it sends nothing.
    send_outbound_email.delay(row.pk)
    wait_for(lambda: len(worker.finished) == 3, "the late duplicate task to run")
    assert worker.finished[2] == (SEND, (row.pk,), "SUCCESS")

    assert len(mailbox.received) == 1
    recipients, sent = mailbox.received[0]
    assert recipients == ["runner@example.com"]
    assert sent["Subject"] == "Lost in the broker"
    assert sent.get_content_type() == "text/plain"

    row.refresh_from_db()
    assert row.status == OutboundEmail.Status.SENT
    assert row.attempts == 1
    assert row.text_body == ""
    assert requeue_stalled() == 0
    assert queued_messages() == 0
