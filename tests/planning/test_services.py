import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from apps.planning.services import next_rest_window, this_weeks_actions
from tests.planning.conftest import NOW, THIS_WEEK, add_action, add_value, add_window

pytestmark = pytest.mark.django_db


def test_this_weeks_actions_come_with_their_values_in_one_query(alice, charlie):
    value = add_value(alice, slug="rest")
    first = add_action(alice, value, "First")
    second = add_action(alice, value, "Second")
    add_action(alice, value, "Last week", week_of=THIS_WEEK - dt.timedelta(weeks=1))
    add_action(charlie, None, "Charlie's")

    with CaptureQueriesContext(connection) as queries:
        actions = this_weeks_actions(alice, dt.date(2026, 3, 29))
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
        assert next_rest_window(alice) == soon
    assert len(queries) == 1

    current = add_window(alice, NOW - dt.timedelta(hours=2), hours=3)
    assert next_rest_window(alice) == current
    assert later.starts_at > soon.starts_at


def test_no_window_planned_gives_none(alice):
    assert next_rest_window(alice) is None
