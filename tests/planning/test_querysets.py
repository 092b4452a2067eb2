import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from apps.planning.models import RestWindow, WeeklyAction
from tests.planning.conftest import NOW, THIS_WEEK, add_action, add_value, add_window

pytestmark = [pytest.mark.django_db, pytest.mark.sqlite]


def test_a_weeks_actions_are_the_persons_own_of_that_week_oldest_first(alice, charlie):
    value = add_value(alice, slug="rest")
    first = add_action(alice, value, "First")
    second = add_action(alice, value, "Second")
    add_action(alice, value, "Last week", week_of=THIS_WEEK - dt.timedelta(weeks=1))
    add_action(charlie, None, "Charlie's")

    with CaptureQueriesContext(connection) as queries:
        actions = list(
            WeeklyAction.objects.for_user(alice)
            .in_week_of(dt.date(2026, 3, 29))
            .select_related("personal_value__value")
        )
        names = [a.personal_value.name for a in actions]

    assert actions == [first, second]
    assert names == ["Rest", "Rest"]
    assert len(queries) == 1


def test_next_rest_window_is_the_current_or_the_soonest_one_in_one_query(alice, charlie):
    add_window(alice, NOW - dt.timedelta(days=3))
    later = add_window(alice, NOW + dt.timedelta(days=5))
    soon = add_window(alice, NOW + dt.timedelta(days=1))
    add_window(charlie, NOW + dt.timedelta(hours=1))

    with CaptureQueriesContext(connection) as queries:
        assert RestWindow.objects.next_for(alice) == soon
    assert len(queries) == 1

    current = add_window(alice, NOW - dt.timedelta(hours=2), hours=3)
    assert RestWindow.objects.next_for(alice) == current
    assert later.starts_at > soon.starts_at


def test_no_window_planned_gives_none(alice):
    assert RestWindow.objects.next_for(alice) is None
