"""Saving the full check-in from a day's page (today's included)."""

import datetime as dt
import re

import pytest
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from apps.checkins.models import CheckIn, Tag
from tests.checkins.conftest import checkin, day_url, local_today
from tests.failing import statement_fails

pytestmark = [pytest.mark.django_db, pytest.mark.sqlite]


def today_url(user) -> str:
    return day_url(local_today(user))


def test_a_plain_post_saves_the_check_in_and_returns_to_today(alice_client, alice, full_checkin):
    response = alice_client.post(today_url(alice), full_checkin)

    assert response.status_code == 302
    assert response["Location"] == reverse("checkins:today")
    saved = CheckIn.objects.get(user=alice)
    assert (saved.feeling, saved.energy, saved.need, saved.drive) == ("drained", 3, "rest", 4)
    assert (str(saved.sleep_hours), saved.sleep_quality, saved.note) == ("6.5", 2, "Long week.")
    assert not saved.is_backfilled
    assert not saved.is_quick


def test_the_note_is_stored_encrypted_and_a_second_save_keeps_the_first_moment(
    alice_client, alice, full_checkin
):
    alice_client.post(today_url(alice), full_checkin)
    first = CheckIn.objects.get(user=alice)
    alice_client.post(today_url(alice), {**full_checkin, "note": "Shorter week."})

    with connection.cursor() as cursor:
        cursor.execute("SELECT note FROM checkins_checkin WHERE id = %s", [first.pk])
        (stored,) = cursor.fetchone()
    assert stored.startswith("gAAAAA")  # a Fernet token, as the ORM would write it
    assert "Shorter week." not in stored
    again = CheckIn.objects.get(user=alice)
    assert (again.pk, again.note, again.created_at) == (first.pk, "Shorter week.", first.created_at)
    assert again.updated_at > first.updated_at


def test_today_then_shows_it_in_short_with_exercises_for_the_need(
    alice_client, alice, full_checkin
):
    alice_client.post(today_url(alice), full_checkin)

    html = alice_client.get(reverse("checkins:today")).text

    assert "Thank you for checking in today." in html
    assert "Energy 3 of 10, drained. You need rest; today's push: more pressure" in html
    assert "For today's need, you could try" in html
    assert "Long week." not in html  # the note stays on the day's own page


def test_own_word_alone_is_the_feeling(alice_client, alice, full_checkin):
    alice_client.post(
        today_url(alice), {**full_checkin, "feeling": "", "own_feeling": " scattered "}
    )

    assert CheckIn.objects.get(user=alice).feelings == ["scattered"]


def test_up_to_three_feelings_are_kept_in_the_order_named(alice_client, alice, full_checkin):
    data = {**full_checkin, "feeling": ["drained", "relieved"], "own_feeling": "wistful"}

    assert alice_client.post(today_url(alice), data).status_code == 302

    saved = CheckIn.objects.get(user=alice)
    assert (saved.feeling, saved.also_felt) == ("drained", ["relieved", "wistful"])
    html = alice_client.get(today_url(alice)).text
    assert 'value="drained" checked' in html
    assert 'value="relieved" checked' in html
    assert 'value="wistful"' in html  # the own word, back in its field


def test_a_fourth_feeling_is_refused_and_nothing_is_saved(alice_client, alice, full_checkin):
    data = {**full_checkin, "feeling": ["drained", "relieved", "calm"], "own_feeling": "wistful"}

    response = alice_client.post(today_url(alice), data)

    assert response.status_code == 422
    assert "Choose up to three feelings, your own word included (you chose 4)." in response.text
    assert not CheckIn.objects.filter(user=alice).exists()


def test_a_second_check_in_for_the_day_edits_the_first(alice_client, alice, full_checkin):
    checkin(alice, energy=7, feeling="calm")

    alice_client.post(today_url(alice), full_checkin)

    assert CheckIn.objects.filter(user=alice).count() == 1
    assert CheckIn.objects.get(user=alice).energy == 3


