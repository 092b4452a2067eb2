import datetime as dt

import pytest
import time_machine
from django.urls import reverse

from apps.audits.models import EnergyAudit
from tests.audits.conftest import audit, day, text

pytestmark = pytest.mark.django_db
URL = reverse("audits:start")


def test_it_starts_a_seven_day_week_from_the_chosen_day_and_opens_it(alice_client, alice):
    response = alice_client.post(URL, {"starts_on": "2026-11-27"})

    started = EnergyAudit.objects.get(user=alice)
    assert response.status_code == 302
    assert response["Location"] == reverse("audits:detail", args=[started.pk])
    assert (started.starts_on, started.ends_on) == (dt.date(2026, 11, 27), dt.date(2026, 12, 3))


def test_the_start_form_offers_today_in_the_persons_own_zone(client, alice, charlie):
    # 23:30 UTC on Friday is already Saturday in Berlin, still Friday in Chicago.
    with time_machine.travel(dt.datetime(2026, 11, 27, 23, 30, tzinfo=dt.UTC), tick=False):
        client.force_login(alice)
        berlin = client.get(reverse("audits:list")).text
        client.force_login(charlie)
        chicago = client.get(reverse("audits:list")).text

    assert 'value="2026-11-28"' in berlin
    assert 'value="2026-11-27"' in chicago


def test_a_second_week_overlapping_the_running_audit_is_refused_with_a_way_out(
    alice_client, running
):
    response = alice_client.post(URL, {"starts_on": "2026-11-27"})

    assert response.status_code == 422
    assert (
        "You already have an audit running (Mon 23 Nov \N{EN DASH} Sun 29 Nov). "
        "End it early first, or start on Mon 30 Nov or later."
    ) in text(response)
    assert 'value="2026-11-27"' in response.text
    assert EnergyAudit.objects.count() == 1


def test_the_week_right_after_the_running_audit_can_be_planned(alice_client, alice, running):
    response = alice_client.post(URL, {"starts_on": "2026-11-30"})

    assert response.status_code == 302
    assert EnergyAudit.objects.filter(user=alice).count() == 2


def test_an_audit_ended_early_frees_its_week(alice_client, alice):
    audit(alice, ended_early_on=day(3))

    response = alice_client.post(URL, {"starts_on": "2026-11-27"})

    assert response.status_code == 302
    assert EnergyAudit.objects.filter(user=alice).count() == 2


def test_a_week_overlapping_a_finished_audit_is_refused(alice_client, alice):
    audit(alice, starts_on=day(-7))

    response = alice_client.post(URL, {"starts_on": "2026-11-20"})

    assert response.status_code == 422
    assert (
        "That week overlaps your audit of Mon 16 Nov \N{EN DASH} Sun 22 Nov. "
        "Choose Mon 23 Nov or later."
    ) in text(response)


def test_another_persons_audit_never_blocks_a_week(alice_client, alice, charlie):
    audit(charlie)

    assert alice_client.post(URL, {"starts_on": "2026-11-27"}).status_code == 302


@pytest.mark.parametrize(
    ("starts_on", "error"),
    [
        ("2026-11-19", "That's more than a week ago. Choose a day from Fri 20 Nov onward."),
        ("2026-12-05", "That's more than a week ahead. Choose a day up to Fri 4 Dec."),
        ("next monday", "Enter a date like 2026-11-27."),
        ("", "Choose the day your audit week starts."),
    ],
)
def test_a_start_day_out_of_reach_is_refused_kept_and_nothing_saved(alice_client, starts_on, error):
    response = alice_client.post(URL, {"starts_on": starts_on})

    assert response.status_code == 422
    assert error in text(response)
    assert f'value="{starts_on}"' in response.text or not starts_on
    assert not EnergyAudit.objects.exists()


def test_a_week_ago_and_a_week_ahead_are_both_in_reach(alice_client, alice):
    assert alice_client.post(URL, {"starts_on": "2026-11-20"}).status_code == 302
    assert alice_client.post(URL, {"starts_on": "2026-12-04"}).status_code == 302
