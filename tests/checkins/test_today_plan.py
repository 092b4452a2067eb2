import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from apps.audits.models import EnergyAudit
from apps.lib.dates import week_start
from apps.planning.models import PersonalValue, RestWindow, WeeklyAction
from apps.resources.models import Value
from tests.checkins.conftest import local_today

pytestmark = pytest.mark.django_db
URL = reverse("checkins:today")


def test_without_plans_today_offers_the_tools_gently(alice_client):
    html = alice_client.get(URL).text

    assert "Start a one-week energy audit" in html
    assert "Choose one or two small actions" in html
    assert "Plan a 24-hour rest window" in html


def test_today_shows_the_running_audit_this_weeks_actions_and_the_next_rest_window(
    alice_client, alice
):
    today = local_today(alice)
    audit = EnergyAudit.objects.create(
        user=alice, starts_on=today, ends_on=today + dt.timedelta(days=6)
    )
    value = PersonalValue.objects.create(user=alice, value=Value.objects.first(), rank=1)
    WeeklyAction.objects.create(
        user=alice, week_of=week_start(today), personal_value=value, title="Walk at lunch"
    )
    start = timezone.now() + dt.timedelta(days=2)
    window = RestWindow.objects.create(
        user=alice, starts_at=start, ends_at=start + dt.timedelta(hours=24)
    )

    html = alice_client.get(URL).text

    assert reverse("audits:detail", args=[audit.pk]) in html
    assert "Walk at lunch" in html
    assert reverse("planning:rest-detail", args=[window.pk]) in html


def test_during_a_rest_window_today_says_so(alice_client, alice):
    start = timezone.now() - dt.timedelta(hours=2)
    RestWindow.objects.create(user=alice, starts_at=start, ends_at=start + dt.timedelta(hours=24))

    assert "You are in a rest window until" in alice_client.get(URL).text


def test_another_users_plans_never_show(alice_client, charlie):
    WeeklyAction.objects.create(
        user=charlie, week_of=week_start(local_today(charlie)), title="Charlie's action"
    )

    assert "Charlie" not in alice_client.get(URL).text
