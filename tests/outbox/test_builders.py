"""Messages built when they are sent, by the builder their kind registered."""

import pytest

from apps.lib.emails import Email
from apps.outbox import tasks
from apps.outbox.models import Message, Status

pytestmark = pytest.mark.django_db


@pytest.fixture
def nudges(monkeypatch):
    """A builder for kind "nudge": an email per message, but none for the paused."""
    calls = []

    def build(messages, now):
        calls.append([m.ref for m in messages])
        if any(m.ref == "broken" for m in messages) and len(messages) > 1:
            raise ValueError("one of them breaks the batch")
        if messages[0].ref == "broken":
            raise ValueError("this one")
        return {
            m.pk: "paused" if m.ref == "paused" else Email(subject=f"Nudge {m.ref}", to=[m.to])
            for m in messages
        }

    monkeypatch.setitem(tasks.BUILDERS, "nudge", build)
    return calls


def nudge(ref: str) -> Message:
    return Message.objects.create(
        kind="nudge", key=f"nudge:{ref}", ref=ref, to=f"{ref}@example.com"
    )


def test_a_batch_is_built_at_once_and_what_it_skips_is_recorded_so(nudges, mailbox):
    batch = [nudge("monday"), nudge("paused")]

    assert tasks.send([m.pk for m in batch]) == 1

    assert nudges == [["monday", "paused"]]
    [(_, email)] = mailbox.received
    assert (email["Subject"], email["Message-ID"]) == ("Nudge monday", batch[0].message_id)
    statuses = dict(Message.objects.values_list("ref", "status"))
    assert statuses == {"monday": Status.SENT, "paused": Status.SKIPPED}
    assert Message.objects.get(ref="paused").reason == "paused"


def test_a_message_that_cannot_be_built_fails_alone_and_says_why(nudges, mailbox):
    batch = [nudge("tuesday"), nudge("broken")]

    assert tasks.send([m.pk for m in batch]) == 1

    assert nudges == [["tuesday", "broken"], ["tuesday"], ["broken"]]
    broken = Message.objects.get(ref="broken")
    assert (broken.status, broken.reason, broken.last_error) == (
        Status.FAILED,
        "build_error",
        "ValueError",
    )
    assert mailbox.recipients() == ["tuesday@example.com"]
