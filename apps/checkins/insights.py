"""What a person's check-ins say, computed in Python from one query's rows."""

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from apps.checkins.models import CheckIn, Drive, day_path_prefix
from apps.lib import charts
from apps.resources.models import Need

# The masked-ambition rule. Over the last SIGNAL_WINDOW local days (today included), at least
# SIGNAL_MIN_DAYS days were checked in with energy at or below LOW_ENERGY and a drive on the
# pressure side (Drive.MORE_PRESSURE or Drive.PRESSURE). Days without a check-in never count
# for or against it: resting and skipping are not evidence of anything.
SIGNAL_WINDOW = 7
SIGNAL_MIN_DAYS = 4
LOW_ENERGY = 4

RANGES = (7, 30, 90)


@dataclass(frozen=True)
class MaskedAmbition:
    days: int
    window: int = SIGNAL_WINDOW


def masked_ambition(checkins: Iterable[CheckIn], today: dt.date) -> MaskedAmbition | None:
    first = today - dt.timedelta(days=SIGNAL_WINDOW - 1)
    days = sum(
        1
        for c in checkins
        if first <= c.checked_in_on <= today and c.energy <= LOW_ENERGY and c.is_pressure_driven
    )
    return MaskedAmbition(days) if days >= SIGNAL_MIN_DAYS else None


@dataclass(frozen=True)
class Day:
    """One local day, with its check-in if there was one."""

    date: dt.date
    checkin: CheckIn | None

    @property
    def iso(self) -> str:
        return self.date.isoformat()

    @property
    def short_name(self) -> str:
        return f"{self.date:%a}"

    @property
    def label(self) -> str:
        return f"{self.date:%A} {self.date.day} {self.date:%B}"

    @property
    def energy(self) -> str:
        return str(self.checkin.energy) if self.checkin else ""


def days_between(first: dt.date, last: dt.date, checkins: Iterable[CheckIn]) -> list[Day]:
    by_day = {c.checked_in_on: c for c in checkins}
    count = (last - first).days + 1
    return [Day(d, by_day.get(d)) for d in (first + dt.timedelta(n) for n in range(count))]


@dataclass(frozen=True)
class SleepPair:
    night_of: dt.date
    hours: float
    next_day_energy: int


@dataclass
class Insights:
    days: list[Day]
    energy_chart: charts.Chart
    drive_chart: charts.Chart
    needs: list[tuple[str, int]]
    needs_chart: charts.Chart
    sleep_pairs: list[SleepPair]
    sleep_chart: charts.Chart
    average_energy: float | None
    pressure_days: int
    interest_days: int
    checked_in_days: int


def drive_score(checkin: CheckIn | None) -> int | None:
    """Interest above the middle line (+2, +1), pressure below it (-1, -2), a mix is 0."""
    if checkin is None or checkin.drive is None:
        return None
    return Drive.MIXED - checkin.drive


def build_insights(checkins: Sequence[CheckIn], first: dt.date, last: dt.date) -> Insights:
    days = days_between(first, last, checkins)
    labels = [f"{d.date:%a} {d.date.day} {d.date:%b}" for d in days]
    day_prefix = day_path_prefix()
    tick_every = max(len(days) // 7, 1)
    in_range = [d.checkin for d in days if d.checkin]
    need_names = dict(Need.choices)
    needs = Counter(c.need for c in in_range if c.need).most_common()  # imported days have none
    needs_named = [(need_names.get(need, need), count) for need, count in needs]
    pairs = sleep_against_next_day_energy(checkins, first, last)
    energies = [c.energy for c in in_range]
    return Insights(
        days=days,
        energy_chart=charts.line_chart(
            [d.checkin.energy if d.checkin else None for d in days],
            labels,
            y_range=(1, 10),
            y_ticks=(1, 4, 7, 10),
            x_tick_every=tick_every,
            hrefs=[f"{day_prefix}{d.date.isoformat()}/" for d in days],
        ),
        drive_chart=charts.diverging_bars([drive_score(d.checkin) for d in days], labels, limit=2),
        needs=needs_named,
        needs_chart=charts.horizontal_bars(needs_named),
        sleep_pairs=pairs,
        sleep_chart=charts.scatter(
            [(p.hours, p.next_day_energy) for p in pairs],
            x_range=(0, 12),
            y_range=(1, 10),
            x_ticks=(0, 4, 8, 12),
            y_ticks=(1, 4, 7, 10),
            x_unit=" h",
        ),
        average_energy=round(sum(energies) / len(energies), 1) if energies else None,
        pressure_days=sum(1 for c in in_range if c.is_pressure_driven),
        interest_days=sum(1 for c in in_range if c.drive and c.drive <= Drive.MORE_INTEREST),
        checked_in_days=len(in_range),
    )


def sleep_against_next_day_energy(
    checkins: Iterable[CheckIn], first: dt.date, last: dt.date
) -> list[SleepPair]:
    """Each night's sleep against the energy of the day that followed it.

    A check-in's sleep hours describe the night before its day, so they pair with that same
    check-in's energy.
    """
    return [
        SleepPair(c.checked_in_on - dt.timedelta(days=1), float(c.sleep_hours), c.energy)
        for c in checkins
        if first <= c.checked_in_on <= last and c.sleep_hours is not None
    ]
