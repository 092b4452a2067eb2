import datetime as dt

import pytest
from django.urls import reverse

from apps.planning.models import BoundaryPractice, BoundaryStatement
from tests.planning.conftest import HTMX, add_statement

pytestmark = pytest.mark.django_db
TODAY = dt.date(2026, 3, 25)


def test_the_detail_shows_the_statement_and_its_practices(alice_client, alice):
    statement = add_statement(alice, "No meetings after four.")
    BoundaryPractice.objects.create(
        statement=statement, practised_on=TODAY, outcome="hard", how_it_went="They pushed back."
    )

    html = alice_client.get(reverse("planning:boundary-detail", args=[statement.pk])).text

    assert "No meetings after four." in html
    assert "It was hard" in html
    assert "They pushed back." in html
    assert "1 time so far" in html


def test_the_practice_log_offers_only_the_three_outcomes(alice_client, alice):
    statement = add_statement(alice, "No meetings after four.")

    html = alice_client.get(reverse("planning:boundary-detail", args=[statement.pk])).text

    assert html.count('name="outcome"') == 3
    assert 'name="outcome" value=""' not in html
    assert "Select an option" not in html


def test_the_words_can_be_edited_after_saving(alice_client, alice):
    statement = add_statement(alice, "Old words.")
    url = reverse("planning:boundary-detail", args=[statement.pk])

    assert alice_client.post(url, {"text": "New words."})["Location"] == url
    response = alice_client.post(url, {"text": ""})

    assert response.status_code == 422
    statement.refresh_from_db()
    assert statement.text == "New words."


def test_a_practice_is_noted_with_a_day_an_outcome_and_a_note(alice_client, alice):
    statement = add_statement(alice)

    response = alice_client.post(
        reverse("planning:boundary-practise", args=[statement.pk]),
        {"practised_on": "2026-03-24", "outcome": "mixed", "how_it_went": "Felt awkward."},
        headers=HTMX,
    )

    assert response.status_code == 200
    assert response.text.strip().startswith('<section class="card" id="practices"')
    practice = BoundaryPractice.objects.get(statement=statement)
    assert (practice.practised_on, practice.outcome, practice.how_it_went) == (
        dt.date(2026, 3, 24),
        "mixed",
        "Felt awkward.",
    )


def test_a_plain_practice_post_returns_to_the_statement(alice_client, alice):
    statement = add_statement(alice)
    url = reverse("planning:boundary-practise", args=[statement.pk])

    response = alice_client.post(url, {"practised_on": "2026-03-25", "outcome": "well"})

    assert response["Location"] == reverse("planning:boundary-detail", args=[statement.pk])


@pytest.mark.parametrize(
    ("data", "error"),
    [
        ({"practised_on": "2026-03-26"}, "That day hasn&#x27;t happened yet."),
        ({"practised_on": "2022-01-01"}, "more than three years ago"),
        ({"practised_on": "yesterday"}, "Enter a date like"),
        ({"outcome": ""}, "Choose how it went: well, mixed or hard."),
        ({"outcome": "perfect"}, "Choose well, mixed or hard."),
        ({"how_it_went": "x" * 301}, "under 300 characters"),
    ],
)
def test_bad_practice_input_gets_a_clear_error_and_saves_nothing(alice_client, alice, data, error):
    statement = add_statement(alice)
    form = {"practised_on": "2026-03-25", "outcome": "well", **data}

    response = alice_client.post(reverse("planning:boundary-practise", args=[statement.pk]), form)

    assert response.status_code == 422
    assert error in response.text
    assert not BoundaryPractice.objects.exists()


def test_the_day_is_judged_in_my_zone(client, charlie):
    # 25 March 12:00 UTC is 07:00 on 25 March in Chicago: the 26th is still tomorrow there.
    statement = add_statement(charlie)
    client.force_login(charlie)
    url = reverse("planning:boundary-practise", args=[statement.pk])

    assert client.post(url, {"practised_on": "2026-03-26", "outcome": "well"}).status_code == 422
    assert client.post(url, {"practised_on": "2026-03-25", "outcome": "well"}).status_code == 302


def test_deleting_asks_first_then_removes_the_statement_and_its_practices(alice_client, alice):
    statement = add_statement(alice)
    BoundaryPractice.objects.create(statement=statement, practised_on=TODAY, outcome="well")
    url = reverse("planning:boundary-delete", args=[statement.pk])

    assert "Delete this statement?" in alice_client.get(url).text
    assert alice_client.post(url)["Location"] == reverse("planning:boundaries")
    assert not BoundaryStatement.objects.exists()
    assert not BoundaryPractice.objects.exists()


def test_the_list_shows_how_often_each_statement_was_practised(alice_client, alice):
    statement = add_statement(alice, "Weekends are offline.")
    for day in (20, 22):
        BoundaryPractice.objects.create(
            statement=statement, practised_on=dt.date(2026, 3, day), outcome="well"
        )

    html = alice_client.get(reverse("planning:boundaries")).text

    assert "practised 2 times, last on 22 March 2026" in html
