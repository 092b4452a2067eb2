"""What a rest window's reminders read of it."""

import pytest

from apps.reminders.emails import rest_windows_by_id
from tests.reminders.conftest import add_window, day, local

pytestmark = pytest.mark.django_db


def test_rest_windows_by_id_is_one_query(alice, django_assert_num_queries):
    windows = [add_window(alice, local(alice, day(n), "09:00")) for n in range(3)]

    with django_assert_num_queries(1):
        found = rest_windows_by_id([w.pk for w in windows])

    assert {pk: w.starts_at for pk, w in found.items()} == {w.pk: w.starts_at for w in windows}
