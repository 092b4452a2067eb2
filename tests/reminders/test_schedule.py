"""Next due times on the user's own calendar, across daylight saving changes."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from apps.reminders import schedule
from apps.reminders.models import Preferences

BERLIN = ZoneInfo("Europe/Berlin")
NEW_YORK = ZoneInfo("America/New_York")
KATHMANDU = ZoneInfo("Asia/Kathmandu")  # UTC+05:45, no DST
ADELAIDE = ZoneInfo("Australia/Adelaide")  # a half-hour zone with DST (+09:30 / +10:30)


def prefs(**fields) -> Preferences:
    return Preferences(**{"checkin_enabled": True, **fields})


def utc(*args) -> dt.datetime:
    return dt.datetime(*args, tzinfo=dt.UTC)


def local(due: dt.datetime, zone: ZoneInfo) -> tuple[dt.date, dt.time]:
    moment = due.astimezone(zone)
    return moment.date(), moment.time()


@pytest.mark.parametrize(
    ("zone", "before", "after"),
    [
        # Spring forward: Berlin 29 March 2026, New York 8 March 2026, Adelaide 4 October 2026.
        (BERLIN, dt.date(2026, 3, 28), dt.date(2026, 3, 29)),
        (NEW_YORK, dt.date(2026, 3, 7), dt.date(2026, 3, 8)),
        (ADELAIDE, dt.date(2026, 10, 3), dt.date(2026, 10, 4)),
        # Fall back: Berlin 25 October 2026, New York 1 November 2026, Adelaide 5 April 2026.
        (BERLIN, dt.date(2026, 10, 24), dt.date(2026, 10, 25)),
        (NEW_YORK, dt.date(2026, 10, 31), dt.date(2026, 11, 1)),
        (ADELAIDE, dt.date(2026, 4, 4), dt.date(2026, 4, 5)),
    ],
)
def test_a_daily_reminder_keeps_its_local_time_across_a_dst_change(zone, before, after):
    p = prefs(checkin_time=dt.time(19, 0))
    first = schedule.at_local(before, dt.time(19, 0), zone)

    following = p.next_checkin(zone, first)

    assert local(following, zone) == (after, dt.time(19, 0))
    assert following - first != dt.timedelta(hours=24)


def test_a_time_in_the_spring_forward_gap_fires_once_an_hour_later():
    p = prefs(checkin_time=dt.time(2, 30))

    due = p.next_checkin(BERLIN, utc(2026, 3, 28, 12))

    assert local(due, BERLIN) == (dt.date(2026, 3, 29), dt.time(3, 30))


def test_a_time_repeated_at_fall_back_is_taken_once_the_first_time():
    p = prefs(checkin_time=dt.time(2, 30))

    due = p.next_checkin(BERLIN, utc(2026, 10, 24, 12))
    again = p.next_checkin(BERLIN, due)

    assert due == utc(2026, 10, 25, 0, 30)  # 02:30 CEST, the first of the two
    assert local(again, BERLIN) == (dt.date(2026, 10, 26), dt.time(2, 30))
    assert schedule.checkin_slot(due, BERLIN) != schedule.checkin_slot(again, BERLIN)


def test_far_east_and_far_west_zones_use_their_own_dates():
    p = prefs(checkin_time=dt.time(8, 0))
    now = utc(2026, 11, 27, 12)  # 02:00 on the 28th in Kiritimati, 02:00 on the 27th in Honolulu

    east = p.next_checkin(ZoneInfo("Pacific/Kiritimati"), now)
    west = p.next_checkin(ZoneInfo("Pacific/Honolulu"), now)

    assert local(east, ZoneInfo("Pacific/Kiritimati")) == (dt.date(2026, 11, 28), dt.time(8, 0))
    assert local(west, ZoneInfo("Pacific/Honolulu")) == (dt.date(2026, 11, 27), dt.time(8, 0))


def test_only_chosen_weekdays_are_used():
    p = prefs(checkin_time=dt.time(9, 0), checkin_days=0b0000001)  # Mondays only

    due = p.next_checkin(KATHMANDU, utc(2026, 11, 27, 12))  # a Friday

    assert local(due, KATHMANDU) == (dt.date(2026, 11, 30), dt.time(9, 0))


def test_a_switched_off_reminder_has_no_next_time():
    assert prefs(checkin_enabled=False).next_checkin(BERLIN, utc(2026, 1, 1)) is None
    assert prefs(checkin_days=0).next_checkin(BERLIN, utc(2026, 1, 1)) is None
    assert prefs(summary_enabled=False).next_summary(BERLIN, utc(2026, 1, 1)) is None


def test_the_weekly_summary_defaults_to_monday_at_eight_local_even_across_dst():
    p = Preferences()

    due = p.next_summary(NEW_YORK, utc(2026, 10, 27, 12))
    following = p.next_summary(NEW_YORK, due)

    assert local(due, NEW_YORK) == (dt.date(2026, 11, 2), dt.time(8, 0))  # after fall-back
    assert due == utc(2026, 11, 2, 13)
    assert local(following, NEW_YORK) == (dt.date(2026, 11, 9), dt.time(8, 0))
    assert schedule.summary_slot(due, NEW_YORK) == "2026-W45"
