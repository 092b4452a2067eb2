import datetime as dt

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django_countries.fields import CountryField

from apps.lib.querysets import OwnedQuerySet


class Need(models.TextChoices):
    """The one thing a check-in says a person needs most that day; each exercise serves one."""

    REST = "rest", "Rest"
    CONNECTION = "connection", "Connection"
    CLARITY = "clarity", "Clarity"
    BOUNDARY = "boundary", "A boundary"


# A crisis line not checked against its source for this long is flagged to editors.
REVERIFY_AFTER = dt.timedelta(days=183)


class PublishedQuerySet(models.QuerySet):
    def published(self) -> "PublishedQuerySet":
        return self.filter(is_published=True)


class Curated(models.Model):
    """What every piece of curated content has: a slug, a published flag, an order, stamps."""

    slug = models.SlugField(max_length=80, unique=True)
    is_published = models.BooleanField("published", default=False)
    order = models.PositiveIntegerField(default=0, help_text="Lower numbers come first.")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = PublishedQuerySet.as_manager()

    class Meta:
        abstract = True
        ordering = ["order", "slug"]


class CrisisLineQuerySet(PublishedQuerySet):
    def for_country(self, country: str) -> "CrisisLineQuerySet":
        """Published lines for an ISO country code; none, without a query, for no country."""
        if not country:
            return self.none()
        return self.published().filter(country=country.upper()).order_by("kind", "order", "name")

    def due_for_review(self) -> "CrisisLineQuerySet":
        return self.filter(last_verified_on__lt=timezone.localdate() - REVERIFY_AFTER)


class CrisisLine(Curated):
    """A crisis line, with the source it was checked against and when: never silently stale."""

    class Kind(models.TextChoices):
        CRISIS = "crisis", "Crisis line"
        REFERRAL = "referral", "Treatment referral (not a crisis line)"

    country = CountryField()
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.CRISIS)
    name = models.CharField(max_length=120)
    phone = models.CharField(max_length=60, blank=True, help_text="As people dial it.")
    text = models.CharField(
        "text / SMS", max_length=120, blank=True, help_text="e.g. “text HOME to 741741”."
    )
    chat_url = models.URLField("chat", blank=True)
    hours = models.CharField(max_length=120, blank=True)
    languages = models.CharField(max_length=120, blank=True)
    notes = models.CharField(max_length=300, blank=True)
    source_url = models.URLField("verified against")
    last_verified_on = models.DateField()
    review_note = models.TextField(
        blank=True,
        help_text="For editors: what is still to be checked before this is published, or "
        "changed. Never shown on the site.",
    )

    objects = CrisisLineQuerySet.as_manager()

    class Meta(Curated.Meta):
        ordering = ["country", "order", "name"]

    def __str__(self) -> str:
        return f"{self.name} ({self.country.code})"

    def get_absolute_url(self) -> str:
        return f"{reverse('resources:crisis')}?country={self.country.code}"

    @property
    def is_due_for_review(self) -> bool:
        return self.last_verified_on < timezone.localdate() - REVERIFY_AFTER


class JournalPrompt(Curated):
    text = models.CharField(max_length=300)
    theme = models.CharField(max_length=60, blank=True)

    def __str__(self) -> str:
        return self.text


def parse_timing_pattern(pattern: str) -> list[int]:
    """'4-4-4-4' → [4, 4, 4, 4]: seconds to breathe in, hold, breathe out, hold (2 to 4 parts)."""
    parts = pattern.replace(" ", "").split("-")
    if not 2 <= len(parts) <= 4 or not all(part.isdigit() for part in parts):
        raise ValidationError(
            "Write the pattern as seconds joined by dashes: in-hold-out-hold, e.g. 4-4-4-4, "
            "4-7-8 or 4-0-6.",
            code="timing_format",
        )
    seconds = [int(part) for part in parts]
    if len(seconds) == 2:
        seconds = [seconds[0], 0, seconds[1]]
    if seconds[0] == 0 or seconds[2] == 0 or max(seconds) > 20:
        raise ValidationError(
            "Breathing in and out need at least one second each, and no phase more than 20.",
            code="timing_range",
        )
    return seconds


def validate_timing_pattern(pattern: str) -> None:
    parse_timing_pattern(pattern)


