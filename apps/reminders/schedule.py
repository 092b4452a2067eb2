"""Local days, weeks and wall-clock times, as reminders count them (Preferences.next_checkin
and next_summary use these): computed on the person's local calendar, stored in UTC.

Adding a day is done on the local date, never as 24 hours, so 19:00 stays 19:00 across daylight
saving changes. A local time that does not exist (the spring-forward gap) is read with fold=0,
that is with the offset before the change: 02:30 on that night becomes 03:30 local. A time that
happens twice (fall-back) is the first one; deliveries are keyed by local day, so it is sent once.
"""

import datetime as dt
from zoneinfo import ZoneInfo

SEARCH_DAYS = 8  # a weekly schedule is due again within a week and a day


def at_local(day: dt.date, time: dt.time, zone: ZoneInfo) -> dt.datetime:
    """The UTC instant of a local wall-clock time (see the module docstring for DST)."""
    return dt.datetime.combine(day, time, tzinfo=zone).astimezone(dt.UTC)


def checkin_slot(due: dt.datetime, zone: ZoneInfo) -> str:
    """One check-in reminder per local day."""
    return due.astimezone(zone).date().isoformat()


def summary_slot(due: dt.datetime, zone: ZoneInfo) -> str:
    """One summary per local ISO week."""
    year, week, _ = due.astimezone(zone).date().isocalendar()
    return f"{year}-W{week:02d}"
