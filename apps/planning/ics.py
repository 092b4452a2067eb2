"""iCalendar output for rest windows: one window as a download, or a person's feed."""

import datetime as dt
from collections.abc import Iterable

from django.utils import timezone
from icalendar import Calendar, Event

from apps.lib.dates import zone
from apps.planning.models import RestWindow

PRODID = "-//Pacewise//Rest windows//EN"


def rest_event(window: RestWindow, time_zone: str, stamp: dt.datetime) -> Event:
    tz = zone(time_zone)
    event = Event()
    event.add("uid", f"{window.uid}@pacewise")
    event.add("dtstamp", stamp)
    # Local wall times with a TZID: calendar apps then show the window where the person lives.
    event.add("dtstart", window.starts_at.astimezone(tz))
    event.add("dtend", window.ends_at.astimezone(tz))
    event.add("summary", "Rest window")
    description = []
    if window.activities:
        description.append(f"Planned rest:\n{window.activities}")
    if window.avoid:
        description.append(f"Leaving aside:\n{window.avoid}")
    if description:
        event.add("description", "\n\n".join(description))
    event.add("transp", "OPAQUE")
    return event


def rest_calendar(windows: Iterable[RestWindow], time_zone: str, name: str = "") -> bytes:
    """A VCALENDAR with the VTIMEZONE its events need, covering just the years they span."""
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    if name:
        cal.add("x-wr-calname", name)
    stamp = timezone.now()
    windows = list(windows)
    for window in windows:
        cal.add_component(rest_event(window, time_zone, stamp))
    if windows:
        first = min(w.starts_at for w in windows).date() - dt.timedelta(days=366)
        last = max(w.ends_at for w in windows).date() + dt.timedelta(days=366)
        cal.add_missing_timezones(first_date=first, last_date=last)
    return cal.to_ical()
