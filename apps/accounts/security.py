"""The security-events log, and a per-person limit for costly account actions.

The log listens to allauth's and Django's authentication signals. Signals are the right tool
here and nowhere else in Pacewise: auditing cuts across allauth's flows (sign-in, codes, MFA),
which we do not own and could only otherwise reach by copying its views. Domain flow never
hangs off a signal.
"""

import ipaddress

from allauth.account import signals as account_signals
from allauth.account.utils import filter_users_by_email
from allauth.mfa import signals as mfa_signals
from allauth.mfa.models import Authenticator
from django.contrib.auth import signals as auth_signals
from django.dispatch import receiver
from django.http import HttpRequest

from apps.accounts.models import SecurityEvent, User
from apps.lib.ratelimit import client_ip, within_limit

Kind = SecurityEvent.Kind


def network_of(request: HttpRequest | None) -> str:
    """The client's /24 (IPv4) or /64 (IPv6): enough to tell home from elsewhere, not a host."""
    if request is None:
        return ""
    try:
        address = ipaddress.ip_address(client_ip(request))
    except ValueError:  # none, or not an address
        return ""
    prefix = 24 if address.version == 4 else 64
    return str(ipaddress.ip_network(f"{address}/{prefix}", strict=False))


def record(kind: str, user: User, request: HttpRequest | None = None) -> SecurityEvent:
    """Log an event for the user and forget their events older than the retention period."""
    SecurityEvent.objects.for_user(user).expired().delete()
    return SecurityEvent.objects.create(user=user, kind=kind, network=network_of(request))


def record_account_deleted() -> SecurityEvent:
    """Only that an account was deleted, and when: no user, no address, nothing to trace."""
    return SecurityEvent.objects.create(kind=Kind.DELETED)


def recent_events(user: User, limit: int = 10) -> list[SecurityEvent]:
    return list(SecurityEvent.objects.for_user(user)[:limit])


def under_limit(user: User, action: str, limit: int, period: int) -> bool:
    """Count one more use of the action; False once the user has used it `limit` times within
    the current window of `period` seconds (a fixed window in the shared cache)."""
    return within_limit(f"limit:{action}:{user.pk}", limit, period)


# --- Receivers -------------------------------------------------------------------------------
@receiver(account_signals.user_logged_in)
def on_signed_in(request: HttpRequest, user: User, **kwargs: object) -> None:
    record(Kind.SIGNED_IN, user, request)


@receiver(auth_signals.user_login_failed)
def on_sign_in_failed(
    credentials: dict, request: HttpRequest | None = None, **kwargs: object
) -> None:
    """Logged only against an account that exists, so its owner can see it. The address or
    password typed is never stored; an attempt on an unknown address leaves no row at all."""
    typed = credentials.get("email") or credentials.get("username") or ""
    if not isinstance(typed, str) or not typed:
        return
    for user in filter_users_by_email(typed):
        record(Kind.SIGN_IN_FAILED, user, request)


@receiver(account_signals.login_code_rejected)
def on_sign_in_code_rejected(request: HttpRequest, user: User, **kwargs: object) -> None:
    record(Kind.SIGN_IN_FAILED, user, request)


@receiver(mfa_signals.authentication_failed)
def on_mfa_failed(request: HttpRequest, user: User, **kwargs: object) -> None:
    record(Kind.MFA_FAILED, user, request)


@receiver(mfa_signals.authenticator_added)
def on_mfa_added(
    request: HttpRequest, user: User, authenticator: Authenticator, **kwargs: object
) -> None:
    is_codes = authenticator.type == Authenticator.Type.RECOVERY_CODES
    record(Kind.RECOVERY_CODES if is_codes else Kind.MFA_ADDED, user, request)


@receiver(mfa_signals.authenticator_reset)
def on_recovery_codes_regenerated(request: HttpRequest, user: User, **kwargs: object) -> None:
    record(Kind.RECOVERY_CODES, user, request)


@receiver(mfa_signals.authenticator_removed)
def on_mfa_removed(
    request: HttpRequest, user: User, authenticator: Authenticator, **kwargs: object
) -> None:
    # Recovery codes go together with the last authenticator: one event for the pair.
    if authenticator.type != Authenticator.Type.RECOVERY_CODES:
        record(Kind.MFA_REMOVED, user, request)


@receiver(account_signals.password_changed)
def on_password_changed(request: HttpRequest, user: User, **kwargs: object) -> None:
    record(Kind.PASSWORD_CHANGED, user, request)


@receiver(account_signals.password_reset)
def on_password_reset(request: HttpRequest, user: User, **kwargs: object) -> None:
    record(Kind.PASSWORD_RESET, user, request)
