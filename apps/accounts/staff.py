"""The admin asks staff for two-factor authentication in this very session.

allauth's sign-in (and so its rate limits) guards the admin; this adds: no authenticator app, no
admin; signed in with a password alone, confirm with a code first.
"""

from allauth.account.authentication import get_authentication_records
from allauth.mfa.utils import is_mfa_enabled
from django.contrib import messages
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import resolve_url
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode


def used_mfa(request: HttpRequest) -> bool:
    return any(
        record.get("method") == "mfa"
        for record in get_authentication_records(request, request.user)
    )


def staff_with_mfa(request: HttpRequest) -> bool:
    user = request.user
    return user.is_active and user.is_staff and used_mfa(request)


def admin_login(request: HttpRequest, extra_context: object = None) -> HttpResponse:
    """Replaces the admin's own login form: send each visitor to the step they are missing."""
    next_url = request.GET.get(REDIRECT_FIELD_NAME, "")
    if not url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}):
        next_url = ""
    next_url = next_url or reverse("admin:index")
    if not request.user.is_authenticated:
        login = resolve_url("account_login")
        return HttpResponseRedirect(f"{login}?{urlencode({REDIRECT_FIELD_NAME: next_url})}")
    if not (request.user.is_active and request.user.is_staff):
        raise PermissionDenied
    if not is_mfa_enabled(request.user):
        messages.info(
            request, "Staff need two-factor authentication: set up an authenticator app first."
        )
        return HttpResponseRedirect(reverse("mfa_index"))
    if not used_mfa(request):
        target = reverse("mfa_reauthenticate")
        return HttpResponseRedirect(f"{target}?{urlencode({REDIRECT_FIELD_NAME: next_url})}")
    return HttpResponseRedirect(next_url)
