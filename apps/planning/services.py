"""Small, named functions other apps (Today, reminders) may call, and the plan's workflows."""

import datetime as dt

from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from apps.accounts.models import User
from apps.accounts.services import queue_email
from apps.lib.dates import week_start
from apps.lib.emails import render_email
from apps.planning.models import RestWindow, ShareLink, WeeklyAction


def this_weeks_actions(user: User, today: dt.date) -> list[WeeklyAction]:
    """The actions for the week `today` (a local date) falls in, with their values: one query."""
    return list(
        WeeklyAction.objects.for_user(user)
        .filter(week_of=week_start(today))
        .select_related("personal_value__value")
        .order_by("created_at")
    )


def next_rest_window(user: User) -> RestWindow | None:
    """The rest window happening now, or else the next one planned: one query."""
    return RestWindow.objects.for_user(user).upcoming().first()


def lock_owner(user: User) -> None:
    """Serialise one person's limit checks (five values, two actions, no overlapping windows).

    Must run inside a transaction: two tabs posting at once would otherwise both pass a count
    check. Other people's requests never wait on it.
    """
    User.objects.select_for_update().filter(pk=user.pk).values_list("pk", flat=True).first()


def share_url(link: ShareLink) -> str:
    return settings.SITE_URL + reverse("planning:share-view", args=[link.token])


def email_share_link(link: ShareLink, to: str) -> None:
    """Send the link with the sharer's name only: never plan content, which may change or be
    revoked after the email has left."""
    days = max(1, round((link.expires_at - timezone.now()) / dt.timedelta(days=1)))
    message = render_email(
        "share_link",
        to,
        {"url": share_url(link), "sharer": link.user.display_name, "days": days},
    )
    queue_email(message)
