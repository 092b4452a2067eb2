"""What accounts keeps of a person (apps/accounts/registry.py): the profile, the sign-in
addresses and methods, the security log, and the outbox's record of what was sent to them."""

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator

from apps.accounts.models import SecurityEvent, User
from apps.accounts.registry import Section
from apps.accounts.restore import check
from apps.outbox.models import Message, PushSubscription

PROFILE = ("display_name", "time_zone", "country", "self_check_due_on")


def restore_profile(user: User, profile: dict | None) -> None:
    profile = profile or {}
    for name in PROFILE:
        if name in profile:
            setattr(user, name, profile[name] if profile[name] is not None else "")
    user.self_check_due_on = profile.get("self_check_due_on") or None
    check(user, "profile", 1, exclude=["password", "email"])
    user.save(update_fields=PROFILE)


SECTIONS = (
    Section(
        "profile",
        User,
        lambda user: User.objects.filter(pk=user.pk),
        (
            "email",
            "display_name",
            "time_zone",
            "country",
            "self_check_due_on",
            "date_joined",
            "last_login",
        ),
        single=True,
        restore_single=restore_profile,
    ),
    Section(
        "email_addresses",
        EmailAddress,
        lambda user: EmailAddress.objects.filter(user=user).order_by("pk"),
        ("email", "primary", "verified"),
        not_restored="the new account signs in with its own address",
    ),
    Section(
        "notification_devices",
        PushSubscription,
        lambda user: PushSubscription.objects.filter(user=user).order_by("created_at", "pk"),
        ("label", "created_at"),
        not_restored="each browser's subscription is its own: turn notifications on again",
    ),
    Section(
        "emails_sent",
        Message,
        lambda user: Message.objects.for_user(user).order_by("created_at", "pk"),
        ("channel", "kind", "ref", "due_at", "status", "sent_at"),
        not_restored="a record of what was sent to the old account",
    ),
    Section(
        "two_factor_methods",
        Authenticator,
        lambda user: Authenticator.objects.filter(user=user).order_by("created_at"),
        ("type", "created_at", "last_used_at"),
        not_restored="their secret keys are never exported: set it up again",
    ),
    Section(
        "security_events",
        SecurityEvent,
        lambda user: SecurityEvent.objects.for_user(user).order_by("created_at", "pk"),
        ("kind", "network", "created_at"),
        not_restored="the old account's sign-ins",
    ),
)
