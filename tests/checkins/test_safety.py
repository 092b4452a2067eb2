import pytest
from django.core import mail
from django.urls import reverse

from apps.checkins.models import SafetySignal

pytestmark = pytest.mark.django_db
URL = reverse("checkins:safety")


def test_choosing_it_records_it_for_the_user_alone_and_goes_straight_to_help(alice_client, alice):
    response = alice_client.post(URL)

    assert response.status_code == 302
    assert response["Location"] == URL
    assert SafetySignal.objects.for_user(alice).count() == 1
    assert mail.outbox == []


def test_the_help_page_puts_the_emergency_number_then_the_countrys_lines_first(alice_client):
    html = alice_client.get(URL).text
    main = html.split('<main id="main"')[1]

    emergency = main.index('Call <a href="tel:112">112</a>')  # alice lives in Germany
    telefonseelsorge = main.index("TelefonSeelsorge")
    assert emergency < telefonseelsorge < main.index("Continue to today's check-in")
    assert "<form" not in main.split("Continue to today")[0]  # nothing to fill in before help


def test_without_a_country_it_still_shows_the_emergency_number_and_a_way_to_choose(client, charlie):
    charlie.country = ""
    charlie.save()
    client.force_login(charlie)

    html = client.get(URL).text

    assert "Call your local emergency number" in html
    assert reverse("resources:crisis") in html


def test_the_safety_button_is_on_today_and_on_past_days(alice_client):
    for url in (reverse("checkins:today"), reverse("checkins:day", args=["2026-01-05"])):
        assert f'action="{URL}"' in alice_client.get(url).text


def test_with_an_expired_session_the_button_still_leads_straight_to_crisis_lines(client):
    response = client.post(URL)

    assert response.status_code == 302
    assert response["Location"] == reverse("resources:crisis")
    assert not SafetySignal.objects.exists()
