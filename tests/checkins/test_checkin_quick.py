import pytest
from django.urls import reverse

from apps.checkins.models import CheckIn
from tests.checkins.conftest import checkin, local_today

pytestmark = pytest.mark.django_db
URL = reverse("checkins:quick")


def post(client, user, **data):
    return client.post(URL, {"checked_in_on": local_today(user).isoformat(), **data})


def test_energy_and_need_are_enough(alice_client, alice):
    response = post(alice_client, alice, energy="2", need="rest")

    assert response.status_code == 302
    saved = CheckIn.objects.get(user=alice)
    assert (saved.energy, saved.need, saved.is_quick, saved.feeling) == (2, "rest", True, "")


def test_today_then_offers_to_complete_it_later(alice_client, alice):
    post(alice_client, alice, energy="2", need="rest")

    html = alice_client.get(reverse("checkins:today")).text

    assert "Quick check-in saved: energy 2, need: rest." in html
    assert 'action="/checkins/"' in html


def test_completing_it_later_turns_it_into_a_full_check_in(alice_client, alice, full_checkin):
    post(alice_client, alice, energy="2", need="rest")

    alice_client.post(reverse("checkins:save"), full_checkin)

    saved = CheckIn.objects.get(user=alice)
    assert (saved.is_quick, saved.feeling, saved.drive) == (False, "drained", 4)


def test_a_quick_check_in_never_erases_a_full_one(alice_client, alice):
    checkin(alice, feeling="curious", energy=8, note="Good day")

    post(alice_client, alice, energy="4", need="clarity")

    saved = CheckIn.objects.get(user=alice)
    assert (saved.energy, saved.need, saved.feeling, saved.note) == (
        4,
        "clarity",
        "curious",
        "Good day",
    )


def test_without_energy_it_asks_for_it_and_saves_nothing(alice_client, alice):
    response = post(alice_client, alice, need="rest")

    assert response.status_code == 422
    assert "Choose your energy, from 1 (empty) to 10 (full)." in response.text
    assert not CheckIn.objects.exists()


def test_an_unknown_need_is_refused(alice_client, alice):
    response = post(alice_client, alice, energy="3", need="coffee")

    assert response.status_code == 422
    assert "Choose rest, connection, clarity or a boundary." in response.text
    assert not CheckIn.objects.exists()
