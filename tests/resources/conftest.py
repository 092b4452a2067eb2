import time

import pytest
from allauth.account.internal.flows.login import AUTHENTICATION_METHODS_SESSION_KEY
from allauth.mfa.models import Authenticator
from django.contrib.auth.models import Group

from apps.resources.models import Exercise, ExerciseStep
from tests.conftest import make_user


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
    """A staff session as after password and authenticator code."""
    Authenticator.objects.create(user=user, type=Authenticator.Type.TOTP, data={"secret": "x"})
    client.force_login(user)
    session = client.session
    session[AUTHENTICATION_METHODS_SESSION_KEY] = [
        {"method": "password", "at": time.time()},
        {"method": "mfa", "at": time.time(), "type": "totp"},
    ]
    session.save()


@pytest.fixture
def editor(db):
    user = make_user("editor@example.com", is_staff=True)
    user.groups.add(Group.objects.get(name="Content editors"))
    return user


@pytest.fixture
def editor_client(client, editor):
    sign_in_with_mfa(client, editor)
    return client
