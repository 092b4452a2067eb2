"""Everything a person has written in Pacewise, as JSON or as a zip of CSV files, streamed.

Both formats are generated while they are sent: each section reads its rows in chunks from a
server-side cursor, so years of check-ins never sit in memory at once. Sections are flat lists
(moments, commitments and practices carry the id of their audit or statement), the same shape
in both formats. Times are UTC, ISO 8601. Secrets are left out: share-link and calendar-feed
tokens, authenticator keys and recovery codes, and the push addresses and keys of devices.
"""

import csv
import datetime as dt
import io
import json
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.db.models import F

from apps.accounts.models import SecurityEvent, User
from apps.audits.models import Commitment, EnergyAudit, EnergyMoment
from apps.checkins.models import BurnoutCheck, CheckIn, JournalEntry, SafetySignal, Tag
from apps.outbox.models import Message, PushSubscription
from apps.planning.models import (
    BoundaryPractice,
    BoundaryStatement,
    PersonalValue,
    RestWindow,
    ShareLink,
    WeeklyAction,
    WeekReflection,
)
from apps.reminders.models import Preferences
from apps.resources.models import ExerciseLog

FORMAT = "pacewise-export"
VERSION = 1
CHUNK_SIZE = 500
# Bytes gathered before a piece goes to the client: fewer, larger writes than one per row.
FLUSH_AT = 64 * 1024
# A spreadsheet runs a cell starting with one of these as a formula (OWASP CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class Section:
    """One list in the export: a JSON key and a CSV file of the same name."""

    name: str
    model: type[models.Model]
    rows_of: Callable[[User], models.QuerySet]
    columns: tuple[str, ...]
    # Columns read across a relation, e.g. the curated value's name.
    related: dict[str, F] = field(default_factory=dict)
    single: bool = False  # one object (or none), not a list

    def rows(self, user: User) -> Iterator[dict]:
        plain = [column for column in self.columns if column not in self.related]
        query = self.rows_of(user).values(*plain, **self.related)
        for row in query.iterator(chunk_size=CHUNK_SIZE):
            yield {column: row[column] for column in self.columns}


