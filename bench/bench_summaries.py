"""Weekly summaries: rendered and sent by one Celery worker into a local SMTP server.

The population of bench/harness.py (100,000 users; made once and reused) is the database. A
sample of them gets a full fortnight of content relative to their own last complete local week
(check-ins on 12 of 14 days, weekly actions, rest windows taken and planned, an energy audit
with three moments a day): made with COPY and reused until the weeks move on. An aiosmtpd
server on 127.0.0.1 counts what it receives and discards it.

Two runs, each with a fresh worker process (`celery --app config worker --pool solo
--concurrency 1`, config.settings.bench as a worker: no connection pool, EMAIL_URL pointing at
the local server), each sending BENCH_SUMMARY_DELIVERIES pending summary outbox messages, queued
as send_messages tasks of apps.outbox.tasks.TASK_CHUNK ids once the worker is ready:

  10k   users drawn at random from the population's first 10,000
  100k  users drawn at random from all 100,000

Figures:
  summaries_per_second           emails received per second, first to last, in the 10k run
  summaries_per_second_100k      the same in the 100k run
  summary_worker_peak_mb_10k     the worker's peak resident memory (VmHWM) in the 10k run
  summary_worker_peak_mb_100k    the same in the 100k run (the target: flat, that is the same)

Every message must end sent and every email reach the server, or the script fails. Afterwards
the summary messages are deleted and the broker's queue purged, so the script can run again.
Limitations: the database holds the same 100,000 users in both runs; what changes is how widely
the summarised users are spread (and each run has a fresh worker). The SMTP server shares the
machine's cores with the worker and PostgreSQL, as a local relay would.

Environment: BENCH_SUMMARY_DELIVERIES (2000 per run), BENCH_SUMMARY_BUDGET (seconds from the
start by which both runs must be done, 125; keep it under BENCH_SCRIPT_TIMEOUT), plus those of
bench/harness.py.
Run alone: .venv/bin/python -m bench.bench_summaries
"""

import contextlib
import datetime as dt
import hashlib
import logging
import os
import random
import re
import subprocess
import sys
import threading
import time
from pathlib import Path

from bench import harness
from bench.harness import figure, log

DELIVERIES = int(os.environ.get("BENCH_SUMMARY_DELIVERIES", 2000))
# Both runs must end within this many seconds of the start (`python -m bench` stops a script
# after BENCH_SCRIPT_TIMEOUT, 150 s): a run that cannot finish in time fails instead.
BUDGET = float(os.environ.get("BENCH_SUMMARY_BUDGET", 125))
STARTED = time.monotonic()
READY_TIMEOUT = 30.0
CONTENT_MARKER = "bench-content-"  # + a digest of the weeks + the population's domain
CONTENT_VERSION = 2  # free text encrypted at rest
SUBJECT = re.compile(rb"^Subject: ([^\r\n]*)", re.MULTILINE)


