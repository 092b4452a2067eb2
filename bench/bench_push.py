"""Notifications sent by web push per second, by one Celery worker, on PostgreSQL and Redis.

BENCH_PUSH_DELIVERIES (2000) push messages, weekly-summary notifications for people of the
population (bench/harness.py) with two devices each, are queued as send_messages tasks of
apps.outbox.tasks.TASK_CHUNK ids, once a fresh worker process (solo pool, as bench_summaries
starts it) has sent one notification to warm up. Each is claimed, built by the reminders'
builder (its checks per batch included), encrypted for its device (aes128gcm, a fresh ECDH key
each), signed (VAPID, once per push service and task) and posted over a kept-alive connection.
The push service is a process of its own on 127.0.0.1 that reads each request and answers 201,
as a real one does (it does not decrypt: only the browser can).

Figures:
  push_per_second   notifications accepted per second, first claim to last sent
                    (target >= 200)
Every message must end sent, or the script fails. Its devices and messages are deleted after.
Run alone: .venv/bin/python -m bench.bench_push
"""

import os
import subprocess
import sys
import time

from bench import harness
from bench.harness import figure, log

DELIVERIES = int(os.environ.get("BENCH_PUSH_DELIVERIES", 2000))
DEVICES_EACH = 2
BUDGET = float(os.environ.get("BENCH_PUSH_BUDGET", 90))  # seconds for the run to be sent
# The push service: reads each request, answers 201 with no body and keeps the connection
# open; asyncio, so that it takes little of the machine a real push service would not share.
SERVICE = """
import asyncio, sys

async def serve(reader, writer):
    while True:
        head = await reader.readuntil(b"\\r\\n\\r\\n")
        length = next(
            int(line.split(b":", 1)[1])
            for line in head.split(b"\\r\\n")
            if line.lower().startswith(b"content-length:")
        )
        await reader.readexactly(length)
        writer.write(b"HTTP/1.1 201 Created\\r\\nContent-Length: 0\\r\\n\\r\\n")
        await writer.drain()

async def main():
    server = await asyncio.start_server(serve_safely, "127.0.0.1", int(sys.argv[1]))
    print("ready", flush=True)
    await server.serve_forever()

async def serve_safely(reader, writer):
    try:
        await serve(reader, writer)
    except (asyncio.IncompleteReadError, ConnectionError):
        writer.close()

asyncio.run(main())
"""


def devices(users: list[int]) -> list[int]:
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

    from apps.outbox.models import PushSubscription
    from apps.outbox.vapid import b64url

    def public_key() -> str:
        key = ec.generate_private_key(ec.SECP256R1()).public_key()
        return b64url(key.public_bytes(Encoding.X962, PublicFormat.UncompressedPoint))

    port = os.environ["BENCH_PUSH_PORT"]
    rows = [
        PushSubscription(
            user_id=user,
            endpoint=f"http://127.0.0.1:{port}/push/bench-{user}-{n}",
            p256dh=public_key(),
            auth=b64url(os.urandom(16)),
            label="Bench device",
        )
        for user in users
        for n in range(DEVICES_EACH)
    ]
    return [row.pk for row in PushSubscription.objects.bulk_create(rows)]


def queue(users: list[int], subscriptions: list[int], tag: str) -> list[int]:
    from django.utils import timezone

    from apps.outbox.models import Channel, Message, PushSubscription
    from apps.outbox.tasks import enqueue
    from apps.reminders.models import Kind

    now = timezone.now()
    by_user = PushSubscription.objects.filter(pk__in=subscriptions).values_list("pk", "user")
    ids = Message.objects.add_new(
        [
            {
                "channel": Channel.PUSH,
                "kind": Kind.SUMMARY,
                "key": f"push:bench:{tag}:{pk}:{now.isoformat()}",
                "ref": "bench",
                "user_id": user,
                "subscription_id": pk,
                "due_at": now,
                "next_attempt_at": now,
            }
            for pk, user in by_user
        ]
    )
    enqueue(ids)
    return ids


def wait_until_sent(ids: list[int]) -> int:
    from apps.outbox.models import Message, Status

    deadline = time.monotonic() + BUDGET
    while time.monotonic() < deadline:
        sent = Message.objects.filter(pk__in=ids, status=Status.SENT).count()
        if sent == len(ids):
            return sent
        time.sleep(0.2)
    statuses = set(Message.objects.filter(pk__in=ids).values_list("status", "reason"))
    raise SystemExit(f"bench_push: {sent} of {len(ids)} sent after {BUDGET:.0f} s; {statuses}")


def main() -> None:
    harness.setup()
    from django.db.models import Max, Min

    from apps.outbox.models import Channel, Message, PushSubscription
    from bench.bench_summaries import worker
    from config.celery_app import app

    users = harness.ensure_population()[: DELIVERIES // DEVICES_EACH]
    port = harness.free_port()
    os.environ["BENCH_PUSH_PORT"] = str(port)
    service = subprocess.Popen(  # noqa: S603 - our own interpreter and code
        [sys.executable, "-c", SERVICE, str(port)], stdout=subprocess.PIPE, text=True
    )
    try:
        if service.stdout.readline().strip() != "ready":
            raise SystemExit("bench_push: the push service did not start")
        app.control.purge()
        PushSubscription.objects.filter(label="Bench device").delete()
        subscriptions = devices(users)
        log(f"bench: {len(subscriptions)} notifications to {len(users)} people's devices")
        with worker("push", smtp_port=port):  # no email is sent
            wait_until_sent(queue(users[:1], subscriptions[:1], "warm-up"))
            ids = queue(users, subscriptions, "run")
            sent = wait_until_sent(ids)
        span = Message.objects.filter(pk__in=ids).aggregate(
            first=Min("claimed_at"), last=Max("sent_at")
        )
        seconds = (span["last"] - span["first"]).total_seconds()
        log(f"bench: {sent} notifications in {seconds:.2f} s")
        figure("push_per_second", round(sent / seconds, 1))
    finally:
        Message.objects.filter(channel=Channel.PUSH, ref="bench").delete()
        PushSubscription.objects.filter(label="Bench device").delete()
        service.terminate()
        service.wait(timeout=10)


if __name__ == "__main__":
    main()
