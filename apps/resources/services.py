from django.conf import settings
from django.urls import reverse

from apps.accounts.models import User
from apps.accounts.services import queue_email
from apps.lib.emails import render_email
from apps.resources.models import CrisisLine

CONTENT_EDITORS = "Content editors"


def email_editors_due_lines() -> int:
    """Email every content editor the crisis lines not verified in the last six months."""
    lines = list(CrisisLine.objects.due_for_review().order_by("last_verified_on", "country"))
    if not lines:
        return 0
    rows = [
        (line, settings.SITE_URL + reverse("admin:resources_crisisline_change", args=[line.pk]))
        for line in lines
    ]
    editors = User.objects.filter(is_active=True, groups__name=CONTENT_EDITORS).distinct()
    for editor in editors:
        queue_email(render_email("crisis_review", editor.email, {"rows": rows}))
    return len(editors)
