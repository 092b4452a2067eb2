import datetime as dt

from django.utils import timezone

from apps.lib.emails import render_email
from apps.outbox.tasks import queue_email
from apps.planning.models import ShareLink


def send_share_link(link: ShareLink, to: str, url: str) -> None:
    """Send the link with the sharer's name only: never plan content, which may change or be
    revoked after the email has left. The message is the sharer's: it goes when they go."""
    days = max(1, round((link.expires_at - timezone.now()) / dt.timedelta(days=1)))
    message = render_email(
        "share_link", to, {"url": url, "sharer": link.user.display_name, "days": days}
    )
    queue_email(message, kind="share_link", user=link.user)
