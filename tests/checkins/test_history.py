import pytest
from django.urls import reverse

from tests.checkins.conftest import checkin, local_today

pytestmark = [pytest.mark.django_db, pytest.mark.sqlite]
URL = reverse("checkins:history")


def test_it_shows_this_month_with_energy_and_accessible_labels(alice_client, alice):
    today = local_today(alice)
    checkin(alice, energy=7, feeling="hopeful")

    html = alice_client.get(URL).text

    assert f"<h1>{today:%B %Y}</h1>" in html
    assert f"{today:%A} {today.day} {today:%B}: energy 7 of 10, feeling hopeful" in html
    assert "You checked in on 1 day this month." in html


def test_an_earlier_month_can_be_opened_and_its_days_link_to_the_day(alice_client, alice):
    html = alice_client.get(URL, {"month": "2025-02"}).text

    assert "<h1>February 2025</h1>" in html
    assert reverse("checkins:day", args=["2025-02-14"]) in html
    assert "March 2025 →" in html


def test_a_malformed_or_future_month_falls_back_to_this_month(alice_client, alice):
    this_month = f"<h1>{local_today(alice):%B %Y}</h1>"

    assert this_month in alice_client.get(URL, {"month": "13-2025"}).text
    assert this_month in alice_client.get(URL, {"month": "2999-01"}).text


def test_it_shows_only_the_users_own_check_ins(alice_client, charlie):
    checkin(charlie, energy=9, feeling="excited")

    assert "feeling excited" not in alice_client.get(URL).text
