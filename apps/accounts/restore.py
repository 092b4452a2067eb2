"""A Pacewise JSON export restored into a new or empty account.

The export (apps/accounts/export.py) is the format: every section it writes comes back, in the
order that lets a row find what it points at (a tag before the check-ins that carry it, an audit
before its moments), with its own ids mapped onto the new rows' ids. Timestamps come back as they
were. What belonged to the old account and not to the person's history stays behind, each for
a reason (NOT_RESTORED). The whole file is checked first, row by row against the models' own
rules, and restored in one transaction: a bad file saves nothing.
"""

import datetime as dt
import json
from collections.abc import Callable
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction

from apps.accounts import export
from apps.accounts.models import User
from apps.audits.models import Commitment, EnergyAudit, EnergyMoment
from apps.checkins.models import BurnoutCheck, CheckIn, JournalEntry, SafetySignal, Tag
from apps.planning.models import (
    BoundaryPractice,
    BoundaryStatement,
    PersonalValue,
    RestWindow,
    WeeklyAction,
    WeekReflection,
)
from apps.reminders.models import Preferences, Reminder
from apps.resources.models import Exercise, ExerciseLog, Value

NOT_RESTORED = {
    "email_addresses": "the new account signs in with its own address",
    "share_links": "their secret addresses were the old account's, and are not in the export",
    "emails_sent": "a record of what was sent to the old account",
    "notification_devices": "each browser's subscription is its own: turn notifications on again",
    "two_factor_methods": "their secret keys are never exported: set it up again",
    "security_events": "the old account's sign-ins",
}
PROFILE = ("display_name", "time_zone", "country", "self_check_due_on")
# Rows a new account may already have and that a restore replaces: the starter tags.
REPLACED = (Tag,)


class BadExport(ValueError):
    """What is wrong with the file, said to the person."""


@dataclass(frozen=True)
class Part:
    """How one section of the export becomes rows: its model, the columns that point at rows
    restored before it (column -> the section whose ids it names), and what else it needs."""

    section: str
    model: type[models.Model]
    refers: dict[str, str]
    owner: str = "user"  # the field that makes a row the person's, if it has one


PARTS = (
    Part("tags", Tag, {}),
    Part("check_ins", CheckIn, {}),
    Part("check_in_tags", CheckIn.tags.through, {"tag_id": "tags"}, owner=""),
    Part("safety_signals", SafetySignal, {}),
    Part("burnout_checks", BurnoutCheck, {}),
    Part("journal_entries", JournalEntry, {}),
    Part("personal_values", PersonalValue, {}),
    Part("energy_audits", EnergyAudit, {}),
    Part("energy_moments", EnergyMoment, {"audit_id": "energy_audits"}, owner=""),
    Part(
        "commitments",
        Commitment,
        {"audit_id": "energy_audits", "personal_value_id": "personal_values"},
        owner="",
    ),
    Part("weekly_actions", WeeklyAction, {"personal_value_id": "personal_values"}),
    Part("week_reflections", WeekReflection, {}),
    Part("boundary_statements", BoundaryStatement, {}),
    Part("boundary_practices", BoundaryPractice, {"statement_id": "boundary_statements"}, ""),
    Part("rest_windows", RestWindow, {}),
    Part("exercise_logs", ExerciseLog, {}),
)
SECTIONS = {section.name: section for section in export.SECTIONS}
# A row's links are not checked one query each: they were mapped onto rows made just before.
RELATIONS = {
    part.section: [f.name for f in part.model._meta.concrete_fields if f.is_relation]
    for part in PARTS
}
# Whatever a person has made in Pacewise: an account holding any of it is not empty.
AUTHORED = (
    CheckIn,
    JournalEntry,
    BurnoutCheck,
    EnergyAudit,
    PersonalValue,
    WeeklyAction,
    WeekReflection,
    BoundaryStatement,
    RestWindow,
    ExerciseLog,
)


