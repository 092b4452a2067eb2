"""The outbox at work: queue a message, send it once, retry it a bounded number of times, and
sweep up whatever a crash or a lost broker left behind.

A message row is made (queue_email, or an app's bulk_create) and its id is published to the
broker once the transaction that made it commits. `send_messages` claims the due rows of its
ids (Message.objects.claim), builds what they say (stored content, or the builder its kind
registered), sends them over one SMTP connection, and marks each one sent right after the
server accepts it: a crash can repeat at most the one message in flight, and the repeat
carries the same Message-ID. A transport error counts an attempt for the message it cut off
and puts that one and the untried rest back to wait (OUTBOX_BACKOFF); only failed sends count,
never a claim, so a slow server's hand-backs or a crash do not use up a message's attempts. The
sweep, run by beat, queues again every message that is due but unclaimed past a grace period
(its task vanished with the broker) or claimed past a timeout (its sender died).

Push messages (channel "push", one per device) go the same way, posted to the device's push
service (apps/outbox/push.py) instead of over SMTP, several at once: a 2xx answer is a
delivery; 404 or 410 says the push service has forgotten the device, which is then forgotten
here too; 429, a 5xx or no answer waits its backoff; any other answer is the request's fault
and is not repeated.
"""

import datetime as dt
import itertools
import logging
import smtplib
import time
import uuid
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from concurrent import futures
from functools import partial

import urllib3
from celery import shared_task
from django.conf import settings
from django.core import mail
from django.core.mail import EmailMessage
from django.db import InterfaceError, OperationalError, connection, transaction
from django.db.models import F
from django.utils import timezone
from kombu.exceptions import OperationalError as KombuOperationalError
from redis.exceptions import ConnectionError as RedisConnectionError

from apps.lib.emails import Email
from apps.outbox import push
from apps.outbox.models import Channel, Message, Notification, PushSubscription, Status

logger = logging.getLogger(__name__)

TASK_CHUNK = 50  # message ids per send_messages task
SWEEP_LIMIT = 5000  # rows per sweep; the next sweep takes the rest
# The waits (backoff, claim timeout, ...) are settings: OUTBOX_* in config/settings/base.py.
BROKER_DOWN = (KombuOperationalError, RedisConnectionError, OSError)
# Worth another attempt: the server or the network, not the message.
TRANSIENT = (smtplib.SMTPServerDisconnected, smtplib.SMTPConnectError, OSError)
DATABASE_GONE = (OperationalError, InterfaceError)

# A builder makes its kind's messages at send time, for a batch at once: for each message an
# Email (or a Notification, for a push message), or the reason (a short word) not to send it.
Content = Email | Notification
Builder = Callable[[Sequence[Message], dt.datetime], dict[int, Content | str]]
Built = Content | str | Exception  # the content, a reason to skip it, or why it was not built
BUILDERS: dict[str, Builder] = {}


@shared_task(acks_late=True, reject_on_worker_lost=True)
def send_messages(ids: list[int]) -> int:
    """Ids in, emails out; returns how many were sent. Safe to run twice: claims decide."""
    return send(ids)


@shared_task
def sweep_messages() -> int:
    """Beat runs this every OUTBOX_SWEEP_SECONDS; returns how many messages it queued again."""
    return sweep()


def register(kinds: Iterable[str], builder: Builder) -> None:
    """Build messages of these kinds with `builder` when they are sent (from an AppConfig)."""
    BUILDERS.update(dict.fromkeys(kinds, builder))


def queue_email(
    email: EmailMessage,
    *,
    kind: str,
    user: object = None,
    forget_recipient: bool = False,
    key: str = "",
) -> list[Message]:
    """Store the email, one row per recipient, and send it from a task once the caller commits;
    returns the rows made.

    user: the person it is about (whoever it is addressed to); its rows go with them.
    forget_recipient: clear the address from the row once it is sent or given up on.
    key: the slot of an email to one recipient that must go out once per slot (one editor's
    review in one week): if a message of this kind and key exists already, none is made.
    """
    if key and len(email.to) != 1:
        raise ValueError("A keyed email goes to one recipient: its key is its slot.")
    alternatives = getattr(email, "alternatives", [])
    html = next((body for body, mimetype in alternatives if mimetype == "text/html"), "")
    messages = []
    for recipient in email.to:
        message, made = Message.objects.get_or_create(
            key=f"{kind}:{key or uuid.uuid4().hex}",
            defaults={
                "channel": Channel.EMAIL,
                "kind": kind,
                "user": user,
                "to": recipient,
                "subject": email.subject,
                "text_body": email.body,
                "html_body": html,
                "headers": dict(email.extra_headers),
                "forget_recipient": forget_recipient,
            },
        )
        if made:
            messages.append(message)
    enqueue_on_commit([m.pk for m in messages])
    return messages


