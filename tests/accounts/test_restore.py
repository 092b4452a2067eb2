"""A Pacewise JSON export restored into a new account: every restorable part comes back field by
field; a bad file, or an account that already has a history, saves nothing."""

import datetime as dt
import json
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from apps.accounts import export, registry, restore
from apps.accounts.personal_data import PROFILE
from apps.checkins.models import CheckIn, SafetySignal, Tag
from apps.imports.models import ImportJob
from apps.reminders.models import Preferences, Reminder
from tests.accounts.userdata import fill
from tests.conftest import make_user
from tests.failing import statement_fails

pytestmark = [pytest.mark.django_db, pytest.mark.sqlite]
UPLOAD = reverse("imports:upload")


def exported(user) -> dict:
    return json.loads(b"".join(export.json_chunks(user)))


MOMENT = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$")


def moment(value: object) -> object:
    """A time as a time: the export writes milliseconds, and none at all when they are zero
    ("…:24Z" and "…:24.000Z" are the same moment)."""
    if isinstance(value, str) and MOMENT.match(value):
        return dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    return value


def comparable(data: dict) -> dict:
    """The restorable parts, each row's own id and the ids it points at replaced by positions
    (the new rows have new ids), the rest as it is."""
    sections = restore.restored_lists()
    positions = {
        section.name: {row["id"]: n for n, row in enumerate(data[section.name])}
        for section in sections
        if data[section.name] and "id" in data[section.name][0]
    }
    parts = {}
    for section in sections:
        rows = []
        for row in data[section.name]:
            row = {name: moment(value) for name, value in row.items()}
            if "id" in row:
                row["id"] = positions[section.name][row["id"]]
            for column, target in section.refers.items():
                if row.get(column) is not None and target in positions:
                    row[column] = positions[target][row[column]]
            rows.append(row)
        parts[section.name] = rows
    parts["profile"] = {name: data["profile"][name] for name in PROFILE}
    parts["reminder_preferences"] = data["reminder_preferences"]
    return parts


def test_every_part_of_a_full_account_round_trips_field_by_field(alice):
    fill(alice)
    original = exported(alice)
    bob = make_user("bob@example.com", display_name="", time_zone="UTC")
    Tag.objects.create_defaults(bob)  # what sign-up gives a new account

    restore.restore(bob, original, timezone.localdate())

    before, after = comparable(original), comparable(exported(bob))
    assert after.keys() == before.keys()
    for part in before:
        assert after[part] == before[part], part
    for section in restore.restored_lists():
        assert before[section.name], f"{section.name}: the seeded account has none to compare"
    assert {s.name for s in registry.SECTIONS if s.single} == {"profile", "reminder_preferences"}
    assert Reminder.objects.filter(user=bob, kind="checkin").exists()


def upload(client, content: bytes):
    file = SimpleUploadedFile("pacewise-export.json", content, "application/json")
    return client.post(UPLOAD, {"kind": "pacewise", "file": file})


def test_a_restore_through_the_pages_previews_then_restores(client, alice):
    fill(alice)  # dated today in UTC, which is never a future day in UTC
    content = b"".join(export.json_chunks(alice))
    charlie = make_user("charlie@example.com", display_name="Charlie", time_zone="UTC")
    client.force_login(charlie)

    response = upload(client, content)
    job = ImportJob.objects.get(user=charlie)
    url = reverse("imports:job", args=[job.pk])
    preview = client.get(url).content.decode()
    client.post(url)

    assert response["Location"] == url
    assert "<li>Check-ins: 1</li>" in preview
    assert "<li>Journal entries: 1</li>" in preview
    assert "Two factor methods: their secret keys are never exported" in preview
    job.refresh_from_db()
    assert (job.status, job.content) == ("done", "")
    assert CheckIn.objects.filter(user=charlie).count() == 1
    assert (
        "Done. Your history is back: exercise logs 1, tags 1, check-ins 1, check-in tags 1,"
        in client.get(url).content.decode()
    )


