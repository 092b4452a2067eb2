"""Helpers for the tests of encryption at rest: two throwaway keys, the raw column, a journal
entry, a row in every encrypted field, and the value read back through the ORM."""

import datetime as dt

from cryptography.fernet import Fernet
from django.db import connection
from django.utils import timezone

from apps.audits.models import Commitment, EnergyAudit, EnergyMoment
from apps.checkins.models import CheckIn, JournalEntry
from apps.planning.models import BoundaryPractice, BoundaryStatement, RestWindow, WeekReflection
from tests.checkins.conftest import checkin, local_today

KEY_A = Fernet.generate_key().decode()
KEY_B = Fernet.generate_key().decode()


def raw(model, field: str, pk: int) -> str:
    """The value exactly as stored in the column, past the ORM."""
    table, column = model._meta.db_table, model._meta.get_field(field).column
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT {connection.ops.quote_name(column)} FROM {connection.ops.quote_name(table)} "  # noqa: S608
            "WHERE id = %s",
            [pk],
        )
        return cursor.fetchone()[0]


def entry(user, body: str, days_ago: int = 0) -> JournalEntry:
    return JournalEntry.objects.create(
        user=user, written_on=local_today(user) - dt.timedelta(days=days_ago), body=body
    )


def everything_encrypted(user) -> dict[tuple[type, str], tuple[int, str]]:
    """One row with a value in every encrypted field: {(model, field): (pk, plaintext)}."""
    now = timezone.now()
    note = checkin(user, note="Tired but proud.")
    journal = entry(user, "Dear diary, the river was calm.")
    statement = BoundaryStatement.objects.create(user=user, area="work", text="Not after 18:00.")
    practice = BoundaryPractice.objects.create(
        statement=statement, practised_on=now.date(), outcome="hard", how_it_went="They sulked."
    )
    reflection = WeekReflection.objects.create(user=user, week_of=now.date(), text="Slower week.")
    window = RestWindow.objects.create(
        user=user,
        starts_at=now,
        ends_at=now + dt.timedelta(hours=24),
        activities="A long bath.",
        avoid="Email.",
        reflection="It helped.",
    )
    audit = EnergyAudit.objects.create(
        user=user, starts_on=now.date(), ends_on=now.date(), notes="Mornings are hard."
    )
    moment = EnergyMoment.objects.create(
        audit=audit, occurred_at=now, energy=3, activity="Status meeting", effect="drains"
    )
    commitment = Commitment.objects.create(audit=audit, title="Choir", hours_per_week=2)
    return {
        (CheckIn, "note"): (note.pk, "Tired but proud."),
        (JournalEntry, "body"): (journal.pk, "Dear diary, the river was calm."),
        (BoundaryStatement, "text"): (statement.pk, "Not after 18:00."),
        (BoundaryPractice, "how_it_went"): (practice.pk, "They sulked."),
        (WeekReflection, "text"): (reflection.pk, "Slower week."),
        (RestWindow, "activities"): (window.pk, "A long bath."),
        (RestWindow, "avoid"): (window.pk, "Email."),
        (RestWindow, "reflection"): (window.pk, "It helped."),
        (EnergyAudit, "notes"): (audit.pk, "Mornings are hard."),
        (EnergyMoment, "activity"): (moment.pk, "Status meeting"),
        (Commitment, "title"): (commitment.pk, "Choir"),
    }


def read(model, field: str, pk: int) -> str:
    return getattr(model.objects.get(pk=pk), field)
