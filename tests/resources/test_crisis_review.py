import datetime as dt

import pytest
import time_machine
from django.contrib.auth.models import Group
from django.core import mail

from apps.outbox.models import Message
from apps.resources.models import CrisisLine
from apps.resources.tasks import send_crisis_line_review
from tests.conftest import make_user

pytestmark = [pytest.mark.django_db, pytest.mark.sqlite]


def test_editors_are_emailed_the_lines_due_for_re_verification(
    editor, django_capture_on_commit_callbacks
):
    CrisisLine.objects.filter(slug="gb-samaritans").update(last_verified_on=dt.date(2025, 1, 10))

    with django_capture_on_commit_callbacks(execute=True):
        assert send_crisis_line_review() == 1

    message = mail.outbox[0]
    assert message.to == ["editor@example.com"]
    assert message.subject == "Pacewise: 1 crisis line due for re-verification"
    assert "Samaritans (GB), last verified 10 January 2025" in message.body
    assert "/admin/resources/crisisline/" in message.body
    assert "TelefonSeelsorge" not in message.body
    assert message.alternatives[0][1] == "text/html"


def test_nothing_is_sent_when_every_line_is_fresh(editor):
    assert send_crisis_line_review() == 0
    assert mail.outbox == []


def test_people_outside_the_group_get_nothing(alice):
    CrisisLine.objects.filter(slug="gb-samaritans").update(last_verified_on=dt.date(2025, 1, 10))

    assert send_crisis_line_review() == 0


def test_two_beats_on_a_monday_morning_send_each_editor_one_review_that_week(
    editor, django_capture_on_commit_callbacks
):
    second = make_user("second.editor@example.com", is_staff=True)
    second.groups.add(Group.objects.get(name="Content editors"))
    CrisisLine.objects.filter(slug="gb-samaritans").update(last_verified_on=dt.date(2025, 1, 10))
    monday = dt.datetime(2026, 12, 7, 7, 0, tzinfo=dt.UTC)

    for beat in (monday, monday + dt.timedelta(minutes=5)):  # two beats, each runs the task
        with (
            time_machine.travel(beat, tick=False),
            django_capture_on_commit_callbacks(execute=True),
        ):
            send_crisis_line_review()

    assert sorted(m.to[0] for m in mail.outbox) == [
        "editor@example.com",
        "second.editor@example.com",
    ]
    assert Message.objects.filter(kind="crisis_review").count() == 2

    next_monday = time_machine.travel(monday + dt.timedelta(days=7), tick=False)
    with next_monday, django_capture_on_commit_callbacks(execute=True):
        assert send_crisis_line_review() == 2  # a new week, a new review each
    assert len(mail.outbox) == 4