# --- The SMTP server ----------------------------------------------------------------------
class Counter:
    """aiosmtpd handler: counts messages and notes when the first and last arrived."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.reset()

    def reset(self) -> None:
        with self.lock:
            self.count = 0
            self.with_figures = 0  # subjects of a summary with check-ins (not "a gentle note")
            self.first = self.last = 0.0

    async def handle_DATA(self, server, session, envelope) -> str:  # aiosmtpd hook
        now = time.monotonic()
        match = SUBJECT.search(envelope.content, 0, 4096)
        with self.lock:
            self.count += 1
            self.first = self.first or now
            self.last = now
            if match and b"energy summary" in match.group(1):
                self.with_figures += 1
        return "250 OK"


@contextlib.contextmanager
def smtp_server():
    from aiosmtpd.controller import Controller

    # aiosmtpd logs every SMTP command at INFO on "mail.log"; the app's logging shows INFO.
    logging.getLogger("mail.log").setLevel(logging.WARNING)
    handler = Counter()
    port = harness.free_port()
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield handler, port
    finally:
        controller.stop()


# --- Content ------------------------------------------------------------------------------
def weeks(now: dt.datetime) -> dict[str, object]:
    from apps.lib.dates import zone
    from apps.overview.summary import Week

    return {name: Week.before(now, zone(name)) for name in harness.POPULATION_ZONES}


def ensure_content(users: list[int], now: dt.datetime) -> None:
    """A full fortnight for each of `users` before their summary week ends, made once per set
    of users and weeks (a marker user names them) and replaced when the weeks move on."""
    from django.db import transaction

    from apps.accounts.models import User

    by_zone = weeks(now)
    signature = repr(
        (CONTENT_VERSION, sorted(users), sorted((n, w.first) for n, w in by_zone.items()))
    )
    digest = hashlib.sha256(signature.encode()).hexdigest()[:16]
    marker = f"{CONTENT_MARKER}{digest}{harness.POPULATION_DOMAIN}"
    if User.objects.filter(email=marker).exists():
        return
    started = time.monotonic()
    log(f"bench: creating a fortnight of content for {len(users):,} users (reused this week)")
    with transaction.atomic():
        remove_content(harness.population_users())
        User.objects.filter(email__startswith=CONTENT_MARKER).delete()
        rows = make_content(users, by_zone)
        harness.make_marker(marker)
    analyze()  # as autovacuum would, in time: fresh tables have no statistics yet
    log(f"bench: {rows:,} rows of content in {time.monotonic() - started:.1f} s")


def analyze() -> None:
    from django.db import connection

    from apps.audits.models import EnergyAudit, EnergyMoment
    from apps.checkins.models import CheckIn
    from apps.outbox.models import Message
    from apps.planning.models import RestWindow, WeeklyAction

    with connection.cursor() as cursor:
        for model in (CheckIn, WeeklyAction, RestWindow, EnergyAudit, EnergyMoment, Message):
            cursor.execute(f"ANALYZE {connection.ops.quote_name(model._meta.db_table)}")


def remove_content(population) -> None:
    from apps.audits.models import EnergyAudit, EnergyMoment
    from apps.checkins.models import CheckIn
    from apps.planning.models import RestWindow, WeeklyAction

    # only("pk"): the rows are never decrypted (nor need a key that fits), just deleted.
    EnergyMoment.objects.filter(audit__user__in=population).only("pk").delete()
    for model in (EnergyAudit, CheckIn, WeeklyAction, RestWindow):
        model.objects.filter(user__in=population).only("pk").delete()


def make_content(users: list[int], by_zone: dict) -> int:
    from apps.audits.models import EnergyAudit, EnergyMoment
    from apps.checkins.feelings import FEELINGS
    from apps.checkins.models import CheckIn, Need
    from apps.planning.models import RestWindow, WeeklyAction

    zone_of = dict(harness.population_users().filter(pk__in=users).values_list("pk", "time_zone"))
    rng = random.Random(7)  # noqa: S311 - made-up data, the same every time
    feelings = sorted(FEELINGS)
    needs = [str(n) for n in Need.values]
    notes = [" ".join(rng.choices(harness.WORDS, k=12)) for _ in range(16)]

    def local(week, day: dt.date, at: str) -> dt.datetime:
        return dt.datetime.combine(day, dt.time.fromisoformat(at), tzinfo=week.tz)

    def checkins():
        for pk in users:
            week = by_zone[zone_of[pk]]
            for n in range(-7, 7):
                if (n + pk) % 7 == 3:  # a day off each week
                    continue
                yield {
                    "user_id": pk,
                    "checked_in_on": week.first + dt.timedelta(days=n),
                    "feeling": "my own word" if n == 2 else rng.choice(feelings),
                    "energy": rng.randint(1, 10),
                    "need": rng.choice(needs),
                    "drive": rng.randint(1, 5),
                    "sleep_hours": rng.choice((5, 6, 7, 8)),
                    "sleep_quality": rng.randint(1, 5),
                    "note": notes[(n + pk) % len(notes)],  # never read by the summary
                }

    def actions():
        for pk in users:
            first = by_zone[zone_of[pk]].first
            earlier = first - dt.timedelta(days=7)
            for week_of, status in ((first, "done"), (first, "partly"), (earlier, "done")):
                yield {"user_id": pk, "week_of": week_of, "title": "A walk", "status": status}

    def windows():
        for pk in users:
            week = by_zone[zone_of[pk]]
            taken_before = (week.first - dt.timedelta(days=2), 8)
            taken = (week.first + dt.timedelta(days=5), 7)  # Saturday of the summary week
            planned = (week.last + dt.timedelta(days=13), None)  # after now, all week long
            for day, rested in (taken_before, taken, planned):
                starts = local(week, day, "09:00")
                yield {
                    "user_id": pk,
                    "starts_at": starts,
                    "ends_at": starts + dt.timedelta(hours=24),
                    "rested": rested,
                    "activities": "A long walk",
                }

    rows = harness.copy_rows(CheckIn, checkins())
    rows += harness.copy_rows(WeeklyAction, actions())
    rows += harness.copy_rows(RestWindow, windows())
    rows += harness.copy_rows(
        EnergyAudit,
        (
            {
                "user_id": pk,
                "starts_on": by_zone[zone_of[pk]].first,
                "ends_on": by_zone[zone_of[pk]].last,
            }
            for pk in users
        ),
    )
    # A list: no other query may run on the connection while COPY streams the moments.
    audits = list(EnergyAudit.objects.filter(user_id__in=users).values_list("pk", "user_id"))

    def moments():
        for audit, pk in audits:
            week = by_zone[zone_of[pk]]
            for day in week.days:
                for at in ("08:30", "14:00", "20:30"):
                    yield {
                        "audit_id": audit,
                        "occurred_at": local(week, day, at),
                        "energy": rng.randint(1, 10),
                        "activity": "Email",
                        "effect": rng.choice(("drains", "recharges")),
                    }

    return rows + harness.copy_rows(EnergyMoment, moments())


# --- The worker ---------------------------------------------------------------------------
def worker_env(smtp_port: int) -> dict[str, str]:
    env = os.environ.copy()
    env.update(
        DJANGO_SETTINGS_MODULE=harness.SETTINGS,
        EMAIL_URL=f"smtp://127.0.0.1:{smtp_port}",
        DATABASE_POOL="false",  # a worker, as in docker-compose.yml: no pool
        PYTHONUNBUFFERED="1",
    )
    return env


@contextlib.contextmanager
def worker(label: str, smtp_port: int):
    """One Celery worker process, solo pool; yields its pid once it is ready."""
    log_path = harness.VAR / f"worker-{label}.log"
    command = [
        sys.executable,
        *("-m", "celery", "--app", "config", "worker", "--pool", "solo", "--concurrency", "1"),
        *("--loglevel", "INFO", "--without-mingle", "--without-gossip", "--without-heartbeat"),
        f"--hostname=bench-{label}@%h",
    ]
    with log_path.open("wb") as log_file:
        process = subprocess.Popen(  # noqa: S603 - our own interpreter, fixed arguments
            command, cwd=harness.ROOT, env=worker_env(smtp_port), stdout=log_file, stderr=log_file
        )
    try:
        deadline = time.monotonic() + READY_TIMEOUT
        while b" ready." not in log_path.read_bytes():
            if process.poll() is not None:
                raise RuntimeError(
                    f"the worker exited ({process.returncode}): {harness.tail(log_path, 20)}"
                )
            if time.monotonic() > deadline:
                raise RuntimeError(f"the worker was not ready after {READY_TIMEOUT:.0f} s")
            time.sleep(0.1)
        yield process.pid
    finally:
        harness.stop(process, grace=15)


def memory_mb(pid: int, key: str) -> float:
    """VmHWM (peak) or VmRSS (now) of a process, in MB, from /proc."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(f"{key}:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError(f"no {key} in /proc/{pid}/status")


