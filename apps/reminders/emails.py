"""What the reminders say, and when one is not sent after all: the outbox's builder for the
check-in and rest-window reminders (registered in RemindersConfig.ready), called as each batch
is sent. The weekly summary's own content is the overview's (apps/overview/emails.py), which
uses the same reasons to skip and the same email.

By email, each kind is a text + HTML pair with one-click unsubscribe; as a notification, a
title, a line and the page a tap opens. No check-in note, journal text or boundary statement
ever goes into either.
"""

import datetime as dt
from collections.abc import Sequence

from allauth.account.models import EmailAddress
from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django.utils.dateformat import format as format_date

from apps.checkins.models import CheckIn
from apps.lib.dates import zone
from apps.lib.emails import Email, render_email
from apps.outbox.models import Channel, Message, Notification
from apps.planning.models import RestWindow
from apps.reminders import tokens
from apps.reminders.models import Kind, Preferences

# Each kind's templates: templates/emails/<name>_subject.txt, <name>.txt and <name>.html.
TEMPLATES = {
    Kind.CHECKIN: "reminder_checkin",
    Kind.REST_HEADS_UP: "reminder_rest_heads_up",
    Kind.REST_START: "reminder_rest_start",
    Kind.REST_END: "reminder_rest_end",
    Kind.SUMMARY: "reminder_summary",
}
# A check-in or rest reminder this late (an outage, a long queue) would only nag: drop it.
# A weekly summary is still worth reading late, so it is always sent once.
STALE_AFTER = dt.timedelta(hours=2)
# How long a push service keeps a notification for a device that is offline: a reminder no
# longer than it would be sent at all; a summary for a day.
PUSH_TTL = {kind: int(STALE_AFTER.total_seconds()) for kind in Kind} | {Kind.SUMMARY: 86400}


def build(messages: Sequence[Message], now: dt.datetime) -> dict[int, Email | Notification | str]:
    """Every message of a batch, or why it is not sent: in a fixed handful of queries."""
    skip = reasons_to_skip(messages, now)
    to_send = [m for m in messages if m.pk not in skip]
    unsubscribe = unsubscribe_prefix()
    windows = rest_windows_by_id([window_id(m) for m in to_send if m.ref.startswith("window-")])
    emails: dict[int, Email | Notification | str] = dict(skip)
    for message in to_send:
        if message.channel == Channel.PUSH:
            emails[message.pk] = notification(message, windows)
            continue
        extra = {}
        if message.ref.startswith("window-"):
            window = windows.get(window_id(message))
            user_zone = zone(message.user.time_zone)
            extra = {
                "starts": window.starts_at.astimezone(user_zone) if window else None,
                "ends": window.ends_at.astimezone(user_zone) if window else None,
            }
        emails[message.pk] = reminder(message, now, extra, unsubscribe)
    return emails


def rest_windows_by_id(ids: list[int]) -> dict[int, RestWindow]:
    """The windows a batch's rest reminders name, in one query: their times only, no text."""
    if not ids:
        return {}
    return {
        window.pk: window
        for window in RestWindow.objects.filter(pk__in=ids).only("user_id", "starts_at", "ends_at")
    }


