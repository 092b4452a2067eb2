"""Reminder dispatch: 100,000 check-in reminders due in the same minute, claimed and queued.

The population of bench/harness.py (100,000 users with a verified address, the daily check-in
reminder on, one check-in schedule each; made once and reused) is made due: every schedule's
next_due_at is set to the current minute. Then apps.reminders.tasks.dispatch_due runs, as beat's
task would, with the real queue (apps.outbox.tasks.enqueue: send_messages tasks of TASK_CHUNK
outbox message ids, to the Redis broker of the bench settings). The broker's queue is purged
before and after; no worker consumes it, so every task stays there to be checked.

  dispatch_100k_seconds       from the start of dispatch_due to its return, that is to the last
                              message published (tasks are queued on each batch's commit)
  dispatch_queries_per_batch  SQL queries per full batch (tasks.BATCH_SIZE schedules),
                              counted with connection.execute_wrapper over every batch; the
                              script fails if full batches differ

Verified afterwards, or the script fails: 100,000 claimed; exactly one pending check-in outbox
message per user; no schedule still due; ceil(100,000 / TASK_CHUNK) tasks in the queue, every
one a send_messages task, whose ids together are exactly the new messages, each once. Then the
run is undone (messages deleted, schedules parked) so the script can run again.

Environment: BENCH_PROFILE=1 runs the dispatch under cProfile and logs the top functions (the
figure is then inflated by the profiler), plus those of bench/harness.py.
Run alone: .venv/bin/python -m bench.bench_dispatch
"""

import base64
import cProfile
import io
import json
import math
import os
import pstats
import sys
import time

from bench import harness
from bench.harness import figure, log

PROFILE = os.environ.get("BENCH_PROFILE", "") == "1"
SEND_TASK = "apps.outbox.tasks.send_messages"


def broker_client():
    from config.celery_app import app

    return app.connection_for_write()


def queued_messages() -> list[dict]:
    """Every message waiting in the broker's default queue, decoded (kombu's Redis format)."""
    from config.celery_app import app

    with broker_client() as connection:
        raw = connection.default_channel.client.lrange(app.conf.task_default_queue, 0, -1)
    return [json.loads(item) for item in raw]


def purge() -> None:
    from config.celery_app import app

    app.control.purge()


def park(population) -> None:
    """Undo a run: no messages for the population, no schedule of theirs due."""
    from apps.outbox.models import Message
    from apps.reminders.models import Reminder

    Message.objects.filter(user__in=population).delete()
    Reminder.objects.filter(user__in=population).update(next_due_at=None)


def main() -> None:
    harness.setup()
    from django.db import connection
    from django.utils import timezone

    from apps.outbox import tasks as outbox
    from apps.reminders import tasks
    from apps.reminders.models import Kind, Reminder

    ids = harness.ensure_population()
    population = harness.population_users()
    expected = len(ids)

    others = Reminder.objects.due(timezone.now()).exclude(user__in=population).count()
    if others:
        raise RuntimeError(f"{others} schedules outside the bench population are due; not mine")
    purge()
    park(population)
    due = timezone.now().replace(second=0, microsecond=0)
    Reminder.objects.filter(user__in=population, kind=Kind.CHECKIN).update(next_due_at=due)
    with connection.cursor() as cursor:
        for table in ("reminders_reminder", "outbox_message"):
            cursor.execute(f"VACUUM ANALYZE {table}")
    now = timezone.now()

    batches: list[tuple[int, int]] = []  # (queries, ids queued) per committed batch
    queries = 0
    publish_seconds = 0.0
    sql_seconds: dict[str, float] = {}  # time in the driver's execute, by SQL verb

    def count(execute, sql, params, many, context):
        nonlocal queries
        queries += 1
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            verb = sql.lstrip().split(None, 1)[0].upper()
            sql_seconds[verb] = sql_seconds.get(verb, 0.0) + time.perf_counter() - started

    def queue(pending: list[int]) -> None:
        nonlocal queries, publish_seconds
        batches.append((queries, len(pending)))
        queries = 0
        started = time.perf_counter()
        outbox.enqueue(pending)
        publish_seconds += time.perf_counter() - started

    profiler = cProfile.Profile() if PROFILE else None
    log(f"bench: dispatching {expected:,} due check-in reminders (batches of {tasks.BATCH_SIZE})")
    try:
        with connection.execute_wrapper(count):
            started = time.perf_counter()
            if profiler:
                profiler.enable()
            claimed = tasks.dispatch_due(now, queue)
            if profiler:
                profiler.disable()
            seconds = time.perf_counter() - started
        trailing = queries  # the last, empty batch: it finds nothing due and queues nothing
        log(
            f"bench: claimed {claimed:,} in {seconds:.2f} s ({claimed / seconds:,.0f}/s), "
            f"{len(batches)} batches, publishing {publish_seconds:.2f} s of it; time in the "
            "database driver (execute, by statement): "
            + ", ".join(f"{verb} {spent:.2f} s" for verb, spent in sorted(sql_seconds.items()))
        )
        if profiler:
            out = io.StringIO()
            pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(35)
            out.write("\n--- by own time ---\n")
            pstats.Stats(profiler, stream=out).sort_stats("tottime").print_stats(25)
            log(out.getvalue())

        per_batch = verify(claimed, expected, batches, trailing, now, population)
    finally:
        purge()
        park(population)

    figure("dispatch_100k_seconds", f"{seconds:.1f}")
    figure("dispatch_queries_per_batch", per_batch)


