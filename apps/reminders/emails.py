"""The reminder emails: one function per kind, each a text + HTML pair with one-click unsubscribe.

No check-in note, journal text or boundary statement ever goes into an email.
"""

import datetime as dt

from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from apps.lib.dates import zone
from apps.lib.emails import Email, render_email
from apps.reminders import summary, tokens
from apps.reminders.models import Delivery, Kind


def unsubscribe_headers(user_id: int, kind: str) -> tuple[str, dict[str, str]]:
    """RFC 8058: an https URL that a mail client may POST to with no session."""
    url = settings.SITE_URL + reverse("reminders:unsubscribe", args=[tokens.make(user_id, kind)])
    headers = {
        "List-Unsubscribe": f"<{url}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        "Auto-Submitted": "auto-generated",
    }
    return url, headers


def reminder(delivery: Delivery, now: dt.datetime, extra: dict | None = None) -> Email:
    user = delivery.user
    url, headers = unsubscribe_headers(user.pk, delivery.kind)
    context = {
        "name": user.get_short_name(),
        "kind": delivery.kind,
        "unsubscribe_url": url,
        "topic": tokens.TOPIC[tokens.PREFERENCE[delivery.kind]],
        "local_now": now.astimezone(zone(user.time_zone)),
        **(extra or {}),
    }
    # Workers run in UTC; dates in the email are the person's own.
    with timezone.override(zone(user.time_zone)):
        return render_email(f"reminder_{delivery.kind}", user.email, context, headers)


def build(deliveries: list[Delivery], now: dt.datetime) -> dict[int, Email]:
    """Every message of a chunk; the summaries are computed together, in a few queries."""
    summary_users = [d.user for d in deliveries if d.kind == Kind.SUMMARY]
    window_ids = [
        int(d.slot.removeprefix("window-")) for d in deliveries if d.slot.startswith("window-")
    ]
    summaries = summary.for_users(summary_users, now) if summary_users else {}
    windows = summary.rest_windows_by_id(window_ids) if window_ids else {}
    messages = {}
    for delivery in deliveries:
        extra = {}
        if delivery.kind == Kind.SUMMARY:
            extra = {"summary": summaries[delivery.user_id]}
        elif delivery.slot.startswith("window-"):
            window = windows.get(int(delivery.slot.removeprefix("window-")))
            user_zone = zone(delivery.user.time_zone)
            extra = {
                "starts": window.starts_at.astimezone(user_zone) if window else None,
                "ends": window.ends_at.astimezone(user_zone) if window else None,
            }
        messages[delivery.pk] = reminder(delivery, now, extra)
    return messages
