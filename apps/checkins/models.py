import datetime as dt
from functools import cached_property

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import FETCH_RAISE, Exists, OuterRef, Q
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone

from apps.checkins import burnout
from apps.checkins.feelings import FEELINGS
from apps.lib.fields import EncryptedCharField, EncryptedTextField
from apps.lib.querysets import OwnedQuerySet
from apps.resources.models import Need


def day_path_prefix() -> str:
    """The path of a day's check-in page up to its ISO date, for a page that links many days:
    reversed once per page, then each day appended."""
    return reverse("checkins:day", args=["-"]).removesuffix("-/")


def energy_band(energy: int) -> str:
    """A calm colour band for an energy of 1 to 10 (never red: low energy is not a failure)."""
    return "low" if energy <= 3 else "mid" if energy <= 6 else "high"


class Drive(models.IntegerChoices):
    """Where today's push comes from, from genuine interest to pressure."""

    INTEREST = 1, "Mostly genuine interest"
    MORE_INTEREST = 2, "More interest than pressure"
    MIXED = 3, "A mix of both"
    MORE_PRESSURE = 4, "More pressure than interest"
    PRESSURE = 5, "Mostly pressure (fear, guilt, proving my worth)"


class SleepQuality(models.IntegerChoices):
    VERY_POOR = 1, "Very poor"
    POOR = 2, "Poor"
    OKAY = 3, "Okay"
    GOOD = 4, "Good"
    VERY_GOOD = 5, "Very good"


SIX_DAYS = dt.timedelta(days=6)
# What Today shows of the week's check-ins: the strip, the signal, today's in short.
TODAY_FIELDS = ("checked_in_on", "feeling", "also_felt", "energy", "need", "drive", "is_quick")


class CheckInQuerySet(OwnedQuerySet):
    def between(self, first: dt.date, last: dt.date) -> "CheckInQuerySet":
        return self.filter(checked_in_on__range=(first, last))

    def last_seven_days(self, user: settings.AUTH_USER_MODEL, today: dt.date) -> list["CheckIn"]:
        """The person's check-ins of the week up to today, with only what Today shows of them;
        reading any other field raises rather than queries."""
        week = self.for_user(user).between(today - SIX_DAYS, today).only(*TODAY_FIELDS)
        return list(week.order_by().fetch_mode(FETCH_RAISE))

    def upsert(
        self, user: settings.AUTH_USER_MODEL, day: dt.date, fields: dict, *, is_quick: bool
    ) -> "CheckIn":
        """Create the day's check-in, or update the given fields of the one there, in one
        statement (INSERT ... ON CONFLICT DO UPDATE): two tabs saving the same day at once
        make one check-in. is_backfilled and created_at describe the first save, so an
        update leaves them alone."""
        checkin = self.model(
            user=user,
            checked_in_on=day,
            is_backfilled=day < timezone.localdate(),
            **{"is_quick": is_quick, **fields},
        )
        (saved,) = self.bulk_create(
            [checkin],
            update_conflicts=True,
            unique_fields=["user", "checked_in_on"],
            update_fields=[*fields, "updated_at"],
        )
        return saved


TagChoice = tuple[int, str, str, bool]  # id, name, kind, on the day already


class TagQuerySet(OwnedQuerySet):
    def active(self) -> "TagQuerySet":
        return self.filter(archived_at__isnull=True)

    def offered_to(self, user: settings.AUTH_USER_MODEL, day: dt.date) -> list[TagChoice]:
        """What a day's check-in offers the person: their active tags and any already on that
        day (an archived one stays until it is unticked), each (id, name, kind, on the day), in
        the person's order; one query."""
        on_day = CheckIn.tags.through.objects.filter(
            tag=OuterRef("pk"), checkin__user=user, checkin__checked_in_on=day
        )
        offered = (
            self.for_user(user)
            .annotate(on_day=Exists(on_day))
            .filter(Q(archived_at__isnull=True) | Q(on_day=True))
            .order_by("order", "pk")
        )
        return list(offered.values_list("pk", "name", "kind", "on_day"))

    def create_defaults(self, user: settings.AUTH_USER_MODEL) -> list["Tag"]:
        """A new person's first tags, which they can rename, archive and reorder."""
        tags = [
            self.model(user=user, name=name, kind=kind, order=order)
            for order, (name, kind) in enumerate(Tag.DEFAULTS)
        ]
        self.bulk_create(tags, ignore_conflicts=True)  # a name they have already stays as it is
        return list(self.filter(user=user))


class Tag(models.Model):
    """One of a person's own labels for what was part of a day: an activity, people, a place."""

    class Kind(models.TextChoices):
        ACTIVITY = "activity", "What you did"
        PEOPLE = "people", "Who you were with"
        PLACE = "place", "Where you were"

    DEFAULTS = (
        ("work", Kind.ACTIVITY),
        ("meetings", Kind.ACTIVITY),
        ("exercise", Kind.ACTIVITY),
        ("screens late", Kind.ACTIVITY),
        ("caffeine late", Kind.ACTIVITY),
        ("travel", Kind.ACTIVITY),
        ("family", Kind.PEOPLE),
        ("friends", Kind.PEOPLE),
        ("alone time", Kind.PEOPLE),
        ("outdoors", Kind.PLACE),
        ("home", Kind.PLACE),
    )
    MAX_ACTIVE = 40

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    name = models.CharField(max_length=30)
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.ACTIVITY)
    order = models.PositiveIntegerField(default=0)
    archived_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = TagQuerySet.as_manager()

    class Meta:
        ordering = ["order", "pk"]
        constraints = [
            models.UniqueConstraint(Lower("name"), "user", name="one_tag_name_per_person"),
        ]

    def __str__(self) -> str:
        return self.name


