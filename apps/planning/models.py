import datetime as dt
import re
import secrets

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from apps.lib.dates import WEEKDAYS, week_start
from apps.lib.fields import EncryptedCharField, EncryptedTextField
from apps.lib.querysets import OwnedQuerySet

MAX_VALUES = 5
MIN_VALUES = 3
MAX_ACTIONS_PER_WEEK = 2


TOKEN_PATTERN = re.compile(r"[A-Za-z0-9_-]{43}")


def new_token() -> str:
    return secrets.token_urlsafe(32)


def is_token(value: str) -> bool:
    """Whether a string has the shape of new_token()'s output: malformed ones never hit the DB."""
    return bool(TOKEN_PATTERN.fullmatch(value))


class PersonalValue(models.Model):
    """One of a person's 3-5 values: from the curated list or in their own words, ranked."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    value = models.ForeignKey("resources.Value", on_delete=models.PROTECT, null=True, blank=True)
    own_name = models.CharField(max_length=60, blank=True)
    why = models.CharField("why it matters", max_length=200, blank=True)
    rank = models.PositiveSmallIntegerField(default=1)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = OwnedQuerySet.as_manager()

    class Meta:
        ordering = ["rank", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(value__isnull=False) | ~Q(own_name=""), name="value_or_own_name"
            ),
            models.UniqueConstraint(
                fields=["user", "value"], condition=Q(value__isnull=False), name="one_of_each_value"
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return self.own_name or (self.value.name if self.value_id else "")


class WeeklyActionQuerySet(OwnedQuerySet):
    def in_week_of(self, day: dt.date) -> "WeeklyActionQuerySet":
        """The actions for the week `day` (a local date) falls in, oldest first."""
        return self.filter(week_of=week_start(day)).order_by("created_at")


class WeeklyAction(models.Model):
    """A small, values-based action for one week (Monday to Sunday in the user's zone)."""

    class Status(models.TextChoices):
        PLANNED = "planned", "Planned"
        DONE = "done", "Done"
        PARTLY = "partly", "Partly done"
        NOT_DONE = "not_done", "Not done"

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    week_of = models.DateField(help_text="The Monday of the week.")
    personal_value = models.ForeignKey(PersonalValue, on_delete=models.SET_NULL, null=True)
    title = models.CharField(max_length=140)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PLANNED)
    # When in the week and roughly how long, for planning the week against energy.
    weekday = models.PositiveSmallIntegerField("day", choices=WEEKDAYS, null=True, blank=True)
    hours = models.DecimalField(
        "rough hours",
        max_digits=3,
        decimal_places=1,
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(24)],
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = WeeklyActionQuerySet.as_manager()

    class Meta:
        ordering = ["-week_of", "created_at"]
        indexes = [models.Index(fields=["user", "-week_of"])]

    def __str__(self) -> str:
        return self.title


class WeekReflection(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    week_of = models.DateField()
    text = EncryptedTextField(max_length=1000)
    updated_at = models.DateTimeField(auto_now=True)

    objects = OwnedQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "week_of"], name="one_reflection_per_week")
        ]

    def __str__(self) -> str:
        return f"Reflection on the week of {self.week_of}"


class BoundaryStatement(models.Model):
    class Area(models.TextChoices):
        WORK = "work", "Work"
        SOCIAL = "social", "Social life"

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    area = models.CharField(max_length=10, choices=Area.choices)
    template = models.CharField(max_length=40, blank=True, help_text="The builder template used.")
    text = EncryptedTextField(max_length=500)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = OwnedQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.text[:60]


class BoundaryPractice(models.Model):
    """A time the person used a boundary statement, and how it went."""

    class Outcome(models.TextChoices):
        WELL = "well", "It went well"
        MIXED = "mixed", "Mixed"
        HARD = "hard", "It was hard"

    statement = models.ForeignKey(
        BoundaryStatement, on_delete=models.CASCADE, related_name="practices"
    )
    practised_on = models.DateField()
    outcome = models.CharField(max_length=10, choices=Outcome.choices)
    how_it_went = EncryptedCharField(max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-practised_on", "-created_at"]

    def __str__(self) -> str:
        return f"Practised on {self.practised_on}"


class RestWindowQuerySet(OwnedQuerySet):
    def upcoming(self) -> "RestWindowQuerySet":
        return self.filter(ends_at__gt=timezone.now()).order_by("starts_at")

    def next_for(self, user: settings.AUTH_USER_MODEL) -> "RestWindow | None":
        """The rest window happening now, or else the next one planned."""
        return self.for_user(user).upcoming().first()

    def overlapping(self, starts_at: dt.datetime, ends_at: dt.datetime) -> "RestWindowQuerySet":
        return self.filter(starts_at__lt=ends_at, ends_at__gt=starts_at)


class RestWindow(models.Model):
    """A planned stretch of real rest, usually 24 hours, stored in UTC."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    starts_at = models.DateTimeField()
    ends_at = models.DateTimeField()
    activities = EncryptedTextField(
        "rest and low-stimulation activities", max_length=1000, blank=True
    )
    avoid = EncryptedTextField("nonessential tasks to avoid", max_length=1000, blank=True)
    rested = models.PositiveSmallIntegerField(
        "how rested, 1-10",
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(10)],
    )
    reflection = EncryptedTextField(max_length=1000, blank=True)
    uid = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = RestWindowQuerySet.as_manager()

    class Meta:
        ordering = ["-starts_at"]
        indexes = [models.Index(fields=["user", "ends_at"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=models.F("starts_at")), name="rest_ends_after_start"
            )
        ]

    def __str__(self) -> str:
        return f"Rest window from {self.starts_at:%Y-%m-%d %H:%M}"

    @property
    def is_over(self) -> bool:
        return self.ends_at <= timezone.now()

    @property
    def is_current(self) -> bool:
        return self.starts_at <= timezone.now() < self.ends_at

    @property
    def hours(self) -> float:
        return (self.ends_at - self.starts_at).total_seconds() / 3600


class CalendarFeed(models.Model):
    """A private iCalendar feed of a person's upcoming rest windows; revoking deletes the row."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    token = models.CharField(max_length=64, unique=True, default=new_token)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return "Rest window calendar feed"

    def replace_token(self) -> None:
        """A new address; the old one answers 404 from now on."""
        self.token = new_token()
        self.save(update_fields=["token"])


class ShareLinkQuerySet(OwnedQuerySet):
    def active(self) -> "ShareLinkQuerySet":
        return self.filter(revoked_at__isnull=True, expires_at__gt=timezone.now())


class ShareLink(models.Model):
    """A read-only, expiring, revocable view of a person's plan for someone they trust.

    Only what the person ticked is shown; check-ins and the journal never are. A person has
    at most MAX_ACTIVE working at once and emails at most EMAILS_PER_HOUR of them an hour: the
    site must not become a way to mail strangers their name.
    """

    MAX_ACTIVE = 10
    EMAILS_PER_HOUR = 5

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    label = models.CharField("who it is for", max_length=80, blank=True)
    include_values = models.BooleanField(default=False)
    include_actions = models.BooleanField("include this week's actions", default=False)
    include_boundaries = models.BooleanField(default=False)
    include_rest = models.BooleanField("include the next rest window", default=False)
    expires_at = models.DateTimeField()
    revoked_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ShareLinkQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.label or "Share link"

    def get_absolute_url(self) -> str:
        """The public, read-only page: make it absolute with the request's own host."""
        return reverse("planning:share-view", args=[self.token])

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None and self.expires_at > timezone.now()
