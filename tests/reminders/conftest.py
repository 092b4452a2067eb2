import datetime as dt

import pytest

from apps.audits.models import EnergyAudit, EnergyMoment
from apps.checkins.models import CheckIn, JournalEntry, SafetySignal
from apps.lib.dates import zone
from apps.planning.models import BoundaryStatement, RestWindow, WeeklyAction

# Monday 30 November 2026, 08:00 in Berlin (UTC+1): the summary week is Monday 23 to Sunday
# 29 November, the week before it 16 to 22 November.
SUMMARY_NOW = dt.datetime(2026, 11, 30, 7, 0, tzinfo=dt.UTC)
MONDAY = dt.date(2026, 11, 23)
# Free text a person typed: none of it may ever reach an email.
PRIVATE = (
    "quietlyfurious",
    "Note about my boss",
    "Call my sister",
    "Reflection after resting",
    "Library visit and a nap",
    "Secret project Zebra",
    "Audit notes in my words",
    "I will not answer after 18:00",
    "Journal body nobody reads",
)


def day(n: int) -> dt.date:
    """The nth day of the summary week (0 is Monday 23 November); negative is the week before."""
    return MONDAY + dt.timedelta(days=n)


def local(user, on: dt.date, at: str) -> dt.datetime:
    return dt.datetime.combine(on, dt.time.fromisoformat(at), tzinfo=zone(user.time_zone))


def add_checkin(user, n: int, energy: int, feeling: str = "calm", need: str = "rest", **fields):
    values = {"drive": 3, "note": "", **fields}
    return CheckIn.objects.create(
        user=user, checked_in_on=day(n), energy=energy, feeling=feeling, need=need, **values
    )


def add_window(user, starts_at: dt.datetime, hours: int = 24, **fields) -> RestWindow:
    return RestWindow.objects.create(
        user=user, starts_at=starts_at, ends_at=starts_at + dt.timedelta(hours=hours), **fields
    )


def add_moment(audit: EnergyAudit, n: int, at: str, energy: int) -> EnergyMoment:
    return EnergyMoment.objects.create(
        audit=audit,
        occurred_at=local(audit.user, day(n), at),
        energy=energy,
        activity=PRIVATE[5],
        effect="drains",
    )


def craft_week(user) -> None:
    """Six check-ins (energy 3, 4, -, 2, 4, 7, 6: average 4.3), three the week before (5.3),
    drained on three days, rest needed on four, two days of interest and four of pressure
    (four of them low-energy: the masked-ambition signal), one action done and one partly,
    a rest window taken on Saturday, the next one on Saturday 5 December, and an energy audit
    whose mornings average 7.5, afternoons 5.0 and evenings 3.0."""
    add_checkin(user, 0, 3, "drained", drive=5, note=PRIVATE[1])
    add_checkin(user, 1, 4, "drained", drive=4)
    add_checkin(user, 3, 2, PRIVATE[0], drive=4)
    add_checkin(user, 4, 4, "tense", "boundary", drive=5)
    add_checkin(user, 5, 7, "calm", "connection", drive=2)
    add_checkin(user, 6, 6, "drained", drive=1)
    for n, energy in ((-7, 5), (-6, 6), (-5, 5)):
        add_checkin(user, n, energy)
    WeeklyAction.objects.create(user=user, week_of=MONDAY, title=PRIVATE[2], status="done")
    WeeklyAction.objects.create(user=user, week_of=MONDAY, title="A walk", status="partly")
    WeeklyAction.objects.create(user=user, week_of=day(-7), title="Earlier", status="done")
    add_window(user, local(user, day(-2), "09:00"), rested=9)
    add_window(user, local(user, day(5), "09:00"), rested=7, reflection=PRIVATE[3])
    add_window(user, local(user, day(12), "10:00"), activities=PRIVATE[4])
    add_window(user, local(user, day(19), "10:00"))
    audit = EnergyAudit.objects.create(
        user=user, starts_on=MONDAY, ends_on=day(6), notes=PRIVATE[6]
    )
    for n, at, energy in (
        (0, "08:00", 7),
        (1, "09:00", 8),
        (1, "14:00", 5),
        (0, "20:00", 3),
        (2, "21:00", 3),
    ):
        add_moment(audit, n, at, energy)
    BoundaryStatement.objects.create(user=user, area="work", text=PRIVATE[7])
    JournalEntry.objects.create(user=user, written_on=day(2), body=PRIVATE[8])
    SafetySignal.objects.create(user=user)


@pytest.fixture
def crafted_alice(alice):
    craft_week(alice)
    return alice
