import pytest
from django.urls import reverse

from apps.audits.models import running_audit
from tests.audits.conftest import audit, day, moment, text

pytestmark = [pytest.mark.django_db, pytest.mark.sqlite]
URL = reverse("audits:list")


def test_the_running_audit_comes_first_then_the_past_ones_with_their_figures(
    alice_client, alice, running
):
    past = audit(alice, starts_on=day(-14))
    moment(past, day(-13), "09:00", energy=4)
    moment(past, day(-12), "09:00", energy=7)
    moment(running, day(0), "09:00")

    page = text(alice_client.get(URL))

    assert page.index("Running now: Mon 23 Nov \N{EN DASH} Sun 29 Nov") < page.index("Past audits")
    assert "1 moment logged so far, average energy 5.0" in page
    assert "Mon 9 Nov 2026 \N{EN DASH} Sun 15 Nov" in page
    assert "2 moments, average energy 5.5" in page
    assert reverse("audits:report", args=[past.pk]) in page


def test_two_audits_or_more_offer_to_compare_them(alice_client, alice, running):
    assert 'action="/audits/compare/"' not in alice_client.get(URL).text

    audit(alice, starts_on=day(-14))

    assert 'action="/audits/compare/"' in alice_client.get(URL).text


def test_a_new_person_sees_the_start_form_and_a_kind_word(alice_client):
    page = text(alice_client.get(URL))

    assert 'action="/audits/start/"' in page
    assert "low energy is information, not failure" in page
    assert "None yet." in page


def test_only_the_persons_own_audits_are_listed(alice_client, charlie):
    theirs = audit(charlie, starts_on=day(-14))

    page = alice_client.get(URL).text

    assert reverse("audits:report", args=[theirs.pk]) not in page
    assert "Running now" not in page


def test_running_audit_finds_the_week_running_on_a_local_day(alice, running):
    assert running_audit(alice, day(0)) == running
    assert running_audit(alice, day(6)) == running
    assert running_audit(alice, day(7)) is None
    running.ended_early_on = day(4)
    running.save()
    assert running_audit(alice, day(4)) is None
