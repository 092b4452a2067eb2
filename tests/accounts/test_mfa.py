import re

import pytest
from allauth.mfa.models import Authenticator
from django.urls import reverse

from tests.conftest import PASSWORD
from tests.totp import code as current_code

pytestmark = pytest.mark.django_db
SHOWN_SECRET = re.compile(
    r'id="authenticator_secret"[^>]*value="([A-Z2-7]+)"|value="([A-Z2-7]+)"[^>]*id="authenticator_secret"'
)


def activate_totp(client) -> str:
    """Turn on an authenticator app as a person does: copy the secret the page shows."""
    client.post(reverse("account_reauthenticate"), {"password": PASSWORD})
    page = client.get(reverse("mfa_activate_totp")).text
    match = SHOWN_SECRET.search(page)
    assert match, "the set-up page shows no secret to copy"
    secret = match.group(1) or match.group(2)
    client.post(reverse("mfa_activate_totp"), {"code": current_code(secret)})
    return secret


def test_a_user_turns_on_an_authenticator_app_and_gets_recovery_codes(alice_client, alice):
    activate_totp(alice_client)

    types = set(Authenticator.objects.filter(user=alice).values_list("type", flat=True))
    assert types == {Authenticator.Type.TOTP, Authenticator.Type.RECOVERY_CODES}


def test_a_wrong_authenticator_code_turns_nothing_on(alice_client, alice):
    alice_client.post(reverse("account_reauthenticate"), {"password": PASSWORD})
    alice_client.get(reverse("mfa_activate_totp"))

    response = alice_client.post(reverse("mfa_activate_totp"), {"code": "000000"})

    assert "Incorrect code" in response.text
    assert not Authenticator.objects.filter(user=alice).exists()


def test_with_two_factor_on_sign_in_asks_for_the_code(client, alice):
    client.force_login(alice)
    secret = activate_totp(client)
    client.post(reverse("account_logout"))

    response = client.post(reverse("account_login"), {"login": alice.email, "password": PASSWORD})

    assert response["Location"] == reverse("mfa_authenticate")
    assert client.get(reverse("checkins:today")).status_code == 302
    response = client.post(reverse("mfa_authenticate"), {"code": current_code(secret)})
    assert response["Location"] == reverse("checkins:today")
