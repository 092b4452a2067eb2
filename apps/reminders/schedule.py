"""When each reminder is next due: computed on the person's local calendar, stored in UTC.

Adding a day is done on the local date, never as 24 hours, so 19:00 stays 19:00 across daylight
saving changes. A local time that does not exist (the spring-forward gap) is read with fold=0,
that is with the offset before the change: 02:30 on that night becomes 03:30 local. A time that
happens twice (fall-back) is the first one; deliveries are keyed by local day, so it is sent once.
"""

import datetime as dt
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

if TYPE_CHECKING:  # the models use these rules
    from apps.planning.models import RestWindow
    from apps.reminders.models import Preferences

SEARCH_DAYS = 8


def at_local(day: dt.date, time: dt.time, zone: ZoneInfo) -> dt.datetime:
    """The UTC instant of a local wall-clock time (see the module docstring for DST)."""
    return dt.datetime.combine(day, time, tzinfo=zone).astimezone(dt.UTC)


def next_checkin(prefs: "Preferences", zone: ZoneInfo, after: dt.datetime) -> dt.datetime | None:
    if not prefs.checkin_enabled or not prefs.checkin_days:
        return None
    start = after.astimezone(zone).date()
    for offset in range(SEARCH_DAYS):
        day = start + dt.timedelta(days=offset)
        due = at_local(day, prefs.checkin_time, zone)
        if due > after and prefs.on_day(day.weekday()):
            return due
    return None


def next_summary(prefs: "Preferences", zone: ZoneInfo, after: dt.datetime) -> dt.datetime | None:
    if not prefs.summary_enabled:
        return None
    start = after.astimezone(zone).date()
    for offset in range(SEARCH_DAYS):
        day = start + dt.timedelta(days=offset)
        due = at_local(day, prefs.summary_time, zone)
        if due > after and day.weekday() == prefs.summary_weekday:
            return due
    return None


def checkin_slot(due: dt.datetime, zone: ZoneInfo) -> str:
    """One check-in reminder per local day."""
    return due.astimezone(zone).date().isoformat()


def summary_slot(due: dt.datetime, zone: ZoneInfo) -> str:
    """One summary per local ISO week."""
    year, week, _ = due.astimezone(zone).date().isocalendar()
    return f"{year}-W{week:02d}"


def rest_times(window: "RestWindow", prefs: "Preferences") -> dict[str, dt.datetime | None]:
    """A rest window's reminders: a heads-up if wanted, its start and its end."""
    enabled = prefs.rest_enabled
    heads_up = prefs.rest_heads_up_hours
    return {
        "rest_heads_up": (
            window.starts_at - dt.timedelta(hours=heads_up) if enabled and heads_up else None
        ),
        "rest_start": window.starts_at if enabled else None,
        "rest_end": window.ends_at if enabled else None,
    }
