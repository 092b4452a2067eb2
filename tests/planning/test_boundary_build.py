import pytest
from django.urls import reverse

from apps.planning.boundaries import TEMPLATES, check_templates
from apps.planning.models import BoundaryStatement
from tests.planning.conftest import HTMX

pytestmark = pytest.mark.django_db
BUILD = reverse("planning:boundary-build")
SAVE = reverse("planning:boundary-save")


def test_every_template_asks_for_exactly_its_blanks():
    check_templates()
    areas = {t.area for t in TEMPLATES}
    assert areas == {"work", "social"}
    assert len(TEMPLATES) >= 6


def test_the_boundaries_page_offers_templates_for_work_and_social_life(alice_client):
    html = alice_client.get(reverse("planning:boundaries")).text

    assert "I can commit to … tasks this week and will protect … for rest." in html
    assert "I&#x27;d love to see you, and this time I need …." in html
    assert f"{BUILD}?template=social-decline" in html


def test_the_builder_shows_the_blanks_of_the_chosen_template(alice_client):
    response = alice_client.get(BUILD, {"template": "work-messages"})

    assert response.status_code == 200
    assert 'type="time" name="time"' in response.text
    assert f'action="{BUILD}?template=work-messages"' in response.text
    assert 'hx-post="' in response.text


def test_an_unknown_template_is_not_found(alice_client):
    assert alice_client.get(BUILD, {"template": "nope"}).status_code == 404
    assert alice_client.get(BUILD).status_code == 404


def test_preview_without_javascript_renders_the_whole_page_with_the_sentence(alice_client):
    response = alice_client.post(
        f"{BUILD}?template=work-messages", {"time": "18:30", "when": "tomorrow at nine"}
    )

    assert response.status_code == 200
    assert "<html" in response.text
    assert "I&#x27;m not available for messages after 18:30; I&#x27;ll reply tomorrow at nine." in (
        response.text
    )
    assert f'action="{SAVE}"' in response.text
    assert not BoundaryStatement.objects.exists()


def test_preview_with_htmx_returns_only_the_preview(alice_client):
    response = alice_client.post(
        f"{BUILD}?template=social-need", {"need": "a quiet walk"}, headers=HTMX
    )

    assert response.text.strip().startswith('<section class="card" id="boundary-preview"')
    assert "I&#x27;d love to see you, and this time I need a quiet walk." in response.text


@pytest.mark.parametrize(
    ("template", "data", "error"),
    [
        ("work-messages", {"time": "25:00", "when": "later"}, "Enter a time of day between"),
        ("work-messages", {"time": "", "when": "later"}, "Fill in a time, like 18:00."),
        ("work-capacity", {"tasks": "0", "protected_time": "Sunday"}, "At least one"),
        ("work-capacity", {"tasks": "99", "protected_time": "Sunday"}, "more than 30"),
        ("work-capacity", {"tasks": "three", "protected_time": "Sunday"}, "whole number"),
        ("social-need", {"need": "x" * 81}, "under 80 characters"),
    ],
)
def test_blanks_outside_their_range_get_a_clear_error(alice_client, template, data, error):
    response = alice_client.post(f"{BUILD}?template={template}", data)

    assert response.status_code == 422
    assert error in response.text
    assert "Fill in every blank to see your statement." in response.text


def test_the_edited_final_text_is_saved_with_the_templates_area(alice_client, alice):
    response = alice_client.post(
        SAVE,
        {
            "template": "social-decline",
            "event": "the party",
            "time": "Friday",
            "text": " I can't come to the party; Friday is for rest. Have fun! ",
        },
    )

    statement = BoundaryStatement.objects.get(user=alice)
    assert response["Location"] == reverse("planning:boundary-detail", args=[statement.pk])
    assert statement.text == "I can't come to the party; Friday is for rest. Have fun!"
    assert (statement.area, statement.template) == ("social", "social-decline")


def test_saving_empty_or_overlong_text_keeps_the_builder_and_saves_nothing(alice_client):
    for text, error in [("", "Write the statement before saving it."), ("x" * 501, "under 500")]:
        response = alice_client.post(
            SAVE, {"template": "social-need", "need": "a quiet walk", "text": text}
        )

        assert response.status_code == 422
        assert error in response.text
        assert 'value="a quiet walk"' in response.text
    assert not BoundaryStatement.objects.exists()


def test_saving_with_an_unknown_template_is_not_found(alice_client):
    response = alice_client.post(SAVE, {"template": "nope", "text": "Hello"})

    assert response.status_code == 404
    assert not BoundaryStatement.objects.exists()
