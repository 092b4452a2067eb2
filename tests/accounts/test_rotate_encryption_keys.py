"""`manage.py rotate_encryption_keys` moves every encrypted value to the newest key, and stops
on a value no key decrypts."""

import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from apps.checkins.models import CheckIn, JournalEntry
from tests.checkins.conftest import checkin
from tests.lib.encryption import KEY_A, KEY_B, entry, everything_encrypted, raw, read

pytestmark = pytest.mark.django_db


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


def test_rotation_stops_on_a_value_no_key_decrypts(alice, settings):
    settings.FIELD_ENCRYPTION_KEYS = [KEY_A]
    entry(alice, "Written under A.")
    settings.FIELD_ENCRYPTION_KEYS = [KEY_B]

    with pytest.raises(CommandError, match=r"checkins\.JournalEntry: .*put back the key"):
        call_command("rotate_encryption_keys", stdout=io.StringIO())
