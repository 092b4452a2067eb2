import datetime as dt
from collections.abc import Sequence

from apps.resources.models import Exercise


def pick_for_day[T](exercises: Sequence[T], day: dt.date, count: int = 2) -> list[T]:
    """A rotating window over the exercises: each day starts one further along the list.

    So the same exercise does not lead every day, and over a few days each gets its turn.
    """
    if not exercises:
        return []
    start = day.toordinal() % len(exercises)
    rotated = [*exercises[start:], *exercises[:start]]
    return rotated[: min(count, len(exercises))]


def suggestions(need: str, day: dt.date) -> list[dict]:
    """One or two published exercises serving the need named in today's check-in: what a link
    to each needs (slug, title, duration_minutes, summary), in the library's order."""
    return pick_for_day(Exercise.objects.for_need(need), day)
