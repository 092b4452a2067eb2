"""Free text is encrypted at rest: the columns hold Fernet tokens, the app reads plaintext, a
wrong key fails loudly, keys rotate with `manage.py rotate_encryption_keys`, and the journal
search and form limits work as before."""

import datetime as dt
import io
import re

import pytest
from cryptography.fernet import Fernet
from django.apps import apps
from django.core.exceptions import FieldError, ValidationError
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse
from django.utils import timezone

from apps.audits.models import Commitment, EnergyAudit, EnergyMoment
from apps.checkins.models import CheckIn, JournalEntry
from apps.lib.fields import DecryptionError, EncryptedTextField
from apps.planning.forms import PracticeForm
from apps.planning.models import BoundaryPractice, BoundaryStatement, RestWindow, WeekReflection
from tests.checkins.conftest import checkin, local_today
from tests.config.test_deploy import PRODUCTION_ENV, manage

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


def test_the_encrypted_fields_are_the_free_text_ones():
    encrypted = {
        f"{model._meta.label}.{field.name}"
        for model in apps.get_models()
        for field in model._meta.concrete_fields
        if isinstance(field, EncryptedTextField)
    }

    assert encrypted == {
        "checkins.CheckIn.note",
        "checkins.JournalEntry.body",
        "planning.BoundaryStatement.text",
        "planning.BoundaryPractice.how_it_went",
        "planning.WeekReflection.text",
        "planning.RestWindow.activities",
        "planning.RestWindow.avoid",
        "planning.RestWindow.reflection",
        "audits.EnergyAudit.notes",
        "audits.EnergyMoment.activity",
        "audits.Commitment.title",
    }


@pytest.mark.django_db
def test_the_database_holds_tokens_and_the_app_reads_plaintext(alice):
    rows = everything_encrypted(alice)

    for (model, field), (pk, plaintext) in rows.items():
        stored = raw(model, field, pk)
        assert plaintext not in stored, (model, field)
        assert stored.startswith("gAAAAA"), (model, field)  # a Fernet token, version 0x80
        assert read(model, field, pk) == plaintext
    # Also through values(), which bypasses model instances.
    assert list(JournalEntry.objects.values_list("body", flat=True)) == [
        "Dear diary, the river was calm."
    ]


@pytest.mark.django_db
def test_the_same_text_twice_is_stored_as_two_different_tokens(alice):
    first, second = entry(alice, "Same words."), entry(alice, "Same words.", days_ago=1)

    assert raw(JournalEntry, "body", first.pk) != raw(JournalEntry, "body", second.pk)


@pytest.mark.django_db
def test_an_empty_value_stays_empty_and_can_still_be_filtered_on(alice):
    blank = checkin(alice, note="")
    checkin(alice, days_ago=1, note="Something.")

    assert raw(CheckIn, "note", blank.pk) == ""
    assert read(CheckIn, "note", blank.pk) == ""
    assert list(CheckIn.objects.filter(note="")) == [blank]
    assert CheckIn.objects.exclude(note="").count() == 1


@pytest.mark.django_db
def test_the_database_cannot_be_asked_to_search_or_match_ciphertext(alice):
    entry(alice, "river")

    with pytest.raises(FieldError, match="Unsupported lookup 'icontains'"):
        JournalEntry.objects.filter(body__icontains="river")
    with pytest.raises(ValueError, match='can only be compared with ""'):
        JournalEntry.objects.filter(body="river")


@pytest.mark.django_db
def test_a_wrong_key_raises_instead_of_showing_ciphertext(alice, settings):
    settings.FIELD_ENCRYPTION_KEYS = [KEY_A]
    mine = entry(alice, "Only for me.")
    token = raw(JournalEntry, "body", mine.pk)

    settings.FIELD_ENCRYPTION_KEYS = [KEY_B]

    with pytest.raises(DecryptionError, match=r"checkins\.JournalEntry\.body") as error:
        JournalEntry.objects.get(pk=mine.pk)
    assert token not in str(error.value)
    with pytest.raises(DecryptionError):
        list(JournalEntry.objects.values_list("body", flat=True))


