import pytest
from django.urls import reverse

from tests.audits.conftest import audit, commitment, day, moment, value, words

pytestmark = pytest.mark.django_db
URL = reverse("audits:compare")


def test_two_audits_are_shown_side_by_side(alice_client, alice, running):
    earlier = audit(alice, starts_on=day(-14))
    moment(earlier, day(-14), "09:00", energy=2, activity="Deadline", effect="drains")
    moment(earlier, day(-13), "09:00", energy=4, activity="Deadline", effect="drains")
    moment(running, day(0), "09:00", energy=7, activity="Swim", effect="recharges")
    growth = value(alice, "Growth")
    commitment(earlier, "Team lead", "10", decision="keep")
    commitment(running, "Team lead", "6", personal_value=growth, decision="keep")
    commitment(running, "Committee", "2", decision="drop")

    page = words(alice_client.get(URL, {"a": earlier.pk, "b": running.pk}))

    assert "Mon 9 Nov 2026 \N{EN DASH} Sun 15 Nov Mon 23 Nov 2026 \N{EN DASH} Sun 29 Nov" in page
    assert "Moments logged 2 1" in page
    assert "Average energy 3.0 of 10 7.0 of 10" in page
    assert "Drained / recharged 2 / 0 0 / 1" in page
    assert "Top drain Deadline (2\N{MULTIPLICATION SIGN}, energy 3) —" in page
    assert "Top recharger — Swim (1\N{MULTIPLICATION SIGN}, energy 7)" in page
    assert "Committed hours serving your values 0% (0 of 10 h) 75% (6 of 8 h)" in page
    assert "Decisions taken 1 (keep 1) 2 (keep 1, drop 1)" in page


@pytest.mark.parametrize("query", [{}, {"a": "1"}, {"a": "x", "b": "y"}, {"a": "999", "b": "998"}])
def test_a_missing_or_unknown_audit_is_not_found(alice_client, query):
    assert alice_client.get(URL, query).status_code == 404
