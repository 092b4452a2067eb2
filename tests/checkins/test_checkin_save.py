import datetime as dt

import pytest
from django.urls import reverse

from apps.checkins.models import CheckIn
from tests.checkins.conftest import checkin, local_today

pytestmark = pytest.mark.django_db
URL = reverse("checkins:save")


def test_a_plain_post_saves_the_check_in_and_returns_to_today(alice_client, alice, full_checkin):
    response = alice_client.post(URL, full_checkin)

    assert response.status_code == 302
    assert response["Location"] == reverse("checkins:today")
    saved = CheckIn.objects.get(user=alice)
    assert (saved.feeling, saved.energy, saved.need, saved.drive) == ("drained", 3, "rest", 4)
    assert (str(saved.sleep_hours), saved.sleep_quality, saved.note) == ("6.5", 2, "Long week.")
    assert not saved.is_backfilled
    assert not saved.is_quick


def test_an_htmx_post_returns_the_summary_card_and_refreshes_the_strip(alice_client, full_checkin):
    response = alice_client.post(URL, full_checkin, headers={"HX-Request": "true"})

    assert response.status_code == 200
    assert "<html" not in response.text
    assert 'id="checkin-card"' in response.text
    assert "Saved. Thank you for checking in today." in response.text
    assert 'id="week-strip" aria-labelledby="week-heading" hx-swap-oob="true"' in response.text


def test_own_word_replaces_the_chosen_feeling(alice_client, alice, full_checkin):
    alice_client.post(URL, {**full_checkin, "feeling": "", "own_feeling": "  scattered "})

    assert CheckIn.objects.get(user=alice).feeling == "scattered"


def test_a_second_check_in_for_the_day_edits_the_first(alice_client, alice, full_checkin):
    checkin(alice, energy=7, feeling="calm")

    alice_client.post(URL, full_checkin)

    assert CheckIn.objects.filter(user=alice).count() == 1
    assert CheckIn.objects.get(user=alice).energy == 3


def test_a_past_day_is_saved_as_filled_in_later(alice_client, alice, full_checkin):
    day = local_today(alice) - dt.timedelta(days=3)

    response = alice_client.post(URL, {**full_checkin, "checked_in_on": day.isoformat()})

    assert response["Location"] == reverse("checkins:day", args=[day.isoformat()])
    assert CheckIn.objects.get(user=alice, checked_in_on=day).is_backfilled


@pytest.mark.parametrize(
    ("field", "value", "error"),
    [
        ("energy", "11", "Energy goes from 1 to 10."),
        ("energy", "0", "Energy goes from 1 to 10."),
        ("energy", "", "Choose your energy, from 1 (empty) to 10 (full)."),
        ("feeling", "ecstatic-ish", "Choose a feeling from the list, or write your own word"),
        ("need", "money", "Choose rest, connection, clarity or a boundary."),
        ("drive", "9", "Choose one of the five points between interest and pressure."),
        ("sleep_hours", "25", "A night has at most 24 hours."),
        ("sleep_hours", "lots", "Enter hours as a number, like 7 or 6.5."),
        ("note", "x" * 501, "Keep the note under 500 characters (it has 501)."),
        ("own_feeling", "y" * 41, "Keep your word under 40 characters."),
        ("checked_in_on", "2999-01-01", "That day hasn&#x27;t happened yet."),
        ("checked_in_on", "yesterday", "Enter a date like 2026-11-27."),
    ],
)
def test_bad_input_gets_a_clear_error_keeps_what_was_typed_and_saves_nothing(
    alice_client, alice, full_checkin, field, value, error
):
    response = alice_client.post(URL, {**full_checkin, field: value})

    assert response.status_code == 422
    assert error in response.text
    kept = value if field == "note" else "Long week."
    assert kept in response.text  # what was typed is still there
    assert not CheckIn.objects.filter(user=alice).exists()


def test_no_feeling_at_all_asks_for_one(alice_client, alice, full_checkin):
    response = alice_client.post(URL, {**full_checkin, "feeling": "", "own_feeling": ""})

    assert response.status_code == 422
    assert "Choose the word closest to how you feel, or write your own." in response.text
    assert not CheckIn.objects.exists()


def test_an_htmx_post_with_errors_returns_only_the_card_with_errors(alice_client, full_checkin):
    response = alice_client.post(
        URL, {**full_checkin, "energy": "12"}, headers={"HX-Request": "true"}
    )

    assert response.status_code == 422
    assert "<html" not in response.text
    assert "Energy goes from 1 to 10." in response.text


def test_the_note_is_hidden_from_error_reports(rf, alice, full_checkin):
    from django.views.debug import SafeExceptionReporterFilter

    from apps.checkins.views import checkin_save

    request = rf.post(URL, full_checkin)
    request.user = alice
    request.htmx = False
    checkin_save(request)

    params = SafeExceptionReporterFilter().get_post_parameters(request)
    assert params["note"] == "********************"