def queue_push(subscription: PushSubscription, notification: Notification, *, kind: str) -> Message:
    """Store a notification for one device and send it from a task once the caller commits."""
    message = Message.objects.create(
        channel=Channel.PUSH,
        kind=kind,
        key=f"{kind}:{uuid.uuid4().hex}",
        user_id=subscription.user_id,
        subscription=subscription,
        subject=notification.title,
        text_body=notification.body,
        headers={"url": notification.url, "ttl": notification.ttl},
    )
    enqueue_on_commit([message.pk])
    return message


def enqueue_on_commit(ids: list[int]) -> None:
    transaction.on_commit(partial(enqueue, ids))


def enqueue(ids: list[int], countdown: float | None = None) -> None:
    """Publish send tasks for these ids; with the broker down, leave them for the sweep.

    The rows are safe in PostgreSQL: an outage delays them and loses nothing.
    """
    for start in range(0, len(ids), TASK_CHUNK):
        try:
            send_messages.apply_async((ids[start : start + TASK_CHUNK],), countdown=countdown)
        except BROKER_DOWN:
            logger.warning("Broker unavailable; %d messages wait for the sweep.", len(ids) - start)
            return


def send(ids: list[int]) -> int:
    now = timezone.now()
    messages = Message.objects.claim(ids, now)
    if not messages:
        return 0
    built = build(messages, now)
    deadline = time.monotonic() + settings.OUTBOX_SEND_BUDGET
    emails = [m for m in messages if m.pk in built and m.channel == Channel.EMAIL]
    pushes = [m for m in messages if m.pk in built and m.channel == Channel.PUSH]
    sent = send_emails(emails, built, deadline) if emails else 0
    return sent + (send_pushes(pushes, built, deadline) if pushes else 0)


def send_emails(to_send: list[Message], emails: dict[int, Content], deadline: float) -> int:
    """Over one SMTP connection. A transport error counts an attempt for the message in flight
    (connecting is sending the first), and sends it and the untried rest back to wait."""
    done: set[int] = set()  # sent, or refused for good
    in_flight: Message | None = to_send[0]
    sent = 0
    try:
        with mail.mailers["default"] as smtp:
            for message in to_send:
                if done and time.monotonic() > deadline:
                    break  # the rest go back, so that no claim outlives its timeout
                in_flight = message
                try:
                    smtp.send_messages([emails[message.pk]])
                except (smtplib.SMTPResponseException, smtplib.SMTPRecipientsRefused) as exc:
                    if smtp_code(exc) < 500:
                        raise  # 4xx: try again later, this one and the rest
                    finish([message.pk], Status.FAILED, reason="refused", error=exc)
                else:
                    mark_sent([message])
                    sent += 1
                done.add(message.pk)
            in_flight = None
    except (*TRANSIENT, smtplib.SMTPException) as exc:
        failed = [in_flight] if in_flight and in_flight.pk not in done else []
        untried = [m for m in to_send if m.pk not in done and m not in failed]
        retry(failed, exc, untried=untried)
        return sent
    if unsent := [m for m in to_send if m.pk not in done]:
        release(unsent)
    return sent


