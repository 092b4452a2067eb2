"""Daylio rows imported per second, on PostgreSQL, in this process.

A Daylio export of BENCH_IMPORT_ROWS rows is written as Daylio writes it (newest first, one or
two entries a day, up to four activities from twenty, a short note on most days), checked whole
(apps/imports/daylio.parse, as at upload) and imported for the bench user with every mood and
activity mapped (apps/imports/jobs.run, as the worker runs it: chunks of days, each chunk
committed with its progress). The bench user starts with no check-ins.

Figures:
  import_rows_per_second   rows of the file per second, from the check to the last commit
                           (target >= 2000)
  import_days              the check-ins it made
Run alone: .venv/bin/python -m bench.bench_import
"""

import csv
import datetime as dt
import io
import os
import random
import time

from bench import harness
from bench.harness import figure, log

ROWS = int(os.environ.get("BENCH_IMPORT_ROWS", 20_000))
MOODS = ("rad", "good", "meh", "bad", "awful")
ACTIVITIES = tuple(f"activity {n}" for n in range(20))


def daylio_file(today: dt.date) -> str:
    rng = random.Random(ROWS)  # noqa: S311 - the same made-up file every run
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(
        ("full_date", "date", "weekday", "time", "mood", "activities", "note_title", "note")
    )
    day, rows = today - dt.timedelta(days=1), 0
    while rows < ROWS:
        for hour in (21, 9)[: 2 if rng.random() < 0.2 else 1]:
            writer.writerow(
                (
                    day.isoformat(),
                    f"{day:%B} {day.day}",
                    f"{day:%A}",
                    f"{hour % 12 or 12}:30 {'am' if hour < 12 else 'pm'}",
                    rng.choice(MOODS),
                    " | ".join(rng.sample(ACTIVITIES, rng.randint(0, 4))),
                    "",
                    "A long day, then a walk." if rng.random() < 0.6 else "",
                )
            )
            rows += 1
        day -= dt.timedelta(days=1)
    return out.getvalue()


def main() -> None:
    harness.setup()
    from apps.checkins.models import CheckIn
    from apps.imports import daylio, jobs
    from apps.imports.models import ImportJob

    user = harness.seed_user()
    CheckIn.objects.filter(user=user).delete()
    today = harness.local_today(user)
    text = daylio_file(today)
    log(f"bench: a Daylio file of {ROWS} rows, {len(text) // 1024} KiB")

    started = time.perf_counter()
    parsed = daylio.parse(text, today)
    job = ImportJob.objects.create(
        user=user,
        kind=ImportJob.Kind.DAYLIO,
        content=text,
        total=len(parsed.days),
        status=ImportJob.Status.QUEUED,
        mapping={
            "moods": {mood: ["calm", 5] for mood in MOODS},
            "activities": dict.fromkeys(ACTIVITIES, jobs.NEW),
        },
    )
    jobs.run(job.pk)
    seconds = time.perf_counter() - started
    job.refresh_from_db()
    if job.status != ImportJob.Status.DONE:
        raise SystemExit(f"bench_import: the import ended {job.status}: {job.error}")
    log(f"bench: {ROWS} rows, {job.outcome['added']} days in {seconds:.2f} s")
    figure("import_rows_per_second", round(ROWS / seconds))
    figure("import_days", job.outcome["added"])
    ImportJob.objects.filter(pk=job.pk).delete()


if __name__ == "__main__":
    main()
