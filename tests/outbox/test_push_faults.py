"""Notifications through a killed worker: real worker and beat processes, the tests' own push
service (tests/push_service.py), and SIGKILL in the middle of a batch. Every device gets its
notification, and a repeat is only one of those in flight (push.IN_FLIGHT), which the device
shows once: a notification replaces another of its tag."""

import os
import signal
from collections import Counter

import pytest
from django.conf import settings as django_settings
from django.utils import timezone

from apps.outbox import push
from apps.outbox.models import Channel, Message, PushSubscription, Status
from apps.outbox.tasks import enqueue
from tests.celery_smtp import (
    beat_process,
    process_env,
    publishing_to,
    smtp_server,
    wait_for,
    worker_process,
)
from tests.conftest import make_user
from tests.outbox.test_faults import all_sent
from tests.push_service import Browser, push_service

pytestmark = pytest.mark.django_db(transaction=True)
COUNT = 150  # three tasks of fifty


def test_a_worker_killed_mid_batch_still_gets_every_notification_to_its_device_once(
    settings, tmp_path
):
    user = make_user("runner@example.com")
    now = timezone.now()
    with push_service() as service, smtp_server(settings) as mailbox:
        browsers = [Browser(service) for _ in range(COUNT)]
        devices = PushSubscription.objects.bulk_create(
            PushSubscription(
                user=user, endpoint=b.endpoint, label=f"Device {n}", **b.subscription()["keys"]
            )
            for n, b in enumerate(browsers)
        )
        messages = Message.objects.bulk_create(
            Message(
                channel=Channel.PUSH,
                kind="push_test",
                key=f"push:test:{device.pk}",
                user=user,
                subscription=device,
                subject="Pacewise notifications are on",
                text_body=f"For device {n}",
                headers={"url": "/account/email/", "ttl": 300},
                next_attempt_at=now,
            )
            for n, device in enumerate(devices)
        )
        env = process_env(mailbox.port, django_settings.REDIS_URL)
        with publishing_to(django_settings.REDIS_URL):
            enqueue([m.pk for m in messages])

        with worker_process(env, tmp_path / "w1.log") as first:
            # SIGKILL as the push service accepts the 75th: halfway through the second task.
            service.on_accept = lambda count: count == 75 and os.kill(first.pid, signal.SIGKILL)
            first.wait(timeout=60)
        service.on_accept = None
        assert len(service.delivered()) < COUNT
        with (
            worker_process(env, tmp_path / "w2.log", name="w2"),
            beat_process(env, tmp_path / "beat.log"),
        ):
            wait_for(all_sent(COUNT), "every notification to be sent", timeout=120)

        per_device = Counter(push.token for push in service.pushes if push.status < 300)
        assert set(per_device) == {b.token for b in browsers}
        assert sum(per_device.values()) - COUNT <= push.IN_FLIGHT, per_device.most_common(3)
        assert max(per_device.values()) <= 2
        assert service.refused == []
        bodies = sorted(payload["body"] for payload in service.delivered())
        assert set(bodies) == {f"For device {n}" for n in range(COUNT)}
        assert set(Message.objects.values_list("status", flat=True)) == {Status.SENT}
        assert mailbox.received == []
