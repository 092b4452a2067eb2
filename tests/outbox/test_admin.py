"""The admin's delivery log: counts per kind and day, failures by error type, never content."""

import html

import pytest
from django.urls import reverse

from apps.outbox.models import Message, Status
from tests.conftest import make_user
from tests.outbox.conftest import queued, stored
from tests.resources.conftest import sign_in_with_mfa

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    sign_in_with_mfa(client, make_user("root@example.com", is_staff=True, is_superuser=True))
    return client


def test_the_log_counts_each_kind_per_day_and_shows_no_content(admin_client):
    queued()  # stored content: "Your code is CALM-42."
    sent, skipped, failed = stored(3)
    Message.objects.filter(pk=sent.pk).update(status=Status.SENT)
    Message.objects.filter(pk=skipped.pk).update(status=Status.SKIPPED, reason="paused")
    Message.objects.filter(pk=failed.pk).update(
        status=Status.FAILED, reason="gave_up", last_error="ConnectionRefusedError"
    )

    page = admin_client.get(reverse("admin:outbox_message_changelist")).text

    assert "<h1>Delivery log</h1>" in page
    assert "<td>email</td><td>code</td><td>4</td><td>1</td><td>1</td><td>1</td><td>1</td>" in page
    assert "ConnectionRefusedError" in page
    assert "CALM-42" not in page


def test_a_message_can_be_looked_at_but_not_added_or_changed(admin_client):
    [message] = stored(1)

    detail = admin_client.get(reverse("admin:outbox_message_change", args=[message.pk]))

    assert detail.status_code == 200
    assert html.escape(message.message_id) in detail.text
    assert "Deliveries" in detail.text  # how often a server accepted it: a repeat shows
    assert "Body 0" not in detail.text
    assert admin_client.get(reverse("admin:outbox_message_add")).status_code == 403


def test_push_failures_are_counted_apart_from_email(admin_client):
    [gone, busy] = stored(2, channel="push")
    Message.objects.filter(pk=gone.pk).update(
        status=Status.FAILED, reason="gone", last_error="HTTP 410"
    )
    Message.objects.filter(pk=busy.pk).update(
        status=Status.FAILED, reason="gave_up", last_error="HTTP 503"
    )

    page = admin_client.get(reverse("admin:outbox_message_changelist")).text

    assert "<td>push</td><td>code</td><td>2</td><td>0</td><td>0</td><td>2</td><td>0</td>" in page
    assert "HTTP 410" in page
    assert "HTTP 503" in page
