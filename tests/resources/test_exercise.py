import pytest
from django.test import Client
from django.urls import reverse

from apps.resources.models import Exercise, ExerciseLog

pytestmark = pytest.mark.django_db


def test_the_page_shows_steps_why_it_helps_sources_and_the_pacer_rhythm(client, exercise):
    html = client.get(exercise.get_absolute_url()).text

    assert "<li>Sit comfortably.</li>" in html
    assert "Slow breathing can calm the body." in html
    assert (
        '<a href="https://www.nhs.uk/mental-health/" rel="noopener">NHS breathing exercises</a>'
        in html
    )
    # Without JavaScript the rhythm is plain text; the pacer's controls wait for the script.
    assert (
        "breathe in for 4 seconds, then hold for 4 seconds, then breathe out for 4 seconds" in html
    )
    assert 'data-pattern="4-4-4-4"' in html
    assert "data-pacer-controls hidden" in html


def test_steps_can_be_taken_one_at_a_time_without_javascript(client, exercise):
    html = client.get(exercise.get_absolute_url(), {"step": 2}).text

    assert "Step 2 of 3" in html
    assert "Breathe in for four." in html
    assert "Sit comfortably." not in html
    assert 'href="?step=1">Previous step' in html
    assert 'href="?step=3">Next step' in html


@pytest.mark.parametrize("step", ["0", "99", "two"])
def test_a_step_out_of_range_shows_all_steps(client, exercise, step):
    assert "<li>Hold for four.</li>" in client.get(exercise.get_absolute_url(), {"step": step}).text


def test_an_unpublished_exercise_is_not_found_by_the_public_but_staff_can_preview(
    exercise, editor_client
):
    client = Client()  # the public
    Exercise.objects.filter(pk=exercise.pk).update(is_published=False)

    assert client.get(exercise.get_absolute_url()).status_code == 404
    preview = editor_client.get(exercise.get_absolute_url())
    assert "Preview: this exercise is not published." in preview.text


def test_a_signed_in_user_logs_it_with_energy_before_and_after(alice_client, alice, exercise):
    url = reverse("resources:exercise-log", args=[exercise.slug])

    response = alice_client.post(url, {"energy_before": "3", "energy_after": "6"})

    assert response["Location"] == exercise.get_absolute_url()
    log = ExerciseLog.objects.get(user=alice)
    assert (log.exercise, log.energy_before, log.energy_after) == (exercise, 3, 6)
    insights = alice_client.get(reverse("checkins:insights")).text
    assert "1 exercise in the last 30 days" in insights
    assert "changed by 3 points" in insights


def test_bad_log_input_is_refused_and_saves_nothing(alice_client, exercise):
    url = reverse("resources:exercise-log", args=[exercise.slug])

    response = alice_client.post(url, {"energy_before": "11", "energy_after": ""})

    assert response.status_code == 422
    assert "Energy goes from 1 to 10." in response.text
    assert "Choose your energy, from 1 (empty) to 10 (full)." in response.text
    assert not ExerciseLog.objects.exists()


def test_logging_needs_a_signed_in_user(client, exercise):
    response = client.post(
        reverse("resources:exercise-log", args=[exercise.slug]), {"energy_before": "3"}
    )

    assert response.status_code == 302
    assert not ExerciseLog.objects.exists()
