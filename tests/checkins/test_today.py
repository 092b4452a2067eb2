import datetime as dt

import pytest
import time_machine
from django.urls import reverse

from tests.checkins.conftest import checkin, day_url, local_today

pytestmark = [pytest.mark.django_db, pytest.mark.sqlite]
URL = reverse("checkins:today")


def test_it_shows_the_date_of_the_users_own_day(client, alice, charlie):
    # 23:30 UTC on 1 March is already 2 March in Berlin, still 1 March in Chicago.
    with time_machine.travel(dt.datetime(2026, 3, 1, 23, 30, tzinfo=dt.UTC), tick=False):
        client.force_login(alice)
        berlin = client.get(URL).text
        client.force_login(charlie)
        chicago = client.get(URL).text

    assert "<h1>Monday 2 March</h1>" in berlin
    assert "<h1>Sunday 1 March</h1>" in chicago


def test_without_a_check_in_it_offers_the_quick_one_the_full_one_and_the_safety_button(
    alice_client, alice
):
    html = alice_client.get(URL).text
    today = day_url(local_today(alice))

    assert f'action="{today}" hx-post="{today}"' in html
    assert html.count('name="energy"') == 10
    assert html.count('name="quick_need"') == 4
    assert ">I need a boundary</button>" in html
    assert f'href="{today}">The full check-in' in html
    assert "I'm not safe right now" in html


def test_with_todays_check_in_it_shows_the_summary_and_still_the_safety_button(alice_client, alice):
    checkin(alice, feeling="curious", energy=8)

    html = alice_client.get(URL).text

    assert "Thank you for checking in today." in html
    assert "Energy 8 of 10, curious." in html
    assert 'name="quick_need"' not in html
    assert f'href="{day_url(local_today(alice))}">Edit today' in html
    assert 'action="/checkins/safety/"' in html


def test_the_week_strip_shows_seven_days_with_labels(alice_client, alice):
    checkin(alice, days_ago=2, energy=2, feeling="numb")

    html = alice_client.get(URL).text
    strip = html.split('id="week-strip"')[1].split("</section>")[0]

    assert strip.count("<li>") == 7
    assert "energy 2 of 10, numb" in strip
    assert strip.count("no check-in") == 6


def test_it_shows_the_masked_ambition_reflection_when_the_rule_holds(alice_client, alice):
    for days_ago in range(4):
        checkin(alice, days_ago=days_ago, energy=3, drive=5)

    html = alice_client.get(URL).text

    assert "A pattern worth noticing" in html
    assert "On 4 of the last 7 days" in html
    assert "not a diagnosis" in html


def test_signed_in_pages_are_never_cached(alice_client):
    assert alice_client.get(URL)["Cache-Control"] == "private, no-store"


def test_a_signed_out_visitor_is_sent_to_sign_in(client):
    response = client.get(URL)

    assert response.status_code == 302
    assert response["Location"] == f"{reverse('account_login')}?next={URL}"


def test_an_htmx_request_after_the_session_ended_redirects_the_whole_page(client):
    response = client.get(URL, headers={"HX-Request": "true"})

    assert response.status_code == 200
    assert response["HX-Redirect"] == f"{reverse('account_login')}?next={URL}"