def reasons_to_skip(messages: Sequence[Message], now: dt.datetime) -> dict[int, str]:
    """Why each message should not go out after all, decided for the batch at once."""
    users = {m.user_id for m in messages}
    prefs = {p.pk: p for p in Preferences.objects.filter(pk__in=users)}
    verified = set(
        EmailAddress.objects.filter(user_id__in=users, verified=True, primary=True).values_list(
            "user_id", flat=True
        )
    )
    checkins = [m for m in messages if m.kind == Kind.CHECKIN]
    checked_in = set(
        CheckIn.objects.filter(
            user_id__in={m.user_id for m in checkins},
            checked_in_on__in={m.ref for m in checkins},
        ).values_list("user_id", "checked_in_on")
    )
    resting = set(
        RestWindow.objects.filter(
            user_id__in={m.user_id for m in checkins}, starts_at__lte=now, ends_at__gt=now
        ).values_list("user_id", flat=True)
    )
    skip = {}
    for m in messages:
        pref = prefs.get(m.user_id)
        local = now.astimezone(zone(m.user.time_zone))
        if not m.user.is_active:
            skip[m.pk] = "inactive"
        elif m.user_id not in verified:
            skip[m.pk] = "unverified"
        elif pref is None or pref.is_paused(now):
            skip[m.pk] = "paused"
        elif m.kind != Kind.SUMMARY and now - m.due_at > STALE_AFTER:
            skip[m.pk] = "stale"
        elif not getattr(pref, tokens.PREFERENCE[m.kind]):
            skip[m.pk] = "unsubscribed"
        elif m.kind == Kind.CHECKIN and (m.user_id, dt.date.fromisoformat(m.ref)) in checked_in:
            skip[m.pk] = "checked_in"
        elif m.kind == Kind.CHECKIN and m.user_id in resting:
            skip[m.pk] = "rest_window"
        elif m.kind == Kind.CHECKIN and pref.is_quiet(local.time()):
            skip[m.pk] = "quiet_hours"
    return skip


def notification(message: Message, windows: dict[int, RestWindow]) -> Notification:
    """A reminder as a notification: what it is about, never what the person wrote."""
    kind = message.kind
    if kind == Kind.CHECKIN:
        title, body, url = (
            "A minute for yourself?",
            "How are you today? Two taps are enough.",
            reverse("checkins:today"),
        )
    else:
        window = windows.get(window_id(message))
        user_zone = zone(message.user.time_zone)

        def local(moment: dt.datetime) -> str:
            return format_date(moment.astimezone(user_zone), "l H:i")

        url = reverse("planning:rest-detail", args=[window_id(message)])
        if kind == Kind.REST_HEADS_UP:
            title = "A rest window is coming up"
            body = f"It starts {local(window.starts_at)}." if window else ""
            body += " A good moment to hand over what can wait."
        elif kind == Kind.REST_START:
            title = "Your rest window starts now"
            body = f"Until {local(window.ends_at)}. " if window else ""
            body += "Nothing here needs you."
        else:
            title, body = "Your rest window has ended", "When you like, note how rested you feel."
    return Notification(title=title, body=body.strip(), url=url, tag=str(kind), ttl=PUSH_TTL[kind])


def window_id(message: Message) -> int:
    return int(message.ref.removeprefix("window-"))


def unsubscribe_prefix() -> str:
    """The absolute unsubscribe URL up to its token, for a batch to reuse."""
    return settings.SITE_URL + reverse("reminders:unsubscribe", args=["-"]).removesuffix("-/")


def unsubscribe_headers(
    user_id: int, kind: str, prefix: str | None = None
) -> tuple[str, dict[str, str]]:
    """RFC 8058: an https URL that a mail client may POST to with no session.

    prefix: the URL up to the token, when a batch has it already.
    """
    url = f"{prefix or unsubscribe_prefix()}{tokens.make(user_id, kind)}/"
    headers = {
        "List-Unsubscribe": f"<{url}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        "Auto-Submitted": "auto-generated",
    }
    return url, headers


def reminder(
    message: Message, now: dt.datetime, extra: dict | None = None, unsubscribe: str | None = None
) -> Email:
    user = message.user
    url, headers = unsubscribe_headers(user.pk, message.kind, unsubscribe)
    context = {
        "name": user.get_short_name(),
        "kind": message.kind,
        "unsubscribe_url": url,
        "topic": tokens.TOPIC[tokens.PREFERENCE[message.kind]],
        "local_now": now.astimezone(zone(user.time_zone)),
        **(extra or {}),
    }
    # Workers run in UTC; dates in the email are the person's own.
    with timezone.override(zone(user.time_zone)):
        return render_email(TEMPLATES[message.kind], user.email, context, headers)
