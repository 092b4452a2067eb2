"""Sign-up fits the person from the first page: their country and zone guessed, in our words."""

import re

import pytest
from django.urls import reverse

from apps.accounts.models import User
from apps.lib.dates import zone_for_country

pytestmark = pytest.mark.django_db
SIGNUP = reverse("account_signup")


def selected(html: str, name: str) -> str:
    select = re.search(rf'<select name="{name}".*?</select>', html, re.DOTALL)
    assert select, f"no {name} select"
    match = re.search(r'<option value="([^"]*)"[^>]*selected', select.group(0))
    return match.group(1) if match else ""


@pytest.mark.parametrize(
    ("header", "country", "zone"),
    [
        ("de-AT,de;q=0.9,en;q=0.8", "AT", "Europe/Vienna"),
        ("en-GB,en;q=0.9", "GB", "Europe/London"),
        ("en-US,en;q=0.9", "US", "UTC"),  # several zones: the browser's script will say which
        ("de", "", "UTC"),
        ("", "", "UTC"),
    ],
)
def test_the_country_and_zone_are_guessed_from_the_browsers_language(client, header, country, zone):
    html = client.get(SIGNUP, headers={"accept-language": header}).text

    assert selected(html, "country") == country
    assert selected(html, "time_zone") == zone
    assert "data-detect-time-zone" in html  # and the browser's own zone replaces the guess


def test_without_javascript_the_zones_are_the_common_ones_then_by_region(client):
    html = client.get(SIGNUP).text
    groups = re.findall(r'<optgroup label="([^"]+)"', html)

    assert groups[0] == "Common time zones"
    assert {"Africa", "America", "Asia", "Europe", "Pacific"} <= set(groups)


@pytest.mark.parametrize(
    ("country", "zone"),
    [("DE", "Europe/Berlin"), ("JP", "Asia/Tokyo"), ("IN", "Asia/Kolkata"), ("US", ""), ("XX", "")],
)
def test_a_country_gives_a_zone_only_where_it_keeps_one_time(country, zone):
    assert zone_for_country(country) == zone


def test_a_signed_up_person_chooses_a_zone_from_anywhere_not_only_the_common_ones(client):
    response = client.post(
        SIGNUP,
        {
            "email": "ines@example.com",
            "password1": "slow mornings are fine",
            "password2": "slow mornings are fine",
            "time_zone": "America/Argentina/Buenos_Aires",
            "country": "AR",
        },
    )

    assert response.status_code == 302
    assert User.objects.get(email="ines@example.com").time_zone == "America/Argentina/Buenos_Aires"


@pytest.mark.parametrize(
    ("name", "heading"),
    [("account_signup", "Create your account"), ("account_login", "Sign in")],
)
def test_allauths_pages_speak_in_the_sites_voice(client, name, heading):
    html = client.get(reverse(name)).text

    assert re.search(rf"<h1>\s*{heading}\s*</h1>", html)
    assert "Sign Up" not in html
    assert "Sign In" not in html
