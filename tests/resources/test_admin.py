import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse

from apps.checkins.models import CheckIn
from apps.resources.models import CrisisLine, Exercise
from tests.resources.conftest import sign_in_with_mfa

pytestmark = pytest.mark.django_db

NEW_LINE = {
    "country": "GB",
    "kind": "crisis",
    "name": "Test Line",
    "slug": "gb-test-line",
    "is_published": "on",
    "order": "5",
    "phone": "116 123",
    "text": "",
    "chat_url": "",
    "hours": "24/7",
    "languages": "",
    "notes": "",
    "source_url": "https://example.org/test-line",
    "last_verified_on": "2026-11-20",
}


def test_a_content_editor_can_change_exercises_and_crisis_lines(editor_client, exercise):
    assert (
        editor_client.get(
            reverse("admin:resources_exercise_change", args=[exercise.pk])
        ).status_code
        == 200
    )
    assert editor_client.get(reverse("admin:resources_crisisline_add")).status_code == 200


@pytest.mark.parametrize(
    "name", ["admin:accounts_user_changelist", "admin:outbox_message_changelist"]
)
def test_a_content_editor_cannot_open_user_data(editor_client, name):
    assert editor_client.get(reverse(name)).status_code == 403


def test_check_ins_journals_and_exercise_logs_are_not_in_the_admin_at_all(editor_client, alice):
    CheckIn.objects.create(user=alice, checked_in_on=dt.date(2026, 1, 1), energy=3, need="rest")

    html = editor_client.get(reverse("admin:index")).text

    assert "Exercises" in html
    assert "Crisis lines" in html
    for hidden in ("Check-ins", "Journal entries", "Exercise logs", "Users"):
        assert hidden not in html


def test_staff_without_two_factor_are_sent_to_set_it_up(client):
    from tests.conftest import make_user

    staff = make_user("staff@example.com", is_staff=True, is_superuser=True)
    client.force_login(staff)

    response = client.get(reverse("admin:index"), follow=True)

    assert response.redirect_chain[-1][0] == reverse("mfa_index")
    assert "Staff need two-factor authentication" in response.text


def test_staff_who_signed_in_with_a_password_only_confirm_with_a_code(client, editor):
    sign_in_with_mfa(client, editor)
    session = client.session
    session["account_authentication_methods"] = [{"method": "password", "at": 0}]
    session.save()

    response = client.get(reverse("admin:index"), follow=True)

    assert response.redirect_chain[-1][0].startswith(reverse("mfa_reauthenticate"))


def test_an_editor_adds_a_crisis_line_that_then_shows_on_the_crisis_page(editor_client):
    client = Client()  # the public
    response = editor_client.post(reverse("admin:resources_crisisline_add"), NEW_LINE)

    assert response.status_code == 302, response.text
    assert "Test Line" in client.get(reverse("resources:crisis"), {"country": "GB"}).text


@pytest.mark.parametrize(
    ("field", "value", "error"),
    [
        ("phone", "12", "is not a number that can be dialled in GB"),
        ("phone", "call us", "does not look like a phone number"),
        ("source_url", "not a url", "Enter a valid URL."),
        ("country", "XX", "Select a valid choice."),
    ],
)
def test_bad_crisis_line_input_is_refused_with_a_clear_error(editor_client, field, value, error):
    response = editor_client.post(
        reverse("admin:resources_crisisline_add"), {**NEW_LINE, field: value}
    )

    assert response.status_code == 200
    assert error in response.text
    assert not CrisisLine.objects.filter(slug="gb-test-line").exists()


def test_a_bad_timing_pattern_is_refused(editor_client, exercise):
    data = {
        "slug": exercise.slug,
        "title": exercise.title,
        "kind": "breathing",
        "need": "rest",
        "duration_minutes": "3",
        "summary": "s",
        "why_it_helps": "w",
        "timing_pattern": "4-x-4",
        "sources": "",
        "order": "0",
        "steps-TOTAL_FORMS": "0",
        "steps-INITIAL_FORMS": "0",
        "steps-MIN_NUM_FORMS": "0",
        "steps-MAX_NUM_FORMS": "1000",
    }

    response = editor_client.post(
        reverse("admin:resources_exercise_change", args=[exercise.pk]), data
    )

    assert "Write the pattern as seconds joined by dashes" in response.text
    exercise.refresh_from_db()
    assert exercise.timing_pattern == "4-4-4-4"


def test_stale_crisis_lines_are_flagged_in_the_list_and_the_form(editor_client):
    line = CrisisLine.objects.get(slug="gb-samaritans")
    CrisisLine.objects.filter(pk=line.pk).update(last_verified_on=dt.date(2020, 1, 1))

    listing = editor_client.get(reverse("admin:resources_crisisline_changelist")).text
    form = editor_client.get(reverse("admin:resources_crisisline_change", args=[line.pk])).text

    assert "due for re-verification" in listing
    assert "more than 6 months ago" in form


def test_items_can_be_unpublished_and_published_in_bulk(editor_client, exercise):
    url = reverse("admin:resources_exercise_changelist")
    client = Client()  # the public

    editor_client.post(url, {"action": "unpublish", "_selected_action": [exercise.pk]})
    assert client.get(exercise.get_absolute_url()).status_code == 404
    editor_client.post(url, {"action": "publish", "_selected_action": [exercise.pk]})
    assert client.get(exercise.get_absolute_url()).status_code == 200
    assert Exercise.objects.get(pk=exercise.pk).is_published
