"""What goes with your energy: tags, sleep and drive set side by side with the day's energy.

Averages of what a person noted, never causes: a sentence is written only where a difference
is at least a point, and the page says what the numbers cannot say.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from apps.checkins.models import CheckIn

MIN_DAYS = 5  # a tag, or a sleep band, needs this many days with it and without it
NOTABLE = 1.0  # points of energy before a difference is put into words
SLEEP_BANDS = (
    ("under 6 hours", 0, 6),
    ("6 to 7.5 hours", 6, 7.5),
    ("more than 7.5 hours", 7.5, 25),
)


@dataclass(frozen=True)
class Comparison:
    """Average energy on days with something, and on the other days, with their counts."""

    name: str
    days_with: int
    average_with: float
    days_without: int
    average_without: float

    @property
    def difference(self) -> float:
        return round(self.average_with - self.average_without, 1)

    @property
    def sentence(self) -> str:
        """A plain sentence where the difference is notable, else ""; never causal."""
        if abs(self.difference) < NOTABLE:
            return ""
        return (
            f"On days with {self.name} your energy averaged {self.average_with:.1f}, against "
            f"{self.average_without:.1f} without, over {self.days_with} and "
            f"{self.days_without} days."
        )


@dataclass(frozen=True)
class PressureShare:
    """How many of a tag's days leaned to pressure, against the days without it."""

    name: str
    pressure_with: int
    days_with: int
    pressure_without: int
    days_without: int

    @property
    def sentence(self) -> str:
        return (
            f"On days with {self.name}, {self.pressure_with} of {self.days_with} leaned to "
            f"pressure, against {self.pressure_without} of {self.days_without} without."
        )


@dataclass(frozen=True)
class Together:
    tags: list[Comparison]
    sleep: list[Comparison]
    pressure: list[PressureShare]

    @property
    def comparisons(self) -> list[Comparison]:
        """The tags', then the sleep bands': what the page puts in words and in its table."""
        return [*self.tags, *self.sleep]


def average(values: Sequence[int]) -> float:
    return round(sum(values) / len(values), 1)


def compare(name: str, checkins: Sequence[CheckIn], chosen: set[int]) -> Comparison | None:
    with_ = [c.energy for c in checkins if c.pk in chosen]
    without = [c.energy for c in checkins if c.pk not in chosen]
    if len(with_) < MIN_DAYS or len(without) < MIN_DAYS:
        return None
    return Comparison(name, len(with_), average(with_), len(without), average(without))


def what_goes_with_energy(
    checkins: Sequence[CheckIn], tagged: Iterable[tuple[int, str]]
) -> Together:
    """checkins: the range's check-ins; tagged: (check-in id, tag name) for each tag on them."""
    days_by_tag: dict[str, set[int]] = {}
    for checkin_id, name in tagged:
        days_by_tag.setdefault(name, set()).add(checkin_id)
    tags = [
        comparison
        for name, chosen in sorted(days_by_tag.items())
        if (comparison := compare(name, checkins, chosen))
    ]
    tags.sort(key=lambda c: (-abs(c.difference), c.name))
    slept = [c for c in checkins if c.sleep_hours is not None]
    sleep = [
        comparison
        for name, low, high in SLEEP_BANDS
        if (
            comparison := compare(
                f"{name} of sleep", slept, {c.pk for c in slept if low <= c.sleep_hours < high}
            )
        )
    ]
    driven = [c for c in checkins if c.drive is not None]
    pressure = []
    for name, chosen in sorted(days_by_tag.items()):
        with_ = [c for c in driven if c.pk in chosen]
        without = [c for c in driven if c.pk not in chosen]
        if len(with_) >= MIN_DAYS and len(without) >= MIN_DAYS:
            share = PressureShare(
                name,
                sum(c.is_pressure_driven for c in with_),
                len(with_),
                sum(c.is_pressure_driven for c in without),
                len(without),
            )
            if share.pressure_with / share.days_with > share.pressure_without / share.days_without:
                pressure.append(share)
    pressure.sort(key=lambda s: (-(s.pressure_with / s.days_with), s.name))
    return Together(tags, sleep, pressure)
