from datetime import timedelta

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django_countries.fields import CountryField

from apps.lib.dates import validate_time_zone, zone
from apps.lib.querysets import OwnedQuerySet


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    def _create_user(self, email: str, password: str | None, **extra: object) -> "User":
        if not email:
            raise ValueError("An email address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email: str, password: str | None = None, **extra: object) -> "User":
        extra.setdefault("is_staff", False)
        extra.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra)

    def create_superuser(self, email: str, password: str | None = None, **extra: object) -> "User":
        extra.update(is_staff=True, is_superuser=True)
        return self._create_user(email, password, **extra)

    def lock_row(self, user: "User") -> None:
        """Hold the person's row until the transaction ends (SELECT ... FOR UPDATE).

        It serialises one person's checks of their own limits (five values, two actions a
        week, no overlapping rest windows or audits): two tabs posting at once would otherwise
        both pass a count. Other people's requests never wait on it.
        """
        list(self.select_for_update().filter(pk=user.pk).values_list("pk", flat=True))


class User(AbstractBaseUser, PermissionsMixin):
    """A person using Pacewise. The email is the login; the profile lives on the same row."""

    email = models.EmailField("email address", max_length=254, unique=True)
    display_name = models.CharField(
        max_length=60, blank=True, help_text="What Pacewise calls you. Optional."
    )
    time_zone = models.CharField(
        max_length=64,
        default="UTC",
        validators=[validate_time_zone],
        help_text="Your days, weeks and reminders follow this time zone.",
    )
    country = CountryField(
        blank=True, help_text="Used to show the crisis lines that serve where you live."
    )
    # Four weeks after the last burnout self-check Today invites a retake; none before the first.
    self_check_due_on = models.DateField(null=True, blank=True)
    is_active = models.BooleanField(default=True)
    is_staff = models.BooleanField(default=False)
    date_joined = models.DateTimeField(default=timezone.now)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []

    class Meta:
        constraints = [models.UniqueConstraint(Lower("email"), name="user_email_ci_unique")]

    def __str__(self) -> str:
        return self.email

    def get_short_name(self) -> str:
        return self.display_name or self.email.split("@")[0]

    def get_full_name(self) -> str:
        return self.display_name or self.email

    def local_now(self) -> "timezone.datetime":
        return timezone.now().astimezone(zone(self.time_zone))


class SecurityEventQuerySet(OwnedQuerySet):
    def expired(self) -> "SecurityEventQuerySet":
        return self.filter(created_at__lt=timezone.now() - SecurityEvent.RETENTION)


class SecurityEvent(models.Model):
    """A sign-in, a failed attempt, a two-factor change, an export: shown to the account's owner.

    No free text at all: never the email typed at a failed sign-in, never a user agent; the
    client address only as its /24 (IPv4) or /64 (IPv6) network. The rows go with the user
    (CASCADE). The one row without a user records that *an* account was deleted, and when,
    with nothing that could tie it to the person.
    """

    RETENTION = timedelta(days=365)

    class Kind(models.TextChoices):
        SIGNED_IN = "signed_in", "Signed in"
        SIGN_IN_FAILED = "sign_in_failed", "A sign-in attempt failed"
        MFA_FAILED = "mfa_failed", "A wrong two-factor code was entered"
        MFA_ADDED = "mfa_added", "Authenticator app turned on"
        MFA_REMOVED = "mfa_removed", "Two-factor method removed"
        RECOVERY_CODES = "recovery_codes", "New recovery codes created"
        PASSWORD_CHANGED = "password_changed", "Password changed"
        PASSWORD_RESET = "password_reset", "Password reset by email"
        EXPORTED = "exported", "Your data was downloaded"
        DELETED = "deleted", "An account was deleted"

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="security_events",
    )
    kind = models.CharField(max_length=20, choices=Kind.choices)
    network = models.CharField(
        max_length=43, blank=True, help_text="The client's /24 (IPv4) or /64 (IPv6) network."
    )
    created_at = models.DateTimeField(default=timezone.now)

    objects = SecurityEventQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["user", "-created_at"], name="security_event_by_user")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} at {self.created_at:%Y-%m-%d %H:%M}"
