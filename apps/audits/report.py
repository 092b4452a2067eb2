"""What an audit's week says, computed in Python from its moments and commitments.

The caller loads the rows (one query each); nothing here touches the database, so a report costs
the same few queries however many moments the week holds.
"""

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from itertools import groupby

from apps.audits.models import Commitment, EnergyAudit, EnergyMoment
from apps.checkins.models import energy_band

# The heatmap always shows a waking day, 06:00 to 22:59, and stretches to any moment outside it.
DAY_FIRST_HOUR, DAY_LAST_HOUR = 6, 22
TOP = 3


def rounded(total: int, count: int) -> int:
    """The average of whole numbers rounded half up (5.5 is 6), unlike Python's round()."""
    return (2 * total + count) // (2 * count)


def local_day(moment: EnergyMoment, tz: dt.tzinfo) -> dt.date:
    return moment.occurred_at.astimezone(tz).date()


def by_local_day(
    moments: Sequence[EnergyMoment], tz: dt.tzinfo
) -> list[tuple[dt.date, list[EnergyMoment]]]:
    """Moments grouped by the person's local day, newest day first, in time order within it."""
    ordered = sorted(moments, key=lambda m: m.occurred_at)
    days = [(day, list(group)) for day, group in groupby(ordered, lambda m: local_day(m, tz))]
    return days[::-1]


# --- Heatmap ---------------------------------------------------------------------------------
LABEL_WIDTH, HEAD_HEIGHT, CELL_WIDTH, CELL_HEIGHT = 56, 28, 80, 24


@dataclass(frozen=True)
class HeatCell:
    day: dt.date
    hour: int
    x: float
    y: float
    count: int = 0
    average: float | None = None
    energy: int | None = None

    @property
    def band(self) -> str:
        return energy_band(self.energy) if self.energy is not None else ""

    @property
    def center_x(self) -> float:
        return self.x + (CELL_WIDTH - 2) / 2


@dataclass(frozen=True)
class HeatRow:
    hour: int
    y: float
    cells: list[HeatCell]

    @property
    def label(self) -> str:
        return f"{self.hour:02d}:00"


@dataclass(frozen=True)
class HeatColumn:
    day: dt.date
    x: float


@dataclass(frozen=True)
class Heatmap:
    columns: list[HeatColumn]
    rows: list[HeatRow]
    width: int
    height: int
    cell_width: int = CELL_WIDTH - 2
    cell_height: int = CELL_HEIGHT - 2
    label_x: int = LABEL_WIDTH - 8


def heatmap(days: Sequence[dt.date], moments: Iterable[EnergyMoment], tz: dt.tzinfo) -> Heatmap:
    """Average energy per local hour of day (rows) and day of the audit week (columns)."""
    energies: dict[tuple[dt.date, int], list[int]] = defaultdict(list)
    for moment in moments:
        local = moment.occurred_at.astimezone(tz)
        energies[local.date(), local.hour].append(moment.energy)
    hours = [hour for _day, hour in energies]
    first, last = min([DAY_FIRST_HOUR, *hours]), max([DAY_LAST_HOUR, *hours])
    rows = []
    for index, hour in enumerate(range(first, last + 1)):
        y = HEAD_HEIGHT + index * CELL_HEIGHT + 1
        cells = []
        for column, day in enumerate(days):
            x = LABEL_WIDTH + column * CELL_WIDTH + 1
            values = energies.get((day, hour), [])
            if values:
                total, count = sum(values), len(values)
                cell = HeatCell(
                    day, hour, x, y, count, round(total / count, 1), rounded(total, count)
                )
            else:
                cell = HeatCell(day, hour, x, y)
            cells.append(cell)
        rows.append(HeatRow(hour, y, cells))
    columns = [
        HeatColumn(day, LABEL_WIDTH + column * CELL_WIDTH + CELL_WIDTH / 2)
        for column, day in enumerate(days)
    ]
    return Heatmap(
        columns=columns,
        rows=rows,
        width=LABEL_WIDTH + len(days) * CELL_WIDTH + 4,
        height=HEAD_HEIGHT + len(rows) * CELL_HEIGHT + 4,
    )


# --- Activities, hours and decisions ---------------------------------------------------------
@dataclass(frozen=True)
class Activity:
    name: str
    count: int
    average_energy: float


def tidy(text: str) -> str:
    return " ".join(text.split())


def top_activities(moments: Iterable[EnergyMoment], effect: str) -> list[Activity]:
    """Activities named the same way (ignoring case and spacing), most often logged first."""
    groups: dict[str, list[EnergyMoment]] = defaultdict(list)
    for moment in moments:
        if moment.effect == effect:
            groups[tidy(moment.activity).casefold()].append(moment)
    activities = [
        Activity(
            name=Counter(tidy(m.activity) for m in group).most_common(1)[0][0],
            count=len(group),
            average_energy=round(sum(m.energy for m in group) / len(group), 1),
        )
        for group in groups.values()
    ]
    # Among equally frequent ones, the most draining drain and the most restoring recharger lead.
    sign = 1 if effect == EnergyMoment.Effect.DRAINS else -1
    activities.sort(key=lambda a: (-a.count, sign * a.average_energy, a.name.casefold()))
    return activities[:TOP]


