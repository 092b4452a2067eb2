"""The move from two outboxes to one keeps every row and its state (outbox 0002)."""

import datetime as dt

import pytest
from django.utils import timezone

from apps.outbox.models import Message
from tests.migrating import migrate, migrated_back_to

pytestmark = pytest.mark.django_db(transaction=True)
BEFORE = [
    ("outbox", "0001_initial"),
    ("accounts", "0002_security_events"),
    ("reminders", "0002_delivery_claimed_at"),
]
AFTER = [("outbox", "0002_from_two_outboxes")]


@pytest.fixture
def old_apps():
    with migrated_back_to(BEFORE) as apps:
        yield apps


def test_every_email_and_delivery_becomes_a_message_in_the_same_state(old_apps):
    User = old_apps.get_model("accounts", "User")
    OutboundEmail = old_apps.get_model("accounts", "OutboundEmail")
    Delivery = old_apps.get_model("reminders", "Delivery")
    alice = User.objects.create(email="alice@example.com", time_zone="Europe/Berlin")
    now = timezone.now()
    OutboundEmail.objects.create(
        to="Alice@Example.com", subject="Your code", text_body="CALM-42", status="pending"
    )
    OutboundEmail.objects.create(
        to="sam@example.com", subject="A shared plan", text_body="", status="sent", sent_at=now
    )
    Delivery.objects.create(
        user=alice, kind="checkin", slot="2026-11-27", due_at=now, status="skipped", reason="paused"
    )
    Delivery.objects.create(
        user=alice,
        kind="summary",
        slot="2026-W48",
        due_at=now,
        status="sending",
        claimed_at=now,
        attempts=1,
    )

    new_apps = migrate(AFTER)

    Message = new_apps.get_model("outbox", "Message")
    rows = {m.key: m for m in Message.objects.all()}
    assert len(rows) == 4
    assert len({m.message_id for m in rows.values()}) == 4
    code = next(m for m in rows.values() if m.subject == "Your code")
    assert (code.to, code.user_id, code.text_body, code.status) == (
        "Alice@Example.com",
        alice.pk,
        "CALM-42",
        "pending",
    )
    shared = next(m for m in rows.values() if m.subject == "A shared plan")
    assert (shared.user_id, shared.status, shared.sent_at) == (None, "sent", now)
    checkin = rows[f"email:checkin:{alice.pk}:2026-11-27"]
    assert (checkin.ref, checkin.status, checkin.reason, checkin.to) == (
        "2026-11-27",
        "skipped",
        "paused",
        "alice@example.com",
    )
    summary = rows[f"email:summary:{alice.pk}:2026-W48"]
    assert (summary.status, summary.claimed_at, summary.attempts, summary.due_at) == (
        "sending",
        now,
        1,
        now,
    )
    assert summary.next_attempt_at - now < dt.timedelta(seconds=1)


def test_a_message_sent_before_deliveries_were_counted_counts_one():
    with migrated_back_to([("outbox", "0004_attempts_are_failed_sends")]) as apps:
        Before = apps.get_model("outbox", "Message")
        for n, status in enumerate(("sent", "pending", "failed")):
            Before.objects.create(
                kind="code", key=f"code:{n}", message_id=f"<{n}@x>", status=status
            )
        migrate([("outbox", "0005_deliveries")])

        assert sorted(Message.objects.values_list("status", "deliveries")) == [
            ("failed", 0),
            ("pending", 0),
            ("sent", 1),
        ]
