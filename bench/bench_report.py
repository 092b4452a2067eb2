"""The report for a professional: a two-year PDF, made in this process.

The user of bench/harness.py (730 daily check-ins with sleep, a journal entry every third day)
gets two years of the rest too: a burnout self-check every four weeks, a rest window and a
weekly action each week, a boundary practised twice a week. The report covers the 730 days,
rendered from its template and laid out by WeasyPrint exactly as the download does; the PDF is
read back with pypdf to count its pages. One warm-up, then RUNS timed runs of each of:

  report     every section, the journal left out (the form's own choice, and the usual one)
  journal    every section and every journal entry of the two years (about 240 entries of up
             to 400 words: the heaviest report there is; its time is WeasyPrint laying out
             some 120 pages of prose, about 40 ms a page)

Figures:
  report_pdf_seconds                the median seconds per report (target < 3)
  report_pdf_pages                  its page count
  report_pdf_seconds_every_entry    the same with every journal entry
  report_pdf_pages_every_entry      its page count
Run alone: .venv/bin/python -m bench.bench_report
"""

import datetime as dt
import io
import os
import statistics
import time

from bench import harness
from bench.harness import figure, log

RUNS = int(os.environ.get("BENCH_REPORT_RUNS", 3))


def seed_the_rest(user) -> None:
    from apps.checkins import burnout
    from apps.checkins.models import BurnoutCheck
    from apps.lib.dates import week_start, zone
    from apps.planning.models import BoundaryPractice, BoundaryStatement, RestWindow, WeeklyAction

    today = harness.local_today(user)
    first = today - dt.timedelta(days=harness.HISTORY_DAYS)
    BurnoutCheck.objects.bulk_create(
        BurnoutCheck(
            user=user,
            taken_on=first + dt.timedelta(weeks=4 * n),
            answers=dict.fromkeys(burnout.ITEMS, (25, 50, 75)[n % 3]),
        )
        for n in range(harness.HISTORY_DAYS // 28)
    )
    tz = zone(user.time_zone)
    mondays = [week_start(first) + dt.timedelta(weeks=n) for n in range(104)]
    RestWindow.objects.bulk_create(
        RestWindow(
            user=user,
            starts_at=dt.datetime.combine(monday + dt.timedelta(days=5), dt.time(9), tzinfo=tz),
            ends_at=dt.datetime.combine(monday + dt.timedelta(days=6), dt.time(9), tzinfo=tz),
            rested=n % 10 + 1,
        )
        for n, monday in enumerate(mondays)
    )
    WeeklyAction.objects.bulk_create(
        WeeklyAction(user=user, week_of=monday, title=f"Small step {n}", status="done")
        for n, monday in enumerate(mondays)
    )
    statement = BoundaryStatement.objects.create(user=user, area="work", text="Not after six.")
    BoundaryPractice.objects.bulk_create(
        BoundaryPractice(
            statement=statement, practised_on=monday + dt.timedelta(days=d), outcome="well"
        )
        for monday in mondays
        for d in (1, 3)
    )


def main() -> None:
    harness.setup()
    from pypdf import PdfReader

    from apps.overview.report import SECTIONS, Report, report_pdf

    user = harness.seed_user()
    seed_the_rest(user)
    last = harness.local_today(user)
    first = last - dt.timedelta(days=harness.HISTORY_DAYS - 1)
    sections = [key for key, _ in SECTIONS]

    for suffix, entries in (("", ()), ("_every_entry", "all")):
        report_pdf(Report(user, first, last, sections, entries))  # warm-up
        seconds = []
        for run in range(RUNS):
            started = time.perf_counter()
            pdf = report_pdf(Report(user, first, last, sections, entries))
            seconds.append(time.perf_counter() - started)
            log(f"bench: report{suffix} {run + 1}: {seconds[-1]:.2f} s, {len(pdf) // 1024} KiB")
        figure(f"report_pdf_seconds{suffix}", round(statistics.median(seconds), 2))
        figure(f"report_pdf_pages{suffix}", len(PdfReader(io.BytesIO(pdf)).pages))


if __name__ == "__main__":
    main()