def send_pushes(to_send: list[Message], notifications: dict[int, Content], deadline: float) -> int:
    """Each to its own device, push.IN_FLIGHT at a time over kept-alive connections; each
    answer decides for its message, and the deliveries answered together are recorded at once,
    before more are posted: a crash repeats at most those in flight."""
    started = 0  # to_send[:started] have been posted, or are being posted
    later: defaultdict[str, list[Message]] = defaultdict(list)  # by what went wrong
    gone: defaultdict[str, list[Message]] = defaultdict(list)
    sent = 0
    with push.Pusher() as pusher, futures.ThreadPoolExecutor(push.IN_FLIGHT) as pool:
        in_flight: dict[futures.Future, Message] = {}
        while True:
            while len(in_flight) < push.IN_FLIGHT and started < len(to_send):
                if started and time.monotonic() > deadline:
                    break  # the rest go back, so that no claim outlives its timeout
                message = to_send[started]
                started += 1
                post = pool.submit(pusher.post, message.subscription, notifications[message.pk])
                in_flight[post] = message
            if not in_flight:
                break
            answered, _ = futures.wait(in_flight, return_when=futures.FIRST_COMPLETED)
            delivered = []
            for post in answered:
                message = in_flight.pop(post)
                try:
                    status = post.result()
                except urllib3.exceptions.HTTPError as exc:  # no answer: try again later
                    later[type(exc).__name__].append(message)
                    continue
                except Exception as exc:  # this message's own fault: it fails alone
                    logger.exception("Sending message %s failed.", message.pk)
                    finish([message.pk], Status.FAILED, reason="send_error", error=exc)
                    continue
                if status < 300:
                    delivered.append(message)
                elif status in (404, 410):
                    gone[f"HTTP {status}"].append(message)
                elif status == 429 or status >= 500:
                    later[f"HTTP {status}"].append(message)
                else:
                    finish([message.pk], Status.FAILED, reason="refused", error=f"HTTP {status}")
            if delivered:
                mark_sent(delivered)
                sent += len(delivered)
    for error, messages in gone.items():
        finish([m.pk for m in messages], Status.FAILED, reason="gone", error=error)
        PushSubscription.objects.filter(pk__in={m.subscription_id for m in messages}).delete()
    for error, messages in later.items():
        retry(messages, error)
    if unsent := to_send[started:]:
        release(unsent)
    return sent


def smtp_code(exc: smtplib.SMTPException) -> int:
    """The server's reply code: for refused recipients, the most hopeful of their codes."""
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        return min((code for code, _ in exc.recipients.values()), default=550)
    return exc.smtp_code


def build(messages: list[Message], now: dt.datetime) -> dict[int, Content]:
    """Each message's content, an email with its own Message-ID or a notification; those not
    to be sent are recorded so.

    Stored content makes its own. A builder's batch that fails is tried one message at a time,
    so that a message that cannot be built fails alone.
    """
    results: dict[int, Built] = {}
    by_builder: defaultdict[Builder, list[Message]] = defaultdict(list)
    for message in messages:
        if message.channel == Channel.PUSH and not push.configured():
            results[message.pk] = "no_vapid_keys"
        elif message.channel == Channel.PUSH and message.subscription_id is None:
            results[message.pk] = "no_device"  # forgotten since it was queued
        elif message.kind in BUILDERS:
            by_builder[BUILDERS[message.kind]].append(message)
        elif message.channel == Channel.PUSH:
            results[message.pk] = message.as_notification()
        else:
            results[message.pk] = message.as_email()
    for builder, batch in by_builder.items():
        results.update(build_batch(builder, batch, now))
    skipped: defaultdict[str, list[int]] = defaultdict(list)
    contents = {}
    for message in messages:
        result = results.get(message.pk) or LookupError("the builder left it out")
        if isinstance(result, Exception):
            finish([message.pk], Status.FAILED, reason="build_error", error=result)
        elif isinstance(result, str):
            skipped[result].append(message.pk)
        else:
            if isinstance(result, Email):
                result.extra_headers["Message-ID"] = message.message_id
            contents[message.pk] = result
    for reason, ids in skipped.items():
        finish(ids, Status.SKIPPED, reason=reason)
    return contents


def build_batch(builder: Builder, batch: list[Message], now: dt.datetime) -> dict[int, Built]:
    try:
        return builder(batch, now)
    except Exception:
        logger.exception("Building a batch of %d messages failed; trying one by one.", len(batch))
    results: dict[int, Built] = {}
    for message in batch:
        try:
            results.update(builder([message], now))
        except Exception as exc:
            logger.exception("Building message %s failed.", message.pk)
            results[message.pk] = exc
    return results


