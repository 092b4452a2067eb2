"""The outbox end to end: a real Celery worker, consuming from Redis, sends to a real SMTP server.

The worker runs in a thread of this process (so it shares the test database). Nothing in the
app is patched.
"""

from collections.abc import Iterator

import pytest
from django.conf import settings as django_settings
from django.db import transaction
from django.utils import timezone

from apps.outbox.models import Message, Status
from apps.outbox.tasks import send_messages, sweep_messages
from tests.celery_smtp import Tasks, queued_messages, running_worker, wait_for
from tests.outbox.conftest import queued, stored

SEND = send_messages.name


@pytest.fixture
def worker(transactional_db, mailbox) -> Iterator[Tasks]:
    with running_worker() as tasks:
        yield tasks


def sent(pk: int) -> bool:
    return Message.objects.get(pk=pk).status == Status.SENT


def test_an_email_queued_in_a_request_is_delivered_by_the_worker(worker, mailbox):
    with transaction.atomic():
        row = queued()

    wait_for(lambda: sent(row.pk), "the worker to send the email")
    wait_for(worker.idle, "the task to finish")  # the row is marked sent just before
    assert worker.finished == [(SEND, ([row.pk],), "SUCCESS")]
    [(recipients, email)] = mailbox.received
    assert recipients == ["runner@example.com"]
    assert (email["To"], email["From"]) == (
        "runner@example.com",
        django_settings.DEFAULT_FROM_EMAIL,
    )
    assert (email["Subject"], email["Message-ID"]) == ("Your Pacewise code", row.message_id)
    assert [part.get_content_type() for part in email.iter_parts()] == ["text/plain", "text/html"]
    assert queued_messages() == 0


def test_a_refused_attempt_is_retried_after_its_backoff_and_delivered_once(worker, mailbox):
    mailbox.refuse_next = 1
    with transaction.atomic():
        row = queued()

    wait_for(lambda: mailbox.refused == 1, "the mail server to refuse the first attempt")
    wait_for(lambda: sent(row.pk), "the retry to deliver the email")  # after its backoff
    wait_for(worker.idle, "the retry's task to finish")

    assert [state for *_, state in worker.finished] == ["SUCCESS", "SUCCESS"]
    assert mailbox.message_ids() == [row.message_id]
    row.refresh_from_db()
    assert (row.attempts, row.last_error, row.text_body) == (1, "", "")


def test_a_lost_task_is_swept_up_and_sent_once_and_a_late_duplicate_sends_nothing(
    worker, mailbox, settings
):
    [row] = stored(1)  # its task never reached the broker
    Message.objects.filter(pk=row.pk).update(
        next_attempt_at=timezone.now() - timezone.timedelta(seconds=settings.OUTBOX_QUEUE_GRACE + 1)
    )

    sweep_messages.delay()  # beat's periodic task, run by the worker
    wait_for(lambda: sent(row.pk), "the swept email to be sent")
    send_messages.delay([row.pk])  # the lost task turns up after all
    wait_for(worker.idle, "the late duplicate to run")

    assert mailbox.recipients() == ["runner0@example.com"]
    assert Message.objects.get(pk=row.pk).attempts == 0
