import pytest
from django.urls import reverse

from apps.resources.models import CrisisLine

pytestmark = pytest.mark.django_db
URL = reverse("resources:crisis")


def test_signed_out_it_shows_the_emergency_number_and_a_country_chooser(client):
    html = client.get(URL).text

    assert "Call your local emergency number" in html
    assert '<select id="country-choice" name="country">' in html
    assert "<script" not in html.split("</head>")[1]


def test_a_chosen_country_shows_its_published_lines_with_source_and_date(client):
    html = client.get(URL, {"country": "gb"}).text

    assert "Samaritans" in html
    assert 'href="tel:116123"' in html
    assert "Text SHOUT to 85258" in html
    assert "Checked against" in html
    assert "27 November 2026" in html
    assert html.index('Call <a href="tel:999">999</a>') < html.index("Samaritans")


def test_a_signed_in_user_sees_their_own_countrys_lines(alice_client):
    assert "TelefonSeelsorge" in alice_client.get(URL).text


def test_the_us_page_keeps_the_treatment_referral_line_apart(client):
    html = client.get(URL, {"country": "US"}).text

    assert "988 Suicide &amp; Crisis Lifeline" in html
    assert "SAMHSA National Helpline" in html
    assert "treatment referral, not a crisis line" in html
    assert "Text 741741" in html  # Crisis Text Line, verified against its own FAQ


def test_unpublished_lines_never_show(client):
    CrisisLine.objects.filter(slug="gb-samaritans").update(is_published=False)

    assert "Samaritans" not in client.get(URL, {"country": "GB"}).text


def test_an_unknown_country_falls_back_to_the_emergency_number(client):
    response = client.get(URL, {"country": "ZZ"})

    assert response.status_code == 200
    assert "Call your local emergency number" in response.text


def test_a_country_without_verified_lines_says_so_kindly(client):
    html = client.get(URL, {"country": "BR"}).text  # CVV waits for an editor to confirm it

    assert "We do not have a verified crisis line for Brazil yet." in html
    assert 'Call <a href="tel:192">192</a> for an ambulance' in html
