import csv
import datetime as dt
import io
import json
import secrets
import zipfile

import pytest
from django.urls import reverse

from apps.accounts import export
from apps.accounts.models import SecurityEvent
from apps.checkins.models import CheckIn
from tests.accounts.userdata import FORMULA, fill, owned_models
from tests.conftest import PASSWORD

pytestmark = [pytest.mark.django_db, pytest.mark.sqlite]
URL = reverse("accounts:export")
# Kept out of the export, each for a reason: schedules the app derives, credentials, plumbing.
NOT_EXPORTED = {
    "reminders.reminder": "schedules derived from the preferences and rest windows",
    "planning.calendarfeed": "a secret feed address, nothing the person wrote",
    "admin.logentry": "staff actions in the admin",
    "account.emailconfirmation": "a pending verification key",
    "accounts.user_groups": "permissions, not personal data",
    "accounts.user_user_permissions": "permissions, not personal data",
    "imports.importjob": "a working copy of a file the person uploaded, kept until imported",
}


@pytest.fixture
def reauthed(alice_client):
    alice_client.post(reverse("account_reauthenticate"), {"password": PASSWORD})
    return alice_client


def download(client, fmt: str) -> bytes:
    response = client.post(URL, {"format": fmt})
    assert response.status_code == 200
    assert response.streaming
    return b"".join(response.streaming_content)


def test_a_signed_out_visitor_is_sent_to_sign_in(client):
    response = client.post(URL, {"format": "json"})

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_it_asks_for_the_password_again_before_showing_or_sending_anything(alice_client):
    for response in (alice_client.get(URL), alice_client.post(URL, {"format": "json"})):
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("account_reauthenticate"))
    assert not SecurityEvent.objects.filter(kind=SecurityEvent.Kind.EXPORTED).exists()


def test_once_the_password_is_confirmed_the_download_asked_for_starts(alice_client):
    response = alice_client.post(URL, {"format": "csv"})
    response = alice_client.post(response["Location"], {"password": PASSWORD})

    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    assert zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content))).testzip() is None


def test_after_reauthentication_the_page_offers_both_formats_as_post_buttons(reauthed):
    response = reauthed.get(URL)

    assert response.status_code == 200
    assert 'name="format" value="json"' in response.text
    assert 'name="format" value="csv"' in response.text


def test_the_json_download_holds_every_section_with_the_users_own_values(reauthed, alice, charlie):
    fill(alice)
    fill(charlie)

    response = reauthed.post(URL, {"format": "json"})
    data = json.loads(b"".join(response.streaming_content))

    assert response["Content-Type"] == "application/json"
    assert response["Cache-Control"] == "private, no-store"
    assert response["Content-Disposition"] == (
        f'attachment; filename="pacewise-export-{alice.local_now().date().isoformat()}.json"'
    )
    assert (data["format"], data["version"]) == ("pacewise-export", 1)
    assert set(data) - {"format", "version", "exported_at"} == {s.name for s in export.SECTIONS}
    assert data["profile"]["email"] == "alice@example.com"
    assert data["profile"]["time_zone"] == "Europe/Berlin"
    assert [e["email"] for e in data["email_addresses"]] == [
        "alice@example.com",
        "old.alice@example.com",
    ]
    [checkin] = data["check_ins"]
    assert (checkin["note"], checkin["energy"], checkin["sleep_hours"]) == (FORMULA, 3, "6.5")
    assert len(data["safety_signals"]) == 1
    assert data["journal_entries"][0]["body"] == "-I said no to the Friday call.\nIt felt good."
    [audit] = data["energy_audits"]
    assert audit["notes"] == "+1 week"
    assert data["energy_moments"][0] == data["energy_moments"][0] | {
        "audit_id": audit["id"],
        "activity": "@channel standup",
        "energy": 2,
    }
    [commitment] = data["commitments"]
    assert (commitment["audit_id"], commitment["title"], commitment["weekday"]) == (
        audit["id"],
        "Board",
        2,
    )
    values = {v["id"]: v for v in data["personal_values"]}
    assert commitment["personal_value_id"] in values
    assert [(v["curated_value"], v["own_name"]) for v in values.values()] == [
        ("Kindness", ""),
        (None, "Curiosity"),
    ]
    [action] = data["weekly_actions"]
    assert (action["title"], action["weekday"], action["hours"]) == ("A walk", 5, "1.5")
    assert data["week_reflections"][0]["text"] == "A calmer week."
    [statement] = data["boundary_statements"]
    assert statement["text"] == "Not after six."
    assert data["boundary_practices"][0]["statement_id"] == statement["id"]
    assert data["boundary_practices"][0]["how_it_went"] == "\tfine"
    assert data["rest_windows"][0]["activities"] == "Long walk"
    assert data["share_links"][0]["label"] == "Sam"
    assert "token" not in data["share_links"][0]
    assert (
        data["exercise_logs"][0] | {"exercise_title": "Box breathing", "energy_after": 6}
        == (data["exercise_logs"][0])
    )
    assert data["reminder_preferences"]["checkin_enabled"] is True
    assert data["emails_sent"][0]["kind"] == "checkin"
    assert data["two_factor_methods"] == [
        {
            "type": "totp",
            "created_at": data["two_factor_methods"][0]["created_at"],
            "last_used_at": None,
        }
    ]
    assert "JBSWY3DPEHPK3PXP" not in json.dumps(data)
    assert {e["kind"] for e in data["security_events"]} >= {"signed_in", "exported"}
    assert "charlie" not in json.dumps(data).lower()


