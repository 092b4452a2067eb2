"""Every planning page runs a small, fixed number of queries, as many with a year of history
as with one week."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from apps.audits.models import Commitment, EnergyAudit, EnergyMoment
from apps.checkins.models import CheckIn
from apps.planning.models import (
    BoundaryPractice,
    BoundaryStatement,
    CalendarFeed,
    RestWindow,
    ShareLink,
    WeeklyAction,
    WeekReflection,
)
from tests.planning.conftest import NOW, THIS_WEEK, add_value
from tests.queries import statements

pytestmark = [pytest.mark.django_db, pytest.mark.sqlite]
MAX_QUERIES = 10


def add_history(user, weeks: int) -> None:
    """This week's plan and `weeks` weeks before it."""
    values = [add_value(user, f"Value {n}", rank=n) for n in range(1, 6)]
    starts = [THIS_WEEK - dt.timedelta(weeks=n) for n in range(weeks + 1)]
    WeeklyAction.objects.bulk_create(
        WeeklyAction(user=user, week_of=start, personal_value=values[n % 5], title=f"Step {n}")
        for start in starts
        for n in range(2)
    )
    WeekReflection.objects.bulk_create(
        WeekReflection(user=user, week_of=start, text="Smaller was better.") for start in starts
    )
    statements = BoundaryStatement.objects.bulk_create(
        BoundaryStatement(user=user, area="work", text=f"Boundary {n}") for n in range(weeks)
    )
    BoundaryPractice.objects.bulk_create(
        BoundaryPractice(statement=s, practised_on=start, outcome="mixed")
        for s in statements
        for start in starts[:3]
    )
    # Windows a week apart: the last three still to come, the rest (at least one) past.
    count = max(4, min(weeks, 50))
    RestWindow.objects.bulk_create(
        RestWindow(
            user=user,
            starts_at=NOW + dt.timedelta(weeks=n - count + 3, hours=1),
            ends_at=NOW + dt.timedelta(weeks=n - count + 3, hours=25),
            rested=n % 10 + 1,
        )
        for n in range(count)
    )
    ShareLink.objects.bulk_create(
        ShareLink(user=user, expires_at=NOW + dt.timedelta(days=10 - n), include_values=True)
        for n in range(max(1, weeks // 2))
    )
    CalendarFeed.objects.create(user=user)
    # This week's page reads the check-ins, the latest audit's commitments and every audit's
    # moments: one audit a week, a moment a day, a check-in a day.
    CheckIn.objects.bulk_create(
        CheckIn(user=user, checked_in_on=THIS_WEEK - dt.timedelta(days=n), energy=n % 10 + 1)
        for n in range(weeks * 7)
    )
    for start in starts[1:]:
        audit = EnergyAudit.objects.create(
            user=user, starts_on=start, ends_on=start + dt.timedelta(days=6)
        )
        Commitment.objects.bulk_create(
            Commitment(audit=audit, title=f"C{n}", hours_per_week=n + 1, weekday=n % 7)
            for n in range(3)
        )
        EnergyMoment.objects.bulk_create(
            EnergyMoment(
                audit=audit,
                occurred_at=NOW - dt.timedelta(weeks=weeks, hours=n * 5),
                energy=n % 10 + 1,
                activity="Work",
                effect="drains",
            )
            for n in range(7)
        )


def signed_in_pages(user) -> list[str]:
    statement = BoundaryStatement.objects.filter(user=user).first()
    window = RestWindow.objects.filter(user=user).first()
    return [
        reverse("overview:week"),
        reverse("planning:values"),
        reverse("planning:actions"),
        reverse("planning:actions") + "?page=2",
        reverse("planning:boundaries"),
        reverse("planning:boundary-build") + "?template=work-capacity",
        reverse("planning:boundary-detail", args=[statement.pk]),
        reverse("planning:rest"),
        reverse("planning:rest-detail", args=[window.pk]),
        reverse("planning:rest-ics", args=[window.pk]),
        reverse("planning:shares"),
    ]


def public_pages(user) -> list[str]:
    link = ShareLink.objects.filter(user=user).order_by("-expires_at").first()
    link.include_actions = link.include_boundaries = link.include_rest = True
    link.save()
    return [
        reverse("planning:share-view", args=[link.token]),
        reverse("planning:calendar-feed", args=[CalendarFeed.objects.get(user=user).token]),
    ]


def query_counts(client, urls: list[str]) -> list[int]:
    counts = []
    for url in urls:
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200, url
        counts.append(len(statements(queries)))
    return counts


def test_pages_run_the_same_few_queries_with_one_week_or_a_year(client, alice, charlie):
    add_history(alice, weeks=1)
    add_history(charlie, weeks=52)

    client.force_login(alice)
    one_week = query_counts(client, signed_in_pages(alice))
    client.force_login(charlie)
    a_year = query_counts(client, signed_in_pages(charlie))
    client.logout()
    public = [query_counts(client, public_pages(user)) for user in (alice, charlie)]

    assert one_week == a_year, str(
        list(zip(signed_in_pages(charlie), one_week, a_year, strict=True))
    )
    assert max(a_year) <= MAX_QUERIES, a_year
    assert public[0] == public[1]
    assert max(public[1]) <= MAX_QUERIES, public
