from collections.abc import Callable
from urllib.parse import urlsplit

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import resolve_url
from django.utils import timezone
from django_htmx.http import HttpResponseClientRedirect

from apps.lib.dates import zone

Handler = Callable[[HttpRequest], HttpResponse]


def user_time_zone(get_response: Handler) -> Handler:
    """Every request of a signed-in user runs in their own IANA time zone, and only the request:
    whatever the thread does next starts from the default zone again, not from the last
    person's (a test's dates did)."""

    def middleware(request: HttpRequest) -> HttpResponse:
        user = request.user
        own = zone(user.time_zone) if user.is_authenticated else None
        with timezone.override(own):
            return get_response(request)

    return middleware


def private_pages(get_response: Handler) -> Handler:
    """Signed-in pages are never cached; an htmx request whose session ran out goes to login.

    Without the second rule htmx would follow the 302 and swap the login page into a fragment.
    """

    def middleware(request: HttpRequest) -> HttpResponse:
        response = get_response(request)
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        # Decided from the session cookie, not request.user: that would need the database,
        # and this must still work when the database is down.
        if settings.SESSION_COOKIE_NAME in request.COOKIES:
            response.headers["Cache-Control"] = "private, no-store"
        if getattr(request, "htmx", False) and response.status_code == 302:
            login_path = resolve_url(settings.LOGIN_URL)
            if urlsplit(response["Location"]).path == login_path:
                return HttpResponseClientRedirect(response["Location"])
        return response

    return middleware
