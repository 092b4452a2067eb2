"""Sending a chunk of deliveries: decide, claim, send over one connection, record.

At most once: rows are claimed (pending → sending) before anything is sent and marked sent as
a batch afterwards. A worker killed mid-chunk leaves its claimed rows in "sending"; they are
never sent again (a second reminder is worse than a missed one) and the sweeper marks them
failed so the delivery log shows it. A transient SMTP error puts the unsent rows back to
pending for the task's retry.
"""

import datetime as dt
import logging
import smtplib
from collections.abc import Iterable

from allauth.account.models import EmailAddress
from django.core import mail
from django.db import transaction
from django.db.models import F
from django.db.models.functions import Now
from django.utils import timezone

from apps.checkins.models import CheckIn
from apps.lib.dates import zone
from apps.lib.emails import Email
from apps.planning.models import RestWindow
from apps.reminders import emails, tokens
from apps.reminders.models import Delivery, Kind

logger = logging.getLogger(__name__)
TRANSIENT_ERRORS = (smtplib.SMTPException, OSError)
# A check-in or rest reminder this late (an outage, a long queue) would only nag: drop it.
# A weekly summary is still worth reading late, so it is always sent once.
STALE_AFTER = dt.timedelta(hours=2)
INTERRUPTED_AFTER = dt.timedelta(minutes=30)


def claim(ids: Iterable[int]) -> list[Delivery]:
    """Lock and take the still-pending deliveries of the chunk; others are someone else's."""
    with transaction.atomic():
        rows = list(
            Delivery.objects.filter(pk__in=list(ids), status=Delivery.Status.PENDING)
            .select_for_update(skip_locked=True, of=("self",))
            .select_related("user", "user__reminder_preferences")
        )
        Delivery.objects.filter(pk__in=[d.pk for d in rows]).update(
            status=Delivery.Status.SENDING, attempts=F("attempts") + 1, claimed_at=Now()
        )
    return rows


def reasons_to_skip(deliveries: list[Delivery], now: dt.datetime) -> dict[int, str]:
    """Why each delivery should not go out, decided for the whole chunk in a few queries."""
    users = {d.user_id for d in deliveries}
    verified = set(
        EmailAddress.objects.filter(user_id__in=users, verified=True, primary=True).values_list(
            "user_id", flat=True
        )
    )
    checkin_users = {d.user_id for d in deliveries if d.kind == Kind.CHECKIN}
    checked_in = set(
        CheckIn.objects.filter(
            user_id__in=checkin_users,
            checked_in_on__in={d.slot for d in deliveries if d.kind == Kind.CHECKIN},
        ).values_list("user_id", "checked_in_on")
    )
    resting = set(
        RestWindow.objects.filter(
            user_id__in=checkin_users, starts_at__lte=now, ends_at__gt=now
        ).values_list("user_id", flat=True)
    )
    skip = {}
    for d in deliveries:
        prefs = getattr(d.user, "reminder_preferences", None)
        local = now.astimezone(zone(d.user.time_zone))
        if not d.user.is_active:
            skip[d.pk] = "inactive"
        elif d.user_id not in verified:
            skip[d.pk] = "unverified"
        elif prefs is None or prefs.is_paused(now):
            skip[d.pk] = "paused"
        elif d.kind != Kind.SUMMARY and now - d.due_at > STALE_AFTER:
            skip[d.pk] = "stale"
        elif not getattr(prefs, tokens.PREFERENCE[d.kind]):
            skip[d.pk] = "unsubscribed"
        elif d.kind == Kind.CHECKIN and (d.user_id, dt.date.fromisoformat(d.slot)) in checked_in:
            skip[d.pk] = "checked_in"
        elif d.kind == Kind.CHECKIN and d.user_id in resting:
            skip[d.pk] = "rest_window"
        elif d.kind == Kind.CHECKIN and prefs.is_quiet(local.time()):
            skip[d.pk] = "quiet_hours"
    return skip


def send(ids: list[int]) -> int:
    """Send a chunk; returns how many emails went out. Raises transport errors for a retry."""
    now = timezone.now()
    deliveries = claim(ids)
    if not deliveries:
        return 0
    skip = reasons_to_skip(deliveries, now)
    for reason in set(skip.values()):
        Delivery.objects.filter(pk__in=[pk for pk, why in skip.items() if why == reason]).update(
            status=Delivery.Status.SKIPPED, reason=reason
        )
    messages, broken = build_each([d for d in deliveries if d.pk not in skip], now)
    for error, ids in broken.items():
        mark(ids, Delivery.Status.FAILED, reason="build_error", error=error)
    to_send = [d for d in deliveries if d.pk in messages]
    sent: list[int] = []
    try:
        with mail.mailers["default"] as mailer:
            for delivery in to_send:
                mailer.send_messages([messages[delivery.pk]])
                sent.append(delivery.pk)
    except Exception as exc:
        # A transport error is retried by the task; anything else would fail again.
        status = (
            Delivery.Status.PENDING if isinstance(exc, TRANSIENT_ERRORS) else Delivery.Status.FAILED
        )
        unsent = [d.pk for d in to_send if d.pk not in set(sent)]
        mark(unsent, status, error=type(exc).__name__)
        raise
    finally:
        Delivery.objects.filter(pk__in=sent).update(
            status=Delivery.Status.SENT, sent_at=timezone.now(), error=""
        )
    return len(sent)


def build_each(
    deliveries: list[Delivery], now: dt.datetime
) -> tuple[dict[int, Email], dict[str, list[int]]]:
    """The chunk's messages; one that cannot be built fails alone, not the whole chunk."""
    try:
        return emails.build(deliveries, now), {}
    except Exception:
        logger.exception("Building a chunk of reminder emails failed; trying one by one.")
    messages: dict[int, Email] = {}
    broken: dict[str, list[int]] = {}
    for delivery in deliveries:
        try:
            messages.update(emails.build([delivery], now))
        except Exception as exc:
            broken.setdefault(type(exc).__name__, []).append(delivery.pk)
    return messages, broken


def mark(ids: list[int], status: str, *, reason: str = "", error: str = "") -> None:
    fields = {"status": status, "error": error[:120]}
    if reason:
        fields["reason"] = reason
    Delivery.objects.filter(pk__in=ids).update(**fields)


def give_up(ids: list[int], exc: Exception) -> int:
    """After the last retry: what is still pending is recorded as failed, with the error type."""
    return Delivery.objects.filter(pk__in=ids, status=Delivery.Status.PENDING).update(
        status=Delivery.Status.FAILED, reason="gave_up", error=type(exc).__name__[:120]
    )


def sweep_interrupted(now: dt.datetime | None = None) -> int:
    """Claimed but never finished (a worker was killed): record it, and never send it again."""
    cutoff = (now or timezone.now()) - INTERRUPTED_AFTER
    return Delivery.objects.filter(status=Delivery.Status.SENDING, claimed_at__lt=cutoff).update(
        status=Delivery.Status.FAILED, reason="interrupted"
    )
