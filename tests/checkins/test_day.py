"""A day's check-in page: the full form for today or a past day."""

import datetime as dt

import pytest
from django.urls import reverse

from tests.checkins.conftest import checkin, day_url, local_today

pytestmark = [pytest.mark.django_db, pytest.mark.sqlite]


def test_a_past_day_without_a_check_in_offers_the_form_posting_to_itself(alice_client, alice):
    day = local_today(alice) - dt.timedelta(days=5)

    html = alice_client.get(day_url(day)).text

    assert "Fill in this day" in html
    assert f'<form method="post" action="{day_url(day)}" class="checkin-form"' in html


def test_today_offers_the_full_check_in_with_a_way_back_to_today(alice_client, alice):
    html = alice_client.get(day_url(local_today(alice))).text

    assert "<h1>Today's check-in</h1>" in html
    assert f'href="{reverse("checkins:today")}">← Back to Today' in html
    assert "Save check-in" in html


def test_a_past_check_in_is_shown_and_can_be_edited(alice_client, alice):
    past = checkin(alice, days_ago=3, feeling="numb", energy=2, note="Quiet day")

    html = alice_client.get(day_url(past.checked_in_on)).text

    assert "2 of 10" in html
    assert "Quiet day" in html
    assert 'value="numb" checked' in html
    assert 'value="2" checked' in html


def test_a_day_filled_in_later_says_so(alice_client, alice):
    past = checkin(alice, days_ago=3, is_backfilled=True)

    assert "Filled in later" in alice_client.get(day_url(past.checked_in_on)).text


def test_a_future_day_a_day_too_long_ago_or_a_non_date_is_not_found(alice_client, alice):
    today = local_today(alice)
    assert alice_client.get(day_url(today + dt.timedelta(days=1))).status_code == 404
    assert alice_client.get(day_url(today - dt.timedelta(days=3 * 366 + 1))).status_code == 404
    assert alice_client.get(reverse("checkins:day", args=["not-a-day"])).status_code == 404


def test_another_users_check_in_is_never_shown(alice_client, charlie):
    theirs = checkin(charlie, days_ago=2, feeling="lonely", note="charlie's private note")

    html = alice_client.get(day_url(theirs.checked_in_on)).text

    assert "charlie&#x27;s private note" not in html
    assert "lonely</dd>" not in html
    assert "Fill in this day" in html


def test_an_error_on_a_past_days_form_is_shown_on_that_days_page(alice_client, alice, full_checkin):
    day = local_today(alice) - dt.timedelta(days=4)

    response = alice_client.post(day_url(day), {**full_checkin, "energy": "0"})

    assert response.status_code == 422
    assert f"{day:%A} {day.day} {day:%B %Y}" in response.text
    assert "Energy goes from 1 to 10." in response.text
    assert "Long week." in response.text


def test_an_ancient_month_in_history_falls_back_instead_of_failing(alice_client):
    assert alice_client.get(reverse("checkins:history"), {"month": "0001-01"}).status_code == 200