class ExerciseQuerySet(PublishedQuerySet):
    def for_need(self, need: str) -> list[dict]:
        """The published exercises serving a need, in the library's order: what a link to each
        needs (slug, title, duration_minutes, summary)."""
        exercises = self.published().filter(need=need).order_by("order", "slug")
        return list(exercises.values("slug", "title", "duration_minutes", "summary"))


class Exercise(Curated):
    class Kind(models.TextChoices):
        BREATHING = "breathing", "Breathing"
        GROUNDING = "grounding", "Grounding"
        MICRO_SKILL = "micro-skill", "Stress micro-skill"
        REST = "rest", "Rest and recovery"
        BOUNDARY = "boundary", "Boundary practice"
        COMMUNICATION = "communication", "Communication"
        REFLECTION = "reflection", "Reflection"

    title = models.CharField(max_length=120)
    kind = models.CharField(max_length=20, choices=Kind.choices)
    need = models.CharField(max_length=12, choices=Need.choices, help_text="The need it serves.")
    duration_minutes = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(1), MaxValueValidator(240)]
    )
    summary = models.CharField(max_length=200, help_text="One line for the library.")
    why_it_helps = models.TextField()
    timing_pattern = models.CharField(
        max_length=20,
        blank=True,
        validators=[validate_timing_pattern],
        help_text="For guided breathing: seconds in-hold-out-hold, e.g. 4-4-4-4 (box) or 4-0-6.",
    )
    sources = models.TextField(blank=True, help_text="One source per line: a title, then its URL.")

    objects = ExerciseQuerySet.as_manager()

    class Meta(Curated.Meta):
        pass

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("resources:exercise", args=[self.slug])

    @property
    def phases(self) -> list[tuple[str, int]]:
        """The breathing phases with their seconds, without the zero-length holds."""
        if not self.timing_pattern:
            return []
        names = ("Breathe in", "Hold", "Breathe out", "Hold")
        return [
            (n, s)
            for n, s in zip(names, parse_timing_pattern(self.timing_pattern), strict=False)
            if s
        ]

    @property
    def source_list(self) -> list[tuple[str, str]]:
        """Each source line split into (title, url); a line without a URL keeps url empty."""
        result = []
        for line in self.sources.splitlines():
            title, _, url = line.strip().rpartition(" ")
            if url.startswith(("https://", "http://")):
                result.append((title.strip(" —-:") or url, url))
            elif line.strip():
                result.append((line.strip(), ""))
        return result


class ExerciseStep(models.Model):
    exercise = models.ForeignKey(Exercise, on_delete=models.CASCADE, related_name="steps")
    order = models.PositiveSmallIntegerField(default=0)
    text = models.CharField(max_length=400)

    class Meta:
        ordering = ["order", "pk"]

    def __str__(self) -> str:
        return self.text


class TherapyApproach(Curated):
    name = models.CharField(max_length=120)
    short_name = models.CharField(max_length=30, help_text="e.g. CBT, ACT.")
    summary = models.CharField(max_length=200)
    helps_with = models.TextField()
    sessions_like = models.TextField("what sessions are like")
    finding_practitioner = models.TextField("how to find a licensed practitioner")

    class Meta(Curated.Meta):
        verbose_name_plural = "therapy approaches"

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("resources:approach", args=[self.slug])


class Value(Curated):
    name = models.CharField(max_length=60)
    description = models.CharField(max_length=200)

    def __str__(self) -> str:
        return self.name


class ExerciseLog(models.Model):
    """A person's note that they did an exercise: their data, never visible to staff."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    # Staff unpublish an exercise rather than delete it: people's logs must not vanish.
    exercise = models.ForeignKey(Exercise, on_delete=models.PROTECT)
    done_at = models.DateTimeField(default=timezone.now)
    energy_before = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(1), MaxValueValidator(10)]
    )
    energy_after = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(1), MaxValueValidator(10)]
    )

    objects = OwnedQuerySet.as_manager()

    class Meta:
        ordering = ["-done_at"]
        indexes = [models.Index(fields=["user", "-done_at"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(energy_before__range=(1, 10), energy_after__range=(1, 10)),
                name="exerciselog_energy_1_to_10",
            )
        ]

    def __str__(self) -> str:
        return f"{self.exercise} at {self.done_at:%Y-%m-%d %H:%M}"

    @property
    def change(self) -> int:
        return self.energy_after - self.energy_before
