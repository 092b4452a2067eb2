import datetime as dt

import pytest
from django.urls import reverse

from apps.planning.models import RestWindow
from tests.planning.conftest import HTMX, NOW, add_window

pytestmark = [pytest.mark.django_db, pytest.mark.sqlite]
URL = reverse("planning:rest-add")
BERLIN_SATURDAY_10 = dt.datetime(2026, 3, 28, 9, 0, tzinfo=dt.UTC)


def plan(client, **fields):
    data = {"starts_on": "2026-03-28", "starts_time": "10:00", "hours": "24", **fields}
    return client.post(URL, data)


def test_a_window_is_stored_in_utc_from_my_local_time(alice_client, alice):
    response = plan(alice_client, activities="Slow breakfast", avoid="Email")

    window = RestWindow.objects.get(user=alice)
    assert response["Location"] == reverse("planning:rest-detail", args=[window.pk])
    assert window.starts_at == BERLIN_SATURDAY_10
    assert (window.activities, window.avoid) == ("Slow breakfast", "Email")


def test_24_hours_across_spring_forward_end_at_11_on_the_clock(alice_client, alice):
    plan(alice_client)

    window = RestWindow.objects.get(user=alice)
    assert window.ends_at - window.starts_at == dt.timedelta(hours=24)
    html = alice_client.get(reverse("planning:rest-detail", args=[window.pk])).text
    assert "Saturday 28 March 2026, 10:00" in html
    assert "Sunday 29 March 2026, 11:00" in html


def test_the_plan_form_defaults_to_24_hours(alice_client):
    html = alice_client.get(reverse("planning:rest")).text

    assert 'name="hours" value="24"' in html


@pytest.mark.parametrize(
    ("fields", "error"),
    [
        ({"hours": "0"}, "The window has to end after it starts"),
        ({"hours": "-5"}, "The window has to end after it starts"),
        ({"hours": "73"}, "Choose at most 72 hours"),
        ({"hours": "a day"}, "Enter the length as whole hours"),
        ({"starts_time": "24:30"}, "Enter a time between 00:00 and 23:59"),
        ({"starts_on": "2026-02-30"}, "Enter a date like"),
        ({"starts_on": "2026-03-10"}, "Choose a start in the last week or later."),
        ({"starts_on": "2027-04-01"}, "Choose a start within the next year."),
        ({"starts_on": "2026-03-29", "starts_time": "02:30"}, "the clocks go forward"),
        ({"activities": "x" * 1001}, "under 1,000 characters"),
    ],
)
def test_bad_input_gets_a_clear_error_and_saves_nothing(alice_client, fields, error):
    response = plan(alice_client, **fields)

    assert response.status_code == 422
    assert error in response.text
    assert not RestWindow.objects.exists()


def test_an_overlapping_window_is_refused_and_nothing_is_saved(alice_client, alice):
    add_window(alice, BERLIN_SATURDAY_10)

    # 10:00 on Sunday is still inside the window, which runs to 11:00 after the clock change.
    response = plan(alice_client, starts_on="2026-03-29", starts_time="10:00", hours="3")

    assert response.status_code == 422
    assert "This overlaps your rest window from Sat 28 Mar 10:00 to Sun 29 Mar 11:00" in (
        response.text
    )
    assert RestWindow.objects.count() == 1


def test_a_window_may_start_the_moment_the_last_one_ends(alice_client, alice):
    add_window(alice, BERLIN_SATURDAY_10)

    response = plan(alice_client, starts_on="2026-03-29", starts_time="11:00", hours="3")

    assert response.status_code == 302
    assert RestWindow.objects.count() == 2


def test_other_peoples_windows_never_overlap_mine(alice_client, charlie):
    add_window(charlie, BERLIN_SATURDAY_10)

    assert plan(alice_client).status_code == 302


def test_the_rest_page_lists_upcoming_and_past_windows(alice_client, alice):
    add_window(alice, BERLIN_SATURDAY_10)
    add_window(alice, NOW - dt.timedelta(days=3), rested=7)

    html = alice_client.get(reverse("planning:rest")).text

    assert "Saturday 28 March, 10:00" in html
    assert "rested 7 of 10" in html


def test_a_reflection_is_saved_once_the_window_has_started(alice_client, alice):
    window = add_window(alice, NOW - dt.timedelta(hours=2))

    response = alice_client.post(
        reverse("planning:rest-reflect", args=[window.pk]),
        {"rested": "8", "reflection": "The nap helped."},
        headers=HTMX,
    )

    assert response.status_code == 200
    assert response.text.strip().startswith('<section class="card" id="rest-reflection"')
    window.refresh_from_db()
    assert (window.rested, window.reflection) == (8, "The nap helped.")


def test_a_reflection_before_the_window_starts_is_refused(alice_client, alice):
    window = add_window(alice, BERLIN_SATURDAY_10)

    response = alice_client.post(
        reverse("planning:rest-reflect", args=[window.pk]), {"rested": "8"}
    )

    assert response.status_code == 422
    assert "This window hasn&#x27;t started yet." in response.text
    window.refresh_from_db()
    assert window.rested is None


@pytest.mark.parametrize(("rested", "error"), [("11", "from 1 to 10"), ("", "Choose how rested")])
def test_rested_outside_one_to_ten_is_refused(alice_client, alice, rested, error):
    window = add_window(alice, NOW - dt.timedelta(hours=30), rested=5)

    response = alice_client.post(
        reverse("planning:rest-reflect", args=[window.pk]), {"rested": rested}
    )

    assert response.status_code == 422
    assert error in response.text
    window.refresh_from_db()
    assert window.rested == 5


def test_deleting_asks_first(alice_client, alice):
    window = add_window(alice, BERLIN_SATURDAY_10)
    url = reverse("planning:rest-delete", args=[window.pk])

    assert "Delete this rest window?" in alice_client.get(url).text
    assert alice_client.post(url)["Location"] == reverse("planning:rest")
    assert not RestWindow.objects.exists()
