"""What checkins keeps of a person (apps/accounts/registry.py): tags, check-ins and the tags
on each, safety signals, burnout self-checks and the journal."""

import datetime as dt

from django.db.models import F

from apps.accounts.registry import Section
from apps.accounts.restore import BadExport
from apps.checkins.models import BurnoutCheck, CheckIn, JournalEntry, SafetySignal, Tag

CheckInTag = CheckIn.tags.through


def checkin(values: dict, number: int, ids: dict, today: dt.date) -> CheckIn:
    """A check-in for a day that has not come yet is refused (a day that is not a date at all
    is refused with the model's own message)."""
    try:
        day = dt.date.fromisoformat(str(values.get("checked_in_on")))
    except ValueError:
        day = None
    if day is not None and day > today:
        raise BadExport(f"Check-ins, row {number}: {day} is after today.")
    return CheckIn(**values)


def checkin_tag(values: dict, number: int, ids: dict, today: dt.date) -> CheckInTag:
    """The file names a tag's check-in by its day (check-ins are one a day)."""
    return CheckInTag(checkin_id=values["checked_in_on"], tag_id=values["tag_id"])


SECTIONS = (
    Section(
        "tags",
        Tag,
        lambda user: Tag.objects.for_user(user).order_by("kind", "order", "pk"),
        ("id", "name", "kind", "order", "archived_at", "created_at"),
        replaced=True,
    ),
    Section(
        "check_ins",
        CheckIn,
        lambda user: CheckIn.objects.for_user(user).order_by("checked_in_on"),
        (
            "checked_in_on",
            "feeling",
            "also_felt",
            "energy",
            "need",
            "drive",
            "sleep_hours",
            "sleep_quality",
            "note",
            "is_quick",
            "is_backfilled",
            "created_at",
            "updated_at",
        ),
        key="checked_in_on",
        build=checkin,
    ),
    Section(
        "check_in_tags",
        CheckInTag,
        lambda user: CheckInTag.objects.filter(checkin__user=user).order_by(
            "checkin__checked_in_on", "tag_id"
        ),
        ("checked_in_on", "tag_id"),
        related={"checked_in_on": F("checkin__checked_in_on")},
        refers={"checked_in_on": "check_ins", "tag_id": "tags"},
        owner="",
        build=checkin_tag,
    ),
    Section(
        "safety_signals",
        SafetySignal,
        lambda user: SafetySignal.objects.for_user(user).order_by("created_at"),
        ("created_at",),
        history=False,
    ),
    Section(
        "burnout_checks",
        BurnoutCheck,
        lambda user: BurnoutCheck.objects.for_user(user).order_by("taken_on", "created_at"),
        ("taken_on", "answers", "skipped_work", "created_at"),
    ),
    Section(
        "journal_entries",
        JournalEntry,
        lambda user: JournalEntry.objects.for_user(user).order_by("written_on", "created_at"),
        ("written_on", "prompt_text", "body", "created_at", "updated_at"),
    ),
)
