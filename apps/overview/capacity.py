"""A week's planned hours set against the person's usual energy on each day of the week.

What is planned: the commitments kept after the latest energy audit's triage (a postponed one
comes back in the week it was postponed to; delegated and dropped ones are gone) and the week's
values-based actions. Each has an optional weekday; without one, its hours spread evenly over
the seven days, since nothing says which days they fall on.

What energy is usual: the mean of the check-ins of the last ENERGY_WEEKS weeks on that weekday,
said only where there are MIN_CHECKINS_A_DAY of them; and, from the audits' moments, energy by
hour of the day. A day is flagged when it carries more than an average day's hours and its
usual energy is below the person's own average: those are the days to lighten. One move is
suggested for the heaviest of them.
"""

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property
from statistics import fmean

from django.db.models import Avg, Count, Q, Subquery
from django.db.models.functions import ExtractHour
from django.urls import reverse

from apps.accounts.models import User
from apps.audits.models import Commitment, EnergyAudit, EnergyMoment
from apps.checkins.models import CheckIn
from apps.lib import charts
from apps.lib.dates import WEEKDAYS, local_midnight, long_day, zone
from apps.planning.models import RestWindow, WeeklyAction

ENERGY_WEEKS = 8
MIN_CHECKINS_A_DAY = 2  # check-ins on a weekday before its usual energy is said
MIN_DAYS_KNOWN = 3  # weekdays with a usual energy before any day is flagged
MIN_MOMENTS_AN_HOUR = 2
DAY_NAMES = dict(WEEKDAYS)


@dataclass(frozen=True)
class Load:
    """A commitment or an action: what it is, when in the week, and roughly how long."""

    kind: str  # "commitment" or "action"
    pk: int
    title: str
    hours: Decimal
    weekday: int | None
    audit_id: int | None = None  # a commitment's audit, where its triage is

    @property
    def key(self) -> str:
        """The prefix of this item's fields on the plan form."""
        return f"{self.kind}-{self.pk}"


@dataclass
class Day:
    date: dt.date
    spread_hours: Decimal
    energy: float | None  # the usual energy on this weekday, if enough check-ins say it
    checkins: int
    items: list[Load] = field(default_factory=list)
    flagged: bool = False

    @property
    def name(self) -> str:
        return DAY_NAMES[self.date.weekday()]

    @property
    def placed_hours(self) -> Decimal:
        return sum((item.hours for item in self.items), Decimal(0))

    @property
    def load(self) -> Decimal:
        """The day's hours as planned, unrounded (in decimals, so that seven equal shares
        compare equal): what days are compared by."""
        return self.placed_hours + self.spread_hours

    @property
    def hours(self) -> float:
        """The day's hours as shown."""
        return float(round(self.load, 1))


@dataclass(frozen=True)
class Move:
    """One suggestion: a sentence, and a link to where it is done."""

    text: str
    link_text: str
    url: str


@dataclass(frozen=True)
class Hour:
    hour: int
    energy: float
    moments: int

    @property
    def label(self) -> str:
        return f"{self.hour:02d}:00"


@dataclass
class Capacity:
    days: list[Day]
    loads: list[Load]
    checkins: int
    average_energy: float | None
    hours: list[Hour]
    flagged: list[Day]
    move: Move | None

    @property
    def enough_data(self) -> bool:
        return sum(day.energy is not None for day in self.days) >= MIN_DAYS_KNOWN

    @property
    def total_hours(self) -> float:
        return round(float(sum(load.hours for load in self.loads)), 1)

    @property
    def spread_hours(self) -> float:
        return round(sum(float(load.hours) for load in self.loads if load.weekday is None), 1)

    @property
    def lowest_hour(self) -> Hour | None:
        return min(self.hours, key=lambda h: (h.energy, h.hour), default=None)

    @property
    def highest_hour(self) -> Hour | None:
        return max(self.hours, key=lambda h: (h.energy, -h.hour), default=None)

    @cached_property
    def chart(self) -> charts.Chart:
        most = max((day.hours for day in self.days), default=0)
        return charts.paired_columns(
            [
                (
                    f"{day.date:%a}",
                    (day.hours or None, f"{day.name}: {day.hours:g} hours planned"),
                    (day.energy, f"{day.name}: usual energy {day.energy} of 10"),
                )
                for day in self.days
            ],
            limits=(max(most, 1), 10),
        )


def usual_energy(
    checkins: Iterable[tuple[dt.date, int]],
) -> tuple[dict[int, tuple[float | None, int]], float | None, int]:
    """Each weekday's mean energy and count (None where too few), the overall mean, the count."""
    by_weekday: dict[int, list[int]] = defaultdict(list)
    for day, energy in checkins:
        by_weekday[day.weekday()].append(energy)
    energies = [e for values in by_weekday.values() for e in values]
    usual = {
        weekday: (
            round(fmean(values), 1) if len(values) >= MIN_CHECKINS_A_DAY else None,
            len(values),
        )
        for weekday, values in by_weekday.items()
    }
    return usual, round(fmean(energies), 1) if energies else None, len(energies)