@dataclass(frozen=True)
class DecisionGroup:
    key: str
    label: str
    commitments: list[Commitment]


UNDECIDED_LABEL = "Not decided yet"


def decision_groups(commitments: Iterable[Commitment]) -> list[DecisionGroup]:
    by_decision: dict[str, list[Commitment]] = defaultdict(list)
    for commitment in commitments:
        by_decision[commitment.decision].append(commitment)
    choices = [*Commitment.Decision.choices, ("", UNDECIDED_LABEL)]
    return [
        DecisionGroup(key, label, by_decision[key]) for key, label in choices if by_decision[key]
    ]


@dataclass(frozen=True)
class Hours:
    aligned: Decimal
    other: Decimal
    by_value: list[tuple[str, Decimal]]

    @property
    def total(self) -> Decimal:
        return self.aligned + self.other

    @property
    def aligned_share(self) -> int | None:
        """Percent of committed hours that serve one of the person's values."""
        return round(self.aligned * 100 / self.total) if self.total else None


def commitment_hours(commitments: Iterable[Commitment]) -> Hours:
    aligned, other = Decimal(0), Decimal(0)
    by_value: dict[str, Decimal] = defaultdict(Decimal)
    for commitment in commitments:
        if commitment.is_values_aligned:
            aligned += commitment.hours_per_week
            by_value[commitment.personal_value.name] += commitment.hours_per_week
        else:
            other += commitment.hours_per_week
    ranked = sorted(by_value.items(), key=lambda item: (-item[1], item[0]))
    return Hours(aligned, other, ranked)


# --- Highs and lows ---------------------------------------------------------------------------
MIN_MOMENTS_FOR_HIGHS = 5
MIN_SPREAD = 2  # points between a week's lowest and highest moment before either stands out


def highs_and_lows(
    moments: Sequence[EnergyMoment],
) -> tuple[list[EnergyMoment], list[EnergyMoment], str]:
    """The moments above and below the person's own average (up to TOP each), or why none.

    Relative to their week, not to the scale: a 3 is a high in a week of ones and twos.
    """
    if len(moments) < MIN_MOMENTS_FOR_HIGHS:
        return (
            [],
            [],
            (
                f"Log at least {MIN_MOMENTS_FOR_HIGHS} moments to see your highs and lows "
                f"(so far {len(moments)})."
            ),
        )
    energies = [m.energy for m in moments]
    low, high = min(energies), max(energies)
    if high - low < MIN_SPREAD:
        span = f"at {low}" if low == high else f"between {low} and {high}"
        return [], [], f"Your energy stayed {span} all week: no moment stands out."
    average = sum(energies) / len(energies)
    highs = sorted(
        (m for m in moments if m.energy > average), key=lambda m: (-m.energy, m.occurred_at)
    )
    lows = sorted(
        (m for m in moments if m.energy < average), key=lambda m: (m.energy, m.occurred_at)
    )
    return highs[:TOP], lows[:TOP], ""


# --- The report ------------------------------------------------------------------------------
@dataclass
class Report:
    moments_count: int
    days_logged: int
    average_energy: float | None
    drains_count: int
    recharges_count: int
    highs: list[EnergyMoment]
    lows: list[EnergyMoment]
    highs_note: str  # why there are no highs and lows to show, if there are none
    top_drains: list[Activity]
    top_rechargers: list[Activity]
    hours: Hours
    decisions: list[DecisionGroup]
    decisions_count: int
    heatmap: Heatmap
    decision_counts: dict[str, int] = field(default_factory=dict)

    @property
    def top_drain(self) -> Activity | None:
        return self.top_drains[0] if self.top_drains else None

    @property
    def top_recharger(self) -> Activity | None:
        return self.top_rechargers[0] if self.top_rechargers else None


def build_report(
    audit: EnergyAudit,
    moments: Sequence[EnergyMoment],
    commitments: Sequence[Commitment],
    tz: dt.tzinfo,
) -> Report:
    energies = [m.energy for m in moments]
    highs, lows, highs_note = highs_and_lows(moments)
    decided = Counter(c.decision for c in commitments if c.decision)
    return Report(
        moments_count=len(moments),
        days_logged=len({local_day(m, tz) for m in moments}),
        average_energy=round(sum(energies) / len(energies), 1) if energies else None,
        drains_count=sum(1 for m in moments if m.effect == EnergyMoment.Effect.DRAINS),
        recharges_count=sum(1 for m in moments if m.effect == EnergyMoment.Effect.RECHARGES),
        highs=highs,
        lows=lows,
        highs_note=highs_note,
        top_drains=top_activities(moments, EnergyMoment.Effect.DRAINS),
        top_rechargers=top_activities(moments, EnergyMoment.Effect.RECHARGES),
        hours=commitment_hours(commitments),
        decisions=decision_groups(commitments),
        decisions_count=sum(decided.values()),
        heatmap=heatmap(audit.days, moments, tz),
        decision_counts={
            label: decided[key] for key, label in Commitment.Decision.choices if decided[key]
        },
    )
