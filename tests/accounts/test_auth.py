import pytest
from django.core import mail
from django.urls import reverse

from tests.conftest import make_user

pytestmark = pytest.mark.django_db
LOGIN = reverse("account_login")


def test_a_verified_user_signs_in_and_lands_on_today(client, alice):
    response = client.post(
        LOGIN, {"login": "alice@example.com", "password": "a calm long password"}
    )

    assert response.status_code == 302
    assert response["Location"] == reverse("checkins:today")


def test_a_wrong_password_is_refused_with_an_error(client, alice):
    response = client.post(LOGIN, {"login": "alice@example.com", "password": "not it"})

    assert response.status_code == 200
    assert "The email address and/or password you specified are not correct." in response.text
    assert client.get(reverse("checkins:today")).status_code == 302


def test_an_unverified_user_is_asked_for_a_code_first(client, django_capture_on_commit_callbacks):
    make_user("nia@example.com", verified=False)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            LOGIN, {"login": "nia@example.com", "password": "a calm long password"}
        )

    assert response["Location"] == reverse("account_email_verification_sent")
    assert mail.outbox[-1].to == ["nia@example.com"]
    assert client.get(reverse("checkins:today")).status_code == 302


def test_repeated_failed_sign_ins_are_rate_limited(client, alice):
    for _ in range(5):
        client.post(LOGIN, {"login": "alice@example.com", "password": "guess"})

    response = client.post(
        LOGIN, {"login": "alice@example.com", "password": "a calm long password"}
    )

    assert "Too many failed login attempts" in response.text
    assert client.get(reverse("checkins:today")).status_code == 302


def test_signing_out_ends_the_session(alice_client):
    response = alice_client.post(reverse("account_logout"))

    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:landing")
    assert alice_client.get(reverse("checkins:today")).status_code == 302


def test_a_password_reset_link_is_emailed_through_the_outbox(
    client, alice, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("account_reset_password"), {"email": "alice@example.com"})

    assert response.status_code == 302
    assert mail.outbox[-1].to == ["alice@example.com"]
    assert "/accounts/password/reset/key/" in mail.outbox[-1].body


def test_a_password_change_rejects_a_weak_password_and_keeps_the_old_one(alice_client, alice):
    response = alice_client.post(
        reverse("account_change_password"),
        {"oldpassword": "a calm long password", "password1": "12345678", "password2": "12345678"},
    )

    assert response.status_code == 200
    assert "This password is too short" in response.text
    alice.refresh_from_db()
    assert alice.check_password("a calm long password")


def test_two_factor_authentication_is_offered_from_the_account_page(alice_client):
    response = alice_client.get(reverse("mfa_index"))

    assert response.status_code == 200
    assert "Authenticator App" in response.text
    assert '<a class="skip-link"' in response.text


def test_changing_the_password_signs_out_every_other_session(client, alice):
    from django.test import Client

    other_device = Client()
    other_device.force_login(alice)
    client.force_login(alice)
    client.post(reverse("account_reauthenticate"), {"password": "a calm long password"})

    response = client.post(
        reverse("account_change_password"),
        {
            "oldpassword": "a calm long password",
            "password1": "an even calmer password",
            "password2": "an even calmer password",
        },
    )

    assert response.status_code == 302
    assert client.get(reverse("checkins:today")).status_code == 200
    assert other_device.get(reverse("checkins:today")).status_code == 302