class CheckIn(models.Model):
    """One person's check-in for one of their local days."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    checked_in_on = models.DateField()
    feeling = models.CharField(max_length=40, blank=True)  # the first feeling named
    also_felt = models.JSONField(
        default=list, blank=True, help_text="Up to two more feelings, named with the first."
    )
    energy = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(1), MaxValueValidator(10)]
    )
    need = models.CharField(max_length=12, choices=Need.choices)
    drive = models.PositiveSmallIntegerField(choices=Drive.choices, null=True, blank=True)
    sleep_hours = models.DecimalField(max_digits=3, decimal_places=1, null=True, blank=True)
    sleep_quality = models.PositiveSmallIntegerField(
        choices=SleepQuality.choices, null=True, blank=True
    )
    note = EncryptedCharField(max_length=500, blank=True)
    is_quick = models.BooleanField(
        default=False, help_text="A low-energy check-in: energy and need only."
    )
    is_backfilled = models.BooleanField(
        default=False, help_text="Filled in on a later day than the one it describes."
    )
    tags = models.ManyToManyField(Tag, blank=True, related_name="checkins")
    # The id a device gave a check-in it made offline: a second send of it changes nothing.
    client_id = models.UUIDField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = CheckInQuerySet.as_manager()

    class Meta:
        ordering = ["-checked_in_on"]
        constraints = [
            models.UniqueConstraint(fields=["user", "checked_in_on"], name="one_checkin_per_day"),
            models.UniqueConstraint(fields=["user", "client_id"], name="one_checkin_per_client_id"),
            models.CheckConstraint(
                condition=Q(energy__gte=1, energy__lte=10), name="checkin_energy_1_to_10"
            ),
            models.CheckConstraint(
                condition=Q(drive__isnull=True) | Q(drive__gte=1, drive__lte=5),
                name="checkin_drive_1_to_5",
            ),
            models.CheckConstraint(
                condition=Q(sleep_hours__isnull=True) | Q(sleep_hours__gte=0, sleep_hours__lte=24),
                name="checkin_sleep_0_to_24",
            ),
        ]

    def __str__(self) -> str:
        return f"Check-in on {self.checked_in_on}"

    @property
    def is_pressure_driven(self) -> bool:
        return self.drive is not None and self.drive >= Drive.MORE_PRESSURE

    @property
    def feelings(self) -> list[str]:
        """Every feeling named, the first first (up to three)."""
        return [word for word in (self.feeling, *self.also_felt) if word]

    @property
    def feelings_text(self) -> str:
        return ", ".join(self.feelings)

    @property
    def feeling_meaning(self) -> str:
        feeling = FEELINGS.get(self.feeling)
        return feeling.meaning if feeling else ""

    @property
    def energy_band(self) -> str:
        """A colour band for calendars and strips (energy_band)."""
        return energy_band(self.energy)


class SafetySignal(models.Model):
    """The user said they were not safe. Their own record only: never emailed or summarised."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = OwnedQuerySet.as_manager()

    def __str__(self) -> str:
        return f"Safety signal at {self.created_at:%Y-%m-%d %H:%M}"


class BurnoutCheck(models.Model):
    """One burnout self-check (the Copenhagen Burnout Inventory, apps/checkins/burnout.py): the
    answers as given, each the answer's 0 to 100 before any reversal; the scores follow."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    taken_on = models.DateField(help_text="The person's own local day.")
    answers = models.JSONField(default=dict, blank=True)
    skipped_work = models.BooleanField(
        default=False, help_text="Not working at the moment: the work questions were skipped."
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = OwnedQuerySet.as_manager()

    class Meta:
        ordering = ["taken_on", "created_at"]

    def __str__(self) -> str:
        return f"Burnout self-check on {self.taken_on}"

    @cached_property  # the results page reads each score several times
    def personal(self) -> float | None:
        return burnout.personal_score(self.answers)

    @cached_property
    def work(self) -> float | None:
        return None if self.skipped_work else burnout.work_score(self.answers)


class JournalEntry(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    written_on = models.DateField()
    prompt = models.ForeignKey(
        "resources.JournalPrompt", on_delete=models.SET_NULL, null=True, blank=True
    )
    # The prompt as it read when answered; staff may reword or unpublish it later.
    prompt_text = models.CharField(max_length=300, blank=True)
    body = EncryptedTextField()
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = OwnedQuerySet.as_manager()

    class Meta:
        ordering = ["-written_on", "-created_at"]
        indexes = [models.Index(fields=["user", "-written_on"])]
        verbose_name_plural = "journal entries"

    def __str__(self) -> str:
        return f"Journal entry on {self.written_on}"
