"""The outbox: every email goes through the database and a Celery task, never the request.
Also the deletion of an account, which ends with one last email."""

import logging
from functools import partial
from importlib import import_module

from allauth.account.models import EmailAddress
from celery import Task
from django.conf import settings
from django.contrib.admin.models import LogEntry
from django.contrib.auth import SESSION_KEY
from django.contrib.contenttypes.models import ContentType
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import F
from django.db.models.functions import Lower
from django.utils import timezone
from kombu.exceptions import OperationalError as KombuOperationalError
from redis.exceptions import ConnectionError as RedisConnectionError

from apps.accounts.models import OutboundEmail, User
from apps.accounts.security import record_account_deleted
from apps.lib.emails import render_email

logger = logging.getLogger(__name__)
BROKER_DOWN = (KombuOperationalError, RedisConnectionError, OSError)
SESSION_SCAN_CHUNK = 2000


def queue_email(message: EmailMessage, *, forget_recipient: bool = False) -> list[OutboundEmail]:
    """Store one outbox row per recipient and send each from a task once the caller commits.

    forget_recipient: clear the address from the row once the email is sent (or given up on).
    """
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
            forget_recipient=forget_recipient,
        )
        for recipient in message.to
    ]
    for row in rows:
        transaction.on_commit(partial(enqueue, send_outbound_email, row.pk))
    return rows


def enqueue(task: Task, *args: object) -> None:
    """Publish a task; if the broker is down, leave the row for the beat sweep to send later.

    The email is already safe in PostgreSQL, so a broker outage delays it and loses nothing.
    """
    try:
        task.delay(*args)
    except BROKER_DOWN:
        logger.warning("Broker unavailable; %s will be sent by the stalled-email sweep.", task.name)


def claim(email_id: int) -> OutboundEmail | None:
    """Take a pending email for sending; None when it was sent or another worker holds it."""
    claimed = OutboundEmail.objects.filter(pk=email_id, status=OutboundEmail.Status.PENDING).update(
        status=OutboundEmail.Status.SENDING, attempts=F("attempts") + 1, updated_at=timezone.now()
    )
    return OutboundEmail.objects.get(pk=email_id) if claimed else None


def deliver(email: OutboundEmail) -> None:
    """Send a claimed email; on success forget its body, which may hold a one-time code."""
    email.as_message().send()
    forget = {"to": ""} if email.forget_recipient else {}
    OutboundEmail.objects.filter(pk=email.pk).update(
        status=OutboundEmail.Status.SENT,
        sent_at=timezone.now(),
        updated_at=timezone.now(),
        text_body="",
        html_body="",
        last_error="",
        **forget,
    )


def release(email: OutboundEmail, error: Exception, *, final: bool) -> None:
    """Record a failed attempt (the error's type, never the message text) and free the row."""
    status = OutboundEmail.Status.FAILED if final else OutboundEmail.Status.PENDING
    forget = {"to": ""} if final and email.forget_recipient else {}
    OutboundEmail.objects.filter(pk=email.pk).update(
        status=status, last_error=type(error).__name__[:200], updated_at=timezone.now(), **forget
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


def delete_account(user: User) -> None:
    """Delete the person and everything of theirs, end all their sessions, and say goodbye.

    Their content, reminder schedules and delivery log, email addresses, authenticators and
    security events go with the user row (every foreign key to the user CASCADEs; a test walks
    them all). What names them without a foreign key is deleted here: outbox rows to their
    addresses (a reminder not yet sent is so cancelled) and the admin's history of their row.
    The goodbye email is addressed by value, with a fixed text, and forgets the address once
    sent; the security log keeps only that an account was deleted, with no trace of whose.
    """
    user_id, address = user.pk, user.email
    addresses = {address.lower()} | {
        email.lower()
        for email in EmailAddress.objects.filter(user=user).values_list("email", flat=True)
    }
    with transaction.atomic():
        OutboundEmail.objects.alias(to_lower=Lower("to")).filter(to_lower__in=addresses).delete()
        LogEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(User), object_id=str(user_id)
        ).delete()
        user.delete()
        record_account_deleted()
        queue_email(render_email("account_deleted", address, {}), forget_recipient=True)
    end_sessions(user_id)


def end_sessions(user_id: int) -> int:
    """Delete every stored session signed in as the user; returns how many.

    Sessions do not index their user, so this decodes them all, a chunk at a time: a full scan,
    acceptable for something that happens once per deleted account. (With a session engine
    that cannot be listed, such as the cache, a session whose user is gone is refused anyway.)
    """
    store = import_module(settings.SESSION_ENGINE).SessionStore
    if not hasattr(store, "get_model_class"):
        return 0
    sessions = store.get_model_class().objects.only("session_key", "session_data")
    doomed = [
        session.session_key
        for session in sessions.iterator(chunk_size=SESSION_SCAN_CHUNK)
        if session.get_decoded().get(SESSION_KEY) == str(user_id)
    ]
    deleted, _ = sessions.filter(session_key__in=doomed).delete()
    return deleted
