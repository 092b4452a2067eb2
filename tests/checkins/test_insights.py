import pytest
from django.urls import reverse

from tests.checkins.conftest import checkin

pytestmark = [pytest.mark.django_db, pytest.mark.sqlite]
URL = reverse("checkins:insights")


def test_it_summarises_energy_drive_needs_and_sleep_with_tables(alice_client, alice):
    checkin(alice, days_ago=0, energy=2, drive=5, need="rest", sleep_hours=5)
    checkin(alice, days_ago=1, energy=6, drive=1, need="rest", sleep_hours=8)
    checkin(alice, days_ago=2, energy=4, drive=4, need="clarity")

    html = alice_client.get(URL, {"days": 7}).text

    assert "you checked in on 3 days, with an average energy of 4.0 out of 10" in html
    assert "1 day leaning to interest, 2 to pressure" in html
    assert "<li>Rest: 2 days</li>" in html
    assert "<li>Clarity: 1 day</li>" in html
    assert html.count('<svg class="chart') == 4
    assert "<td>5</td><td>2</td>" in html  # the sleep table: 5 hours, then energy 2


def test_the_range_can_be_7_30_or_90_days_and_nothing_else(alice_client, alice):
    checkin(alice, days_ago=60, energy=9)

    assert "in the last 30 days you checked in on 0 days" in alice_client.get(URL).text.lower()
    assert "checked in on 1 day," in alice_client.get(URL, {"days": 90}).text
    assert "Last 30 days</a>" in alice_client.get(URL, {"days": "365"}).text
    assert alice_client.get(URL, {"days": "abc"}).status_code == 200


def test_with_no_check_ins_it_invites_one_without_judgement(alice_client):
    html = alice_client.get(URL).text

    assert "No check-ins in this range yet." in html
    assert "<svg" not in html


def test_it_never_counts_a_streak(alice_client, alice):
    checkin(alice, days_ago=3)

    assert "streak" not in alice_client.get(URL).text.replace("no streaks here", "")


def test_each_point_of_the_energy_chart_links_to_its_day(alice_client, alice):
    day = checkin(alice, days_ago=2, energy=6).checked_in_on

    html = alice_client.get(reverse("checkins:insights"), {"days": 7}).text

    link = f'<a href="{reverse("checkins:day", args=[day.isoformat()])}" aria-label="'
    assert link in html
    assert ': 6: open that day"' in html