def verify(claimed, expected, batches, trailing, now, population) -> int:
    from apps.outbox.models import Message
    from apps.outbox.tasks import TASK_CHUNK
    from apps.reminders.models import Kind, Reminder
    from apps.reminders.tasks import BATCH_SIZE

    problems = []
    if claimed != expected:
        problems.append(f"claimed {claimed}, expected {expected}")
    full = [q for q, n in batches if n == BATCH_SIZE]
    if len(full) != expected // BATCH_SIZE:
        problems.append(f"{len(full)} full batches, expected {expected // BATCH_SIZE}")
    if len(set(full)) > 1:
        problems.append(f"full batches ran different numbers of queries: {sorted(set(full))}")
    per_batch = max(q for q, _ in batches)
    log(
        f"bench: queries per batch: full {sorted(set(full))}, all "
        f"{sorted({q for q, _ in batches})}, the final empty look-up {trailing}"
    )

    messages = Message.objects.filter(user__in=population)
    rows = list(messages.values_list("pk", "user_id", "kind", "status"))
    pks = {pk for pk, *_ in rows}
    if len(rows) != expected or len({user for _, user, _, _ in rows}) != expected:
        problems.append(f"{len(rows)} messages for {len({r[1] for r in rows})} users")
    if {(kind, status) for _, _, kind, status in rows} != {(Kind.CHECKIN, "pending")}:
        problems.append("messages other than pending check-ins")
    still_due = Reminder.objects.filter(user__in=population).due(now).count()
    if still_due:
        problems.append(f"{still_due} schedules still due")

    published = queued_messages()
    chunks = math.ceil(expected / TASK_CHUNK)
    queued: list[int] = []
    for task_message in published:
        task = task_message.get("headers", {}).get("task")
        args, _kwargs, _embed = json.loads(base64.b64decode(task_message["body"]))
        if task != SEND_TASK:
            problems.append(f"a queued task {task}")
        queued.extend(args[0])
    if len(published) != chunks:
        problems.append(f"{len(published)} tasks queued, expected {chunks}")
    if len(queued) != len(set(queued)) or set(queued) != pks:
        problems.append(
            f"queued ids: {len(queued)} ({len(set(queued))} distinct), {len(set(queued) - pks)}"
            f" not new messages, {len(pks - set(queued))} messages not queued"
        )
    log(
        f"bench: {len(rows):,} messages, {len(published):,} tasks holding {len(queued):,} ids"
        f" ({len(set(queued)):,} distinct); problems: {problems or 'none'}"
    )
    if problems:
        raise RuntimeError("; ".join(problems))
    return per_batch


if __name__ == "__main__":
    try:
        main()
    except RuntimeError as exc:
        sys.exit(f"bench_dispatch: {exc}")
