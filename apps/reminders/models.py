import datetime as dt
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models, transaction
from django.db.models import Q
from django.utils import timezone

from apps.lib.dates import zone
from apps.reminders import schedule

ALL_DAYS = 0b1111111  # Monday is bit 0


class Kind(models.TextChoices):
    CHECKIN = "checkin", "Daily check-in reminder"
    REST_HEADS_UP = "rest_heads_up", "Rest window coming up"
    REST_START = "rest_start", "Rest window starts"
    REST_END = "rest_end", "Rest window ends"
    SUMMARY = "summary", "Weekly energy summary"


REST_KINDS = (Kind.REST_HEADS_UP, Kind.REST_START, Kind.REST_END)


class Via(models.TextChoices):
    """How a person hears of one kind of reminder."""

    EMAIL = "email", "By email"
    PUSH = "push", "As a notification on my devices"
    BOTH = "both", "Both"


# The field that says how each kind is sent. Rest reminders share one, as they share a switch.
VIA_FIELD = {
    Kind.CHECKIN: "checkin_via",
    **dict.fromkeys(REST_KINDS, "rest_via"),
    Kind.SUMMARY: "summary_via",
}


# What a person sets on the reminders page (paused_until comes from its "pause" choice): the
# form's fields, and with paused_until what the export writes and a restore brings back.
CHOSEN_FIELDS = (
    "checkin_enabled",
    "checkin_time",
    "checkin_days",
    "rest_enabled",
    "rest_heads_up_hours",
    "summary_enabled",
    "summary_weekday",
    "summary_time",
    "checkin_via",
    "rest_via",
    "summary_via",
    "quiet_start",
    "quiet_end",
)


class PreferencesManager(models.Manager["Preferences"]):
    def for_user(self, user: settings.AUTH_USER_MODEL) -> "Preferences":
        """The person's preferences, made with the defaults on first use."""
        return self.get_or_create(user=user)[0]


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
    checkin_via = models.CharField(max_length=5, choices=Via.choices, default=Via.EMAIL)
    rest_via = models.CharField(max_length=5, choices=Via.choices, default=Via.EMAIL)
    summary_via = models.CharField(max_length=5, choices=Via.choices, default=Via.EMAIL)
    quiet_start = models.TimeField(null=True, blank=True)
    quiet_end = models.TimeField(null=True, blank=True)
    paused_until = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = PreferencesManager()

    class Meta:
        verbose_name_plural = "preferences"

    def __str__(self) -> str:
        return "Reminder preferences"

    def on_day(self, weekday: int) -> bool:
        return bool(self.checkin_days & (1 << weekday))

    def next_checkin(self, zone: ZoneInfo, after: dt.datetime) -> dt.datetime | None:
        """The first check-in reminder time after `after`, on the person's own calendar."""
        if not self.checkin_enabled or not self.checkin_days:
            return None
        start = after.astimezone(zone).date()
        for offset in range(schedule.SEARCH_DAYS):
            day = start + dt.timedelta(days=offset)
            due = schedule.at_local(day, self.checkin_time, zone)
            if due > after and self.on_day(day.weekday()):
                return due
        return None

    def next_summary(self, zone: ZoneInfo, after: dt.datetime) -> dt.datetime | None:
        """The first weekly summary time after `after`, on the person's own calendar."""
        if not self.summary_enabled:
            return None
        start = after.astimezone(zone).date()
        for offset in range(schedule.SEARCH_DAYS):
            day = start + dt.timedelta(days=offset)
            due = schedule.at_local(day, self.summary_time, zone)
            if due > after and day.weekday() == self.summary_weekday:
                return due
        return None

    def rest_times(
        self, starts_at: dt.datetime, ends_at: dt.datetime
    ) -> dict[str, dt.datetime | None]:
        """A rest window's reminders: a heads-up if wanted, its start and its end."""
        heads_up = self.rest_heads_up_hours
        return {
            Kind.REST_HEADS_UP: (
                starts_at - dt.timedelta(hours=heads_up) if self.rest_enabled and heads_up else None
            ),
            Kind.REST_START: starts_at if self.rest_enabled else None,
            Kind.REST_END: ends_at if self.rest_enabled else None,
        }

    def channels(self, kind: str, has_devices: bool) -> tuple[str, ...]:
        """Where a reminder of this kind goes: "email", "push" or both. Push with no device left
        to receive it (each forgotten by its push service, say) comes by email instead."""
        via = getattr(self, VIA_FIELD[kind])
        if via == Via.EMAIL or not has_devices:
            return (Via.EMAIL,)
        return (Via.PUSH,) if via == Via.PUSH else (Via.EMAIL, Via.PUSH)

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

    @transaction.atomic
    def reschedule(
        self, user: settings.AUTH_USER_MODEL, prefs: "Preferences | None" = None
    ) -> None:
        """Recompute a person's check-in, summary and rest-window schedules: call it right after
        their preferences or time zone change."""
        prefs = prefs or Preferences.objects.for_user(user)
        now, user_zone = timezone.now(), zone(user.time_zone)
        for kind, next_due in (
            (Kind.CHECKIN, prefs.next_checkin(user_zone, now)),
            (Kind.SUMMARY, prefs.next_summary(user_zone, now)),
        ):
            self.update_or_create(
                user=user, kind=kind, rest_window=None, defaults={"next_due_at": next_due}
            )
        for window in user.restwindow_set.filter(ends_at__gt=now):
            self.reschedule_rest_window(window, prefs)

    def reschedule_rest_window(self, window: object, prefs: "Preferences | None" = None) -> None:
        """Create or move a rest window's reminders: a heads-up if wanted, its start and its
        end; times already past are not scheduled again."""
        prefs = prefs or Preferences.objects.for_user(window.user)
        now = timezone.now()
        for kind, due in prefs.rest_times(window.starts_at, window.ends_at).items():
            self.update_or_create(
                user_id=window.user_id,
                kind=kind,
                rest_window=window,
                defaults={"next_due_at": due if due and due > now else None},
            )


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
