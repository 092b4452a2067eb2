import pytest
from django.urls import reverse

from apps.resources.models import Exercise, TherapyApproach

pytestmark = [pytest.mark.django_db, pytest.mark.sqlite]
URL = reverse("resources:library")


def titles(client, **params) -> str:
    return client.get(URL, params).text


def test_it_lists_published_exercises_and_approaches(client, exercise):
    html = titles(client)

    assert "Test box breathing" in html
    assert TherapyApproach.objects.published().first().name in html


def test_it_filters_by_need_kind_and_length(client, exercise):
    assert "Test box breathing" in titles(client, need="rest", kind="breathing", duration="short")
    assert "Test box breathing" not in titles(client, need="boundary")
    assert "Test box breathing" not in titles(client, kind="reflection")
    assert "Test box breathing" not in titles(client, duration="long")


def test_unknown_filter_values_show_everything_instead_of_failing(client, exercise):
    response = client.get(URL, {"need": "money", "duration": "forever"})

    assert response.status_code == 200
    assert "Test box breathing" in response.text


def test_unpublished_exercises_are_not_listed(client, exercise):
    Exercise.objects.filter(pk=exercise.pk).update(is_published=False)

    assert "Test box breathing" not in titles(client)


def test_an_approach_page_says_pacewise_does_not_replace_therapy(client):
    approach = TherapyApproach.objects.published().first()

    html = client.get(approach.get_absolute_url()).text

    assert approach.name in html
    assert "does not replace therapy" in html


def test_an_unpublished_approach_is_not_found(client):
    approach = TherapyApproach.objects.published().first()
    TherapyApproach.objects.filter(pk=approach.pk).update(is_published=False)

    assert client.get(approach.get_absolute_url()).status_code == 404
