"""Browser journeys through a rest window: planning it, and the calendar file it downloads as."""

import datetime as dt
import re

from django.urls import reverse
from icalendar import Calendar
from playwright.sync_api import expect

from apps.planning.models import RestWindow
from tests.e2e.conftest import long_day, sign_in, url_of
from tests.e2e.steps import BERLIN, ZONE, assert_accessible, berlin_now, go_to_plan_page

ACTIVITIES = "A slow breakfast, a nap"


def wall(when: dt.datetime) -> str:
    """Django's "l j F Y, H:i", e.g. "Sunday 17 May 2026, 09:00"."""
    return f"{when:%A} {when.day} {when:%B %Y, %H:%M}"


def tomorrow_at_nine() -> tuple[dt.datetime, dt.datetime]:
    """Tomorrow 09:00 in Berlin, and 24 real hours later: across a clock change the window
    ends an hour off on the wall clock."""
    tomorrow = berlin_now().date() + dt.timedelta(days=1)
    starts = dt.datetime.combine(tomorrow, dt.time(9, 0), tzinfo=ZONE)
    return starts, (starts.astimezone(dt.UTC) + dt.timedelta(hours=24)).astimezone(ZONE)


def test_alice_plans_a_rest_window_and_sees_it_coming_up(new_page, alice):
    page = new_page(timezone_id=BERLIN)
    starts, ends = tomorrow_at_nine()
    tomorrow = starts.date()
    sign_in(page, alice.email)

    page.get_by_role("navigation", name="Main").get_by_role("link", name="Plan").click()
    go_to_plan_page(page, "Rest windows", "planning:rest")
    main = page.get_by_role("main")
    expect(main.get_by_role("heading", level=1)).to_have_text("Rest windows")
    form = main.get_by_role("region", name="Plan a rest window")
    expect(form).to_contain_text("Times are in your time zone, Europe/Berlin.")
    expect(form.get_by_label("Start time")).to_have_value("09:00")
    expect(form.get_by_label("Length in hours")).to_have_value("24")
    assert_accessible(page)

    form.get_by_label("Start date").fill(tomorrow.isoformat())
    form.get_by_label("Rest and low-stimulation activities").fill(ACTIVITIES)
    form.get_by_label("Nonessential tasks to avoid").fill("Email")
    form.get_by_role("button", name="Plan this window").click()

    expect(main.get_by_role("heading", level=1)).to_have_text("Rest window")
    window = RestWindow.objects.for_user(alice).get()
    expect(page).to_have_url(url_of("planning:rest-detail", window.pk))
    for term, value in [("Starts", wall(starts)), ("Ends", wall(ends)), ("Length", "24 hours")]:
        row = main.locator("dl.summary > div").filter(
            has=page.get_by_role("term").filter(has_text=re.compile(rf"^{term}$"))
        )
        expect(row.get_by_role("definition")).to_have_text(value)
    expect(main).to_contain_text(ACTIVITIES)
    assert (window.starts_at, window.ends_at) == (starts, ends)
    assert_accessible(page)

    # Back on the list, the window is coming up.
    main.get_by_role("link", name="← All rest windows").click()
    expect(page).to_have_url(url_of("planning:rest"))
    upcoming = main.get_by_role("region", name="Coming up")
    expect(upcoming.get_by_role("link", name=f"{long_day(tomorrow)}, 09:00")).to_have_attribute(
        "href", reverse("planning:rest-detail", args=[window.pk])
    )
    assert_accessible(page)


def test_alice_adds_a_rest_window_to_her_calendar_in_berlin_time(new_page, alice):
    starts, ends = tomorrow_at_nine()
    window = RestWindow.objects.create(
        user=alice, starts_at=starts, ends_at=ends, activities=ACTIVITIES, avoid="Email"
    )
    page = new_page(timezone_id=BERLIN)
    sign_in(page, alice.email)
    page.goto(reverse("planning:rest-detail", args=[window.pk]))
    main = page.get_by_role("main")
    expect(main.get_by_role("heading", level=1)).to_have_text("Rest window")
    assert_accessible(page)

    # The .ics download: local wall times with Berlin's TZID, and the zone's definition.
    with page.expect_download() as info:
        main.get_by_role("link", name="Add to your calendar (.ics)").click()
    download = info.value
    assert download.suggested_filename == f"rest-window-{starts.date().isoformat()}.ics"
    with open(download.path(), "rb") as ics:
        calendar = Calendar.from_ical(ics.read())
    (event,) = calendar.walk("VEVENT")
    assert str(event["SUMMARY"]) == "Rest window"
    for prop, expected in [("DTSTART", starts), ("DTEND", ends)]:
        assert event[prop].params["TZID"] == BERLIN
        local = event[prop].dt
        assert local.replace(tzinfo=None) == expected.replace(tzinfo=None), prop
        assert local.utcoffset() == expected.utcoffset(), prop
        assert local == expected, prop
    assert event.decoded("DTSTART").strftime("%H:%M") == "09:00"
    assert ACTIVITIES in str(event["DESCRIPTION"])
    assert [str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")] == [BERLIN]
