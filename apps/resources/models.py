from django.db import models
from django_countries.fields import CountryField


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
        return self.published().filter(country=country.upper()).order_by("order", "name")


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

    objects = CrisisLineQuerySet.as_manager()

    class Meta(Curated.Meta):
        ordering = ["country", "order", "name"]

    def __str__(self) -> str:
        return f"{self.name} ({self.country.code})"


class JournalPrompt(Curated):
    text = models.CharField(max_length=300)
    theme = models.CharField(max_length=60, blank=True)

    def __str__(self) -> str:
        return self.text
