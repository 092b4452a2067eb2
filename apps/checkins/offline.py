"""Pacewise on a phone: the web app manifest, the service worker, what it keeps for offline use,
and the endpoint that takes check-ins made offline.

The service worker (templates/offline/sw.js) precaches the static files and two public pages:
the offline page (emergency numbers and the crisis lines of the country it was installed for)
and the check-in shell (an empty quick check-in form). Neither holds anything of a person's:
both render without the session. It never caches any other page or any answer. A check-in made
offline waits in IndexedDB, only until it is sent, and reaches `receive` with the id the device
gave it: a second send of the same id changes nothing, and a day already checked in more
recently is kept, and the device is told so.
"""

import datetime as dt
import json

from django import forms
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.middleware.csrf import get_token
from django.shortcuts import render
from django.templatetags.static import static
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import cache_control, never_cache
from django.views.decorators.http import require_GET, require_http_methods

from apps.checkins.forms import QuickCheckInForm
from apps.checkins.models import CheckIn
from apps.lib.dates import long_day
from apps.resources.crisis import asked_country, help_for
from apps.resources.models import Need

# Bumped whenever what the worker precaches changes shape; the static files' own hashes
# already change its script whenever one of them does.
CACHE_VERSION = 1
PRECACHED_STATIC = ("css/site.css", "js/offline-queue.js", "js/offline.js", "img/icon.svg")
OLDEST_OFFLINE_DAY = dt.timedelta(days=7)
THEME = "#2f6f62"
BACKGROUND = "#f7f5f0"


# These four write nothing and answer without a session: no transaction to open.
@transaction.non_atomic_requests
@require_GET
@cache_control(max_age=3600, public=True)
def manifest(request: HttpRequest) -> HttpResponse:
    icons = [
        {"src": static("img/icons/icon-192.png"), "sizes": "192x192", "type": "image/png"},
        {"src": static("img/icons/icon-512.png"), "sizes": "512x512", "type": "image/png"},
        {
            "src": static("img/icons/icon-maskable-512.png"),
            "sizes": "512x512",
            "type": "image/png",
            "purpose": "maskable",
        },
        {"src": static("img/icon.svg"), "sizes": "any", "type": "image/svg+xml"},
    ]
    body = {
        "id": "/today/",
        "name": "Pacewise",
        "short_name": "Pacewise",
        "description": "A one-minute check-in, your energy over time, and real rest.",
        "start_url": reverse("checkins:today"),
        "scope": "/",
        "display": "standalone",
        "theme_color": THEME,
        "background_color": BACKGROUND,
        "icons": icons,
    }
    return HttpResponse(json.dumps(body, indent=2), content_type="application/manifest+json")


@transaction.non_atomic_requests
@require_GET
@cache_control(no_cache=True)
def service_worker(request: HttpRequest) -> HttpResponse:
    """Served from the root so that its scope is the whole site; `no-cache` so that a new
    version is seen on the next visit. The country comes in its own URL (?country=DE): the
    worker keeps the offline page of that country."""
    country = asked_country(request)
    offline = reverse("checkins:offline") + (f"?country={country}" if country else "")
    precache = [*(static(path) for path in PRECACHED_STATIC), offline, reverse("checkins:shell")]
    values = {
        "queue_script": static("js/offline-queue.js"),
        "precache": precache,
        "offline_url": offline,
        "shell_url": reverse("checkins:shell"),
        "today_url": reverse("checkins:today"),
        "receive_url": reverse("checkins:offline-receive"),
        "icon_url": static("img/icons/icon-192.png"),
    }
    # JSON is JavaScript: each value goes into the script as a literal (the template does not
    # escape them for HTML, which would break them).
    context = {name: json.dumps(value) for name, value in values.items()}
    context["version"] = CACHE_VERSION
    response = render(request, "offline/sw.js", context, content_type="text/javascript")
    response["Service-Worker-Allowed"] = "/"
    return response


@transaction.non_atomic_requests
@require_GET
def offline(request: HttpRequest) -> HttpResponse:
    """What a phone shows with no network: the country's emergency numbers and crisis lines.
    Public, and the same for everyone of that country: no session is read."""
    return render(request, "offline/offline.html", help_for(asked_country(request)))


@transaction.non_atomic_requests
@require_GET
def shell(request: HttpRequest) -> HttpResponse:
    """Today's quick check-in as an empty form, for the worker to show when Today cannot load.
    Public and the same for everyone."""
    return render(
        request, "offline/shell.html", {"form": QuickCheckInForm(), "needs": Need.choices}
    )


class OfflineCheckInForm(QuickCheckInForm):
    client_id = forms.UUIDField(error_messages={"invalid": "A check-in from a device has an id."})
    day = forms.DateField(error_messages={"invalid": "A check-in from a device names its day."})
    saved_at = forms.DateTimeField(error_messages={"invalid": "When was it made on the device?"})
    note = forms.CharField(max_length=500, required=False)

    def __init__(self, *args: object, today: dt.date, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.today = today

    def clean_day(self) -> dt.date:
        day = self.cleaned_data["day"]
        if day > self.today or day < self.today - OLDEST_OFFLINE_DAY:
            raise forms.ValidationError("A check-in from a device is for one of the last 7 days.")
        return day


@never_cache
@require_http_methods(["GET", "POST"])
@login_required
def receive(request: HttpRequest) -> HttpResponse:
    """GET: a CSRF token for the worker's Background Sync (same-origin only: the browser will
    not show it to another site). POST: one check-in made offline."""
    if request.method == "GET":
        return JsonResponse({"csrf": get_token(request)})
    form = OfflineCheckInForm(request.POST, today=timezone.localdate())
    if not form.is_valid():
        errors = {name: [str(e) for e in errs] for name, errs in form.errors.items()}
        return JsonResponse({"status": "refused", "errors": errors}, status=422)
    status, message = save_offline(request.user, form.cleaned_data)
    return JsonResponse(
        {"status": status, "message": message}, status=409 if status == "kept" else 200
    )


def save_offline(user: object, data: dict) -> tuple[str, str]:
    """("saved" | "replaced" | "duplicate" | "kept", what to tell the person)."""
    day, when = data["day"], long_day(data["day"])
    with transaction.atomic():
        mine = CheckIn.objects.for_user(user).select_for_update()
        if mine.filter(client_id=data["client_id"]).exists():
            return "duplicate", f"Your check-in for {when} had already arrived."
        there = mine.filter(checked_in_on=day).first()
        fields = {"energy": data["energy"], "need": data["need"], "client_id": data["client_id"]}
        if data["note"]:
            fields["note"] = data["note"]
        if there is None:
            CheckIn.objects.create(
                user=user,
                checked_in_on=day,
                is_quick=True,
                is_backfilled=day < timezone.localdate(),
                **fields,
            )
            return "saved", f"Your check-in for {when}, made offline, is saved."
        if there.updated_at > data["saved_at"]:
            return "kept", (
                f"You had already checked in for {when} after this one was made on your device, "
                "so that newer check-in is kept and this one was not used."
            )
        for name, value in fields.items():
            setattr(there, name, value)
        there.save(update_fields=[*fields, "updated_at"])
        return "replaced", f"Your check-in for {when}, made offline, replaced the earlier one."