def plan_week(
    monday: dt.date,
    loads: list[Load],
    checkins: Iterable[tuple[dt.date, int]],
    hours: list[Hour],
    *,
    has_rest_window: bool,
) -> Capacity:
    """The week from its Monday: each day's hours and usual energy, the flagged days, one move."""
    usual, average, count = usual_energy(checkins)
    spread = sum((load.hours for load in loads if load.weekday is None), Decimal(0)) / 7
    days = []
    for offset in range(7):
        energy, n = usual.get(offset, (None, 0))
        days.append(Day(monday + dt.timedelta(days=offset), spread, energy, n))
    for load in loads:
        if load.weekday is not None:
            days[load.weekday].items.append(load)
    capacity = Capacity(days, loads, count, average, hours, [], None)
    if capacity.enough_data and average is not None:
        mean_load = sum((load.hours for load in loads), Decimal(0)) / 7
        capacity.flagged = sorted(
            (
                day
                for day in days
                if day.energy is not None and day.load > mean_load and day.energy < average
            ),
            key=lambda day: (-day.load, day.energy),
        )
        for day in capacity.flagged:
            day.flagged = True
        if capacity.flagged:
            capacity.move = suggest(capacity.flagged[0], days, has_rest_window=has_rest_window)
    return capacity


def suggest(day: Day, days: list[Day], *, has_rest_window: bool) -> Move:
    """One move for the heaviest low-energy day: ease its largest commitment, move its largest
    action to a better day, or, where nothing on it can move, rest or protect its evening."""
    heaviest = sorted(day.items, key=lambda item: (item.kind != "commitment", -item.hours))
    if heaviest and heaviest[0].kind == "commitment":
        item = heaviest[0]
        return Move(
            f"Could “{item.title}” wait until a lighter week, or go to someone else?",
            "Postpone or delegate it in your energy audit",
            reverse("audits:detail", args=[item.audit_id]) + f"#commitment-{item.pk}",
        )
    # A better day is one with higher usual energy that, given the item, is still no heavier
    # than this day is now: moving work onto a day that then carries more helps nobody.
    better = [
        d
        for d in days
        if heaviest
        and d.energy is not None
        and d.energy > day.energy
        and d.load + heaviest[0].hours <= day.load
    ]
    if better:
        best = max(better, key=lambda d: (d.energy, -d.load))
        return Move(
            f"“{heaviest[0].title}” could move to {best.name}, usually a better day for you "
            f"(energy {best.energy}).",
            "Move it to another day",
            f"#id_{heaviest[0].key}-weekday",
        )
    if not has_rest_window:
        return Move(
            f"There is no rest window in this week yet. One from {day.name} evening would "
            "give the hardest day a softer landing.",
            f"Plan a rest window from {long_day(day.date)}",
            reverse("planning:rest") + f"?starts_on={day.date.isoformat()}#plan-heading",
        )
    return Move(
        f"Protect {day.name} evening: decide now what you will not take on after work.",
        "Write a boundary for it",
        reverse("planning:boundary-build") + "?template=work-capacity",
    )


def loads_for(user: User, monday: dt.date) -> list[Load]:
    """The week's commitments (two queries' worth in one: the latest audit's, by subquery)
    and its actions, heaviest first."""
    sunday = monday + dt.timedelta(days=6)
    latest = (
        EnergyAudit.objects.for_user(user)
        .filter(starts_on__lte=sunday)
        .order_by("-starts_on")
        .values("pk")[:1]
    )
    commitments = Commitment.objects.filter(audit=Subquery(latest)).filter(
        Q(decision__in=["", Commitment.Decision.KEEP])
        | Q(decision=Commitment.Decision.POSTPONE, postpone_until__lte=sunday)
    )
    loads = [
        Load("commitment", c.pk, c.title, c.hours_per_week, c.weekday, c.audit_id)
        for c in commitments.order_by("-hours_per_week", "created_at")
    ]
    actions = WeeklyAction.objects.for_user(user).in_week_of(monday)
    loads += [Load("action", a.pk, a.title, a.hours or Decimal(0), a.weekday) for a in actions]
    return loads


def week_capacity(user: User, monday: dt.date, today: dt.date) -> Capacity:
    """Everything the page shows, in five queries however long the history."""
    tz = zone(user.time_zone)
    first = today - dt.timedelta(weeks=ENERGY_WEEKS)
    checkins = (
        CheckIn.objects.for_user(user)
        .filter(checked_in_on__gt=first, checked_in_on__lte=today)
        .values_list("checked_in_on", "energy")
    )
    by_hour = (
        EnergyMoment.objects.filter(audit__user=user)
        .annotate(hour=ExtractHour("occurred_at", tzinfo=tz))
        .values("hour")
        .annotate(energy=Avg("energy"), moments=Count("pk"))
        .filter(moments__gte=MIN_MOMENTS_AN_HOUR)
        .order_by("hour")
    )
    start, end = local_midnight(monday, tz), local_midnight(monday + dt.timedelta(weeks=1), tz)
    rest = RestWindow.objects.for_user(user).overlapping(start, end)
    return plan_week(
        monday,
        loads_for(user, monday),
        checkins,
        [Hour(row["hour"], round(row["energy"], 1), row["moments"]) for row in by_hour],
        has_rest_window=rest.exists(),
    )
