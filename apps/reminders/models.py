import datetime as dt

from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone

ALL_DAYS = 0b1111111  # Monday is bit 0


class Kind(models.TextChoices):
    CHECKIN = "checkin", "Daily check-in reminder"
    REST_HEADS_UP = "rest_heads_up", "Rest window coming up"
    REST_START = "rest_start", "Rest window starts"
    REST_END = "rest_end", "Rest window ends"
    SUMMARY = "summary", "Weekly energy summary"


REST_KINDS = (Kind.REST_HEADS_UP, Kind.REST_START, Kind.REST_END)


class Preferences(models.Model):
    """When a person wants to hear from Pacewise, in their own time zone."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="reminder_preferences",
    )
    # Opt-in: a daily email nobody asked for is exactly the nagging Pacewise avoids.
    checkin_enabled = models.BooleanField("daily check-in reminder", default=False)
    checkin_time = models.TimeField(default=dt.time(19, 0))
    checkin_days = models.PositiveSmallIntegerField(default=ALL_DAYS, help_text="Bit 0 is Monday.")
    rest_enabled = models.BooleanField("rest window reminders", default=True)
    rest_heads_up_hours = models.PositiveSmallIntegerField(
        "heads-up before a rest window (hours, 0 for none)",
        default=0,
        validators=[MaxValueValidator(48)],
    )
    summary_enabled = models.BooleanField("weekly energy summary", default=True)
    summary_weekday = models.PositiveSmallIntegerField(default=0, validators=[MaxValueValidator(6)])
    summary_time = models.TimeField(default=dt.time(8, 0))
    quiet_start = models.TimeField(null=True, blank=True)
    quiet_end = models.TimeField(null=True, blank=True)
    paused_until = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name_plural = "preferences"

    def __str__(self) -> str:
        return "Reminder preferences"

    def on_day(self, weekday: int) -> bool:
        return bool(self.checkin_days & (1 << weekday))

    def is_paused(self, at: dt.datetime) -> bool:
        return self.paused_until is not None and at < self.paused_until

    def is_quiet(self, local_time: dt.time) -> bool:
        """Quiet hours may cross midnight (22:00-07:00)."""
        start, end = self.quiet_start, self.quiet_end
        if start is None or end is None or start == end:
            return False
        if start < end:
            return start <= local_time < end
        return local_time >= start or local_time < end


class ReminderQuerySet(models.QuerySet):
    def due(self, now: dt.datetime) -> "ReminderQuerySet":
        return self.filter(next_due_at__lte=now)


class Reminder(models.Model):
    """One schedule: what is next due for a person, as a UTC timestamp the dispatcher polls."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    kind = models.CharField(max_length=16, choices=Kind.choices)
    rest_window = models.ForeignKey(
        "planning.RestWindow", on_delete=models.CASCADE, null=True, blank=True
    )
    next_due_at = models.DateTimeField(null=True, blank=True)

    objects = ReminderQuerySet.as_manager()

    class Meta:
        indexes = [
            models.Index(
                fields=["next_due_at"],
                condition=Q(next_due_at__isnull=False),
                name="reminder_next_due",
            )
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "kind"],
                condition=Q(rest_window__isnull=True),
                name="one_schedule_per_kind",
            ),
            models.UniqueConstraint(
                fields=["rest_window", "kind"],
                condition=Q(rest_window__isnull=False),
                name="one_schedule_per_window_kind",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} due {self.next_due_at}"


class Delivery(models.Model):
    """One email for one slot. The unique key makes a retry or a duplicate message harmless.

    No content is kept: only what was due, what happened, and the type of any error.
    """

    class Status(models.TextChoices):
        PENDING = "pending"
        SENDING = "sending"
        SENT = "sent"
        SKIPPED = "skipped"
        FAILED = "failed"

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    kind = models.CharField(max_length=16, choices=Kind.choices)
    slot = models.CharField(max_length=40, help_text="The local day, ISO week or rest window.")
    due_at = models.DateTimeField()
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    reason = models.CharField(max_length=40, blank=True)
    error = models.CharField(max_length=120, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    created_at = models.DateTimeField(default=timezone.now)
    claimed_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name_plural = "deliveries"
        constraints = [
            models.UniqueConstraint(fields=["user", "kind", "slot"], name="one_delivery_per_slot")
        ]
        indexes = [models.Index(fields=["created_at", "kind"], name="delivery_log")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} for {self.slot}: {self.status}"
