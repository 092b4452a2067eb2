"""The app's URLs plus /bench/empty/, the baseline the page benchmarks divide by."""

from django.http import HttpRequest, HttpResponse
from django.urls import include, path


def empty(request: HttpRequest) -> HttpResponse:
    """A tiny response behind the full middleware stack (session, user, time zone, CSP...).

    It answers 403 to a visitor who is not signed in, so the harness can tell that every
    measured request really carried a valid session.
    """
    if not request.user.is_authenticated:
        return HttpResponse(b"signed out", status=403, content_type="text/plain")
    return HttpResponse(b"ok", content_type="text/plain")


urlpatterns = [
    path("bench/empty/", empty),
    path("", include("config.urls")),
]
