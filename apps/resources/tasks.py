from celery import shared_task
from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from apps.accounts.models import User
from apps.lib.emails import render_email
from apps.outbox.tasks import queue_email
from apps.resources.models import CrisisLine

CONTENT_EDITORS = "Content editors"


@shared_task
def send_crisis_line_review() -> int:
    """Every Monday: email each content editor the crisis lines not verified for six months.

    Once per editor per ISO week, however many beats run it; returns how many were emailed.
    """
    lines = list(CrisisLine.objects.due_for_review().order_by("last_verified_on", "country"))
    if not lines:
        return 0
    rows = [
        (line, settings.SITE_URL + reverse("admin:resources_crisisline_change", args=[line.pk]))
        for line in lines
    ]
    year, week, _ = timezone.localdate().isocalendar()  # one review per editor per week
    editors = User.objects.filter(is_active=True, groups__name=CONTENT_EDITORS).distinct()
    emailed = 0
    for editor in editors:
        email = render_email("crisis_review", editor.email, {"rows": rows})
        slot = f"{editor.pk}:{year}-W{week:02}"
        emailed += len(queue_email(email, kind="crisis_review", user=editor, key=slot))
    return emailed