@pytest.mark.django_db
def test_rotation_moves_every_value_to_the_newest_key(alice, settings):
    settings.FIELD_ENCRYPTION_KEYS = [KEY_A]
    rows = everything_encrypted(alice)
    blank = checkin(alice, days_ago=3, note="")
    before = {key: raw(key[0], key[1], pk) for key, (pk, _text) in rows.items()}
    updated_at = JournalEntry.objects.get().updated_at

    settings.FIELD_ENCRYPTION_KEYS = [KEY_B, KEY_A]
    call_command("rotate_encryption_keys", batch_size=2, stdout=(output := io.StringIO()))
    out = output.getvalue()

    assert "checkins.JournalEntry (body): 1 re-encrypted, 0 already under the newest key." in out
    assert "planning.RestWindow (activities, avoid, reflection): 3 re-encrypted" in out
    assert "Done: 11 values re-encrypted." in out
    settings.FIELD_ENCRYPTION_KEYS = [KEY_B]  # the old key is gone
    for (model, field), (pk, plaintext) in rows.items():
        assert raw(model, field, pk) != before[model, field]
        assert read(model, field, pk) == plaintext
    assert raw(CheckIn, "note", blank.pk) == ""
    assert JournalEntry.objects.get().updated_at == updated_at  # rotation is not an edit

    call_command("rotate_encryption_keys", stdout=(output := io.StringIO()))
    again = output.getvalue()
    assert "Done: 0 values re-encrypted." in again
    assert "checkins.JournalEntry (body): 0 re-encrypted, 1 already under the newest key." in again


@pytest.mark.django_db
def test_rotation_stops_on_a_value_no_key_decrypts(alice, settings):
    settings.FIELD_ENCRYPTION_KEYS = [KEY_A]
    entry(alice, "Written under A.")
    settings.FIELD_ENCRYPTION_KEYS = [KEY_B]

    with pytest.raises(CommandError, match=r"checkins\.JournalEntry: .*put back the key"):
        call_command("rotate_encryption_keys", stdout=io.StringIO())


# --- The journal search, decrypted in Python ---------------------------------------------------
@pytest.mark.django_db
def test_search_is_case_insensitive_and_only_looks_at_own_entries(alice_client, alice, charlie):
    entry(alice, "Walked by the RIVER with Straße in mind.", days_ago=1)
    entry(alice, "Said no to the late meeting.")
    entry(charlie, "Charlie's river thoughts.")

    found = alice_client.post(reverse("checkins:journal"), {"q": "river"}, follow=True).text
    casefolded = alice_client.post(reverse("checkins:journal"), {"q": "STRASSE"}, follow=True).text

    assert "1 entry mention" in found
    assert "Walked by the RIVER" in found
    assert "late meeting" not in found
    assert "Charlie" not in found
    assert "Walked by the RIVER" in casefolded


@pytest.mark.django_db
def test_search_results_are_paginated_newest_first(alice_client, alice):
    for n in range(30):
        entry(alice, f"Day {n}: {'a quiet walk' if n % 6 else 'nothing much'}", days_ago=n)

    first = alice_client.post(reverse("checkins:journal"), {"q": "WALK"}, follow=True).text
    second = alice_client.get(reverse("checkins:journal"), {"search": 1, "page": 2}).text

    assert "25 entries mention" in first
    days = [int(n) for n in re.findall(r"Day (\d+):", first)]
    assert days == sorted(days)
    assert len(days) == 20
    assert "Page 1 of 2" in first
    assert len(re.findall(r"Day (\d+):", second)) == 5
    assert "nothing much" not in first + second


# --- Limits apply to the plaintext -----------------------------------------------------------
@pytest.mark.django_db
def test_form_and_model_limits_still_apply_to_the_plaintext(alice_client, alice):
    response = alice_client.post(
        reverse("checkins:day", args=[local_today(alice).isoformat()]),
        {
            "feeling": "drained",
            "energy": "3",
            "need": "rest",
            "note": "x" * 501,
        },
    )
    assert "Keep the note under 500 characters (it has 501)." in response.text
    assert not CheckIn.objects.exists()

    note = checkin(alice, note="x" * 500)  # exactly at the limit: the token is longer, fine
    assert len(raw(CheckIn, "note", note.pk)) > 500
    note.note = "x" * 501
    with pytest.raises(ValidationError, match="at most 500 characters"):
        note.full_clean()


def test_a_one_line_field_keeps_its_one_line_input():
    form = PracticeForm(data={"how_it_went": "y" * 301})

    html = str(form["how_it_went"])
    assert html.startswith('<input type="text" name="how_it_went"')
    assert 'maxlength="300"' in html
    assert not form.is_valid()
    assert form.errors["how_it_went"] == ["Keep the note under 300 characters."]


# --- Production settings -----------------------------------------------------------------------
@pytest.mark.parametrize(
    ("keys", "error"),
    [
        ("", "FIELD_ENCRYPTION_KEYS must be set"),
        ("KjWW8zVyKiVR1qiVE5uymnwkIJL0ofN7Go3J3vD-zao=", "must not include the development-only"),
        ("not-a-key", "key 1 is not a Fernet key"),
    ],
)
def test_production_refuses_missing_development_or_malformed_keys(keys, error):
    result = manage("check", env={**PRODUCTION_ENV, "FIELD_ENCRYPTION_KEYS": keys})

    assert result.returncode != 0
    assert error in result.stderr
    assert "not-a-key" not in result.stderr


# --- The migrations that introduced encryption ---------------------------------------------------
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
