"""What planning keeps of a person (apps/accounts/registry.py): values, the week's actions and
reflections, boundary statements and their practice, rest windows and share links."""

import datetime as dt

from django.db.models import F

from apps.accounts.registry import Section
from apps.planning.models import (
    BoundaryPractice,
    BoundaryStatement,
    PersonalValue,
    RestWindow,
    ShareLink,
    WeeklyAction,
    WeekReflection,
)
from apps.resources.models import Value


def personal_value(values: dict, number: int, ids: dict, today: dt.date) -> PersonalValue:
    """A value names the curated value by its name; one not curated here becomes the person's
    own, under that name."""
    name = values.pop("curated_value")
    if "values_by_name" not in ids:
        ids["values_by_name"] = {v.name: v for v in Value.objects.all()}
    curated = ids["values_by_name"].get(name) if name else None
    if name and curated is None:
        values["own_name"] = values.get("own_name") or name
    return PersonalValue(value=curated, **values)


SECTIONS = (
    Section(
        "personal_values",
        PersonalValue,
        lambda user: PersonalValue.objects.for_user(user).order_by("rank", "pk"),
        ("id", "curated_value", "own_name", "why", "rank", "created_at"),
        related={"curated_value": F("value__name")},
        build=personal_value,
    ),
    Section(
        "weekly_actions",
        WeeklyAction,
        lambda user: WeeklyAction.objects.for_user(user).order_by("week_of", "created_at"),
        (
            "week_of",
            "title",
            "personal_value_id",
            "status",
            "weekday",
            "hours",
            "created_at",
            "updated_at",
        ),
        refers={"personal_value_id": "personal_values"},
    ),
    Section(
        "week_reflections",
        WeekReflection,
        lambda user: WeekReflection.objects.for_user(user).order_by("week_of"),
        ("week_of", "text", "updated_at"),
    ),
    Section(
        "boundary_statements",
        BoundaryStatement,
        lambda user: BoundaryStatement.objects.for_user(user).order_by("created_at", "pk"),
        ("id", "area", "template", "text", "created_at", "updated_at"),
    ),
    Section(
        "boundary_practices",
        BoundaryPractice,
        lambda user: BoundaryPractice.objects.filter(statement__user=user).order_by(
            "practised_on", "pk"
        ),
        ("statement_id", "practised_on", "outcome", "how_it_went", "created_at"),
        refers={"statement_id": "boundary_statements"},
        owner="",
    ),
    Section(
        "rest_windows",
        RestWindow,
        lambda user: RestWindow.objects.for_user(user).order_by("starts_at"),
        (
            "starts_at",
            "ends_at",
            "activities",
            "avoid",
            "rested",
            "reflection",
            "created_at",
            "updated_at",
        ),
    ),
    Section(
        "share_links",
        ShareLink,
        lambda user: ShareLink.objects.for_user(user).order_by("created_at"),
        (
            "label",
            "include_values",
            "include_actions",
            "include_boundaries",
            "include_rest",
            "expires_at",
            "revoked_at",
            "created_at",
        ),
        not_restored="their secret addresses were the old account's, and are not in the export",
    ),
)
