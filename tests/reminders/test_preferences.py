import datetime as dt

import pytest
import time_machine
from django.urls import reverse

from apps.reminders.models import Kind, Preferences, Reminder

pytestmark = pytest.mark.django_db
URL = reverse("reminders:preferences")
FORM = {
    "checkin_enabled": "on",
    "checkin_time": "07:30",
    "checkin_days": ["0", "2", "4"],
    "rest_enabled": "on",
    "rest_heads_up_hours": "2",
    "summary_enabled": "on",
    "summary_weekday": "6",
    "summary_time": "18:00",
    "checkin_via": "email",
    "rest_via": "email",
    "summary_via": "email",
    "quiet_start": "",
    "quiet_end": "",
    "pause": "",
}
NOW = dt.datetime(2026, 11, 27, 12, 0, tzinfo=dt.UTC)  # a Friday


def test_saving_reschedules_at_once_in_the_users_zone(alice_client, alice):
    with time_machine.travel(NOW, tick=False):
        response = alice_client.post(URL, FORM)

    assert response.status_code == 302
    prefs = Preferences.objects.for_user(alice)
    assert [prefs.on_day(n) for n in range(7)] == [True, False, True, False, True, False, False]
    checkin = Reminder.objects.get(user=alice, kind=Kind.CHECKIN)
    summary = Reminder.objects.get(user=alice, kind=Kind.SUMMARY)
    assert checkin.next_due_at == dt.datetime(2026, 11, 30, 6, 30, tzinfo=dt.UTC)  # Mon 07:30 CET
    assert summary.next_due_at == dt.datetime(2026, 11, 29, 17, 0, tzinfo=dt.UTC)  # Sun 18:00 CET


def test_an_htmx_save_returns_the_form_only(alice_client):
    response = alice_client.post(URL, FORM, headers={"HX-Request": "true"})

    assert response.status_code == 200
    assert "Your reminder settings are saved." in response.text
    assert "<html" not in response.text


def test_turning_the_check_in_reminder_off_clears_its_schedule(alice_client, alice):
    alice_client.post(URL, {**FORM, "checkin_enabled": ""})

    assert Reminder.objects.get(user=alice, kind=Kind.CHECKIN).next_due_at is None


def test_pausing_holds_everything_until_the_chosen_day(alice_client, alice):
    with time_machine.travel(NOW, tick=False):
        alice_client.post(URL, {**FORM, "pause": "7"})

    assert Preferences.objects.for_user(alice).paused_until == NOW + dt.timedelta(days=7)


@pytest.mark.parametrize(
    ("data", "error"),
    [
        ({"checkin_time": "25:00"}, "Enter a time like 07:30."),
        ({"rest_heads_up_hours": "99"}, "A heads-up can come at most 48 hours before."),
        ({"quiet_start": "22:00"}, "Give both ends of your quiet hours, or neither."),
        ({"checkin_days": []}, "Choose at least one day, or turn the check-in reminder off."),
        ({"summary_weekday": "9"}, "Select a valid choice."),
    ],
)
def test_bad_input_gets_a_clear_error_and_saves_nothing(alice_client, alice, data, error):
    response = alice_client.post(URL, {**FORM, **data})

    assert response.status_code == 422
    assert error in response.text
    assert Preferences.objects.for_user(alice).checkin_time == dt.time(19, 0)


def test_changing_time_zone_on_the_account_page_moves_the_reminders(alice_client, alice):
    with time_machine.travel(NOW, tick=False):
        alice_client.post(URL, FORM)
        alice_client.post(
            reverse("accounts:account"),
            {"display_name": "Alice", "time_zone": "Asia/Tokyo", "country": "JP"},
        )

    checkin = Reminder.objects.get(user=alice, kind=Kind.CHECKIN)
    assert checkin.next_due_at == dt.datetime(2026, 11, 29, 22, 30, tzinfo=dt.UTC)  # Mon 07:30 JST
