"""Every message the site sends, one row each: what it is, to whom, and how its delivery went.

Apps decide *what* to send and *when*; the outbox (apps/outbox/tasks.py) decides only *how*:
one claim, one send with bounded retries, one sweep for what a crash or a lost broker left
behind. No content is kept once a message is sent: only what it was, and what happened.
"""

import datetime as dt
import secrets
from dataclasses import dataclass

from django.conf import settings
from django.db import IntegrityError, models, transaction
from django.db.models import Case, F, Q, Value, When
from django.utils import timezone

from apps.lib.emails import Email


class Status(models.TextChoices):
    PENDING = "pending"
    SENDING = "sending"
    SENT = "sent"
    SKIPPED = "skipped"
    FAILED = "failed"


class Channel(models.TextChoices):
    EMAIL = "email"
    PUSH = "push", "Web push"


@dataclass(frozen=True)
class Notification:
    """What a push message shows: a title, a line of text and the page a tap opens.

    Never free text a person wrote, nothing about crises: a notification shows on a lock screen.
    """

    title: str
    body: str
    url: str
    tag: str  # one per kind: a newer notification of a kind replaces the older on the device
    ttl: int = 60 * 60  # seconds a push service keeps it for a device that is offline


def new_message_id() -> str:
    """An RFC 5322 Message-ID, fixed when the row is made: a retry is the same message."""
    domain = settings.DEFAULT_FROM_EMAIL.rpartition("@")[2].rstrip(">") or "pacewise.localhost"
    return f"<{secrets.token_hex(16)}@{domain}>"


class PushSubscription(models.Model):
    """One browser on one device that agreed to show this person's reminders (the Push API's
    PushSubscription): where to post them, and the keys that encrypt them for that browser.

    The endpoint is a capability URL at the browser's push service; it is never shown on a page.
    A push service that answers 404 or 410 has forgotten it, and so does this table.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="push_subscriptions"
    )
    endpoint = models.URLField(max_length=1000, unique=True)
    p256dh = models.CharField(max_length=100, help_text="The browser's P-256 key, base64url.")
    auth = models.CharField(max_length=40, help_text="The browser's auth secret, base64url.")
    label = models.CharField(max_length=80, help_text="Which device, as its browser said.")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"Push subscription {self.pk}: {self.label}"

    def info(self) -> dict:
        """As the Push API's subscription.toJSON() gives it, for pywebpush."""
        return {"endpoint": self.endpoint, "keys": {"p256dh": self.p256dh, "auth": self.auth}}


class MessageQuerySet(models.QuerySet["Message"]):
    def for_user(self, user: settings.AUTH_USER_MODEL) -> "MessageQuerySet":
        return self.filter(user=user)

    def add_new(self, rows: list[dict]) -> list[int]:
        """Insert these messages (dicts of field values), each unless its key is taken already;
        returns the ids of those inserted, to be queued.

        Usually no key is taken, and one INSERT gives the ids back. When one is (a slot
        dispatched again), that INSERT is undone and those whose keys are free are inserted.
        """
        messages = [self.model(**row) for row in rows]
        try:
            with transaction.atomic():
                return [m.pk for m in self.bulk_create(messages)]
        except IntegrityError:
            keys = [m.key for m in messages]
            taken = set(self.filter(key__in=keys).values_list("key", flat=True))
            return [m.pk for m in self.bulk_create(m for m in messages if m.key not in taken)]

    def claim(self, ids: list[int], now: dt.datetime) -> list["Message"]:
        """Take the messages of `ids` that are pending and due, for this sender alone.

        SKIP LOCKED: a row another sender is claiming at this moment is theirs. The claim is
        committed before anything is sent, so a crash leaves it visible to the sweep.
        """
        with transaction.atomic():
            messages = list(
                self.filter(pk__in=ids, status=Status.PENDING, next_attempt_at__lte=now)
                .select_for_update(skip_locked=True, of=("self",))
                .select_related("user", "subscription")
                .order_by("pk")
            )
            self.filter(pk__in=[m.pk for m in messages]).update(
                status=Status.SENDING, claimed_at=now
            )
        for message in messages:
            message.status, message.claimed_at = Status.SENDING, now
        return messages

    def mark_sent(self, ids: list[int], now: dt.datetime) -> None:
        """Record these messages as sent, one delivery more each (a second is a repeat): what
        they stored to be sent is cleared, and so is the address of those that asked to forget
        it."""
        self.filter(pk__in=ids).update(
            status=Status.SENT,
            sent_at=now,
            deliveries=F("deliveries") + 1,
            headers={},
            subject="",
            text_body="",
            html_body="",
            last_error="",
            to=Case(
                When(forget_recipient=True, then=Value("")),
                default=F("to"),
                output_field=models.EmailField(),
            ),
        )

    def stalled(self, now: dt.datetime) -> "MessageQuerySet":
        """Due for more than `OUTBOX_QUEUE_GRACE` seconds and still pending (its task was lost
        with the broker, or never published), or claimed for more than `OUTBOX_CLAIM_TIMEOUT`
        seconds (its sender died)."""
        queued_before = now - dt.timedelta(seconds=settings.OUTBOX_QUEUE_GRACE)
        claimed_before = now - dt.timedelta(seconds=settings.OUTBOX_CLAIM_TIMEOUT)
        return self.filter(
            Q(status=Status.PENDING, next_attempt_at__lte=queued_before)
            | Q(status=Status.SENDING, claimed_at__lte=claimed_before)
        )