def load(text: str) -> dict:
    """The export's JSON, checked for its shape; BadExport if it is not one."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise BadExport(
            f"Line {error.lineno}: the file is not valid JSON there ({error.msg})."
        ) from None
    if not isinstance(data, dict) or data.get("format") != export.FORMAT:
        raise BadExport(
            "This is not a Pacewise export: download one from Account → Your data → JSON."
        )
    if data.get("version") != export.VERSION:
        raise BadExport(
            f"This export is version {data.get('version')}; this Pacewise restores version "
            f"{export.VERSION}."
        )
    for part in PARTS:
        if not isinstance(data.get(part.section, []), list):
            raise BadExport(f"The “{named(part.section)}” part of the file is not a list.")
    for single in ("profile", "reminder_preferences"):
        if not isinstance(data.get(single) or {}, dict):
            raise BadExport(f"The “{named(single)}” part of the file is not an object.")
    return data


def named(section: str) -> str:
    """ "check_in_tags" as the page says it: "check-in tags"."""
    return section.replace("check_in", "check-in").replace("_", " ")


def counts(data: dict) -> list[tuple[str, int]]:
    """What the export holds, part by part, leaving out the empty parts."""
    found = [(named(p.section), len(data.get(p.section, []))) for p in PARTS]
    return [(name, n) for name, n in found if n]


def left_behind() -> list[tuple[str, str]]:
    return [(named(section).capitalize(), why) for section, why in NOT_RESTORED.items()]


def total(data: dict) -> int:
    return sum(len(data.get(part.section, [])) for part in PARTS)


def is_empty(user: User) -> bool:
    return not any(model.objects.filter(user=user).exists() for model in AUTHORED)


def dry_run(user: User, data: dict, today: dt.date) -> None:
    """The whole restore, rolled back: BadExport now, at upload, rather than after the go-ahead."""
    with transaction.atomic():
        restore(user, data, today)
        transaction.set_rollback(True)


def restore(user: User, data: dict, today: dt.date) -> list[tuple[str, int]]:
    """Every section into the account, in one transaction; BadExport, and nothing saved, at
    the first row the models would refuse."""
    try:
        return restore_all(user, data, today)
    except IntegrityError:
        raise BadExport(
            "The file holds the same thing twice where Pacewise keeps one: two check-ins on "
            "a day, two tags of one name, or a tag twice on a check-in."
        ) from None


def restore_all(user: User, data: dict, today: dt.date) -> list[tuple[str, int]]:
    with transaction.atomic():
        User.objects.lock_row(user)
        if not is_empty(user):
            raise BadExport(
                "This account already has a history. A Pacewise export is restored into a new, "
                "empty account, so that nothing is mixed or overwritten."
            )
        for model in REPLACED:
            model.objects.filter(user=user).delete()
        restore_profile(user, data.get("profile") or {})
        ids: dict[str, dict] = {}
        restored = []
        for part in PARTS:
            made = restore_part(user, part, data.get(part.section, []), ids, today)
            if made:
                restored.append((named(part.section), len(made)))
        restore_preferences(user, data.get("reminder_preferences"))
        Reminder.objects.reschedule(user)
    return restored


def restore_profile(user: User, profile: dict) -> None:
    for name in PROFILE:
        if name in profile:
            setattr(user, name, profile[name] if profile[name] is not None else "")
    user.self_check_due_on = profile.get("self_check_due_on") or None
    check(user, "profile", 1, exclude=["password", "email"])
    user.save(update_fields=PROFILE)


def restore_preferences(user: User, row: dict | None) -> None:
    if not row:
        return
    prefs = Preferences.objects.for_user(user)
    for name in SECTIONS["reminder_preferences"].columns:  # never its user, never its key
        if name in row:
            setattr(prefs, name, row[name])
    check(prefs, "reminder_preferences", 1)
    prefs.save()


def restore_part(
    user: User, part: Part, rows: list[dict], ids: dict[str, dict], today: dt.date
) -> list[models.Model]:
    columns = SECTIONS[part.section].columns
    build = BUILDERS.get(part.section, plain)
    objects, old_ids = [], []
    for number, row in enumerate(rows, start=1):
        if not isinstance(row, dict):
            raise BadExport(f"{label(part)}, row {number}: not an object.")
        values = {c: row.get(c) for c in columns if c != "id"}
        for column, section in part.refers.items():
            if values.get(column) is not None:
                try:
                    values[column] = ids[section][values[column]]
                except (KeyError, TypeError):
                    raise BadExport(
                        f"{label(part)}, row {number}: it points at a row of "
                        f"{section.replace('_', ' ')} the file does not have."
                    ) from None
        obj = build(part, values, number, ids)
        if part.owner:
            setattr(obj, part.owner, user)
        check(obj, label(part), number, exclude=RELATIONS[part.section])
        if part.section == "check_ins" and obj.checked_in_on > today:
            raise BadExport(f"{label(part)}, row {number}: {obj.checked_in_on} is after today.")
        objects.append(obj)
        old_ids.append(row.get("id"))
    made = part.model.objects.bulk_create(objects)
    # bulk_create stamps auto_now(_add) fields with the present; the export's times go back.
    stamps = [
        f.name
        for f in part.model._meta.concrete_fields
        if getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False)
    ]
    if stamps and made:
        for obj, row in zip(made, rows, strict=True):
            for name in stamps:
                if row.get(name):
                    setattr(obj, name, parse_time(row[name], part, name))
        part.model.objects.bulk_update(made, stamps, batch_size=500)
    if "id" in columns:
        ids[part.section] = dict(zip(old_ids, (obj.pk for obj in made), strict=True))
    if part.section == "check_ins":
        ids["check_ins_by_day"] = {str(obj.checked_in_on): obj.pk for obj in made}
    return made


def label(part: Part) -> str:
    return named(part.section).capitalize()


def parse_time(value: object, part: Part, name: str) -> dt.datetime:
    try:
        moment = dt.datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    except ValueError:
        raise BadExport(f"{label(part)}: {name} “{value}” is not a time.") from None
    if moment.tzinfo is None:
        raise BadExport(f"{label(part)}: {name} “{value}” has no time zone.")
    return moment


def check(obj: models.Model, where: str, number: int, exclude: list[str] | None = None) -> None:
    """The model's own rules for each field (choices, lengths, ranges) and its constraints
    that need no other row."""
    try:
        obj.clean_fields(exclude=exclude)
    except ValidationError as error:
        field, messages = next(iter(error.message_dict.items()))
        raise BadExport(f"{where}, row {number}: {field}: {messages[0]}") from None


def plain(part: Part, values: dict, number: int, ids: dict) -> models.Model:
    return part.model(**values)


def check_in_tag(part: Part, values: dict, number: int, ids: dict) -> models.Model:
    day = values.pop("checked_in_on")
    checkin = ids["check_ins_by_day"].get(day)
    if checkin is None:
        raise BadExport(f"Check-in tags, row {number}: there is no check-in on {day} in the file.")
    return part.model(checkin_id=checkin, tag_id=values["tag_id"])


def personal_value(part: Part, values: dict, number: int, ids: dict) -> models.Model:
    name = values.pop("curated_value")
    if "values_by_name" not in ids:
        ids["values_by_name"] = {v.name: v for v in Value.objects.all()}
    curated = ids["values_by_name"].get(name) if name else None
    if name and curated is None:
        values["own_name"] = values.get("own_name") or name
    return part.model(value=curated, **values)


def exercise_log(part: Part, values: dict, number: int, ids: dict) -> models.Model:
    title = values.pop("exercise_title")
    if "exercises_by_title" not in ids:
        ids["exercises_by_title"] = {e.title: e for e in Exercise.objects.all()}
    exercise = ids["exercises_by_title"].get(title)
    if exercise is None:
        raise BadExport(f"Exercise logs, row {number}: no exercise called “{title}” here.")
    return part.model(exercise=exercise, **values)


BUILDERS: dict[str, Callable[..., models.Model]] = {
    "check_in_tags": check_in_tag,
    "personal_values": personal_value,
    "exercise_logs": exercise_log,
}
