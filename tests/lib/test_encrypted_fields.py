"""Free text is encrypted at rest: the columns hold Fernet tokens, the app reads plaintext, a
wrong key fails loudly, and the limits and widgets of the forms apply to the plaintext."""

import pytest
from django.apps import apps
from django.core.exceptions import FieldError, ValidationError
from django.urls import reverse

from apps.checkins.models import CheckIn, JournalEntry
from apps.lib.fields import DecryptionError, EncryptedTextField
from apps.planning.forms import PracticeForm
from tests.checkins.conftest import checkin, local_today
from tests.lib.encryption import KEY_A, KEY_B, entry, everything_encrypted, raw, read


def test_the_encrypted_fields_are_the_free_text_ones():
    encrypted = {
        f"{model._meta.label}.{field.name}"
        for model in apps.get_models()
        for field in model._meta.concrete_fields
        if isinstance(field, EncryptedTextField)
    }

    assert encrypted == {
        "imports.ImportJob.content",
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
