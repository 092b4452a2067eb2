"""What resources keeps of a person (apps/accounts/registry.py): the exercises they logged."""

import datetime as dt

from django.db.models import F

from apps.accounts.registry import Section
from apps.accounts.restore import BadExport
from apps.resources.models import Exercise, ExerciseLog


def exercise_log(values: dict, number: int, ids: dict, today: dt.date) -> ExerciseLog:
    """A log names its exercise by title: the curated one of that title here."""
    title = values.pop("exercise_title")
    if "exercises_by_title" not in ids:
        ids["exercises_by_title"] = {e.title: e for e in Exercise.objects.all()}
    exercise = ids["exercises_by_title"].get(title)
    if exercise is None:
        raise BadExport(f"Exercise logs, row {number}: no exercise called “{title}” here.")
    return ExerciseLog(exercise=exercise, **values)


SECTIONS = (
    Section(
        "exercise_logs",
        ExerciseLog,
        lambda user: ExerciseLog.objects.for_user(user).order_by("done_at"),
        ("exercise_title", "done_at", "energy_before", "energy_after"),
        related={"exercise_title": F("exercise__title")},
        build=exercise_log,
    ),
)
