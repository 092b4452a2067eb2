import datetime as dt
from decimal import Decimal

import pytest
from django.urls import reverse

from apps.audits.models import Commitment
from tests.audits.conftest import commitment, text, value

pytestmark = pytest.mark.django_db
HTMX = {"HTTP_HX_REQUEST": "true"}


def add(client, audit, **data):
    fields = {"title": "Team lead", "hours_per_week": "10", "personal_value": "", **data}
    url = reverse("audits:commitment-add", args=[audit.pk])
    return client.post(url, {f"new-{name}": v for name, v in fields.items()})


def decide(client, c, headers=None, **data):
    fields = {"title": c.title, "hours_per_week": str(c.hours_per_week), **data}
    url = reverse("audits:commitment-update", args=[c.audit_id, c.pk])
    return client.post(url, {f"c{c.pk}-{name}": v for name, v in fields.items()}, **(headers or {}))


def test_a_commitment_is_added_with_the_value_it_serves(alice_client, alice, running):
    family = value(alice, "Family")

    response = add(alice_client, running, title="  Parents'   visits ", personal_value=family.pk)

    assert response.status_code == 302
    assert response["Location"] == reverse("audits:detail", args=[running.pk]) + "#commitments"
    saved = Commitment.objects.get(audit=running)
    assert (saved.title, saved.hours_per_week, saved.personal_value) == (
        "Parents' visits",
        Decimal(10),
        family,
    )


def test_the_form_offers_only_the_persons_own_values(alice_client, alice, charlie, running):
    value(alice, "Family")
    theirs = value(charlie, "Adventure")

    page = alice_client.get(reverse("audits:detail", args=[running.pk])).text
    response = add(alice_client, running, personal_value=theirs.pk)

    assert "Family" in page
    assert "Adventure" not in page
    assert response.status_code == 422
    assert "Choose one of your values from the list, or none." in response.text
    assert not Commitment.objects.exists()


def test_without_values_it_points_to_the_values_page(alice_client, running):
    page = alice_client.get(reverse("audits:detail", args=[running.pk])).text

    assert "Choose your values on the Values page" in page
    assert "to link commitments to them." in page


@pytest.mark.parametrize(
    ("hours", "error"),
    [
        ("lots", "Enter hours as a number, like 5 or 2.5."),
        ("200", "A week has 168 hours. Enter at most 168."),
        ("-1", "Hours can't be negative."),
        ("", "Roughly how many hours a week does it take? A guess is fine."),
    ],
)
def test_bad_hours_are_refused_kept_and_nothing_saved(alice_client, running, hours, error):
    response = add(alice_client, running, title="Committee", hours_per_week=hours)

    assert response.status_code == 422
    assert error in text(response)
    assert 'value="Committee"' in response.text
    assert not Commitment.objects.exists()


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ({"decision": "keep"}, ("keep", "", None)),
        ({"decision": "delegate", "delegate_to": "Sam"}, ("delegate", "Sam", None)),
        (
            {"decision": "postpone", "postpone_until": "2027-01-15"},
            ("postpone", "", dt.date(2027, 1, 15)),
        ),
        ({"decision": "drop", "delegate_to": "Sam"}, ("drop", "", None)),
    ],
)
def test_each_decision_is_saved(alice_client, running, data, expected):
    c = commitment(running, "Committee", "3")

    response = decide(alice_client, c, **data)

    assert response.status_code == 302
    assert response["Location"].endswith(f"#commitment-{c.pk}")
    c.refresh_from_db()
    assert (c.decision, c.delegate_to, c.postpone_until) == expected


def test_delegating_needs_someone_to_delegate_to(alice_client, running):
    c = commitment(running, "Committee", "3")

    response = decide(alice_client, c, decision="delegate", delegate_to="  ")

    assert response.status_code == 422
    assert "Who could take this on? Write a name or a role." in response.text
    c.refresh_from_db()
    assert c.decision == ""


def test_postponing_needs_a_day_to_come_back_to_it(alice_client, running):
    c = commitment(running, "Committee", "3")

    response = decide(alice_client, c, decision="postpone", postpone_until="")

    assert response.status_code == 422
    assert "Until when? Choose the day to come back to it." in response.text
    c.refresh_from_db()
    assert c.decision == ""


def test_postponing_to_a_day_already_past_is_refused(alice_client, running):
    c = commitment(running, "Committee", "3")

    response = decide(alice_client, c, decision="postpone", postpone_until="2026-11-27")

    assert response.status_code == 422
    assert "Choose a day after today: postponing means coming back later." in response.text
    assert 'value="2026-11-27"' in response.text


def test_an_earlier_postponement_whose_day_has_passed_can_still_be_saved(alice_client, running):
    c = commitment(running, "Committee", "3", decision="postpone", postpone_until="2026-11-20")

    response = decide(
        alice_client, c, decision="postpone", postpone_until="2026-11-20", title="Board"
    )

    assert response.status_code == 302
    c.refresh_from_db()
    assert c.title == "Board"


def test_an_htmx_decision_answers_with_the_commitments_alone(alice_client, running):
    c = commitment(running, "Committee", "3")

    ok = decide(alice_client, c, HTMX, decision="drop")
    bad = decide(alice_client, c, HTMX, decision="delegate")

    assert ok.status_code == 200
    assert ok.text.lstrip().startswith('<section class="card" id="commitments"')
    assert "Drop" in ok.text
    assert bad.status_code == 422
    assert bad.text.lstrip().startswith('<section class="card" id="commitments"')
    assert "<details open>" in bad.text


def test_a_commitment_can_be_removed(alice_client, running):
    c = commitment(running, "Committee", "3")

    response = alice_client.post(reverse("audits:commitment-delete", args=[running.pk, c.pk]))

    assert response.status_code == 302
    assert not Commitment.objects.exists()
