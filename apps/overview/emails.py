"""The weekly summary as the outbox sends it: the builder for the summary kind (registered in
OverviewConfig.ready). What lets a reminder through lets a summary through
(apps.reminders.emails.reasons_to_skip); what the week held is apps/overview/summary.py.
"""

import datetime as dt
from collections.abc import Sequence

from django.urls import reverse

from apps.lib.emails import Email
from apps.outbox.models import Channel, Message, Notification
from apps.overview import summary
from apps.reminders import emails as reminder_emails
from apps.reminders.models import Kind


def build(messages: Sequence[Message], now: dt.datetime) -> dict[int, Email | Notification | str]:
    """A batch of weekly summaries, or why each is not sent: in a fixed handful of queries."""
    skip = reminder_emails.reasons_to_skip(messages, now)
    to_send = [m for m in messages if m.pk not in skip]
    by_email = [m.user for m in to_send if m.channel == Channel.EMAIL]
    summaries = summary.for_users(by_email, now) if by_email else {}
    unsubscribe = reminder_emails.unsubscribe_prefix()
    built: dict[int, Email | Notification | str] = dict(skip)
    for message in to_send:
        if message.channel == Channel.PUSH:
            built[message.pk] = notification()
        else:
            extra = {"summary": summaries[message.user_id]}
            built[message.pk] = reminder_emails.reminder(message, now, extra, unsubscribe)
    return built


def notification() -> Notification:
    """The summary as a notification: that it is ready, never a figure of the week."""
    return Notification(
        title="Your week in energy",
        body="This week's summary is ready when you are.",
        url=reverse("overview:summary-preview"),
        tag=str(Kind.SUMMARY),
        ttl=reminder_emails.PUSH_TTL[Kind.SUMMARY],
    )
