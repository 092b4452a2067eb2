"""SQL queries per signed-in page, for a user with a two-year history.

The user of bench/harness.py (730 daily check-ins, a journal entry every third day) is signed
in through Django's test client, in this process, against the bench PostgreSQL database and
the production settings (config.settings.bench). Each signed-in page is requested once and its
queries are counted with CaptureQueriesContext (the session and user look-ups included); every
page must answer 200. The Today page is counted before and after today's check-in is saved.

Figures: queries[<page>] for each page, then page_queries_max, the most on any page
(target <= 10). Nothing is asserted. Run alone: .venv/bin/python -m bench.bench_queries
"""

import datetime as dt
import sys

from bench import harness
from bench.harness import figure, log


def pages(user) -> list[tuple[str, str]]:
    """(stable figure label, URL) for every signed-in page."""
    from django.urls import reverse

    from apps.checkins.models import JournalEntry
    from apps.resources.models import Exercise, TherapyApproach

    past_day = (harness.local_today(user) - dt.timedelta(days=200)).isoformat()
    entries = JournalEntry.objects.filter(user=user)
    entry = entries.order_by("-written_on").first()
    last_page = (entries.count() + 19) // 20
    insights = reverse("checkins:insights")
    journal = reverse("checkins:journal")
    urls = [
        (reverse("checkins:today"), reverse("checkins:today")),
        (f"{insights}?days=7", f"{insights}?days=7"),
        (f"{insights}?days=30", f"{insights}?days=30"),
        (f"{insights}?days=90", f"{insights}?days=90"),
        (reverse("checkins:history"), reverse("checkins:history")),
        ("/checkins/<past-day>/", reverse("checkins:day", args=[past_day])),
        (reverse("checkins:safety"), reverse("checkins:safety")),
        (journal, journal),
        (f"{journal}?search=1 (a search for a word)", f"{journal}?search=1"),
        (f"{journal}?page=<last>", f"{journal}?page={last_page}"),
        ("/journal/<pk>/", reverse("checkins:journal-detail", args=[entry.pk])),
        ("/journal/<pk>/edit/", reverse("checkins:journal-update", args=[entry.pk])),
        ("/journal/<pk>/delete/", reverse("checkins:journal-delete", args=[entry.pk])),
        (reverse("checkins:journal-create"), reverse("checkins:journal-create")),
        (reverse("accounts:account"), reverse("accounts:account")),
        (reverse("overview:week"), reverse("overview:week")),
        (reverse("overview:report"), reverse("overview:report")),
        (reverse("resources:library"), reverse("resources:library")),
    ]
    # Curated content, signed in (the pages also serve visitors).
    if exercise := Exercise.objects.published().first():
        url = reverse("resources:exercise", args=[exercise.slug])
        urls.append(("/resources/exercises/<slug>/", url))
    if approach := TherapyApproach.objects.published().first():
        url = reverse("resources:approach", args=[approach.slug])
        urls.append(("/resources/approaches/<slug>/", url))
    return urls


def main() -> None:
    harness.setup()
    from django.conf import settings
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from apps.checkins.models import CheckIn

    user = harness.seed_user()
    client = Client(SERVER_NAME=settings.ALLOWED_HOSTS[0])
    client.force_login(user)
    client.post("/journal/", {"q": "river"})  # searches live in the session
    counts = {}

    def count(label: str, url: str) -> None:
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        if response.status_code != 200:
            raise RuntimeError(f"GET {url} answered {response.status_code}, expected 200")
        counts[label] = len(queries)
        log(f"bench: GET {url}: {len(queries)} queries ({label})")

    for label, url in pages(user):
        count(label, url)
    # The Today page once today's check-in is saved: a summary (and what goes with it).
    CheckIn.objects.create(
        user=user,
        checked_in_on=harness.local_today(user),
        feeling="calm",
        energy=5,
        need="rest",
        drive=2,
        sleep_hours=7,
        sleep_quality=4,
        note="bench",
    )
    count("/today/(checked-in)", "/today/")
    count("/checkins/<today>/", f"/checkins/{harness.local_today(user).isoformat()}/")
    for label, count in counts.items():
        figure(f"queries[{label}]", count)
    figure("page_queries_max", max(counts.values()))


if __name__ == "__main__":
    try:
        main()
    except RuntimeError as exc:
        sys.exit(f"bench_queries: {exc}")
