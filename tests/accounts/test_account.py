import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone

pytestmark = pytest.mark.django_db
URL = reverse("accounts:account")


def test_it_shows_the_profile_and_the_security_links(alice_client):
    response = alice_client.get(URL)

    assert response.status_code == 200
    assert 'value="Alice"' in response.text
    assert reverse("mfa_index") in response.text
    assert reverse("account_change_password") in response.text


def test_a_plain_post_saves_and_redirects(alice_client, alice):
    response = alice_client.post(
        URL, {"display_name": "Al", "time_zone": "Asia/Kathmandu", "country": "NP"}
    )

    assert response.status_code == 302
    alice.refresh_from_db()
    assert (alice.display_name, alice.time_zone, alice.country.code) == (
        "Al",
        "Asia/Kathmandu",
        "NP",
    )


def test_an_htmx_post_returns_only_the_saved_card(alice_client, alice):
    response = alice_client.post(
        URL,
        {"display_name": "Al", "time_zone": "America/St_Johns", "country": ""},
        headers={"HX-Request": "true"},
    )

    assert response.status_code == 200
    assert "Your profile is saved." in response.text
    assert "<html" not in response.text
    alice.refresh_from_db()
    assert alice.time_zone == "America/St_Johns"


def test_an_unknown_time_zone_gets_an_error_keeps_the_input_and_saves_nothing(alice_client, alice):
    response = alice_client.post(
        URL, {"display_name": "Typed name", "time_zone": "Europe/Atlantis", "country": "DE"}
    )

    assert response.status_code == 422
    assert "is not a time zone we know" in response.text
    assert 'value="Typed name"' in response.text
    alice.refresh_from_db()
    assert (alice.display_name, alice.time_zone) == ("Alice", "Europe/Berlin")


def test_an_unknown_country_gets_an_error_and_saves_nothing(alice_client, alice):
    response = alice_client.post(URL, {"display_name": "A", "time_zone": "UTC", "country": "XX"})

    assert response.status_code == 422
    assert "Select a valid choice" in response.text
    alice.refresh_from_db()
    assert alice.display_name == "Alice"


def test_a_signed_out_visitor_is_sent_to_sign_in(client):
    response = client.get(URL)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_a_request_runs_in_the_persons_own_zone_and_leaves_no_zone_behind(alice_client, alice):
    response = alice_client.get(reverse("checkins:today"))

    assert alice.time_zone == "Europe/Berlin"
    assert response.context["today"] == alice.local_now().date()
    assert timezone.get_current_timezone_name() == settings.TIME_ZONE  # not Alice's Berlin
