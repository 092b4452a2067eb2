import datetime as dt

import pytest
from django.urls import reverse

from apps.planning.models import WeekReflection
from tests.planning.conftest import HTMX, THIS_WEEK

pytestmark = pytest.mark.django_db
URL = reverse("planning:reflection-save")


def test_a_reflection_on_this_week_is_saved_and_edited(alice_client, alice):
    alice_client.post(URL, {"week_of": THIS_WEEK, "text": "Smaller worked."})
    response = alice_client.post(URL, {"week_of": THIS_WEEK, "text": "Smaller worked better."})

    assert response["Location"] == reverse("planning:actions")
    assert WeekReflection.objects.get(user=alice).text == "Smaller worked better."


def test_an_htmx_reflection_returns_only_that_weeks_block(alice_client, alice):
    last_week = THIS_WEEK - dt.timedelta(weeks=1)

    response = alice_client.post(URL, {"week_of": last_week, "text": "Rested."}, headers=HTMX)

    assert response.status_code == 200
    assert response.text.strip().startswith('<div class="reflection" id="reflection-2026-03-16">')
    assert "Reflection saved." in response.text
    assert WeekReflection.objects.get(user=alice).week_of == last_week


@pytest.mark.parametrize(
    ("data", "error"),
    [
        ({"text": ""}, "Write a word or two, or leave it for now."),
        ({"text": "x" * 1001}, "under 1,000 characters"),
        ({"week_of": "2026-03-30"}, "You can reflect on this week or an earlier one."),
        ({"week_of": "2026-03-24"}, "You can reflect on this week or an earlier one."),
        ({"week_of": "2025-01-06"}, "You can reflect on this week or an earlier one."),
        ({"week_of": "garbage"}, "Reflect on a week from the page."),
    ],
)
def test_bad_input_gets_a_clear_error_and_saves_nothing(alice_client, data, error):
    response = alice_client.post(URL, {"week_of": THIS_WEEK, "text": "Fine.", **data})

    assert response.status_code == 422
    assert error in response.text
    assert not WeekReflection.objects.exists()


def test_a_refused_reflection_keeps_what_was_typed(alice_client):
    response = alice_client.post(URL, {"week_of": THIS_WEEK, "text": "x" * 1001}, headers=HTMX)

    assert response.status_code == 422
    assert "x" * 1001 in response.text
