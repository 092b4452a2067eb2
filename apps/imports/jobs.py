"""Running an import: a Daylio CSV mapped onto check-ins and tags, or a Pacewise export
restored into an empty account.

An upload is checked whole (apps/imports/daylio.py, apps/accounts/restore.py) and becomes an
ImportJob waiting for the person's go-ahead; a Daylio file shows a preview where each mood
label gets a feeling and an energy and each activity a tag (apps/imports/forms.py). Then `run`
imports it: in the request for a small file, in the `run_import` Celery task for a large one,
while the page shows the progress. The work is idempotent: a day that already has a check-in is
kept and reported, never overwritten, so a second run of the same file adds nothing.
"""

import datetime as dt
import logging
from collections.abc import Iterator

from celery import shared_task
from django.db import IntegrityError, transaction
from django.db.models.functions import Lower
from django.utils import timezone
from kombu.exceptions import OperationalError as KombuOperationalError
from redis.exceptions import ConnectionError as RedisConnectionError

from apps.accounts import restore
from apps.accounts.models import User
from apps.checkins.models import CheckIn, JournalEntry, Tag
from apps.imports import daylio
from apps.imports.models import ImportJob

logger = logging.getLogger(__name__)

CHUNK = 500  # days per transaction
CHUNK_ATTEMPTS = 3
INLINE_TOTAL = (
    400  # a file of up to this many days (Daylio) or rows (a restore) runs in the request
)
NOTE_LIMIT = CheckIn._meta.get_field("note").max_length
TAG_LIMIT = Tag._meta.get_field("name").max_length
NEW, SKIP = "new", "skip"
BROKER_DOWN = (KombuOperationalError, RedisConnectionError, OSError)


def local_today(user: User) -> dt.date:
    return user.local_now().date()


# --- Running an import --------------------------------------------------------------------
def start(job: ImportJob, mapping: dict) -> None:
    """The go-ahead: import now if the file is small, else queue it for a worker. Only a job
    still waiting for it starts: a second click on the button changes nothing."""
    waiting = ImportJob.objects.filter(pk=job.pk, status=ImportJob.Status.PREVIEW)
    if not waiting.update(
        mapping=mapping, status=ImportJob.Status.QUEUED, updated_at=timezone.now()
    ):
        return
    if job.total <= INLINE_TOTAL:
        run(job.pk)
    else:
        transaction.on_commit(lambda: publish(job.pk))


@shared_task(name="imports.run_import")
def run_import(pk: int) -> None:
    run(pk)


def publish(pk: int) -> None:
    try:
        run_import.delay(pk)
    except BROKER_DOWN:  # the progress page publishes it again
        logger.warning("import %s not queued: the broker did not answer", pk, exc_info=True)


def claim(pk: int) -> ImportJob | None:
    """The job, locked for this run, if it still has work; None if another run finished it.

    The claim leaves the file unread (deferred): each chunk of a large import claims the job
    again.
    """
    job = ImportJob.objects.select_for_update().defer("content").filter(pk=pk).first()
    if job is None or job.is_finished or job.status == ImportJob.Status.PREVIEW:
        return None
    return job


def run(pk: int) -> None:
    """Import the job's file: a Pacewise export in one transaction, a Daylio file a chunk of
    days per transaction, from where it stopped. Whatever goes wrong ends the job as stopped,
    with the file forgotten and a message for the person: never a job retried for ever."""
    kind = ImportJob.objects.filter(pk=pk).values_list("kind", flat=True).first()
    try:
        if kind == ImportJob.Kind.PACEWISE:
            run_restore(pk)
        elif kind == ImportJob.Kind.DAYLIO:
            run_daylio(pk)
    except (daylio.BadFile, restore.BadExport) as error:
        stop(pk, str(error))
    except Exception:
        logger.exception("import %s stopped", pk)
        stop(pk, OUR_SIDE[kind])


# What the person reads when an import stops on our side: a restore is one transaction, so
# nothing of it stays; a Daylio import keeps the chunks of days it had finished.
OUR_SIDE = {
    ImportJob.Kind.PACEWISE: "Something went wrong on our side while restoring, so nothing of "
    "the file was restored and your account is as it was. Upload the file again to try again.",
    ImportJob.Kind.DAYLIO: "Something went wrong on our side while importing. What was imported "
    "so far is kept; upload the file again to bring in the rest.",
}


def stop(pk: int, error: str) -> None:
    ImportJob.objects.filter(pk=pk).update(
        status=ImportJob.Status.FAILED, content="", error=error[:500], updated_at=timezone.now()
    )


def run_restore(pk: int) -> None:
    with transaction.atomic():
        job = claim(pk)
        if job is None:
            return
        today = local_today(job.user)
        job.outcome = {"restored": restore.restore(job.user, restore.load(job.content), today)}
        job.done = job.total
        job.save(update_fields=["outcome", "done", "updated_at"])
        finish(job)


