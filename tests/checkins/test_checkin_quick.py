"""The quick check-in on Today: energy, then one "I need ..." tap."""

import pytest
from django.urls import reverse

from apps.checkins.models import CheckIn
from tests.checkins.conftest import checkin, day_url, local_today

pytestmark = [pytest.mark.django_db, pytest.mark.sqlite]


def post(client, user, **data):
    return client.post(day_url(local_today(user)), data)


def test_energy_and_need_are_enough_and_it_returns_to_today(alice_client, alice):
    response = post(alice_client, alice, energy="2", quick_need="rest")

    assert response.status_code == 302
    assert response["Location"] == reverse("checkins:today")
    saved = CheckIn.objects.get(user=alice)
    assert (saved.energy, saved.need, saved.is_quick, saved.feeling) == (2, "rest", True, "")


def test_today_then_says_so_and_offers_the_rest_later(alice_client, alice):
    post(alice_client, alice, energy="2", quick_need="rest")

    html = alice_client.get(reverse("checkins:today")).text

    assert "Quick check-in: energy 2, need: rest." in html
    assert f'href="{day_url(local_today(alice))}">Add feelings, drive and more' in html


def test_an_htmx_tap_answers_with_the_card_and_refreshes_the_strip(alice_client, alice):
    response = alice_client.post(
        day_url(local_today(alice)),
        {"energy": "2", "quick_need": "connection"},
        headers={"HX-Request": "true"},
    )

    assert response.status_code == 200
    assert "<html" not in response.text
    assert "Saved. Quick check-in: energy 2, need: connection." in response.text
    assert 'id="week-strip" aria-labelledby="week-heading" hx-swap-oob="true"' in response.text


def test_completing_it_later_turns_it_into_a_full_check_in(alice_client, alice, full_checkin):
    post(alice_client, alice, energy="2", quick_need="rest")

    alice_client.post(day_url(local_today(alice)), full_checkin)

    saved = CheckIn.objects.get(user=alice)
    assert (saved.is_quick, saved.feeling, saved.drive) == (False, "drained", 4)


def test_a_quick_check_in_never_erases_a_full_one(alice_client, alice):
    checkin(alice, feeling="curious", energy=8, note="Good day")

    post(alice_client, alice, energy="4", quick_need="clarity")

    saved = CheckIn.objects.get(user=alice)
    assert (saved.energy, saved.need, saved.feeling, saved.note, saved.is_quick) == (
        4,
        "clarity",
        "curious",
        "Good day",
        False,
    )


def test_without_energy_it_asks_for_it_on_today_and_saves_nothing(alice_client, alice):
    response = post(alice_client, alice, quick_need="rest")

    assert response.status_code == 422
    assert "<h1>" in response.text  # the whole Today page, for a plain POST
    assert (
        '<ul class="errorlist" id="id_energy_error"><li>Choose your energy, from 1' in response.text
    )
    assert 'aria-describedby="id_energy_error"' in response.text
    assert not CheckIn.objects.exists()


def test_an_unknown_need_is_refused(alice_client, alice):
    response = post(alice_client, alice, energy="3", quick_need="coffee")

    assert response.status_code == 422
    assert "Choose rest, connection, clarity or a boundary." in response.text
    assert not CheckIn.objects.exists()
