import sys

from allauth.account.decorators import reauthentication_required
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_http_methods
from django.views.decorators.vary import vary_on_headers

from apps.accounts import export, registry, security
from apps.accounts.deletion import delete_account
from apps.accounts.forms import DeleteAccountForm, ExportForm, ProfileForm
from apps.accounts.models import SecurityEvent


def landing(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return redirect("checkins:today")
    return render(request, "accounts/landing.html")


@vary_on_headers("HX-Request")
@require_http_methods(["GET", "POST"])
@login_required
def account(request: HttpRequest) -> HttpResponse:
    form = ProfileForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        if "time_zone" in form.changed_data:
            registry.time_zone_changed(request.user)
        if not request.htmx:
            messages.success(request, "Your profile is saved.")
            return redirect("accounts:account")
        form = ProfileForm(instance=request.user)
        saved = True
    else:
        saved = False
    status = 422 if request.method == "POST" and form.errors else 200
    if request.htmx:
        context = {"form": form, "saved": saved}
        return render(request, "accounts/account.html#profile-form", context, status=status)
    context = {"form": form, "saved": saved, "events": security.recent_events(request.user)}
    return render(request, "accounts/account.html", context, status=status)


EXPORT_LIMIT, EXPORT_PERIOD = 5, 60 * 60
EXPORT_FORMATS = {
    "json": (export.json_chunks, "application/json", "json"),
    "csv": (export.csv_zip_chunks, "application/zip", "zip"),
}


@require_http_methods(["GET", "POST"])
@login_required
@reauthentication_required
def data_export(request: HttpRequest) -> HttpResponse:
    """GET shows the choice; the download itself is a POST (CSRF-checked, never prefetched or
    replayed from history), after recent re-authentication and at most 5 an hour."""
    form = ExportForm(request.POST if request.method == "POST" else None)
    if not form.is_valid():
        status = 400 if form.is_bound else 200
        return render(request, "accounts/export.html", {"form": form}, status=status)
    if not security.under_limit(request.user, "export", EXPORT_LIMIT, EXPORT_PERIOD):
        context = {"form": form, "limited": True}
        response = render(request, "accounts/export.html", context, status=429)
        response["Retry-After"] = str(EXPORT_PERIOD)
        return response
    security.record(SecurityEvent.Kind.EXPORTED, request.user, request)
    chunks, content_type, extension = EXPORT_FORMATS[form.cleaned_data["format"]]
    name = export.filename(request.user, extension)
    return StreamingHttpResponse(
        chunks(request.user),
        content_type=content_type,
        headers={
            "Content-Disposition": content_disposition_header(as_attachment=True, filename=name),
            "Cache-Control": "no-store",
        },
    )


@require_http_methods(["GET", "POST"])
@login_required
@reauthentication_required
def account_delete(request: HttpRequest) -> HttpResponse:
    form = DeleteAccountForm(request.POST if request.method == "POST" else None)
    if form.is_valid():
        delete_account(request.user)
        logout(request)
        messages.success(
            request,
            "Your account and everything in it have been deleted. Take good care of yourself.",
        )
        return redirect("accounts:landing")
    status = 422 if form.errors else 200
    return render(request, "accounts/delete.html", {"form": form}, status=status)


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    return render(request, "403_csrf.html", status=403)


def server_error(request: HttpRequest) -> HttpResponse:
    """500, or a friendly 503 when the database is unreachable (it is worth retrying soon).

    Rendered without the request's context: the user and messages would need the database.
    """
    if isinstance(sys.exception(), (OperationalError, InterfaceError)):
        return HttpResponse(render_to_string("503.html"), status=503, headers={"Retry-After": "30"})
    return HttpResponse(render_to_string("500.html"), status=500)
