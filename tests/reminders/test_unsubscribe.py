import pytest
from django.test import Client
from django.urls import reverse

from apps.reminders import tokens
from apps.reminders.emails import unsubscribe_headers
from apps.reminders.models import Kind, Preferences

pytestmark = pytest.mark.django_db


def test_the_headers_follow_rfc_8058_with_an_https_url(alice, settings):
    settings.SITE_URL = "https://pacewise.example"

    url, headers = unsubscribe_headers(alice.pk, Kind.SUMMARY)

    assert headers["List-Unsubscribe"] == f"<{url}>"
    assert url.startswith("https://pacewise.example/unsubscribe/")
    assert headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"


def subscribed(user):
    prefs = Preferences.objects.for_user(user)
    prefs.checkin_enabled = prefs.rest_enabled = prefs.summary_enabled = True
    prefs.save()


def test_one_click_post_without_a_session_stops_that_kind_only(alice):
    subscribed(alice)
    url = reverse("reminders:unsubscribe", args=[tokens.make(alice.pk, Kind.SUMMARY)])

    response = Client(enforce_csrf_checks=True).post(url, {"List-Unsubscribe": "One-Click"})

    assert response.status_code == 200
    prefs = Preferences.objects.for_user(alice)
    assert (prefs.summary_enabled, prefs.checkin_enabled, prefs.rest_enabled) == (False, True, True)


def test_a_get_only_asks_so_link_scanners_change_nothing(alice):
    subscribed(alice)
    url = reverse("reminders:unsubscribe", args=[tokens.make(alice.pk, Kind.CHECKIN)])

    response = Client().get(url)

    assert "Stop check-in reminders?" in response.text
    assert Preferences.objects.for_user(alice).checkin_enabled


def test_rest_reminder_tokens_turn_off_rest_reminders(alice):
    subscribed(alice)

    Client().post(reverse("reminders:unsubscribe", args=[tokens.make(alice.pk, Kind.REST_END)]))

    assert not Preferences.objects.for_user(alice).rest_enabled


@pytest.mark.parametrize("token", ["nonsense", "a" * 300, "eyJ1IjoxfQ:forged:signature"])
def test_a_forged_or_damaged_token_is_not_found(token):
    assert Client().post(reverse("reminders:unsubscribe", args=[token])).status_code == 404
