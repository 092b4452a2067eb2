import datetime as dt

import pytest
from django.urls import reverse

from tests.checkins.conftest import checkin, local_today

pytestmark = pytest.mark.django_db


def day_url(day: dt.date) -> str:
    return reverse("checkins:day", args=[day.isoformat()])


def test_a_past_day_without_a_check_in_offers_the_form(alice_client, alice):
    day = local_today(alice) - dt.timedelta(days=5)

    html = alice_client.get(day_url(day)).text

    assert "Fill in this day" in html
    assert f'name="checked_in_on" value="{day.isoformat()}"' in html


def test_a_past_check_in_is_shown_and_can_be_edited(alice_client, alice):
    past = checkin(alice, days_ago=3, feeling="numb", energy=2)

    html = alice_client.get(day_url(past.checked_in_on)).text

    assert "2 of 10" in html
    assert "numb" in html
    assert 'value="numb" checked' in html


def test_a_day_filled_in_later_says_so(alice_client, alice):
    past = checkin(alice, days_ago=3, is_backfilled=True)

    assert "Filled in later" in alice_client.get(day_url(past.checked_in_on)).text


def test_today_opens_the_today_page(alice_client, alice):
    response = alice_client.get(day_url(local_today(alice)))

    assert response["Location"] == reverse("checkins:today") + "?edit=1"


def test_a_future_day_or_a_non_date_is_not_found(alice_client, alice):
    assert alice_client.get(day_url(local_today(alice) + dt.timedelta(days=1))).status_code == 404
    assert alice_client.get(reverse("checkins:day", args=["not-a-day"])).status_code == 404


def test_another_users_check_in_is_never_shown(alice_client, charlie):
    theirs = checkin(charlie, days_ago=2, feeling="lonely", note="charlie's private note")

    html = alice_client.get(day_url(theirs.checked_in_on)).text

    assert "charlie&#x27;s private note" not in html
    assert "lonely</dd>" not in html
    assert "Fill in this day" in html


def test_an_error_on_a_past_days_form_is_shown_on_that_days_page(alice_client, alice, full_checkin):
    day = local_today(alice) - dt.timedelta(days=4)

    response = alice_client.post(
        reverse("checkins:save"), {**full_checkin, "checked_in_on": day.isoformat(), "energy": "0"}
    )

    assert response.status_code == 422
    assert f"{day:%A} {day.day} {day:%B %Y}" in response.text
    assert "Energy goes from 1 to 10." in response.text


def test_a_past_day_in_another_date_format_with_an_error_is_shown_kindly(
    alice_client, alice, full_checkin
):
    response = alice_client.post(
        reverse("checkins:save"), {**full_checkin, "checked_in_on": " 01/05/2026", "energy": ""}
    )

    assert response.status_code == 422
    assert "Choose your energy" in response.text


def test_an_ancient_month_in_history_falls_back_instead_of_failing(alice_client):
    assert alice_client.get(reverse("checkins:history"), {"month": "0001-01"}).status_code == 200
