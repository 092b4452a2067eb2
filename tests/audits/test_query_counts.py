"""Every audit page runs a small, fixed number of queries, as many with a year of weekly audits
as with two, and the report of a full week of moments as many as that of an empty one."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from apps.audits.models import Commitment, EnergyAudit, EnergyMoment
from apps.lib.dates import zone
from tests.audits.conftest import MONDAY, value
from tests.queries import statements

pytestmark = [pytest.mark.django_db, pytest.mark.sqlite]
MAX_QUERIES = 10


def add_audits(user, weeks: int) -> list[EnergyAudit]:
    """Weekly audits back from the running one, each with a full week of moments."""
    tz = zone(user.time_zone)
    values = [value(user, "Family"), value(user, "Growth")]
    audits = EnergyAudit.objects.bulk_create(
        EnergyAudit(
            user=user,
            starts_on=MONDAY - dt.timedelta(weeks=n),
            ends_on=MONDAY - dt.timedelta(weeks=n) + dt.timedelta(days=6),
        )
        for n in range(weeks)
    )
    EnergyMoment.objects.bulk_create(
        EnergyMoment(
            audit=week,
            occurred_at=dt.datetime.combine(
                week.starts_on + dt.timedelta(days=d), dt.time(7 + 3 * h), tzinfo=tz
            ),
            energy=1 + (d + h) % 10,
            activity=("Standup", "Walk", "Emails", "Lunch with Sam", "Deep work")[h],
            effect="drains" if h % 2 else "recharges",
        )
        for week in audits
        for d in range(5 if week.starts_on == MONDAY else 7)  # the running week is at Friday
        for h in range(5)
    )
    Commitment.objects.bulk_create(
        Commitment(
            audit=week,
            title=f"Commitment {n}",
            hours_per_week=2 + n,
            personal_value=values[n % 2] if n < 4 else None,
            decision=("keep", "delegate", "postpone", "drop", "")[n],
            delegate_to="Sam" if n == 1 else "",
            postpone_until=dt.date(2027, 1, 10) if n == 2 else None,
        )
        for week in audits
        for n in range(5)
    )
    return audits


def audit_pages(audits: list[EnergyAudit]) -> dict[str, str]:
    running, past = audits[0], audits[1]
    return {
        "list": reverse("audits:list"),
        "running audit": reverse("audits:detail", args=[running.pk]),
        "past audit": reverse("audits:detail", args=[past.pk]),
        "running report": reverse("audits:report", args=[running.pk]),
        "past report": reverse("audits:report", args=[past.pk]),
        "compare": reverse("audits:compare") + f"?a={past.pk}&b={running.pk}",
    }


def query_counts(client, audits: list[EnergyAudit]) -> dict[str, int]:
    counts = {}
    for page, url in audit_pages(audits).items():
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200, url
        counts[page] = len(statements(queries))
    return counts


def test_audit_pages_run_the_same_few_queries_with_two_audits_or_a_year_of_them(
    client, alice, charlie
):
    few = add_audits(alice, weeks=2)
    year = add_audits(charlie, weeks=52)
    assert EnergyMoment.objects.filter(audit__user=charlie).count() > 1800

    client.force_login(alice)
    two_weeks = query_counts(client, few)
    client.force_login(charlie)
    fifty_two_weeks = query_counts(client, year)

    assert two_weeks == fifty_two_weeks
    assert max(fifty_two_weeks.values()) <= MAX_QUERIES, fifty_two_weeks


def test_a_report_costs_the_same_empty_or_full(client, alice, running):
    url = reverse("audits:report", args=[running.pk])
    client.force_login(alice)
    with CaptureQueriesContext(connection) as empty:
        client.get(url)

    EnergyAudit.objects.filter(pk=running.pk).delete()
    full = add_audits(alice, weeks=1)[0]
    with CaptureQueriesContext(connection) as queries:
        client.get(reverse("audits:report", args=[full.pk]))

    assert len(statements(queries)) == len(statements(empty)) <= MAX_QUERIES
