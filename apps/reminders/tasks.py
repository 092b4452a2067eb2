"""Beat's dispatcher: claim the schedules that are due, and hand one message per (person, kind,
slot) and channel to the outbox, which sends it (apps/outbox/tasks.py; what it says:
apps/reminders/emails.py): an email, a notification to each of the person's devices, or both,
as they chose for that kind (Preferences.channels).

Each batch runs in one transaction that locks its schedule rows with SKIP LOCKED, so two
dispatchers (or two beat processes) never take the same row, in a fixed handful of queries
per batch, whatever its size. A message's key names its channel, person, kind and slot (the
local day, ISO week or rest window) and, for a notification, the device, so a slot gets one
message each however often it is dispatched. The send tasks are published only once the batch
has committed.
"""

import datetime as dt
from collections import defaultdict
from collections.abc import Callable

from celery import shared_task
from django.db import models, transaction
from django.db.models import Case, Value, When
from django.db.models.functions import Cast
from django.utils import timezone

from apps.lib.dates import zone
from apps.outbox import push
from apps.outbox.models import Channel, Message, PushSubscription
from apps.outbox.tasks import enqueue
from apps.reminders import schedule
from apps.reminders.models import REST_KINDS, VIA_FIELD, Kind, Preferences, Reminder, Via

BATCH_SIZE = 1000
# What the dispatcher reads of each schedule, its person and their preferences.
DISPATCH_FIELDS = (
    "kind",
    "next_due_at",
    "rest_window_id",
    "user__email",
    "user__time_zone",
    *(
        f"user__reminder_preferences__{name}"
        for name in (
            "checkin_enabled",
            "checkin_time",
            "checkin_days",
            "summary_enabled",
            "summary_weekday",
            "summary_time",
            *set(VIA_FIELD.values()),
        )
    ),
)


@shared_task
def dispatch_due_reminders() -> int:
    """Beat runs this every minute; safe to run twice at once (SKIP LOCKED)."""
    return dispatch_due()


def dispatch_due(
    now: dt.datetime | None = None, queue: Callable[[list[int]], None] = enqueue
) -> int:
    """Drain everything due by `now`, batch after batch. Returns how many were claimed."""
    now = now or timezone.now()
    total = 0
    while claimed := dispatch_batch(now, queue):
        total += claimed
    return total


def dispatch_batch(now: dt.datetime, queue: Callable[[list[int]], None]) -> int:
    """Claim up to BATCH_SIZE due reminders; returns how many were claimed."""
    with transaction.atomic():
        reminders = list(
            Reminder.objects.due(now)
            .select_for_update(skip_locked=True, of=("self",))
            .select_related("user", "user__reminder_preferences")
            .only(*DISPATCH_FIELDS)
            .order_by("next_due_at")[:BATCH_SIZE]
        )
        if not reminders:
            return 0
        devices = devices_of(reminders)
        messages = []
        for reminder in reminders:
            due = reminder.next_due_at
            prefs = getattr(reminder.user, "reminder_preferences", None)
            messages += messages_for(reminder, prefs, devices.get(reminder.user_id, []), due, now)
            reminder.next_due_at = following(reminder, prefs, due)
        new = Message.objects.add_new(messages)  # a slot's message, if it exists, is not repeated
        save_next_due(reminders)
        transaction.on_commit(lambda: queue(new))
    return len(reminders)


def devices_of(reminders: list[Reminder]) -> dict[int, list[int]]:
    """The push subscriptions of the batch's people who asked for notifications, in one query."""
    if not push.configured():
        return {}
    users = {
        r.user_id
        for r in reminders
        if (prefs := getattr(r.user, "reminder_preferences", None))
        and getattr(prefs, VIA_FIELD[r.kind]) != Via.EMAIL
    }
    devices: dict[int, list[int]] = {}
    if users:
        rows = PushSubscription.objects.filter(user_id__in=users).order_by("pk")
        for pk, user_id in rows.values_list("pk", "user_id"):
            devices.setdefault(user_id, []).append(pk)
    return devices


def messages_for(
    reminder: Reminder,
    prefs: Preferences | None,
    devices: list[int],
    due: dt.datetime,
    now: dt.datetime,
) -> list[dict]:
    """The outbox messages of a due reminder: its key names the channel, person, kind and slot,
    and the device for a notification."""
    slot = slot_for(reminder, due)
    common = {
        "kind": reminder.kind,
        "ref": slot,
        "user_id": reminder.user_id,
        "due_at": due,
        "next_attempt_at": now,
    }
    key = f"{reminder.kind}:{reminder.user_id}:{slot}"
    channels = prefs.channels(reminder.kind, bool(devices)) if prefs else (Via.EMAIL,)
    messages = []
    if Via.EMAIL in channels:
        messages.append({**common, "key": f"{Channel.EMAIL}:{key}", "to": reminder.user.email})
    if Via.PUSH in channels:
        messages += [
            {
                **common,
                "channel": Channel.PUSH,
                "key": f"{Channel.PUSH}:{key}:{device}",
                "subscription_id": device,
            }
            for device in devices
        ]
    return messages


def slot_for(reminder: Reminder, due: dt.datetime) -> str:
    if reminder.kind == Kind.CHECKIN:
        return schedule.checkin_slot(due, zone(reminder.user.time_zone))
    if reminder.kind == Kind.SUMMARY:
        return schedule.summary_slot(due, zone(reminder.user.time_zone))
    return f"window-{reminder.rest_window_id}"


def following(
    reminder: Reminder, prefs: Preferences | None, due: dt.datetime
) -> dt.datetime | None:
    """The next due time after this one; rest window reminders fire once."""
    if reminder.kind in REST_KINDS or prefs is None:
        return None
    user_zone = zone(reminder.user.time_zone)
    if reminder.kind == Kind.CHECKIN:
        return prefs.next_checkin(user_zone, due)
    return prefs.next_summary(user_zone, due)


def save_next_due(reminders: list[Reminder]) -> None:
    """One UPDATE for the whole batch, with a branch per next due time: reminders due together
    mostly come again together (a day or a week on, at the same local time)."""
    by_time: defaultdict[dt.datetime | None, list[int]] = defaultdict(list)
    for reminder in reminders:
        by_time[reminder.next_due_at].append(reminder.pk)
    datetime = models.DateTimeField()
    # NULL cast: a parameter that is None has no type of its own for PostgreSQL to go by.
    next_due = Case(
        *(
            When(pk__in=pks, then=Value(due, datetime) if due else Cast(None, datetime))
            for due, pks in by_time.items()
        ),
        output_field=datetime,
    )
    Reminder.objects.filter(pk__in=[r.pk for r in reminders]).update(next_due_at=next_due)
