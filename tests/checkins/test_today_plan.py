"""Today is for the day's check-in; the week's plan is one link away, never on the page."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db
URL = reverse("checkins:today")


def test_today_links_to_the_weeks_plan_the_audit_the_journal_and_insights(alice_client):
    html = alice_client.get(URL).text

    for name in (
        "planning:actions",
        "planning:rest",
        "audits:list",
        "checkins:insights",
        "checkins:history",
    ):
        assert f'href="{reverse(name)}"' in html
    assert f'href="{reverse("checkins:journal-create")}?prompt=today"' in html