SECTIONS = (
    Section(
        "profile",
        User,
        lambda user: User.objects.filter(pk=user.pk),
        (
            "email",
            "display_name",
            "time_zone",
            "country",
            "self_check_due_on",
            "date_joined",
            "last_login",
        ),
        single=True,
    ),
    Section(
        "email_addresses",
        EmailAddress,
        lambda user: EmailAddress.objects.filter(user=user).order_by("pk"),
        ("email", "primary", "verified"),
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
    ),
    Section(
        "tags",
        Tag,
        lambda user: Tag.objects.for_user(user).order_by("kind", "order", "pk"),
        ("id", "name", "kind", "order", "archived_at", "created_at"),
    ),
    Section(
        "check_in_tags",
        CheckIn.tags.through,
        lambda user: CheckIn.tags.through.objects.filter(checkin__user=user).order_by(
            "checkin__checked_in_on", "tag_id"
        ),
        ("checked_in_on", "tag_id"),
        related={"checked_in_on": F("checkin__checked_in_on")},
    ),
    Section(
        "safety_signals",
        SafetySignal,
        lambda user: SafetySignal.objects.for_user(user).order_by("created_at"),
        ("created_at",),
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
    Section(
        "energy_audits",
        EnergyAudit,
        lambda user: EnergyAudit.objects.for_user(user).order_by("starts_on", "pk"),
        ("id", "starts_on", "ends_on", "ended_early_on", "notes", "created_at"),
    ),
    Section(
        "energy_moments",
        EnergyMoment,
        lambda user: EnergyMoment.objects.filter(audit__user=user).order_by("occurred_at", "pk"),
        ("audit_id", "occurred_at", "energy", "activity", "effect", "created_at"),
    ),
    Section(
        "commitments",
        Commitment,
        lambda user: Commitment.objects.filter(audit__user=user).order_by("audit_id", "pk"),
        (
            "audit_id",
            "title",
            "hours_per_week",
            "personal_value_id",
            "decision",
            "delegate_to",
            "postpone_until",
            "weekday",
            "created_at",
        ),
    ),
    Section(
        "personal_values",
        PersonalValue,
        lambda user: PersonalValue.objects.for_user(user).order_by("rank", "pk"),
        ("id", "curated_value", "own_name", "why", "rank", "created_at"),
        related={"curated_value": F("value__name")},
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
    ),
    Section(
        "exercise_logs",
        ExerciseLog,
        lambda user: ExerciseLog.objects.for_user(user).order_by("done_at"),
        ("exercise_title", "done_at", "energy_before", "energy_after"),
        related={"exercise_title": F("exercise__title")},
    ),
    Section(
        "reminder_preferences",
        Preferences,
        lambda user: Preferences.objects.filter(user=user),
        (
            "checkin_enabled",
            "checkin_time",
            "checkin_days",
            "rest_enabled",
            "rest_heads_up_hours",
            "summary_enabled",
            "summary_weekday",
            "summary_time",
            "checkin_via",
            "rest_via",
            "summary_via",
            "quiet_start",
            "quiet_end",
            "paused_until",
        ),
        single=True,
    ),
    Section(
        "notification_devices",
        PushSubscription,
        lambda user: PushSubscription.objects.filter(user=user).order_by("created_at", "pk"),
        ("label", "created_at"),
    ),
    Section(
        "emails_sent",
        Message,
        lambda user: Message.objects.for_user(user).order_by("created_at", "pk"),
        ("channel", "kind", "ref", "due_at", "status", "sent_at"),
    ),
    Section(
        "two_factor_methods",
        Authenticator,
        lambda user: Authenticator.objects.filter(user=user).order_by("created_at"),
        ("type", "created_at", "last_used_at"),
    ),
    Section(
        "security_events",
        SecurityEvent,
        lambda user: SecurityEvent.objects.for_user(user).order_by("created_at", "pk"),
        ("kind", "network", "created_at"),
    ),
)


def filename(user: User, extension: str) -> str:
    return f"pacewise-export-{user.local_now().date().isoformat()}.{extension}"


# --- JSON ------------------------------------------------------------------------------------
def json_chunks(user: User) -> Iterator[bytes]:
    """One JSON object, written a section at a time and a chunk of rows at a time."""

    def dumps(value: object) -> str:
        return json.dumps(value, cls=DjangoJSONEncoder, ensure_ascii=False)

    head = {"format": FORMAT, "version": VERSION, "exported_at": dt.datetime.now(tz=dt.UTC)}
    out = io.StringIO()
    out.write(dumps(head)[:-1])  # the header's keys, with the object left open
    for section in SECTIONS:
        out.write(f", {dumps(section.name)}: ")
        if section.single:
            rows = list(section.rows(user))  # at most one
            out.write(dumps(rows[0] if rows else None))
            continue
        separator = "[\n  "
        for row in section.rows(user):
            out.write(separator + dumps(row))
            separator = ",\n  "
            if out.tell() >= FLUSH_AT:
                yield out.getvalue().encode()
                out.seek(0)
                out.truncate()
        out.write("[]" if separator.startswith("[") else "\n]")
    out.write("}\n")
    yield out.getvalue().encode()


# --- A zip of CSV files ----------------------------------------------------------------------
def neutralise(value: str) -> str:
    """Text a spreadsheet would run as a formula is quoted, so it is only ever shown."""
    return f"'{value}" if value.startswith(FORMULA_STARTS) else value


def csv_cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.date | dt.time):  # datetimes included
        return value.isoformat()
    if isinstance(value, int | Decimal):
        return str(value)
    if isinstance(value, dict | list):  # a JSON field: its JSON, as in the JSON download
        return neutralise(json.dumps(value, ensure_ascii=False))
    return neutralise(str(value))


class ZipStream:
    """A write-only file for ZipFile: it keeps what was written until the generator takes it.

    It has no tell() or seek(), so zipfile writes a streamable archive (data descriptors after
    each entry) instead of going back to patch sizes into the headers.
    """

    def __init__(self) -> None:
        self._chunks: list[bytes] = []
        self.size = 0

    def write(self, data: bytes) -> int:
        self._chunks.append(bytes(data))
        self.size += len(data)
        return len(data)

    def flush(self) -> None:
        pass

    def take(self) -> bytes:
        data = b"".join(self._chunks)
        self._chunks.clear()
        self.size = 0
        return data


README = f"""Your data from Pacewise
=======================

One CSV file per kind of thing you wrote, UTF-8 with a byte-order mark so spreadsheets read
accents correctly. Times are in UTC (ISO 8601). Energy moments and commitments name their
audit by audit_id; boundary practices name their statement by statement_id.

Text that a spreadsheet would run as a formula (starting with =, +, -, @) begins with a single
quote (') so that it is only ever shown.

Format: {FORMAT}, version {VERSION}.
"""


def csv_zip_chunks(user: User) -> Iterator[bytes]:
    pipe = ZipStream()
    with zipfile.ZipFile(pipe, mode="w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("README.txt", README)
        for section in SECTIONS:
            with archive.open(f"{section.name}.csv", mode="w") as entry:
                text = io.StringIO()
                writer = csv.writer(text)
                text.write("\ufeff")
                writer.writerow(section.columns)
                for row in section.rows(user):
                    writer.writerow([csv_cell(row[column]) for column in section.columns])
                    if text.tell() >= FLUSH_AT:
                        entry.write(text.getvalue().encode())
                        text.seek(0)
                        text.truncate()
                        if pipe.size >= FLUSH_AT:
                            yield pipe.take()
                entry.write(text.getvalue().encode())
            yield pipe.take()
    yield pipe.take()
