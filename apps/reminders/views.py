import datetime as dt

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods
from django.views.decorators.vary import vary_on_headers

from apps.lib.ratelimit import rate_limited
from apps.outbox import push
from apps.outbox.models import PushSubscription
from apps.reminders import tokens
from apps.reminders.forms import PreferencesForm
from apps.reminders.models import Preferences, Reminder


def apply_pause(prefs: Preferences, choice: str) -> None:
    if choice == "resume":
        prefs.paused_until = None
    elif choice:
        prefs.paused_until = timezone.now() + dt.timedelta(days=int(choice))


@vary_on_headers("HX-Request")
@require_http_methods(["GET", "POST"])
@login_required
def preferences(request: HttpRequest) -> HttpResponse:
    prefs = Preferences.objects.for_user(request.user)
    devices = list(PushSubscription.objects.filter(user=request.user).only("label", "created_at"))
    form = PreferencesForm(request.POST or None, instance=prefs, has_devices=bool(devices))
    saved = False
    if request.method == "POST" and form.is_valid():
        prefs = form.save(commit=False)
        apply_pause(prefs, form.cleaned_data["pause"])
        prefs.save()
        Reminder.objects.reschedule(request.user, prefs)
        if not request.htmx:
            messages.success(request, "Your reminder settings are saved.")
            return redirect("reminders:preferences")
        form, saved = PreferencesForm(instance=prefs, has_devices=bool(devices)), True
    template = (
        "reminders/preferences.html#preferences-form"
        if request.htmx
        else "reminders/preferences.html"
    )
    status = 422 if form.errors else 200
    context = {
        "form": form,
        "prefs": prefs,
        "saved": saved,
        "devices": devices,
        "push_key": settings.VAPID_PUBLIC_KEY if push.configured() else "",
    }
    return render(request, template, context, status=status)


@rate_limited("unsubscribe", limit=30, period=60)
@csrf_exempt  # RFC 8058: mail clients POST here with no session and no CSRF token.
@require_http_methods(["GET", "POST"])
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    """GET asks (link scanners open links); POST turns off that kind of email only."""
    found = tokens.read(token)
    if found is None:
        raise Http404("Unknown or damaged unsubscribe link.")
    user_id, field = found
    prefs = Preferences.objects.filter(user_id=user_id).select_related("user").first()
    if prefs is None:
        raise Http404("No such subscription.")
    done = request.method == "POST"
    if done and getattr(prefs, field):
        setattr(prefs, field, False)
        prefs.save(update_fields=[field, "updated_at"])
        Reminder.objects.reschedule(prefs.user, prefs)
    return render(
        request, "reminders/unsubscribe.html", {"topic": tokens.TOPIC[field], "done": done}
    )
