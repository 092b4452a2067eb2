import pytest
from allauth.mfa.models import Authenticator
from django.contrib.auth.models import Group
from django.urls import reverse

from apps.resources.models import Exercise, ExerciseStep
from tests import totp
from tests.conftest import PASSWORD, make_user
from tests.totp import SECRET


@pytest.fixture
def exercise(db) -> Exercise:
    item = Exercise.objects.create(
        slug="test-box",
        title="Test box breathing",
        kind=Exercise.Kind.BREATHING,
        need="rest",
        duration_minutes=3,
        summary="Four counts each way.",
        why_it_helps="Slow breathing can calm the body.",
        timing_pattern="4-4-4-4",
        sources="NHS breathing exercises https://www.nhs.uk/mental-health/",
        is_published=True,
    )
    for order, text in enumerate(["Sit comfortably.", "Breathe in for four.", "Hold for four."], 1):
        ExerciseStep.objects.create(exercise=item, order=order, text=text)
    return item


def sign_in_with_mfa(client, user) -> None:
    """Sign in as staff do: password, then the authenticator app's code."""
    Authenticator.objects.create(user=user, type=Authenticator.Type.TOTP, data={"secret": SECRET})
    client.post(reverse("account_login"), {"login": user.email, "password": PASSWORD})
    response = client.post(reverse("mfa_authenticate"), {"code": totp.code(SECRET)})
    assert response.status_code == 302, "the authenticator code was not accepted"


@pytest.fixture
def editor(db):
    user = make_user("editor@example.com", is_staff=True)
    user.groups.add(Group.objects.get(name="Content editors"))
    return user


@pytest.fixture
def editor_client(client, editor):
    sign_in_with_mfa(client, editor)
    return client
