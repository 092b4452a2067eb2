import datetime as dt
import html
import re

import pytest
import time_machine

from apps.audits.models import AUDIT_DAYS, Commitment, EnergyAudit, EnergyMoment
from apps.lib.dates import zone
from apps.planning.models import PersonalValue

# Friday 27 November 2026: 13:00 in Berlin (winter time, UTC+1), 06:00 in Chicago.
NOW = dt.datetime(2026, 11, 27, 12, 0, tzinfo=dt.UTC)
MONDAY = dt.date(2026, 11, 23)


@pytest.fixture(autouse=True)
def _friday_27_november():
    with time_machine.travel(NOW, tick=False):
        yield


def day(n: int) -> dt.date:
    """The nth day of the week of Monday 23 November (0 is Monday)."""
    return MONDAY + dt.timedelta(days=n)


def audit(user, starts_on: dt.date = MONDAY, **fields) -> EnergyAudit:
    ends_on = starts_on + dt.timedelta(days=AUDIT_DAYS - 1)
    return EnergyAudit.objects.create(user=user, starts_on=starts_on, ends_on=ends_on, **fields)


def moment(
    audit: EnergyAudit,
    on: dt.date,
    at: str,
    energy: int = 5,
    activity: str = "Emails",
    effect: str = "drains",
) -> EnergyMoment:
    local = dt.datetime.combine(on, dt.time.fromisoformat(at), tzinfo=zone(audit.user.time_zone))
    return EnergyMoment.objects.create(
        audit=audit, occurred_at=local, energy=energy, activity=activity, effect=effect
    )


def value(user, name: str) -> PersonalValue:
    return PersonalValue.objects.create(user=user, own_name=name)


def commitment(audit: EnergyAudit, title: str, hours: str = "5", **fields) -> Commitment:
    return Commitment.objects.create(audit=audit, title=title, hours_per_week=hours, **fields)


@pytest.fixture
def running(alice) -> EnergyAudit:
    return audit(alice)


def text(response) -> str:
    """The page as a person reads it: apostrophes and quotes unescaped."""
    return html.unescape(response.content.decode())


def words(response) -> str:
    """The page's visible words on one line, without markup."""
    return " ".join(re.sub(r"<[^>]+>", " ", text(response)).split())
