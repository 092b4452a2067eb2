import datetime as dt

import pytest
import time_machine
from django.urls import reverse

from apps.planning.models import WeeklyAction, WeekReflection
from tests.planning.conftest import HTMX, THIS_WEEK, add_action, add_value

pytestmark = pytest.mark.django_db
URL = reverse("planning:action-add")
NEXT_WEEK = THIS_WEEK + dt.timedelta(weeks=1)


@pytest.fixture
def rest(alice):
    return add_value(alice, slug="rest")


def test_an_action_is_planned_for_this_week_in_my_zone(alice_client, alice, rest):
    response = alice_client.post(
        URL, {"week_of": THIS_WEEK, "personal_value": rest.pk, "title": " Nap on Saturday "}
    )

    assert response["Location"] == reverse("planning:actions")
    action = WeeklyAction.objects.get(user=alice)
    assert (action.week_of, action.title, action.personal_value) == (
        THIS_WEEK,
        "Nap on Saturday",
        rest,
    )
    assert action.status == WeeklyAction.Status.PLANNED


def test_late_sunday_in_chicago_is_still_that_week(client, charlie):
    value = add_value(charlie, "Quiet")
    client.force_login(charlie)
    # Monday 30 March 03:00 UTC is Sunday 29 March 22:00 in Chicago.
    with time_machine.travel(dt.datetime(2026, 3, 30, 3, 0, tzinfo=dt.UTC), tick=False):
        html = client.get(reverse("planning:actions")).text
        client.post(URL, {"week_of": THIS_WEEK, "personal_value": value.pk, "title": "Read"})

    assert "Mon 23 Mar \N{EN DASH} Sun 29 Mar" in html
    assert WeeklyAction.objects.get(user=charlie).week_of == THIS_WEEK


def test_an_htmx_add_returns_the_weeks_without_the_page(alice_client, rest):
    response = alice_client.post(
        URL, {"week_of": NEXT_WEEK, "personal_value": rest.pk, "title": "Walk"}, headers=HTMX
    )

    assert response.status_code == 200
    assert "<html" not in response.text
    assert 'id="upcoming"' in response.text
    assert 'id="next-week-heading"' in response.text


def test_a_third_action_in_a_week_is_refused_and_nothing_is_saved(alice_client, alice, rest):
    add_action(alice, rest, "One")
    add_action(alice, rest, "Two")

    response = alice_client.post(
        URL, {"week_of": THIS_WEEK, "personal_value": rest.pk, "title": "Three"}
    )

    assert response.status_code == 422
    assert "That week already has two actions" in response.text
    assert WeeklyAction.objects.filter(user=alice).count() == 2


@pytest.mark.parametrize(
    ("data", "error"),
    [
        ({"title": ""}, "Write the action in a few words."),
        ({"title": "x" * 141}, "under 140 characters"),
        ({"personal_value": ""}, "Choose the value this action serves."),
        ({"personal_value": "999999"}, "Choose one of your values."),
        ({"week_of": "2026-03-16"}, "Choose this week or next week."),
        ({"week_of": "2026-04-06"}, "Choose this week or next week."),
        ({"week_of": "not-a-date"}, "Choose this week or next week."),
    ],
)
def test_bad_input_gets_a_clear_error_and_saves_nothing(alice_client, alice, rest, data, error):
    form = {"week_of": THIS_WEEK, "personal_value": rest.pk, "title": "Walk", **data}

    response = alice_client.post(URL, form)

    assert response.status_code == 422
    assert error in response.text
    assert not WeeklyAction.objects.exists()


def test_another_persons_value_cannot_be_used(alice_client, alice, charlie):
    theirs = add_value(charlie, "Theirs")
    add_value(alice, "Mine")

    response = alice_client.post(
        URL, {"week_of": THIS_WEEK, "personal_value": theirs.pk, "title": "Walk"}
    )

    assert response.status_code == 422
    assert not WeeklyAction.objects.exists()


def test_without_values_the_page_asks_for_them_first(alice_client):
    html = alice_client.get(reverse("planning:actions")).text

    assert "Choose your values first" in html


@pytest.mark.parametrize("status", ["done", "partly", "not_done"])
def test_an_action_is_marked_in_place_with_htmx(alice_client, alice, rest, status):
    action = add_action(alice, rest)

    response = alice_client.post(
        reverse("planning:action-status", args=[action.pk]), {"status": status}, headers=HTMX
    )

    action.refresh_from_db()
    assert action.status == status
    assert response.text.strip().startswith(f'<li class="week-action" id="action-{action.pk}">')
    assert f'value="{status}" class="button--quiet button--small" aria-pressed="true"' in (
        response.text
    )


def test_a_plain_status_post_redirects_and_a_made_up_status_is_refused(alice_client, alice):
    action = add_action(alice)
    url = reverse("planning:action-status", args=[action.pk])

    assert alice_client.post(url, {"status": "done"})["Location"] == reverse("planning:actions")
    response = alice_client.post(url, {"status": "perfect"})

    assert response.status_code == 422
    assert "Choose done, partly done or not done." in response.text
    action.refresh_from_db()
    assert action.status == "done"


def test_an_action_can_be_removed(alice_client, alice):
    action = add_action(alice)

    alice_client.post(reverse("planning:action-delete", args=[action.pk]))

    assert not WeeklyAction.objects.exists()


def test_past_weeks_are_listed_newest_first_and_paginated(alice_client, alice, rest):
    for weeks_ago in range(1, 11):
        add_action(
            alice, rest, f"Week minus {weeks_ago}", THIS_WEEK - dt.timedelta(weeks=weeks_ago)
        )
    WeekReflection.objects.create(user=alice, week_of=THIS_WEEK - dt.timedelta(weeks=12), text="Hm")

    first = alice_client.get(reverse("planning:actions")).text
    second = alice_client.get(reverse("planning:actions"), {"page": 2}).text

    assert first.index("Week minus 1<") < first.index("Week minus 8<")
    assert "Week minus 9<" not in first
    assert "Week minus 9<" in second
    assert "Week of 29 December 2025" in second  # the week with only a reflection
    assert "Page 2 of 2" in second
