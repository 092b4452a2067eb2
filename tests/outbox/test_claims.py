"""Two senders claiming the same messages at the same moment (Message.objects.claim), on both
engines: SKIP LOCKED on PostgreSQL, the IMMEDIATE write lock on SQLite (config/settings/base.py)."""

import threading

import pytest
from django.db import connection
from django.utils import timezone

from apps.outbox.models import Message, Status
from tests.outbox.conftest import stored

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.sqlite]


def test_two_senders_claiming_the_same_messages_at_once_each_take_a_different_share():
    ids = [m.pk for m in stored(200)]
    start, claims, errors = threading.Barrier(2), [], []

    def sender() -> None:
        try:
            start.wait(timeout=5)
            for n in range(0, len(ids), 10):  # small batches, so that the two interleave
                claims.extend(m.pk for m in Message.objects.claim(ids[n : n + 10], timezone.now()))
        except Exception as exc:  # reported by the assertion below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=sender) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert errors == []
    assert sorted(claims) == ids  # every message claimed, none twice
    assert set(Message.objects.values_list("status", flat=True)) == {Status.SENDING}


def test_a_claimed_message_is_not_claimed_again_until_the_sweep_hands_it_back():
    [message] = stored(1)
    now = timezone.now()

    assert [m.pk for m in Message.objects.claim([message.pk], now)] == [message.pk]
    assert Message.objects.claim([message.pk], now) == []
