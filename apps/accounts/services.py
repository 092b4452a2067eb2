"""The outbox: every email goes through the database and a Celery task, never the request."""

from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from apps.accounts.models import OutboundEmail


def queue_email(message: EmailMessage) -> list[OutboundEmail]:
    """Store one outbox row per recipient and send each from a task once the caller commits."""
    from apps.accounts.tasks import send_outbound_email

    html = next(
        (
            content
            for content, mimetype in getattr(message, "alternatives", [])
            if mimetype == "text/html"
        ),
        "",
    )
    rows = [
        OutboundEmail.objects.create(
            to=recipient,
            subject=message.subject,
            text_body=message.body,
            html_body=html,
            headers=dict(message.extra_headers),
        )
        for recipient in message.to
    ]
    for row in rows:
        send_outbound_email.delay_on_commit(row.pk)
    return rows


def claim(email_id: int) -> OutboundEmail | None:
    """Take a pending email for sending; None when it was sent or another worker holds it."""
    claimed = OutboundEmail.objects.filter(pk=email_id, status=OutboundEmail.Status.PENDING).update(
        status=OutboundEmail.Status.SENDING, attempts=F("attempts") + 1, updated_at=timezone.now()
    )
    return OutboundEmail.objects.get(pk=email_id) if claimed else None


def deliver(email: OutboundEmail) -> None:
    """Send a claimed email; on success forget its body, which may hold a one-time code."""
    email.as_message().send()
    OutboundEmail.objects.filter(pk=email.pk).update(
        status=OutboundEmail.Status.SENT,
        sent_at=timezone.now(),
        updated_at=timezone.now(),
        text_body="",
        html_body="",
        last_error="",
    )


def release(email: OutboundEmail, error: Exception, *, final: bool) -> None:
    """Record a failed attempt (the error's type, never the message text) and free the row."""
    status = OutboundEmail.Status.FAILED if final else OutboundEmail.Status.PENDING
    OutboundEmail.objects.filter(pk=email.pk).update(
        status=status, last_error=type(error).__name__[:200], updated_at=timezone.now()
    )


def requeue_stalled() -> int:
    """Queue again the emails whose task never ran (broker down, worker killed mid-send)."""
    from apps.accounts.tasks import send_outbound_email

    with transaction.atomic():
        ids = list(
            OutboundEmail.objects.stalled()
            .select_for_update(skip_locked=True)
            .values_list("pk", flat=True)[:500]
        )
        OutboundEmail.objects.filter(pk__in=ids).update(
            status=OutboundEmail.Status.PENDING, updated_at=timezone.now()
        )
    for email_id in ids:
        send_outbound_email.delay(email_id)
    return len(ids)