# --- A run --------------------------------------------------------------------------------
def pending_summaries(users: list[int], now: dt.datetime) -> list[int]:
    from apps.lib.dates import zone
    from apps.outbox.models import Message
    from apps.reminders import schedule
    from apps.reminders.models import Kind

    people = harness.population_users().filter(pk__in=users)
    rows = []
    for pk, time_zone, email in people.values_list("pk", "time_zone", "email"):
        slot = schedule.summary_slot(now, zone(time_zone))
        rows.append(
            {
                "kind": Kind.SUMMARY,
                "key": f"email:{Kind.SUMMARY}:{pk}:{slot}",
                "ref": slot,
                "user_id": pk,
                "to": email,
                "due_at": now,
                "next_attempt_at": now,
            }
        )
    return sorted(Message.objects.add_new(rows))


def run(label: str, users: list[int], smtp: Counter, smtp_port: int) -> tuple[float, float]:
    """Send summaries to `users` with a fresh worker; returns (emails per second, peak MB)."""
    from django.db.models import Count
    from django.utils import timezone

    from apps.outbox.models import Message, Status
    from apps.outbox.tasks import enqueue

    clear_summaries()
    ids = pending_summaries(users, timezone.now())
    if len(ids) != len(users):
        raise RuntimeError(f"{len(ids)} pending summaries for {len(users)} users")
    smtp.reset()
    with worker(label, smtp_port) as pid:
        idle = memory_mb(pid, "VmRSS")
        enqueue(ids)
        deadline = STARTED + BUDGET
        while smtp.count < len(ids) and time.monotonic() < deadline:
            time.sleep(0.2)
        peak = memory_mb(pid, "VmHWM")
    statuses = dict(
        Message.objects.filter(pk__in=ids).values_list("status").annotate(n=Count("pk"))
    )
    seconds = smtp.last - smtp.first
    rate = (smtp.count - 1) / seconds if seconds > 0 else 0.0
    log(
        f"bench: {label}: {smtp.count:,} of {len(ids):,} emails in {seconds:.1f} s = "
        f"{rate:.1f}/s ({smtp.with_figures:,} with figures); messages {statuses}; worker "
        f"memory idle {idle:.1f} MB, peak {peak:.1f} MB (+{peak - idle:.1f})"
    )
    if smtp.count != len(ids) or statuses != {Status.SENT: len(ids)}:
        log(harness.tail(harness.VAR / f"worker-{label}.log", 20))
        raise RuntimeError(f"{label}: not every summary was sent {BUDGET:.0f} s into the script")
    if smtp.with_figures < len(ids) // 2:
        raise RuntimeError(f"{label}: only {smtp.with_figures} summaries had any figures")
    return rate, peak


