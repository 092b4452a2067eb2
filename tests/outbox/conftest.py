from collections.abc import Iterator

import pytest
from django.utils import timezone

from apps.lib.emails import Email
from apps.outbox.models import Message
from apps.outbox.tasks import queue_email
from tests.celery_smtp import Mailbox, smtp_server


@pytest.fixture
def mailbox(settings) -> Iterator[Mailbox]:
    with smtp_server(settings) as box:
        yield box


def email(to: str = "runner@example.com", subject: str = "Your Pacewise code") -> Email:
    message = Email(subject=subject, body="Your code is CALM-42.", to=[to])
    message.attach_alternative("<p>Your code is <b>CALM-42</b>.</p>", "text/html")
    return message


def stored(count: int = 1, **fields: object) -> list[Message]:
    """Messages with stored content, due now, without publishing anything."""
    now = timezone.now()
    return Message.objects.bulk_create(
        Message(
            kind="code",
            key=f"code:{n}",
            to=f"runner{n}@example.com",
            subject=f"Message {n}",
            text_body=f"Body {n}",
            next_attempt_at=now,
            **fields,
        )
        for n in range(count)
    )


def queued(to: str = "runner@example.com", **options: object) -> Message:
    [message] = queue_email(email(to), kind="code", **options)
    return message