def test_a_past_day_is_saved_as_filled_in_later_and_shown_on_its_page(
    alice_client, alice, full_checkin
):
    day = local_today(alice) - dt.timedelta(days=3)

    response = alice_client.post(day_url(day), full_checkin)

    assert response["Location"] == day_url(day)
    assert CheckIn.objects.get(user=alice, checked_in_on=day).is_backfilled


@pytest.mark.parametrize(
    ("field", "value", "error"),
    [
        ("energy", "11", "Energy goes from 1 to 10."),
        ("energy", "0", "Energy goes from 1 to 10."),
        ("energy", "", "Choose your energy, from 1 (empty) to 10 (full)."),
        ("feeling", "ecstatic-ish", "Choose feelings from the list, or write your own word"),
        ("need", "money", "Choose rest, connection, clarity or a boundary."),
        ("need", "", "Choose the one thing you need most today."),
        ("drive", "9", "Choose one of the five points between interest and pressure."),
        ("drive", "", "Choose where today&#x27;s push is coming from."),
        ("sleep_hours", "25", "A night has at most 24 hours."),
        ("sleep_hours", "lots", "Enter hours as a number, like 7 or 6.5."),
        ("note", "x" * 501, "Keep the note under 500 characters (it has 501)."),
        ("own_feeling", "y" * 41, "Keep your word under 40 characters."),
    ],
)
def test_bad_input_gets_a_clear_error_by_its_field_keeps_what_was_typed_and_saves_nothing(
    alice_client, alice, full_checkin, field, value, error
):
    response = alice_client.post(today_url(alice), {**full_checkin, field: value})

    assert response.status_code == 422
    assert f'<ul class="errorlist" id="id_{field}_error"><li>{error}' in response.text
    assert re.search(rf'aria-describedby="[^"]*\bid_{field}_error"', response.text)
    kept = value if field == "note" else "Long week."
    assert kept in response.text  # what was typed is still there
    assert not CheckIn.objects.filter(user=alice).exists()


def test_no_feeling_at_all_asks_for_one(alice_client, alice, full_checkin):
    response = alice_client.post(
        today_url(alice), {**full_checkin, "feeling": "", "own_feeling": ""}
    )

    assert response.status_code == 422
    assert "Choose the word closest to how you feel, or write your own." in response.text
    assert not CheckIn.objects.exists()


def test_a_post_for_a_day_that_has_not_happened_is_not_found_and_saves_nothing(
    alice_client, alice, full_checkin
):
    tomorrow = local_today(alice) + dt.timedelta(days=1)

    assert alice_client.post(day_url(tomorrow), full_checkin).status_code == 404
    assert not CheckIn.objects.exists()


def test_the_note_is_hidden_from_error_reports(rf, alice, full_checkin):
    from django.views.debug import SafeExceptionReporterFilter

    from apps.checkins.views import checkin_day

    request = rf.post(today_url(alice), full_checkin)
    request.user = alice
    request.htmx = False
    with timezone.override(alice.time_zone):  # what the middleware does; rf runs none
        checkin_day(request, local_today(alice).isoformat())

    params = SafeExceptionReporterFilter().get_post_parameters(request)
    assert params["note"] == "********************"


def test_the_words_meanings_are_one_disclosure_away(alice_client, alice):
    html = alice_client.get(today_url(alice)).text
    meanings = html.split("<summary>What these words mean</summary>")[1].split("</details>")[0]

    assert "<dt>relieved</dt><dd>A weight has lifted.</dd>" in meanings
    assert meanings.count("<dt>") == html.count('name="feeling"')


def test_when_the_tags_cannot_be_saved_the_check_in_is_not_saved_either_and_the_page_says_so(
    alice_client, alice, full_checkin
):
    work = Tag.objects.create(user=alice, name="work")
    alice_client.raise_request_exception = False

    with statement_fails("INSERT", "checkins_checkin_tags") as ran:
        response = alice_client.post(today_url(alice), {**full_checkin, "tags": [work.pk]})

    assert any(sql.startswith('INSERT INTO "checkins_checkin"') for sql in ran)  # it came first
    assert response.status_code == 503
    assert "What you just sent was not saved, not even in part" in response.text
    assert not CheckIn.objects.filter(user=alice).exists()
