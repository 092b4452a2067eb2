"""The sweep: what a lost task or a dead sender left behind is queued again, and nothing else."""

import datetime as dt

import pytest
from django.utils import timezone

from apps.outbox import tasks
from apps.outbox.models import Message, Status
from tests.outbox.conftest import stored

pytestmark = [pytest.mark.django_db, pytest.mark.sqlite]


def ago(seconds: float) -> dt.datetime:
    return timezone.now() - dt.timedelta(seconds=seconds)


def test_a_message_whose_task_was_lost_is_queued_again_once_and_sent(
    settings, mailbox, django_capture_on_commit_callbacks
):
    [lost] = stored(1)
    Message.objects.filter(pk=lost.pk).update(next_attempt_at=ago(settings.OUTBOX_QUEUE_GRACE + 1))

    with django_capture_on_commit_callbacks(execute=True):
        assert tasks.sweep() == 1

    assert mailbox.recipients() == ["runner0@example.com"]
    lost.refresh_from_db()
    assert (lost.status, lost.attempts) == (Status.SENT, 0)
    assert tasks.sweep() == 0


def test_a_claim_older_than_its_timeout_is_a_dead_senders_and_goes_back(settings):
    [stale, fresh] = stored(2, status=Status.SENDING, attempts=1)
    Message.objects.filter(pk=stale.pk).update(claimed_at=ago(settings.OUTBOX_CLAIM_TIMEOUT + 1))
    Message.objects.filter(pk=fresh.pk).update(claimed_at=ago(1))

    assert tasks.sweep() == 1

    stale.refresh_from_db()
    assert (stale.status, stale.claimed_at, stale.attempts) == (Status.PENDING, None, 1)
    assert stale.next_attempt_at >= ago(5)
    assert Message.objects.get(pk=fresh.pk).status == Status.SENDING


def test_it_leaves_alone_what_is_fresh_waiting_its_backoff_or_finished(settings):
    grace = settings.OUTBOX_QUEUE_GRACE
    just_queued, backing_off, *finished = stored(5)
    Message.objects.filter(pk=just_queued.pk).update(next_attempt_at=ago(grace / 2))
    Message.objects.filter(pk=backing_off.pk).update(next_attempt_at=ago(-600))
    for message, status in zip(finished, (Status.SENT, Status.SKIPPED, Status.FAILED), strict=True):
        Message.objects.filter(pk=message.pk).update(status=status, next_attempt_at=ago(3600))

    assert tasks.sweep() == 0
