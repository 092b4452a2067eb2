"""The migrations that introduced encryption encrypt the plaintext already stored, and reversing
them decrypts it again."""

import datetime as dt

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from apps.audits.models import EnergyAudit
from apps.checkins.models import CheckIn, JournalEntry
from apps.planning.models import BoundaryStatement
from tests.checkins.conftest import local_today
from tests.lib.encryption import raw, read

BEFORE = [("checkins", "0001_initial"), ("planning", "0001_initial"), ("audits", "0002_initial")]


@pytest.mark.django_db(transaction=True)
def test_the_migrations_encrypt_existing_plaintext_and_reversing_decrypts_it(alice):
    executor = MigrationExecutor(connection)
    leaves = executor.loader.graph.leaf_nodes()
    executor.migrate(BEFORE)
    old = executor.loader.project_state(BEFORE).apps
    today = local_today(alice)
    note = old.get_model("checkins", "CheckIn").objects.create(
        user_id=alice.pk, checked_in_on=today, energy=4, need="rest", note="Plain note."
    )
    blank = old.get_model("checkins", "CheckIn").objects.create(
        user_id=alice.pk, checked_in_on=today - dt.timedelta(days=1), energy=4, need="rest"
    )
    body = old.get_model("checkins", "JournalEntry").objects.create(
        user_id=alice.pk, written_on=today, body="Plain body."
    )
    statement = old.get_model("planning", "BoundaryStatement").objects.create(
        user_id=alice.pk, area="work", text="Plain statement."
    )
    audit = old.get_model("audits", "EnergyAudit").objects.create(
        user_id=alice.pk, starts_on=today, ends_on=today, notes="Plain notes."
    )

    try:
        MigrationExecutor(connection).migrate(leaves)

        for model, field, pk, text in [
            (CheckIn, "note", note.pk, "Plain note."),
            (JournalEntry, "body", body.pk, "Plain body."),
            (BoundaryStatement, "text", statement.pk, "Plain statement."),
            (EnergyAudit, "notes", audit.pk, "Plain notes."),
        ]:
            assert raw(model, field, pk).startswith("gAAAAA")
            assert read(model, field, pk) == text
        assert raw(CheckIn, "note", blank.pk) == ""

        MigrationExecutor(connection).migrate(BEFORE)

        assert raw(CheckIn, "note", note.pk) == "Plain note."
        assert raw(JournalEntry, "body", body.pk) == "Plain body."
        assert raw(EnergyAudit, "notes", audit.pk) == "Plain notes."
    finally:
        MigrationExecutor(connection).migrate(leaves)
