import datetime as dt

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Avg, Count, Q

from apps.checkins.models import energy_band
from apps.lib.dates import WEEKDAYS, local_midnight
from apps.lib.fields import EncryptedCharField, EncryptedTextField
from apps.lib.querysets import OwnedQuerySet

AUDIT_DAYS = 7


class EnergyAuditQuerySet(OwnedQuerySet):
    def running_on(self, day: dt.date) -> "EnergyAuditQuerySet":
        """Audits whose week includes the day and that were not ended early."""
        return self.filter(starts_on__lte=day, ends_on__gte=day, ended_early_on__isnull=True)

    def overlapping(self, first: dt.date, last: dt.date) -> "EnergyAuditQuerySet":
        """Audits not ended early whose week shares a day with first..last."""
        return self.filter(starts_on__lte=last, ends_on__gte=first, ended_early_on__isnull=True)

    def with_moment_stats(self) -> "EnergyAuditQuerySet":
        return self.annotate(moment_count=Count("moments"), average_energy=Avg("moments__energy"))


class EnergyAudit(models.Model):
    """A one-week inventory of energy through the day and of the commitments that use it."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    starts_on = models.DateField()
    ends_on = models.DateField()
    ended_early_on = models.DateField(null=True, blank=True)
    notes = EncryptedTextField(max_length=2000, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = EnergyAuditQuerySet.as_manager()

    class Meta:
        ordering = ["-starts_on"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=models.F("starts_on")), name="audit_ends_after_start"
            )
        ]

    def __str__(self) -> str:
        return f"Energy audit from {self.starts_on}"

    @property
    def last_day(self) -> dt.date:
        return self.ended_early_on or self.ends_on

    @property
    def days(self) -> list[dt.date]:
        return [
            self.starts_on + dt.timedelta(days=n)
            for n in range((self.ends_on - self.starts_on).days + 1)
        ]

    def is_running(self, today: dt.date) -> bool:
        return self.ended_early_on is None and self.starts_on <= today <= self.ends_on

    def is_upcoming(self, today: dt.date) -> bool:
        return self.ended_early_on is None and today < self.starts_on

    def bounds(self, tz: dt.tzinfo) -> tuple[dt.datetime, dt.datetime]:
        """From the first local midnight of the audit to the midnight after its last day."""
        return local_midnight(self.starts_on, tz), local_midnight(
            self.last_day + dt.timedelta(days=1), tz
        )


def running_audit(user: settings.AUTH_USER_MODEL, today: dt.date) -> EnergyAudit | None:
    """The audit running on the person's local day, if any (for Today and reminders)."""
    return EnergyAudit.objects.for_user(user).running_on(today).first()


class EnergyMoment(models.Model):
    class Effect(models.TextChoices):
        DRAINS = "drains", "Drains me"
        RECHARGES = "recharges", "Recharges me"

    audit = models.ForeignKey(EnergyAudit, on_delete=models.CASCADE, related_name="moments")
    occurred_at = models.DateTimeField()
    energy = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(1), MaxValueValidator(10)]
    )
    activity = EncryptedCharField("what I was doing", max_length=120)
    effect = models.CharField(max_length=10, choices=Effect.choices)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["occurred_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(energy__gte=1, energy__lte=10), name="moment_energy_1_to_10"
            )
        ]

    def __str__(self) -> str:
        return f"{self.activity} ({self.energy})"

    @property
    def energy_band(self) -> str:
        return energy_band(self.energy)


class Commitment(models.Model):
    class Decision(models.TextChoices):
        KEEP = "keep", "Keep"
        DELEGATE = "delegate", "Delegate"
        POSTPONE = "postpone", "Postpone"
        DROP = "drop", "Drop"

    audit = models.ForeignKey(EnergyAudit, on_delete=models.CASCADE, related_name="commitments")
    title = EncryptedCharField(max_length=120)
    hours_per_week = models.DecimalField(
        max_digits=4,
        decimal_places=1,
        validators=[MinValueValidator(0), MaxValueValidator(168)],
    )
    personal_value = models.ForeignKey(
        "planning.PersonalValue",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        verbose_name="the value it serves",
    )
    decision = models.CharField(max_length=10, choices=Decision.choices, blank=True)
    delegate_to = models.CharField(max_length=80, blank=True)
    postpone_until = models.DateField(null=True, blank=True)
    # The day of the week it mostly takes place, for planning a week against energy; without
    # one, its hours spread over the whole week.
    weekday = models.PositiveSmallIntegerField("usual day", choices=WEEKDAYS, null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-hours_per_week", "created_at"]

    def __str__(self) -> str:
        return self.title

    @property
    def is_values_aligned(self) -> bool:
        return self.personal_value_id is not None
