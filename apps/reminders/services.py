"""Keeping schedules in step with what people change: call these right after a change."""

import datetime as dt

from django.db import transaction
from django.utils import timezone

from apps.accounts.models import User
from apps.lib.dates import zone
from apps.planning.models import RestWindow
from apps.reminders import schedule
from apps.reminders.models import Kind, Preferences, Reminder


def preferences_for(user: User) -> Preferences:
    prefs, _ = Preferences.objects.get_or_create(user=user)
    return prefs


@transaction.atomic
def reschedule(user: User, prefs: Preferences | None = None) -> None:
    """Recompute the check-in and summary schedules, e.g. after a preference or zone change."""
    prefs = prefs or preferences_for(user)
    now, user_zone = timezone.now(), zone(user.time_zone)
    for kind, next_due in (
        (Kind.CHECKIN, schedule.next_checkin(prefs, user_zone, now)),
        (Kind.SUMMARY, schedule.next_summary(prefs, user_zone, now)),
    ):
        Reminder.objects.update_or_create(
            user=user, kind=kind, rest_window=None, defaults={"next_due_at": next_due}
        )
    for window in RestWindow.objects.for_user(user).filter(ends_at__gt=now):
        reschedule_rest_window(window, prefs)


def rest_times(window: RestWindow, prefs: Preferences) -> dict[str, dt.datetime | None]:
    """A rest window's reminders: a heads-up if wanted, its start and its end."""
    enabled = prefs.rest_enabled
    heads_up = prefs.rest_heads_up_hours
    return {
        Kind.REST_HEADS_UP: (
            window.starts_at - dt.timedelta(hours=heads_up) if enabled and heads_up else None
        ),
        Kind.REST_START: window.starts_at if enabled else None,
        Kind.REST_END: window.ends_at if enabled else None,
    }


def reschedule_rest_window(window: RestWindow, prefs: Preferences | None = None) -> None:
    """Create or move a rest window's reminders; times already past are not scheduled again."""
    prefs = prefs or preferences_for(window.user)
    now = timezone.now()
    for kind, due in rest_times(window, prefs).items():
        Reminder.objects.update_or_create(
            user_id=window.user_id,
            kind=kind,
            rest_window=window,
            defaults={"next_due_at": due if due and due > now else None},
        )