def test_the_csv_zip_opens_and_formula_cells_are_neutralised(reauthed, alice):
    fill(alice)

    archive = zipfile.ZipFile(io.BytesIO(download(reauthed, "csv")))

    assert archive.testzip() is None
    assert set(archive.namelist()) == {"README.txt"} | {f"{s.name}.csv" for s in export.SECTIONS}

    def rows(name: str) -> list[dict]:
        text = archive.read(f"{name}.csv").decode("utf-8-sig")
        return list(csv.DictReader(io.StringIO(text)))

    assert rows("check_ins")[0]["note"] == "'" + FORMULA
    assert rows("check_ins")[0]["energy"] == "3"
    assert rows("journal_entries")[0]["body"].startswith("'-I said no")
    assert rows("energy_audits")[0]["notes"] == "'+1 week"
    assert rows("energy_moments")[0]["activity"] == "'@channel standup"
    assert rows("boundary_practices")[0]["how_it_went"] == "'\tfine"
    assert rows("rest_windows")[0]["activities"] == "Long walk"
    assert rows("profile")[0]["email"] == "alice@example.com"


def test_the_download_comes_in_pieces_as_it_is_written(alice):
    first = dt.date(2020, 1, 1)
    CheckIn.objects.bulk_create(
        CheckIn(
            user=alice,
            checked_in_on=first + dt.timedelta(days=n),
            energy=5,
            need="rest",
            note=secrets.token_hex(200),
        )
        for n in range(800)
    )

    assert len(list(export.json_chunks(alice))) > 2
    assert len(list(export.csv_zip_chunks(alice))) > 2


def test_a_sixth_download_within_the_hour_is_refused_kindly(reauthed):
    for _ in range(5):
        download(reauthed, "json")

    response = reauthed.post(URL, {"format": "csv"})

    assert response.status_code == 429
    assert "try again in an hour" in response.text
    assert SecurityEvent.objects.filter(kind=SecurityEvent.Kind.EXPORTED).count() == 5


def test_an_unknown_format_is_a_400_and_sends_nothing(reauthed):
    response = reauthed.post(URL, {"format": "xml"})

    assert response.status_code == 400
    assert not response.streaming


def test_every_model_holding_user_data_is_exported_or_left_out_for_a_reason():
    direct, children = owned_models()
    exported = {section.model._meta.label_lower for section in export.SECTIONS}
    owned = {model._meta.label_lower for model in direct | children}

    assert owned - exported == set(NOT_EXPORTED)
