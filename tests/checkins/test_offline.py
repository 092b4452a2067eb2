"""Installable and offline: the manifest, the service worker, the public pages it keeps, and
check-ins sent from a device after the fact: once each, never over a newer one unannounced."""

import datetime as dt
import json
import re
import uuid

import pytest
import time_machine
from django.test import Client
from django.urls import reverse

from apps.checkins.models import CheckIn

pytestmark = [pytest.mark.django_db, pytest.mark.sqlite]
RECEIVE = reverse("checkins:offline-receive")
# Wednesday 2 December 2026, 12:00 in Berlin.
NOW = dt.datetime(2026, 12, 2, 11, 0, tzinfo=dt.UTC)
TODAY = dt.date(2026, 12, 2)


@pytest.fixture(autouse=True)
def _noon():
    with time_machine.travel(NOW, tick=False):
        yield


def sent(day=TODAY, saved_at=NOW, client_id=None, **fields) -> dict:
    return {
        "client_id": str(client_id or uuid.uuid4()),
        "day": day.isoformat(),
        "energy": "3",
        "need": "rest",
        "note": "On the train.",
        "saved_at": saved_at.isoformat(),
        **fields,
    }


def test_the_manifest_makes_the_site_installable(client):
    response = client.get("/manifest.webmanifest")
    manifest = json.loads(response.content)

    assert response["Content-Type"] == "application/manifest+json"
    assert (manifest["name"], manifest["short_name"]) == ("Pacewise", "Pacewise")
    assert (manifest["start_url"], manifest["display"]) == ("/today/", "standalone")
    assert manifest["theme_color"] == "#2f6f62"
    sizes = {(icon["sizes"], icon.get("purpose", "any")) for icon in manifest["icons"]}
    assert {("192x192", "any"), ("512x512", "any"), ("512x512", "maskable")} <= sizes
    for icon in manifest["icons"]:
        assert client.get(icon["src"]).status_code == 200, icon["src"]


def test_the_service_worker_is_served_from_the_root_and_never_cached_stale(client):
    response = client.get("/sw.js?country=DE")
    script = response.content.decode()

    assert response["Content-Type"].startswith("text/javascript")
    assert response["Cache-Control"] == "no-cache"
    assert response["Service-Worker-Allowed"] == "/"
    precache = json.loads(re.search(r"const PRECACHE = (\[.*?\]);", script).group(1))
    assert "/offline/?country=DE" in precache
    assert "/offline/check-in/" in precache
    assert not [url for url in precache if url.startswith(("/today", "/journal", "/checkins"))]
    assert "&quot;" not in script


def test_an_unknown_country_gets_the_general_offline_page(client):
    script = client.get("/sw.js?country=ZZ").content.decode()

    assert '"/offline/"' in script


def test_the_kept_pages_hold_nothing_of_the_signed_in_person(alice_client, alice):
    offline = alice_client.get("/offline/?country=DE").content.decode()
    shell = alice_client.get("/offline/check-in/").content.decode()

    assert "Telefonseelsorge" in offline or "112" in offline
    for page in (offline, shell):
        assert "Alice" not in page
        assert "alice@example.com" not in page
        assert "csrfmiddlewaretoken" not in page
        assert "Sign out" not in page
    assert "data-offline-checkin" in shell
    assert 'name="energy" value="10"' in shell


def test_signed_in_pages_link_the_manifest_and_load_the_offline_script(alice_client):
    page = alice_client.get(reverse("checkins:today")).content.decode()

    assert '<link rel="manifest" href="/manifest.webmanifest">' in page
    assert "js/offline.js" in page
    assert 'data-country="DE"' in page
    assert "data-signout" in page


def test_a_check_in_made_offline_is_saved_once(alice_client, alice):
    data = sent()

    first = alice_client.post(RECEIVE, data)
    second = alice_client.post(RECEIVE, data)

    assert first.json() == {
        "status": "saved",
        "message": "Your check-in for Wednesday 2 December, made offline, is saved.",
    }
    assert second.json()["status"] == "duplicate"
    checkin = CheckIn.objects.get(user=alice)
    assert (checkin.energy, checkin.need, checkin.note, checkin.is_quick) == (
        3,
        "rest",
        "On the train.",
        True,
    )
    assert str(checkin.client_id) == data["client_id"]


def test_a_newer_check_in_of_the_day_is_kept_and_the_device_is_told(alice_client, alice):
    CheckIn.objects.create(user=alice, checked_in_on=TODAY, energy=7, need="connection")

    response = alice_client.post(RECEIVE, sent(saved_at=NOW - dt.timedelta(hours=2)))

    assert response.status_code == 409
    assert response.json()["status"] == "kept"
    assert "that newer check-in is kept" in response.json()["message"]
    assert CheckIn.objects.get(user=alice).energy == 7


def test_an_older_check_in_of_the_day_is_replaced_and_the_device_is_told(alice_client, alice):
    with time_machine.travel(NOW - dt.timedelta(hours=3), tick=False):
        CheckIn.objects.create(user=alice, checked_in_on=TODAY, energy=7, need="connection")

    response = alice_client.post(RECEIVE, sent())

    assert response.json()["status"] == "replaced"
    assert CheckIn.objects.get(user=alice).energy == 3


def test_yesterdays_offline_check_in_is_marked_as_filled_in_later(alice_client, alice):
    alice_client.post(RECEIVE, sent(day=TODAY - dt.timedelta(days=1)))

    assert CheckIn.objects.get(user=alice).is_backfilled is True


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"day": TODAY + dt.timedelta(days=1)}, "day"),
        ({"day": TODAY - dt.timedelta(days=8)}, "day"),
        ({"energy": "11"}, "energy"),
        ({"need": "sleep"}, "need"),
        ({"client_id": "not-a-uuid"}, "client_id"),
    ],
)
def test_a_bad_offline_check_in_is_refused_and_saves_nothing(alice_client, fields, field):
    response = alice_client.post(RECEIVE, sent(**fields))

    assert response.status_code == 422
    assert field in response.json()["errors"]
    assert CheckIn.objects.count() == 0


def test_the_same_device_id_for_two_people_is_two_check_ins(alice_client, alice, charlie, client):
    data = sent(client_id=uuid.uuid4())
    alice_client.post(RECEIVE, data)
    client.force_login(charlie)

    assert client.post(RECEIVE, {**data, "day": "2026-12-01"}).json()["status"] == "saved"
    assert CheckIn.objects.count() == 2


def test_the_sync_gets_a_token_and_a_signed_out_device_gets_nothing(alice_client):
    token = alice_client.get(RECEIVE)
    signed_out = Client()

    assert len(token.json()["csrf"]) >= 32
    assert "no-store" in token["Cache-Control"]
    assert signed_out.get(RECEIVE).status_code == 302
    assert signed_out.post(RECEIVE, sent()).status_code == 302
