import pytest
from django.urls import reverse

from apps.audits.models import EnergyAudit, running_audit
from tests.audits.conftest import audit, commitment, day

pytestmark = pytest.mark.django_db


def end(client, audit):
    return client.post(reverse("audits:end", args=[audit.pk]))


def test_a_running_audit_can_end_early_and_shows_its_report(alice_client, alice, running):
    response = end(alice_client, running)

    assert response["Location"] == reverse("audits:report", args=[running.pk])
    running.refresh_from_db()
    assert running.ended_early_on == day(4)
    assert running_audit(alice, day(4)) is None


def test_an_audit_that_has_not_started_is_called_off(alice_client, alice):
    upcoming = audit(alice, starts_on=day(7))
    commitment(upcoming, "Committee")

    response = end(alice_client, upcoming)

    assert response["Location"] == reverse("audits:list")
    assert not EnergyAudit.objects.exists()


def test_a_finished_audit_stays_as_it_was(alice_client, alice):
    past = audit(alice, starts_on=day(-14))

    response = end(alice_client, past)

    assert response["Location"] == reverse("audits:report", args=[past.pk])
    past.refresh_from_db()
    assert past.ended_early_on is None


def test_the_detail_page_offers_to_end_a_running_audit(alice_client, running):
    page = alice_client.get(reverse("audits:detail", args=[running.pk])).text

    assert f'action="{reverse("audits:end", args=[running.pk])}"' in page
    assert "End the audit now" in page
