import datetime as dt

import pytest
from allauth.core import context
from django.contrib import admin
from django.contrib.auth.models import Permission
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

from apps.accounts.models import SecurityEvent
from apps.accounts.security import network_of, record
from tests.accounts.test_mfa import activate_totp
from tests.conftest import PASSWORD, make_user

pytestmark = pytest.mark.django_db
Kind = SecurityEvent.Kind


def kinds(user) -> list[str]:
    return list(SecurityEvent.objects.for_user(user).values_list("kind", flat=True))


def sign_in(client, email: str, password: str = PASSWORD, **extra):
    return client.post(reverse("account_login"), {"login": email, "password": password}, **extra)


def test_a_sign_in_is_logged_with_the_network_not_the_address(client, alice):
    sign_in(client, "alice@example.com", REMOTE_ADDR="203.0.113.57")

    event = SecurityEvent.objects.get(user=alice)
    assert (event.kind, event.network) == (Kind.SIGNED_IN, "203.0.113.0/24")


def test_an_ipv6_address_is_kept_only_as_its_64_network():
    request = RequestFactory().get("/", REMOTE_ADDR="2001:db8:85a3:8d3:1319:8a2e:370:7348")

    assert network_of(request) == "2001:db8:85a3:8d3::/64"


def test_a_failed_sign_in_is_logged_for_the_account_without_what_was_typed(client, alice):
    sign_in(client, "Alice@Example.com", "Tr0ub4dor&3-typed-guess")

    assert kinds(alice) == [Kind.SIGN_IN_FAILED]
    stored = str(list(SecurityEvent.objects.values()))
    assert "Tr0ub4dor" not in stored
    assert "Alice@Example.com" not in stored
    assert "alice@example.com" not in stored


def test_a_sign_in_attempt_on_an_unknown_address_leaves_no_trace(client, alice):
    sign_in(client, "nobody-here@example.com", "whatever-they-typed")

    assert not SecurityEvent.objects.exists()


def test_turning_on_an_authenticator_app_is_logged(
    alice_client, alice, rf, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks() as callbacks:
        activate_totp(alice_client)
    # allauth sends its signal on commit, which in production happens inside the request.
    with context.request_context(rf.get("/")):
        for callback in callbacks:
            callback()

    assert set(kinds(alice)) == {Kind.MFA_ADDED, Kind.RECOVERY_CODES}


def test_an_export_and_a_deletion_are_logged_the_deletion_without_the_user(
    alice_client, alice, django_capture_on_commit_callbacks
):
    alice_client.post(reverse("account_reauthenticate"), {"password": PASSWORD})
    response = alice_client.post(reverse("accounts:export"), {"format": "json"})
    b"".join(response.streaming_content)
    assert kinds(alice) == [Kind.EXPORTED]

    with django_capture_on_commit_callbacks(execute=True):
        alice_client.post(reverse("accounts:delete"), {"confirmation": "delete my account"})

    deleted = SecurityEvent.objects.get()
    assert (deleted.kind, deleted.user_id, deleted.network) == (Kind.DELETED, None, "")


def test_the_account_page_shows_the_users_own_recent_activity(client, alice, charlie):
    sign_in(client, "charlie@example.com", "not charlie's password")
    sign_in(client, "alice@example.com", REMOTE_ADDR="198.51.100.7")

    response = client.get(reverse("accounts:account"))

    assert "Recent security activity" in response.text
    assert "Signed in" in response.text
    assert "198.51.100.0/24" in response.text
    assert "A sign-in attempt failed" not in response.text


def test_events_older_than_a_year_are_forgotten_when_a_new_one_comes(alice):
    old = record(Kind.SIGNED_IN, alice)
    old.created_at = timezone.now() - SecurityEvent.RETENTION - dt.timedelta(days=1)
    old.save()

    record(Kind.SIGNED_IN, alice)

    assert SecurityEvent.objects.filter(pk=old.pk).exists() is False
    assert kinds(alice) == [Kind.SIGNED_IN]


def test_in_the_admin_only_superusers_see_the_log_and_nobody_edits_it(rf):
    model_admin = admin.site.get_model_admin(SecurityEvent)
    editor = make_user("editor@example.com", is_staff=True)
    editor.user_permissions.set(Permission.objects.all())
    root = make_user("root@example.com", is_staff=True, is_superuser=True)

    for user, can_see in ((editor, False), (root, True)):
        request = rf.get("/")
        request.user = user
        assert model_admin.has_module_permission(request) is can_see
        assert model_admin.has_view_permission(request) is can_see
        assert not model_admin.has_add_permission(request)
        assert not model_admin.has_change_permission(request)
        assert not model_admin.has_delete_permission(request)
