"""Recording a delivery (apps.outbox.tasks.mark_sent): once a server has accepted a message, the
row says so, however long the database takes to answer while the claim holds; each acceptance
counts, so that a repeat shows."""

import datetime as dt
import logging

import pytest
from django.db import OperationalError
from django.utils import timezone

from apps.outbox import tasks
from apps.outbox.models import Message, Status
from tests.failing import statement_fails
from tests.outbox.conftest import stored

# Transactional: a failed write closes the connection, as a lost one would be.
pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.sqlite]


def claimed(count: int = 1) -> list[Message]:
    return Message.objects.claim([m.pk for m in stored(count)], timezone.now())


def run_out(message: Message, timeout: float) -> None:
    """The message's claim as if made longer ago than the claim timeout."""
    long_ago = timezone.now() - dt.timedelta(seconds=timeout + 1)
    Message.objects.filter(pk=message.pk).update(claimed_at=long_ago)


def test_a_delivery_is_recorded_though_the_database_fails_for_longer_than_a_round_of_tries(
    settings, caplog
):
    caplog.set_level(logging.WARNING, logger="apps.outbox.tasks")  # whatever a worker set
    [message] = claimed()
    failures = len(settings.OUTBOX_RECORD_WAITS) + 3  # past the last wait, which repeats

    with statement_fails("UPDATE", "outbox_message", times=failures):
        tasks.mark_sent([message])

    message.refresh_from_db()
    assert (message.status, message.deliveries, message.subject) == (Status.SENT, 1, "")
    retries = [r for r in caplog.records if "reconnecting" in r.getMessage()]
    assert len(retries) == failures


def test_once_its_claim_has_run_out_the_sender_leaves_the_message_to_the_sweep(settings):
    settings.OUTBOX_CLAIM_TIMEOUT = 0.5
    [message] = claimed()
    started = timezone.now()

    with statement_fails("UPDATE", "outbox_message"), pytest.raises(OperationalError):
        tasks.mark_sent([message])

    assert (timezone.now() - started).total_seconds() < 2
    message.refresh_from_db()
    assert (message.status, message.deliveries) == (Status.SENDING, 0)
    run_out(message, settings.OUTBOX_CLAIM_TIMEOUT)
    assert tasks.sweep() == 1


def test_a_message_accepted_again_after_its_claim_was_swept_shows_both_deliveries(
    mailbox, settings
):
    [message] = claimed()  # by a sender whose server is slow to accept
    run_out(message, settings.OUTBOX_CLAIM_TIMEOUT)
    assert tasks.sweep() == 1  # queued again, and sent by another sender (at once, here)
    assert Message.objects.get(pk=message.pk).deliveries == 1

    tasks.mark_sent([message])  # the slow server accepts the first send after all

    message.refresh_from_db()
    assert (message.status, message.deliveries) == (Status.SENT, 2)
    assert mailbox.message_ids() == [message.message_id]  # this server had only the second
