import datetime as dt

import pytest
import time_machine
from django.test import override_settings
from django.urls import reverse

from apps.checkins.models import CheckIn, JournalEntry
from apps.planning.models import ShareLink
from tests.planning.conftest import (
    NOW,
    THIS_WEEK,
    add_action,
    add_statement,
    add_value,
    add_window,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan(alice):
    value = add_value(alice, "Slowness", why="It keeps me kind.")
    add_action(alice, value, "Lunch away from the desk", status="partly")
    add_action(alice, value, "Last week's walk", week_of=THIS_WEEK - dt.timedelta(weeks=1))
    add_statement(alice, "I reply to messages the next morning.")
    add_window(alice, NOW + dt.timedelta(days=2), activities="Garden and nap")
    CheckIn.objects.create(
        user=alice,
        checked_in_on=dt.date(2026, 3, 25),
        energy=2,
        need="rest",
        drive=5,
        feeling="drained",
        note="SECRET CHECKIN NOTE",
    )
    JournalEntry.objects.create(user=alice, written_on=dt.date(2026, 3, 25), body="SECRET JOURNAL")


def share(user, **sections) -> str:
    link = ShareLink.objects.create(user=user, expires_at=NOW + dt.timedelta(days=7), **sections)
    return reverse("planning:share-view", args=[link.token])


def test_everything_ticked_is_shown_read_only_without_signing_in(client, alice, plan):
    url = share(
        alice,
        include_values=True,
        include_actions=True,
        include_boundaries=True,
        include_rest=True,
    )

    response = client.get(url)

    html = response.text
    assert response.status_code == 200
    assert "Shared by Alice" in html
    assert "Slowness" in html
    assert "It keeps me kind." in html
    assert "Lunch away from the desk" in html
    assert "partly done" in html
    assert "Last week&#x27;s walk" not in html
    assert "I reply to messages the next morning." in html
    assert "Friday 27 March, 13:00" in html
    assert "Garden and nap" in html
    assert "SECRET" not in html
    assert "<form" not in html.split("<main")[1]
    assert response["Cache-Control"] == "private, no-store"
    assert '<meta name="robots" content="noindex, nofollow">' in html


def test_only_ticked_sections_are_shown(client, alice, plan):
    html = client.get(share(alice, include_boundaries=True)).text

    assert "I reply to messages the next morning." in html
    assert "Slowness" not in html
    assert "Lunch away" not in html
    assert "Garden and nap" not in html


def test_a_signed_in_stranger_sees_the_sharers_times_not_their_own(client, alice, charlie, plan):
    client.force_login(charlie)

    html = client.get(share(alice, include_rest=True)).text

    assert "Friday 27 March, 13:00" in html
    assert "(Europe/Berlin)" in html


def test_an_expired_link_is_not_found(client, alice, plan):
    url = share(alice, include_values=True)

    with time_machine.travel(NOW + dt.timedelta(days=7, seconds=1), tick=False):
        response = client.get(url)

    assert response.status_code == 404
    assert "This link has expired" in response.text
    assert "Alice" not in response.text.split("<main")[1]


@override_settings(DEBUG=True)  # a kind page even where Django would show its debug 404
def test_a_turned_off_link_says_so_kindly(client, alice, plan):
    url = share(alice, include_values=True)
    ShareLink.objects.filter(user=alice).update(revoked_at=NOW)

    response = client.get(url)

    assert response.status_code == 404
    assert "This link was turned off" in response.text
    assert "The person who shared it turned it off." in response.text
    assert response["Cache-Control"] == "private, no-store"
    assert response["X-Robots-Tag"] == "noindex, nofollow"


@pytest.mark.parametrize("token", ["abc", "A" * 43, "é" * 43, "a" * 200])
def test_unknown_and_malformed_tokens_are_not_found(client, alice, token):
    share(alice, include_values=True)

    response = client.get(f"/share/{token}/")

    assert response.status_code == 404
    assert "This link does not work" in response.text