def run_daylio(pk: int) -> None:
    with transaction.atomic():
        job = claim(pk)
        if job is None:
            return
        job.status = ImportJob.Status.RUNNING
        job.save(update_fields=["status", "updated_at"])
        parsed = daylio.parse(job.content, local_today(job.user))
        tag_ids = tags_for(job.user, job.mapping["activities"])
        days = sorted(parsed.days.values(), key=lambda day: day.date)
    for chunk in batches(days, CHUNK):
        for attempt in range(1, CHUNK_ATTEMPTS + 1):
            try:
                with transaction.atomic():
                    job = claim(pk)
                    if job is None:
                        return
                    if chunk[-1].date.isoformat() > job.outcome.get("through", ""):
                        import_days(job, chunk, tag_ids)  # else a run before this one did
                break
            except IntegrityError:
                # The person checked in on one of these days (or another import got there)
                # between the look and the insert: look again; that day is now kept.
                if attempt == CHUNK_ATTEMPTS:
                    raise
    with transaction.atomic():
        job = claim(pk)
        if job is not None:
            finish(job)


def batches(days: list[daylio.Day], size: int) -> Iterator[list[daylio.Day]]:
    for start in range(0, len(days), size):
        yield days[start : start + size]


def tags_for(user: User, activities: dict[str, str]) -> dict[str, int]:
    """Each activity's tag id: a chosen tag of the person's, or a new one of that name (the same
    one on a second run: names are unique per person, whatever their case)."""
    own = tag_ids_by_name(user)
    chosen = {name: int(choice) for name, choice in activities.items() if choice.isdigit()}
    chosen = {name: pk for name, pk in chosen.items() if pk in own.values()}
    wanted = {name: name[:TAG_LIMIT].strip() for name, c in activities.items() if c == NEW}
    missing = {tag for tag in wanted.values() if tag.lower() not in own}
    if missing:
        last = len(own)
        Tag.objects.bulk_create(
            [
                Tag(user=user, name=name, kind=Tag.Kind.ACTIVITY, order=last + n)
                for n, name in enumerate(sorted(missing))
            ],
            ignore_conflicts=True,
        )
        own = tag_ids_by_name(user)
    return {**chosen, **{name: own[tag.lower()] for name, tag in wanted.items()}}


def tag_ids_by_name(user: User) -> dict[str, int]:
    """The person's tags by lower-case name, as names are unique for them."""
    return {name: pk for pk, name in Tag.objects.for_user(user).values_list("pk", Lower("name"))}


def import_days(job: ImportJob, chunk: list[daylio.Day], tag_ids: dict[str, int]) -> None:
    """One chunk: the days without a check-in get one (and a journal entry for a long note);
    the others are kept and counted. The progress is saved in the same transaction."""
    user = job.user
    taken = set(
        CheckIn.objects.for_user(user)
        .filter(checked_in_on__in=[day.date for day in chunk])
        .values_list("checked_in_on", flat=True)
    )
    fresh = [day for day in chunk if day.date not in taken]
    moods = job.mapping["moods"]
    checkins = CheckIn.objects.bulk_create(
        CheckIn(
            user=user,
            checked_in_on=day.date,
            feeling=moods[day.mood][0],
            energy=moods[day.mood][1],
            need="",
            note=day.note if len(day.note) <= NOTE_LIMIT else "",
            is_backfilled=True,
        )
        for day in fresh
    )
    CheckIn.tags.through.objects.bulk_create(
        CheckIn.tags.through(checkin_id=checkin.pk, tag_id=tag_id)
        for checkin, day in zip(checkins, fresh, strict=True)
        for tag_id in dict.fromkeys(tag_ids[a] for a in day.activities if a in tag_ids)
    )
    long_notes = [day for day in fresh if len(day.note) > NOTE_LIMIT]
    JournalEntry.objects.bulk_create(
        JournalEntry(user=user, written_on=day.date, prompt_text="From Daylio", body=day.note)
        for day in long_notes
    )
    outcome = job.outcome
    outcome["added"] = outcome.get("added", 0) + len(fresh)
    outcome["journal"] = outcome.get("journal", 0) + len(long_notes)
    outcome["kept"] = [*outcome.get("kept", []), *sorted(d.isoformat() for d in taken)]
    outcome["through"] = chunk[-1].date.isoformat()
    job.done += len(chunk)
    job.save(update_fields=["outcome", "done", "updated_at"])


def finish(job: ImportJob) -> None:
    job.status = ImportJob.Status.DONE
    job.content = ""  # the file is not kept once its days are in
    job.save(update_fields=["status", "content", "updated_at"])


def requeue_if_stalled(job: ImportJob, now: dt.datetime | None = None) -> bool:
    """A queued job whose task never came (the broker was down), or a running one whose
    worker died, is published again; the claim keeps two runs from importing a chunk twice."""
    now = now or timezone.now()
    stalled = (job.status == ImportJob.Status.QUEUED and now - job.updated_at > QUEUED_GRACE) or (
        job.status == ImportJob.Status.RUNNING and now - job.updated_at > RUNNING_GRACE
    )
    if stalled:
        ImportJob.objects.filter(pk=job.pk).update(updated_at=now)
        publish(job.pk)
    return stalled


QUEUED_GRACE = dt.timedelta(seconds=30)
RUNNING_GRACE = dt.timedelta(minutes=3)


def days_taken(user: User, parsed: daylio.Parsed) -> int:
    """How many of the file's days already have a check-in (and will be kept as they are)."""
    return CheckIn.objects.for_user(user).filter(checked_in_on__in=list(parsed.days)).count()