def clear_summaries() -> None:
    from apps.outbox.models import Message
    from apps.reminders.models import Kind
    from config.celery_app import app

    app.control.purge()
    Message.objects.filter(user__in=harness.population_users(), kind=Kind.SUMMARY).delete()


def main() -> None:
    harness.setup()
    from django.utils import timezone

    ids = harness.ensure_population()
    samples = {
        "10k": random.Random(10).sample(ids[:10_000], DELIVERIES),  # noqa: S311
        "100k": random.Random(100).sample(ids, DELIVERIES),  # noqa: S311
    }
    ensure_content(sorted(set(samples["10k"]) | set(samples["100k"])), timezone.now())
    results = {}
    with smtp_server() as (smtp, port):
        log(f"bench: SMTP server on 127.0.0.1:{port}; {DELIVERIES:,} summaries per run")
        try:
            for label, users in samples.items():
                results[label] = run(label, users, smtp, port)
        finally:
            clear_summaries()
    figure("summaries_per_second", f"{results['10k'][0]:.1f}")
    figure("summaries_per_second_100k", f"{results['100k'][0]:.1f}")
    figure("summary_worker_peak_mb_10k", f"{results['10k'][1]:.1f}")
    figure("summary_worker_peak_mb_100k", f"{results['100k'][1]:.1f}")


if __name__ == "__main__":
    try:
        main()
    except RuntimeError as exc:
        sys.exit(f"bench_summaries: {exc}")
