"""With Redis down, pages still serve and no email is lost: it goes out once Redis is back."""

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from kombu import pools

from apps.accounts.models import User
from apps.outbox.models import Message, Status
from apps.outbox.tasks import sweep_messages
from config.celery_app import app as celery_app

pytestmark = pytest.mark.django_db
NOWHERE = "redis://127.0.0.1:1/0"  # nothing listens on port 1
SIGNUP = {
    "email": "dana@example.com",
    "password1": "slow mornings are fine",
    "password2": "slow mornings are fine",
    "time_zone": "UTC",
}


def reset_broker_connections() -> None:
    """Forget pooled broker connections so the next publish connects to the current URL."""
    pools.reset()
    celery_app.close()  # its connection pool; the next publish opens one on the current URL
    del celery_app.amqp  # and its producer pool, made again from the current URL when asked


@contextmanager
def broker_unreachable() -> Iterator[None]:
    """Publishing really goes to a broker that is not there (not eager, not mocked)."""
    conf = celery_app.conf
    saved = conf.broker_url, conf.task_always_eager
    conf.broker_url, conf.task_always_eager = NOWHERE, False
    reset_broker_connections()
    try:
        yield
    finally:
        conf.broker_url, conf.task_always_eager = saved
        reset_broker_connections()


@pytest.fixture
def broker_down() -> Iterator[None]:
    with broker_unreachable():
        yield


@pytest.fixture
def cache_down(settings):
    # Django's setting_changed handler drops the cache connections both ways.
    settings.CACHES = {"default": {**settings.CACHES["default"], "LOCATION": NOWHERE}}


def test_sign_up_works_with_the_broker_down_and_the_email_waits_in_the_outbox(
    client, broker_down, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("account_signup"), SIGNUP)

    assert response.status_code == 302
    assert User.objects.filter(email="dana@example.com").exists()
    waiting = Message.objects.get()
    assert (waiting.kind, waiting.status) == ("email_confirmation_signup", Status.PENDING)
    assert mail.outbox == []


def test_the_email_is_sent_once_the_broker_returns(client, django_capture_on_commit_callbacks):
    with broker_unreachable(), django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("account_signup"), SIGNUP)
    Message.objects.update(next_attempt_at=timezone.now() - dt.timedelta(minutes=2))

    with django_capture_on_commit_callbacks(execute=True):
        assert sweep_messages() == 1  # beat's sweep, now that the broker is back (eager here)

    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["dana@example.com"]
    assert Message.objects.get().status == Status.SENT


def test_pages_and_sign_in_still_work_with_the_cache_down(client, alice, cache_down):
    assert client.get(reverse("account_login")).status_code == 200

    response = client.post(
        reverse("account_login"), {"login": "alice@example.com", "password": "a calm long password"}
    )

    assert response.status_code == 302
    assert client.get(reverse("checkins:today")).status_code == 200
