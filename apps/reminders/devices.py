"""This device: the browsers a person lets show their reminders as notifications (web push),
set up and tried from Account -> Email and reminders.

static/js/push.js asks the browser for a subscription and posts it here as JSON; the list of
devices, a test notification and removing one are plain forms, and work without JavaScript.
"""

import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.views.decorators.http import require_POST

from apps.lib.ratelimit import rate_limited
from apps.outbox import push
from apps.outbox.models import Notification, PushSubscription
from apps.outbox.tasks import queue_push
from apps.reminders.forms import PushSubscriptionForm

# A user agent's words for its browser and system, most specific first.
BROWSERS = (
    ("Edg/", "Edge"),
    ("OPR/", "Opera"),
    ("SamsungBrowser/", "Samsung Internet"),
    ("Firefox/", "Firefox"),
    ("Chrome/", "Chrome"),
    ("Safari/", "Safari"),
)
SYSTEMS = (
    ("iPhone", "iPhone"),
    ("iPad", "iPad"),
    ("Android", "Android"),
    ("CrOS", "ChromeOS"),
    ("Windows", "Windows"),
    ("Macintosh", "Mac"),
    ("Linux", "Linux"),
)


def device_label(user_agent: str) -> str:
    """ "Firefox on Android": enough to tell one's devices apart, nothing more kept."""
    browser = next((name for token, name in BROWSERS if token in user_agent), "A browser")
    system = next((name for token, name in SYSTEMS if token in user_agent), "")
    return f"{browser} on {system}" if system else browser


def json_body(request: HttpRequest) -> dict:
    try:
        data = json.loads(request.body)
    except ValueError:
        return {}
    return data if isinstance(data, dict) else {}


@require_POST
@login_required
def device_add(request: HttpRequest) -> JsonResponse:
    """Keep this browser's subscription: 201 when new, 200 when it was known already."""
    if not push.configured():
        return JsonResponse({"error": "Notifications are not set up on this server."}, status=503)
    data = json_body(request)
    keys = data.get("keys") if isinstance(data.get("keys"), dict) else {}
    form = PushSubscriptionForm(
        {"endpoint": data.get("endpoint"), "p256dh": keys.get("p256dh"), "auth": keys.get("auth")},
        user=request.user,
    )
    if not form.is_valid():
        errors = [error for field in form.errors.values() for error in field]
        return JsonResponse({"error": " ".join(errors)}, status=400)
    endpoint = form.cleaned_data["endpoint"]
    # A device someone else signed in on before: what was queued for them is not for us.
    PushSubscription.objects.filter(endpoint=endpoint).exclude(user=request.user).delete()
    device, created = PushSubscription.objects.update_or_create(
        endpoint=endpoint,
        defaults={
            "user": request.user,
            "p256dh": form.cleaned_data["p256dh"],
            "auth": form.cleaned_data["auth"],
            "label": device_label(request.headers.get("User-Agent", ""))[:80],
        },
    )
    messages.success(
        request,
        f"{device.label} gets notifications now. Choose above which reminders come that way.",
    )
    return JsonResponse({"id": device.pk, "label": device.label}, status=201 if created else 200)


@require_POST
@login_required
def device_forget(request: HttpRequest) -> HttpResponse:
    """This browser stops: posted by push.js, and on sign-out, with the subscription's endpoint."""
    endpoint = json_body(request).get("endpoint")
    if isinstance(endpoint, str):
        PushSubscription.objects.filter(user=request.user, endpoint=endpoint).delete()
    return HttpResponse(status=204)


@rate_limited("push-test", limit=10, period=600)
@require_POST
@login_required
def device_test(request: HttpRequest, pk: int) -> HttpResponse:
    device = get_object_or_404(PushSubscription, pk=pk, user=request.user)
    notification = Notification(
        title="Pacewise notifications are on",
        body=f"Reminders you choose will look like this on {device.label}.",
        url=reverse("reminders:preferences"),
        tag="push_test",
        ttl=5 * 60,
    )
    queue_push(device, notification, kind="push_test")
    messages.success(request, f"A test notification is on its way to {device.label}.")
    return redirect(reverse("reminders:preferences") + "#devices")


@require_POST
@login_required
def device_remove(request: HttpRequest, pk: int) -> HttpResponse:
    device = get_object_or_404(PushSubscription, pk=pk, user=request.user)
    device.delete()
    messages.success(request, f"{device.label} will get no more notifications.")
    return redirect(reverse("reminders:preferences") + "#devices")
