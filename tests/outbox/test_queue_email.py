"""Queueing an email: a row per recipient, published only once the caller commits."""

import pytest
from django.db import transaction

from apps.lib.emails import Email
from apps.outbox.models import Message, Status
from apps.outbox.tasks import queue_email
from tests.celery_smtp import queued_messages, running_worker
from tests.config.test_outages import broker_unreachable
from tests.outbox.conftest import email

pytestmark = pytest.mark.django_db


def test_each_recipient_gets_a_row_of_its_own_with_its_own_key_and_message_id(alice):
    message = Email(subject="Hello", body="Hi", to=["a@example.com", "b@example.com"])

    rows = queue_email(message, kind="welcome", user=alice)

    assert [r.to for r in rows] == ["a@example.com", "b@example.com"]
    assert {(r.kind, r.user, r.status, r.subject) for r in rows} == {
        ("welcome", alice, Status.PENDING, "Hello")
    }
    assert len({r.key for r in rows}) == len({r.message_id for r in rows}) == 2
    assert all(
        r.message_id.startswith("<") and r.message_id.endswith("@pacewise.localhost>") for r in rows
    )


def test_a_plain_text_email_has_no_html(alice):
    from django.core.mail import EmailMessage

    [row] = queue_email(EmailMessage(subject="Plain", body="Text", to=["a@example.com"]), kind="x")

    assert (row.text_body, row.html_body) == ("Text", "")


@pytest.mark.django_db(transaction=True)
def test_nothing_reaches_the_broker_before_the_caller_commits():
    with running_worker() as worker, transaction.atomic():
        queue_email(email(), kind="code")
        assert queued_messages() == 0
        assert worker.published == []


def test_with_the_broker_down_the_row_waits_for_the_sweep_and_the_caller_carries_on(
    django_capture_on_commit_callbacks,
):
    with broker_unreachable(), django_capture_on_commit_callbacks(execute=True):
        [row] = queue_email(email(), kind="code")

    row.refresh_from_db()
    assert (row.status, row.attempts) == (Status.PENDING, 0)
    assert Message.objects.count() == 1
