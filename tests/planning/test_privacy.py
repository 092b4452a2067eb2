"""Every view that takes an object id answers 404 for someone else's object, GET and POST,
and changes nothing."""

import datetime as dt

import pytest
from django.urls import reverse

from apps.planning.models import (
    BoundaryPractice,
    BoundaryStatement,
    CalendarFeed,
    PersonalValue,
    RestWindow,
    ShareLink,
    WeeklyAction,
)
from tests.planning.conftest import NOW, add_action, add_statement, add_value, add_window

pytestmark = pytest.mark.django_db


@pytest.fixture
def theirs(charlie) -> dict:
    value = add_value(charlie, "Charlie's value", why="Private why")
    return {
        "value": value,
        "action": add_action(charlie, value, "Charlie's action"),
        "statement": add_statement(charlie, "Charlie's statement"),
        "window": add_window(charlie, NOW - dt.timedelta(hours=1), activities="Charlie's rest"),
        "link": ShareLink.objects.create(user=charlie, expires_at=NOW + dt.timedelta(days=7)),
    }


VIEWS = [
    # (url name, object, GET allowed, POST data)
    ("value-move", "value", False, {"direction": "down"}),
    ("value-update", "value", False, {"why": "Hijacked"}),
    ("value-delete", "value", True, {}),
    ("action-status", "action", False, {"status": "done"}),
    ("action-delete", "action", False, {}),
    ("boundary-detail", "statement", True, {"text": "Hijacked"}),
    ("boundary-practise", "statement", False, {"practised_on": "2026-03-25", "outcome": "well"}),
    ("boundary-delete", "statement", True, {}),
    ("rest-detail", "window", True, None),
    ("rest-reflect", "window", False, {"rested": "1", "reflection": "Hijacked"}),
    ("rest-delete", "window", True, {}),
    ("rest-ics", "window", True, None),
    ("share-revoke", "link", False, {}),
]


@pytest.mark.parametrize(("name", "kind", "get", "data"), VIEWS)
def test_another_persons_object_is_not_found(alice_client, theirs, name, kind, get, data):
    url = reverse(f"planning:{name}", args=[theirs[kind].pk])

    if get:
        response = alice_client.get(url)
        assert response.status_code == 404
        assert "Charlie" not in response.text
    if data is not None:
        assert alice_client.post(url, data).status_code == 404

    assert PersonalValue.objects.get().why == "Private why"
    assert WeeklyAction.objects.get().status == "planned"
    assert BoundaryStatement.objects.get().text == "Charlie's statement"
    assert not BoundaryPractice.objects.exists()
    assert RestWindow.objects.get().rested is None
    assert ShareLink.objects.get().revoked_at is None


def test_lists_show_only_my_own_things(alice_client, alice, theirs):
    for name in ["values", "actions", "boundaries", "rest", "shares"]:
        html = alice_client.get(reverse(f"planning:{name}")).text
        assert "Charlie" not in html, name


def test_revoking_my_feed_leaves_other_feeds_alone(alice_client, charlie):
    feed = CalendarFeed.objects.create(user=charlie)

    alice_client.post(reverse("planning:feed-revoke"))

    assert CalendarFeed.objects.filter(pk=feed.pk).exists()


@pytest.mark.parametrize(
    "name", ["values", "actions", "boundaries", "rest", "shares", "boundary-build"]
)
def test_pages_need_signing_in(client, name):
    response = client.get(reverse(f"planning:{name}"))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
