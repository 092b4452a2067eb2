from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context
from django.conf import settings
from django.contrib.sites.shortcuts import get_current_site
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest

from apps.accounts.models import User
from apps.lib.ratelimit import client_ip
from apps.outbox.tasks import queue_email


class AccountAdapter(DefaultAccountAdapter):
    def get_client_ip(self, request: HttpRequest) -> str:
        """The one reading of the client's address (apps.lib.ratelimit), for allauth's limits."""
        if address := client_ip(request):
            return address
        raise PermissionDenied("Unable to determine the client's address.")

    def send_mail(self, template_prefix: str, email: str, context_data: dict) -> None:
        """Render allauth's email in the request, then hand it to the outbox and Celery."""
        request = context.request
        site = get_current_site(request)
        site.name = settings.SITE_NAME  # "Hello from Pacewise!", not the bare host name
        ctx = {"request": request, "email": email, "current_site": site}
        ctx.update(context_data)
        user = context_data.get("user")
        queue_email(
            self.render_mail(template_prefix, email, ctx),
            kind=template_prefix.rpartition("/")[2][:40],
            user=user if isinstance(user, User) and user.pk else None,
        )
