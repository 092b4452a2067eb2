import datetime as dt
from collections.abc import Sequence

from apps.resources.models import Exercise


def pick_for_day(exercises: Sequence[Exercise], day: dt.date, count: int = 2) -> list[Exercise]:
    """A rotating window over the exercises: each day starts one further along the list.

    So the same exercise does not lead every day, and over a few days each gets its turn.
    """
    if not exercises:
        return []
    start = day.toordinal() % len(exercises)
    rotated = [*exercises[start:], *exercises[:start]]
    return rotated[: min(count, len(exercises))]


def suggestions(need: str, day: dt.date) -> list[Exercise]:
    """One or two published exercises serving the need named in today's check-in."""
    exercises = list(Exercise.objects.published().filter(need=need).order_by("order", "slug"))
    return pick_for_day(exercises, day)
