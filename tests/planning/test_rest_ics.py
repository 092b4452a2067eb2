"""A window's .ics download and the private feed, parsed back with icalendar.

Policy: a window lasts real hours. Alice's 24 hours from Saturday 28 March 2026 10:00 in Berlin
cross the spring-forward change, so they end on Sunday at 11:00 on Berlin's clocks.
"""

import datetime as dt

import pytest
from django.test import Client, override_settings
from django.urls import reverse
from icalendar import Calendar

from apps.planning.models import CalendarFeed
from tests.planning.conftest import NOW, add_window

pytestmark = pytest.mark.django_db
SATURDAY_10_BERLIN = dt.datetime(2026, 3, 28, 9, 0, tzinfo=dt.UTC)


def events(response) -> list:
    return Calendar.from_ical(response.content).walk("VEVENT")


def test_a_window_downloads_as_an_ics_file_in_my_zone(alice_client, alice):
    window = add_window(alice, SATURDAY_10_BERLIN, activities="Long bath\nNo screens")

    response = alice_client.get(reverse("planning:rest-ics", args=[window.pk]))

    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="rest-window-2026-03-28.ics"'
    calendar = Calendar.from_ical(response.content)
    assert str(calendar["VERSION"]) == "2.0"
    assert "Pacewise" in str(calendar["PRODID"])
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["Europe/Berlin"]
    (event,) = events(response)
    start, end = event["DTSTART"], event["DTEND"]
    assert start.params["TZID"] == end.params["TZID"] == "Europe/Berlin"
    assert start.dt.isoformat() == "2026-03-28T10:00:00+01:00"
    assert end.dt.isoformat() == "2026-03-29T11:00:00+02:00"
    assert end.dt.astimezone(dt.UTC) - start.dt.astimezone(dt.UTC) == dt.timedelta(hours=24)
    assert str(event["UID"]) == f"{window.uid}@pacewise"
    assert str(event["SUMMARY"]) == "Rest window"
    assert "Long bath\nNo screens" in str(event["DESCRIPTION"])
    assert event["DTSTAMP"].dt == NOW


def test_a_chicago_window_keeps_chicagos_wall_clock(client, charlie):
    window = add_window(charlie, dt.datetime(2026, 11, 1, 5, 0, tzinfo=dt.UTC), hours=24)
    client.force_login(charlie)

    (event,) = events(client.get(reverse("planning:rest-ics", args=[window.pk])))

    # Midnight on 1 November, the night US clocks fall back: 24 hours end at 23:00.
    assert event["DTSTART"].params["TZID"] == "America/Chicago"
    assert event["DTSTART"].dt.isoformat() == "2026-11-01T00:00:00-05:00"
    assert event["DTEND"].dt.isoformat() == "2026-11-01T23:00:00-06:00"


def test_the_feed_lists_upcoming_windows_without_a_session(client, alice):
    feed = CalendarFeed.objects.create(user=alice)
    add_window(alice, NOW - dt.timedelta(days=3))
    current = add_window(alice, NOW - dt.timedelta(hours=2))
    later = add_window(alice, SATURDAY_10_BERLIN)

    response = client.get(reverse("planning:calendar-feed", args=[feed.token]))

    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Cache-Control"] == "private, no-store"
    uids = [str(e["UID"]) for e in events(response)]
    assert uids == [f"{current.uid}@pacewise", f"{later.uid}@pacewise"]


@override_settings(SITE_URL="https://pacewise.example", ALLOWED_HOSTS=["127.0.0.1"])
def test_making_a_feed_shows_its_address_once_and_reuses_it(alice_client, alice):
    alice_client.post(reverse("planning:feed-create"), HTTP_HOST="127.0.0.1:8765")
    alice_client.post(reverse("planning:feed-create"), HTTP_HOST="127.0.0.1:8765")

    feed = CalendarFeed.objects.get(user=alice)
    html = alice_client.get(reverse("planning:rest"), HTTP_HOST="127.0.0.1:8765").text
    path = reverse("planning:calendar-feed", args=[feed.token])
    assert f'value="http://127.0.0.1:8765{path}"' in html  # the host it was asked on


def test_revoking_the_feed_makes_the_old_address_404_and_a_new_one_differs(alice_client, alice):
    old = CalendarFeed.objects.create(user=alice).token

    alice_client.post(reverse("planning:feed-revoke"))
    assert alice_client.get(reverse("planning:calendar-feed", args=[old])).status_code == 404
    alice_client.post(reverse("planning:feed-create"))

    assert CalendarFeed.objects.get(user=alice).token != old


def test_a_new_address_replaces_the_old_one_which_answers_404_at_once(alice_client, alice):
    client = Client()  # a calendar app: no session
    old = CalendarFeed.objects.create(user=alice).token
    assert client.get(reverse("planning:calendar-feed", args=[old])).status_code == 200

    response = alice_client.post(reverse("planning:feed-replace"))

    new = CalendarFeed.objects.get(user=alice).token
    assert new != old
    assert response["Location"] == reverse("planning:rest") + "#calendar-feed"
    assert client.get(reverse("planning:calendar-feed", args=[old])).status_code == 404
    assert client.get(reverse("planning:calendar-feed", args=[new])).status_code == 200
    page = alice_client.get(reverse("planning:rest")).text
    assert "the old one no longer works" in page
    assert reverse("planning:calendar-feed", args=[new]) in page
    assert old not in page


def test_without_a_feed_there_is_no_address_to_replace(alice_client, alice):
    assert alice_client.post(reverse("planning:feed-replace")).status_code == 404
    assert not CalendarFeed.objects.filter(user=alice).exists()


@pytest.mark.parametrize("token", ["abc", "x" * 43, "!" * 43, "a" * 44, "a" * 500, "..%2F..%2Fetc"])
def test_unknown_and_malformed_feed_tokens_are_not_found(client, alice, token):
    CalendarFeed.objects.create(user=alice)

    assert client.get(f"/calendar/{token}.ics").status_code == 404