def mark_sent(messages: list[Message]) -> None:
    """Record deliveries the server has accepted (an email, or the notifications answered at
    once), on a fresh connection if the old one broke.

    Until they are recorded, the sweep would send them again: so keep trying for as long as
    their claim holds (OUTBOX_CLAIM_TIMEOUT), OUTBOX_RECORD_WAITS apart, the last wait again
    and again; once the claim has run out, give up and let the sweep have them.
    """
    ids = [m.pk for m in messages]
    claim_ends = min(m.claimed_at for m in messages) + dt.timedelta(
        seconds=settings.OUTBOX_CLAIM_TIMEOUT
    )
    waits = settings.OUTBOX_RECORD_WAITS
    for wait in itertools.chain(waits, itertools.repeat(waits[-1])):
        try:
            Message.objects.mark_sent(ids, timezone.now())
            return
        except DATABASE_GONE:
            left = (claim_ends - timezone.now()).total_seconds()
            if left <= 0:
                raise
            logger.warning("Recording messages %s as sent failed; reconnecting.", ids)
            connection.close()
            time.sleep(min(wait, left))


def error_name(error: Exception | str) -> str:
    """What went wrong, for the delivery log: an exception's type, or a push service's answer."""
    return (error if isinstance(error, str) else type(error).__name__)[:120]


def finish(
    ids: list[int],
    status: str,
    *,
    reason: str,
    error: Exception | str | None = None,
    **changes: object,
) -> None:
    Message.objects.filter(pk__in=ids).update(
        status=status,
        reason=reason,
        last_error=error_name(error) if error else "",
        subject="",
        text_body="",
        html_body="",
        **changes,
    )
    Message.objects.filter(pk__in=ids, forget_recipient=True).update(to="")


def retry(
    failed: list[Message], error: Exception | str, *, untried: Iterable[Message] = ()
) -> None:
    """After a transport error: each message whose send failed counts an attempt and waits its
    backoff (OUTBOX_BACKOFF), or is given up on once it has waited them all; the untried rest
    of its batch wait as long as their own attempts say, without counting one."""
    now = timezone.now()
    backoff = settings.OUTBOX_BACKOFF
    give_up = [m for m in failed if m.attempts >= len(backoff)]
    for message in give_up:
        logger.warning(
            "Gave up on %s message %s after %d attempts: %s.",
            message.kind,
            message.key,
            message.attempts + 1,
            error_name(error),
        )
    if give_up:
        failure = {"attempts": F("attempts") + 1}
        finish([m.pk for m in give_up], Status.FAILED, reason="gave_up", error=error, **failure)
    waits: defaultdict[tuple[float, bool], list[int]] = defaultdict(list)  # by (wait, failed)
    for message in failed:
        if message not in give_up:
            waits[wait_after(message.attempts + 1), True].append(message.pk)
    for message in untried:
        waits[wait_after(message.attempts), False].append(message.pk)
    for (wait, counts), ids in waits.items():
        Message.objects.filter(pk__in=ids).update(
            status=Status.PENDING,
            next_attempt_at=now + dt.timedelta(seconds=wait),
            claimed_at=None,
            **({"attempts": F("attempts") + 1, "last_error": error_name(error)} if counts else {}),
        )
        if wait <= settings.OUTBOX_SHORT_WAIT:
            enqueue(ids, countdown=wait + settings.OUTBOX_RETRY_MARGIN)


def wait_after(attempts: int) -> float:
    """How long a message waits after its `attempts`th failure (a message not yet tried, after
    the first)."""
    backoff = settings.OUTBOX_BACKOFF
    return backoff[min(max(attempts, 1), len(backoff)) - 1]


def release(messages: list[Message]) -> None:
    """Unsent for want of time, not for an error: back to pending, queued again at once."""
    ids = [m.pk for m in messages]
    Message.objects.filter(pk__in=ids).update(
        status=Status.PENDING, claimed_at=None, next_attempt_at=timezone.now()
    )
    enqueue(ids)


def sweep(now: dt.datetime | None = None) -> int:
    """Queue again every stalled message (Message.objects.stalled); returns how many.

    Each is made due now, so that the next sweep leaves it alone for another grace period.
    """
    now = now or timezone.now()
    with transaction.atomic():
        ids = list(
            Message.objects.stalled(now)
            .select_for_update(skip_locked=True)
            .order_by("next_attempt_at")
            .values_list("pk", flat=True)[:SWEEP_LIMIT]
        )
        Message.objects.filter(pk__in=ids).update(
            status=Status.PENDING, claimed_at=None, next_attempt_at=now
        )
        enqueue_on_commit(ids)
    if ids:
        logger.info("Swept %d stalled messages back into the queue.", len(ids))
    return len(ids)
