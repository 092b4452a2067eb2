import datetime as dt

import pytest
import time_machine

from apps.planning.models import BoundaryStatement, PersonalValue, RestWindow, WeeklyAction
from apps.resources.models import Value

# Wednesday 25 March 2026, 13:00 in Berlin: the week runs Monday 23 to Sunday 29 March, and
# Europe's clocks go forward early on that Sunday.
NOW = dt.datetime(2026, 3, 25, 12, 0, tzinfo=dt.UTC)
THIS_WEEK = dt.date(2026, 3, 23)
HTMX = {"HX-Request": "true"}


@pytest.fixture(autouse=True)
def _frozen_time():
    with time_machine.travel(NOW, tick=False):
        yield


def add_value(user, name: str = "", *, slug: str = "", why: str = "", rank: int = 1):
    curated = Value.objects.get(slug=slug) if slug else None
    return PersonalValue.objects.create(user=user, value=curated, own_name=name, why=why, rank=rank)


def add_action(user, value=None, title: str = "A short walk", week_of=THIS_WEEK, **fields):
    return WeeklyAction.objects.create(
        user=user, personal_value=value, title=title, week_of=week_of, **fields
    )


def add_statement(user, text: str = "I'm not available after 18:00.", area: str = "work"):
    return BoundaryStatement.objects.create(user=user, text=text, area=area)


def add_window(user, starts_at: dt.datetime, hours: int = 24, **fields) -> RestWindow:
    return RestWindow.objects.create(
        user=user, starts_at=starts_at, ends_at=starts_at + dt.timedelta(hours=hours), **fields
    )
