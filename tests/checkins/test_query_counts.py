"""Every signed-in page runs a small, fixed number of queries, as many with two years of
history (two tags a day) as with one day."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from apps.checkins.models import BurnoutCheck, CheckIn, JournalEntry, Tag
from tests.checkins.conftest import local_today
from tests.queries import statements

pytestmark = [pytest.mark.django_db, pytest.mark.sqlite]
MAX_QUERIES = 10


def add_history(user, days: int) -> None:
    today = local_today(user)
    CheckIn.objects.bulk_create(
        CheckIn(
            user=user,
            checked_in_on=today - dt.timedelta(days=n),
            feeling=("drained", "calm", "curious", "tense")[n % 4],
            energy=1 + n % 10,
            need=("rest", "connection", "clarity", "boundary")[n % 4],
            drive=1 + n % 5,
            sleep_hours=5 + n % 4,
            sleep_quality=1 + n % 5,
            note="a note",
        )
        for n in range(days)
    )
    tags = Tag.objects.create_defaults(user)
    through = CheckIn.tags.through
    through.objects.bulk_create(  # two tags a day
        through(checkin_id=checkin_id, tag_id=tags[(i + k) % len(tags)].pk)
        for i, checkin_id in enumerate(CheckIn.objects.for_user(user).values_list("pk", flat=True))
        for k in (0, 3)
    )
    JournalEntry.objects.bulk_create(
        JournalEntry(user=user, written_on=today - dt.timedelta(days=n), body=f"Entry {n} river")
        for n in range(0, days, 2)
    )
    BurnoutCheck.objects.bulk_create(  # a burnout self-check every four weeks
        BurnoutCheck(user=user, taken_on=today - dt.timedelta(days=n), answers={"tired": 50})
        for n in range(0, days, 28)
    )


def signed_in_pages(user) -> list[str]:
    past = (local_today(user) - dt.timedelta(days=1)).isoformat()
    entry = JournalEntry.objects.filter(user=user).first()
    return [
        reverse("checkins:today"),
        reverse("checkins:insights") + "?days=7",
        reverse("checkins:insights") + "?days=30",
        reverse("checkins:insights") + "?days=90",
        reverse("checkins:history"),
        reverse("checkins:day", args=[past]),
        reverse("checkins:day", args=[local_today(user).isoformat()]),
        reverse("checkins:safety"),
        reverse("checkins:journal"),
        reverse("checkins:journal") + "?search=1",
        reverse("checkins:journal-detail", args=[entry.pk]),
        reverse("checkins:journal-update", args=[entry.pk]),
        reverse("checkins:journal-create"),
        reverse("accounts:account"),
        reverse("checkins:tags"),
        reverse("checkins:self-check"),
        reverse("checkins:self-check-results"),
    ]


def query_counts(client, user) -> dict[str, int]:
    client.post(reverse("checkins:journal"), {"q": "river"})  # a search kept in the session
    counts = {}
    for url in signed_in_pages(user):
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200, url
        counts[url] = len(statements(queries))
    return counts


def test_pages_run_the_same_few_queries_with_one_day_or_two_years(client, alice, charlie):
    charlie.country = alice.country  # the safety page looks up the country's crisis lines
    charlie.save()
    add_history(alice, days=1)
    add_history(charlie, days=730)

    client.force_login(alice)
    one_day = query_counts(client, alice)
    client.force_login(charlie)
    two_years = query_counts(client, charlie)

    assert list(one_day.values()) == list(two_years.values()), (one_day, two_years)
    assert max(two_years.values()) <= MAX_QUERIES, two_years
