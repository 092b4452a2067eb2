"""Move every outbound email (accounts.OutboundEmail) and every reminder delivery
(reminders.Delivery) into the one outbox, keeping each row's state; and back again."""

import secrets

from django.conf import settings
from django.db import migrations

REMINDER_KINDS = {"checkin", "rest_heads_up", "rest_start", "rest_end", "summary"}
CHUNK = 2000


def message_id() -> str:
    domain = settings.DEFAULT_FROM_EMAIL.rpartition("@")[2].rstrip(">") or "pacewise.localhost"
    return f"<{secrets.token_hex(16)}@{domain}>"


def forwards(apps, schema_editor):
    Message = apps.get_model("outbox", "Message")
    OutboundEmail = apps.get_model("accounts", "OutboundEmail")
    Delivery = apps.get_model("reminders", "Delivery")
    User = apps.get_model("accounts", "User")
    users = {email.lower(): pk for pk, email in User.objects.values_list("pk", "email")}

    def save(messages):
        Message.objects.bulk_create(messages, batch_size=CHUNK)
        messages.clear()

    batch = []
    for email in OutboundEmail.objects.order_by("pk").iterator(chunk_size=CHUNK):
        claimed = email.updated_at if email.status == "sending" else None
        batch.append(
            Message(
                kind="email",
                key=f"outbound:{email.pk}",
                user_id=users.get(email.to.lower()),
                to=email.to,
                message_id=message_id(),
                subject=email.subject,
                text_body=email.text_body,
                html_body=email.html_body,
                headers=email.headers,
                forget_recipient=email.forget_recipient,
                due_at=email.created_at,
                status=email.status,
                attempts=email.attempts,
                next_attempt_at=email.updated_at,
                claimed_at=claimed,
                last_error=email.last_error[:120],
                created_at=email.created_at,
                sent_at=email.sent_at,
            )
        )
        if len(batch) >= CHUNK:
            save(batch)
    for delivery in (
        Delivery.objects.select_related("user").order_by("pk").iterator(chunk_size=CHUNK)
    ):
        batch.append(
            Message(
                kind=delivery.kind,
                key=f"email:{delivery.kind}:{delivery.user_id}:{delivery.slot}",
                ref=delivery.slot,
                user_id=delivery.user_id,
                to=delivery.user.email,
                message_id=message_id(),
                due_at=delivery.due_at,
                status=delivery.status,
                reason=delivery.reason,
                attempts=delivery.attempts,
                next_attempt_at=delivery.due_at,
                claimed_at=delivery.claimed_at,
                last_error=delivery.error,
                created_at=delivery.created_at,
                sent_at=delivery.sent_at,
            )
        )
        if len(batch) >= CHUNK:
            save(batch)
    save(batch)


def backwards(apps, schema_editor):
    Message = apps.get_model("outbox", "Message")
    OutboundEmail = apps.get_model("accounts", "OutboundEmail")
    Delivery = apps.get_model("reminders", "Delivery")
    emails, deliveries = [], []
    for message in Message.objects.order_by("pk").iterator(chunk_size=CHUNK):
        if message.kind in REMINDER_KINDS and message.user_id:
            deliveries.append(
                Delivery(
                    user_id=message.user_id,
                    kind=message.kind,
                    slot=message.ref,
                    due_at=message.due_at,
                    status=message.status,
                    reason=message.reason,
                    error=message.last_error,
                    attempts=message.attempts,
                    created_at=message.created_at,
                    claimed_at=message.claimed_at,
                    sent_at=message.sent_at,
                )
            )
        else:
            emails.append(
                OutboundEmail(
                    to=message.to,
                    subject=message.subject,
                    text_body=message.text_body,
                    html_body=message.html_body,
                    headers=message.headers,
                    status="failed" if message.status == "skipped" else message.status,
                    attempts=message.attempts,
                    last_error=message.last_error,
                    forget_recipient=message.forget_recipient,
                    sent_at=message.sent_at,
                )
            )
    Delivery.objects.bulk_create(deliveries, batch_size=CHUNK, ignore_conflicts=True)
    OutboundEmail.objects.bulk_create(emails, batch_size=CHUNK)
    Message.objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("outbox", "0001_initial"),
        ("accounts", "0002_security_events"),
        ("reminders", "0002_delivery_claimed_at"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
