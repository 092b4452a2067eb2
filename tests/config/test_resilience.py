import pytest
from django.db import OperationalError, connection
from django.test import Client
from django.urls import reverse

from apps.checkins.models import JournalEntry

pytestmark = pytest.mark.django_db


@pytest.fixture
def database_down():
    """Every statement fails as a refused connection would, through Django's execute_wrapper."""

    def refuse(execute, sql, params, many, context):
        raise OperationalError("connection to server at 127.0.0.1 failed: Connection refused")

    with connection.execute_wrapper(refuse):
        yield


def test_with_the_database_down_the_crisis_page_still_shows_the_emergency_number(database_down):
    response = Client().get(reverse("resources:crisis"))

    assert response.status_code == 200
    assert "Call your local emergency number" in response.text


def test_with_the_database_down_pages_answer_a_friendly_503(alice, database_down):
    client = Client(raise_request_exception=False)

    response = client.get(reverse("resources:library"))

    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "Pacewise is taking a short break." in response.text
    assert "Call your local emergency number" in response.text
    assert '<main id="main"' in response.text


def test_a_signed_in_page_with_the_database_down_is_also_a_503(alice_client, database_down):
    alice_client.raise_request_exception = False

    response = alice_client.get(reverse("checkins:today"))

    assert response.status_code == 503
    assert response["Cache-Control"] == "private, no-store"


def test_healthz_reports_each_store(client):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json() == {"database": "ok", "cache": "ok", "broker": "ok"}
    assert "no-store" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]


def test_healthz_says_which_store_is_down(client, database_down):
    response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json()["database"] == "unavailable"
    assert response.json()["cache"] == "ok"


def test_an_oversized_body_is_refused_cleanly_and_saves_nothing(alice_client):
    alice_client.raise_request_exception = False

    response = alice_client.post(
        reverse("checkins:journal-create"), {"written_on": "2026-01-01", "body": "x" * 600_000}
    )

    assert response.status_code == 400
    assert "That request could not be read." in response.text
    assert not JournalEntry.objects.exists()


@pytest.mark.parametrize(
    ("name", "kwargs", "limit"),
    [
        ("planning:share-view", {"token": "x" * 43}, 60),
        ("reminders:unsubscribe", {"token": "nonsense"}, 30),
    ],
)
def test_public_token_endpoints_are_rate_limited(client, name, kwargs, limit):
    url = reverse(name, kwargs=kwargs)
    statuses = [client.get(url).status_code for _ in range(limit + 1)]

    assert set(statuses[:limit]) == {404}
    assert statuses[limit] == 429
