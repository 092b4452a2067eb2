import datetime as dt

import pytest
from django.urls import reverse

from apps.checkins.models import CheckIn

FULL = {
    "feeling": "drained",
    "own_feeling": "",
    "energy": "3",
    "need": "rest",
    "drive": "4",
    "sleep_hours": "6.5",
    "sleep_quality": "2",
    "note": "Long week.",
}


def local_today(user) -> dt.date:
    return user.local_now().date()


def day_url(day: dt.date) -> str:
    """A day's check-in page, where every check-in of that day is saved."""
    return reverse("checkins:day", args=[day.isoformat()])


def checkin(user, days_ago: int = 0, **fields) -> CheckIn:
    values = {"energy": 5, "need": "rest", "drive": 3, "feeling": "calm", **fields}
    return CheckIn.objects.create(
        user=user, checked_in_on=local_today(user) - dt.timedelta(days=days_ago), **values
    )


@pytest.fixture
def full_checkin():
    return dict(FULL)
