import datetime as dt
from collections.abc import Sequence

from django.db import connections

from apps.resources.models import Exercise

# Written out: Today asks it on every visit once the day's check-in is saved, and building it
# with the ORM took three times as long as the database took to answer it.
FOR_NEED = """
    SELECT slug, title, duration_minutes, summary FROM resources_exercise
    WHERE is_published AND need = %s
    ORDER BY "order", slug
"""
COLUMNS = ("slug", "title", "duration_minutes", "summary")


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
    with connections[Exercise.objects.db].cursor() as cursor:
        cursor.execute(FOR_NEED, [need])
        exercises = [dict(zip(COLUMNS, row, strict=True)) for row in cursor.fetchall()]
    return pick_for_day(exercises, day)
