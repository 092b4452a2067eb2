"""A Pacewise JSON export restored into a new or empty account.

The export (apps/accounts/export.py) is the format: every section the apps registered
(apps/accounts/registry.py) comes back, in the order they were registered, so a row finds what
it points at (a tag before the check-ins that carry it, an audit before its moments), with the
file's ids mapped onto the new rows' ids. Timestamps come back as they were. What belonged to
the old account and not to the person's history stays behind, each for the reason its section
gives. The whole file is checked first, row by row against the models' own rules, and restored
in one transaction: a bad file saves nothing.
"""

import datetime as dt
import json

from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction

from apps.accounts import export, registry
from apps.accounts.models import User
from apps.accounts.registry import Section


class BadExport(ValueError):
    """What is wrong with the file, said to the person."""


def restored_lists() -> list[Section]:
    return [s for s in registry.SECTIONS if s.restored and not s.single]


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
    for section in registry.SECTIONS:
        if not section.restored:
            continue
        if section.single and not isinstance(data.get(section.name) or {}, dict):
            raise BadExport(f"The “{named(section.name)}” part of the file is not an object.")
        if not section.single and not isinstance(data.get(section.name, []), list):
            raise BadExport(f"The “{named(section.name)}” part of the file is not a list.")
    return data


def named(section: str) -> str:
    """ "check_in_tags" as the page says it: "check-in tags"."""
    return section.replace("check_in", "check-in").replace("_", " ")


def counts(data: dict) -> list[tuple[str, int]]:
    """What the export holds, part by part, leaving out the empty parts."""
    found = [(named(s.name), len(data.get(s.name, []))) for s in restored_lists()]
    return [(name, n) for name, n in found if n]


def left_behind() -> list[tuple[str, str]]:
    return [
        (named(s.name).capitalize(), s.not_restored) for s in registry.SECTIONS if not s.restored
    ]


def total(data: dict) -> int:
    return sum(len(data.get(s.name, [])) for s in restored_lists())


def is_empty(user: User) -> bool:
    """Whether the account holds nothing the person made (a new account's starter tags aside)."""
    return not any(
        s.model.objects.filter(user=user).exists() for s in registry.SECTIONS if s.authored
    )


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
        ids: dict[str, dict] = {}
        restored = []
        for section in registry.SECTIONS:
            if not section.restored:
                continue
            if section.single:
                section.restore_single(user, data.get(section.name) or None)
                continue
            if section.replaced:
                section.model.objects.filter(user=user).delete()
            made = restore_section(user, section, data.get(section.name, []), ids, today)
            if made:
                restored.append((named(section.name), len(made)))
    return restored


def restore_section(
    user: User, section: Section, rows: list[dict], ids: dict[str, dict], today: dt.date
) -> list[models.Model]:
    links = [f.name for f in section.model._meta.concrete_fields if f.is_relation]
    objects, keys = [], []
    for number, row in enumerate(rows, start=1):
        if not isinstance(row, dict):
            raise BadExport(f"{label(section)}, row {number}: not an object.")
        values = {c: row.get(c) for c in section.columns if c != "id"}
        for column, target in section.refers.items():
            if values.get(column) is not None:
                try:
                    values[column] = ids[target][values[column]]
                except (KeyError, TypeError):
                    raise BadExport(
                        f"{label(section)}, row {number}: it points at a row of "
                        f"{named(target)} the file does not have."
                    ) from None
        obj = (
            section.build(values, number, ids, today) if section.build else section.model(**values)
        )
        if section.owner:
            setattr(obj, section.owner, user)
        # A row's links are not checked one query each: they were mapped onto rows made just
        # before, or found among the curated content by the section's builder.
        check(obj, label(section), number, exclude=links)
        objects.append(obj)
        keys.append(row.get(section.key))
    made = section.model.objects.bulk_create(objects)
    # bulk_create stamps auto_now(_add) fields with the present; the export's times go back.
    stamps = [
        f.name
        for f in section.model._meta.concrete_fields
        if getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False)
    ]
    if stamps and made:
        for obj, row in zip(made, rows, strict=True):
            for name in stamps:
                if row.get(name):
                    setattr(obj, name, parse_time(row[name], section, name))
        section.model.objects.bulk_update(made, stamps, batch_size=500)
    if section.key in section.columns:
        ids[section.name] = dict(zip(keys, (obj.pk for obj in made), strict=True))
    return made


def label(section: Section) -> str:
    return named(section.name).capitalize()


def parse_time(value: object, section: Section, name: str) -> dt.datetime:
    try:
        moment = dt.datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    except ValueError:
        raise BadExport(f"{label(section)}: {name} “{value}” is not a time.") from None
    if moment.tzinfo is None:
        raise BadExport(f"{label(section)}: {name} “{value}” has no time zone.")
    return moment


def check(obj: models.Model, where: str, number: int, exclude: list[str] | None = None) -> None:
    """The model's own rules for each field (choices, lengths, ranges) and its constraints
    that need no other row."""
    try:
        obj.clean_fields(exclude=exclude)
    except ValidationError as error:
        field, messages = next(iter(error.message_dict.items()))
        raise BadExport(f"{where}, row {number}: {field}: {messages[0]}") from None