class Message(models.Model):
    """One message to one recipient, unique by its idempotency key.

    Content is either stored when the message is queued (sign-up codes, share links: rendered
    in the request) or built when it is sent by the app that owns its kind (reminders and
    weekly summaries: `apps.outbox.tasks.register`). Stored content, which may hold a one-time
    code, is cleared once the message is sent.
    """

    channel = models.CharField(max_length=10, choices=Channel.choices, db_default=Channel.EMAIL)
    kind = models.CharField(max_length=40, help_text="What it is: a check-in reminder, a code.")
    key = models.CharField(
        max_length=120, unique=True, help_text="Unique per message: a second one is refused."
    )
    ref = models.CharField(
        max_length=40,
        blank=True,
        db_default="",
        help_text="What its kind builds it from: a day, a week.",
    )
    # The person it is about, whoever it is addressed to (a share link goes to someone else):
    # it goes when they go.
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    to = models.EmailField(max_length=254, blank=True)
    # A push message's device; a device forgotten before it was sent leaves the message unsent.
    subscription = models.ForeignKey(
        PushSubscription, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    message_id = models.CharField("Message-ID", max_length=255, unique=True, default=new_message_id)
    subject = models.CharField(max_length=255, blank=True, db_default="")
    text_body = models.TextField(blank=True, db_default="")
    html_body = models.TextField(blank=True, db_default="")
    headers = models.JSONField(blank=True, db_default=Value({}, output_field=models.JSONField()))
    # Clear the address too once sent (the goodbye email of a deleted account).
    forget_recipient = models.BooleanField(db_default=False)
    due_at = models.DateTimeField(default=timezone.now, help_text="When it was meant to go.")
    status = models.CharField(max_length=10, choices=Status.choices, db_default=Status.PENDING)
    reason = models.CharField(
        max_length=40, blank=True, db_default="", help_text="Why skipped or failed."
    )
    attempts = models.PositiveSmallIntegerField(
        db_default=0,
        help_text="Failed sends: a temporary refusal or no answer (a claim is not an attempt).",
    )
    next_attempt_at = models.DateTimeField(default=timezone.now)
    claimed_at = models.DateTimeField(null=True, blank=True)
    last_error = models.CharField(
        max_length=120, blank=True, db_default="", help_text="The error's type."
    )
    created_at = models.DateTimeField(default=timezone.now)
    sent_at = models.DateTimeField(
        null=True, blank=True, help_text="When a server last accepted it."
    )
    # More than one: a repeat, in the moment between a server accepting it and the row
    # recording that (a sender that died then, or whose claim ran out and was swept).
    deliveries = models.PositiveSmallIntegerField(
        db_default=0, help_text="How many times a server accepted it."
    )

    objects = MessageQuerySet.as_manager()

    class Meta:
        indexes = [
            models.Index(
                fields=["status", "next_attempt_at"],
                condition=Q(status__in=[Status.PENDING, Status.SENDING]),
                name="outbox_unsent",
            ),
            models.Index(fields=["created_at", "kind"], name="outbox_log"),
        ]

    def __str__(self) -> str:
        return f"{self.kind} message {self.pk}: {self.status}"

    def as_notification(self) -> Notification:
        """The stored content as a notification: its title, text and the page it opens."""
        return Notification(
            title=self.subject,
            body=self.text_body,
            url=self.headers.get("url", "/"),
            tag=self.kind,
            ttl=self.headers.get("ttl", Notification.ttl),
        )

    def as_email(self) -> Email:
        """The stored content as an email."""
        email = Email(
            subject=self.subject,
            body=self.text_body,
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=[self.to],
            headers=self.headers,
        )
        if self.html_body:
            email.attach_alternative(self.html_body, "text/html")
        return email
