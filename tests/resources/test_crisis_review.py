import datetime as dt

import pytest
from django.core import mail

from apps.resources.models import CrisisLine
from apps.resources.tasks import send_crisis_line_review

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