def test_an_account_with_a_history_is_not_restored_into(alice_client, alice, charlie):
    fill(charlie)
    CheckIn.objects.create(user=alice, checked_in_on=timezone.localdate(), energy=5, need="rest")

    response = upload(alice_client, b"".join(export.json_chunks(charlie)))

    assert response.status_code == 422
    assert "This account already has a history." in response.content.decode()
    assert CheckIn.objects.filter(user=alice).count() == 1


def test_a_new_account_that_asked_for_crisis_help_can_still_restore_its_history(
    alice_client, alice, charlie
):
    fill(charlie)
    SafetySignal.objects.create(user=alice)  # "I'm not safe right now", before anything else

    response = upload(alice_client, b"".join(export.json_chunks(charlie)))

    assert response.status_code == 302
    assert ImportJob.objects.get(user=alice).status == ImportJob.Status.PREVIEW


def bad(data: dict, section: str, **row: object) -> bytes:
    data = json.loads(json.dumps(data))
    data[section][0].update(row)
    return json.dumps(data).encode()


@pytest.fixture
def charlies_export(charlie) -> dict:
    fill(charlie)
    return exported(charlie)


@pytest.mark.parametrize(
    ("content", "error"),
    [
        (b'{"format": "pacewise-export",\n "version": 1,,}', "Line 2: the file is not valid JSON"),
        (b'{"format": "daylio"}', "This is not a Pacewise export"),
        (b'{"format": "pacewise-export", "version": 7}', "This export is version 7"),
        (("check_ins", {"energy": 11}), "Check-ins, row 1: energy: Ensure this value is less"),
        (("check_ins", {"need": "sleep"}), "Check-ins, row 1: need: Value 'sleep' is not a valid"),
        (("check_ins", {"checked_in_on": "2099-01-01"}), "Check-ins, row 1: 2099-01-01 is after"),
        (("commitments", {"audit_id": 999999}), "Commitments, row 1: it points at a row of"),
        (("journal_entries", {"written_on": "soon"}), "Journal entries, row 1: written_on:"),
    ],
)
def test_a_bad_export_is_refused_whole(alice_client, alice, charlies_export, content, error):
    if isinstance(content, tuple):
        section, row = content
        content = bad(charlies_export, section, **row)

    response = upload(alice_client, content)

    assert response.status_code == 422
    assert error in response.content.decode().replace("&#x27;", "'")
    assert ImportJob.objects.filter(user=alice).count() == 0
    assert CheckIn.objects.filter(user=alice).count() == 0
    assert not Tag.objects.filter(user=alice, name="=meetings").exists()


def test_a_file_holding_a_day_twice_is_refused(alice_client, charlies_export):
    data = json.loads(json.dumps(charlies_export))
    data["check_ins"].append(dict(data["check_ins"][0]))

    response = upload(alice_client, json.dumps(data).encode())

    assert response.status_code == 422
    assert "two check-ins on a day" in response.content.decode()


def test_the_reminder_settings_are_only_the_persons_own(alice_client, alice, charlie):
    theirs = Preferences.objects.for_user(charlie)
    data = {
        "format": export.FORMAT,
        "version": export.VERSION,
        "reminder_preferences": {"user_id": charlie.pk, "pk": charlie.pk, "summary_weekday": 4},
    }

    restore.restore(alice, data, timezone.localdate())

    assert Preferences.objects.get(user=alice).summary_weekday == 4
    theirs.refresh_from_db()
    assert theirs.summary_weekday == 0


def test_a_restore_that_fails_half_way_keeps_nothing_of_the_file_and_says_so(client, alice):
    fill(alice)
    charlie = make_user("charlie@example.com", display_name="Charlie", time_zone="UTC")
    client.force_login(charlie)
    upload(client, b"".join(export.json_chunks(alice)))
    url = reverse("imports:job", args=[ImportJob.objects.get(user=charlie).pk])

    with statement_fails("INSERT", "checkins_journalentry") as ran:
        client.post(url)  # the go-ahead

    assert any(sql.startswith('INSERT INTO "checkins_checkin"') for sql in ran)  # it came first
    assert not CheckIn.objects.filter(user=charlie).exists()
    assert not Tag.objects.filter(user=charlie, name="=meetings").exists()
    page = client.get(url).content.decode()
    assert "nothing of the file was restored and your account is as it was" in page
