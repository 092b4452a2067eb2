import datetime as dt

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django.views.decorators.vary import vary_on_headers

from apps.accounts.models import User
from apps.lib.dates import zone
from apps.lib.ratelimit import rate_limited
from apps.planning import hooks
from apps.planning.forms import RestReflectionForm, RestWindowForm
from apps.planning.ics import rest_calendar
from apps.planning.models import CalendarFeed, RestWindow, is_token

UPCOMING_SHOWN = 20


def own_window(request: HttpRequest, pk: int) -> RestWindow:
    return get_object_or_404(RestWindow.objects.for_user(request.user), pk=pk)


def suggested_start(request: HttpRequest) -> dict:
    """A start day offered by a link (This week's "plan a rest window from Thursday"), if it
    is a date at all; the form still checks it when the window is saved."""
    try:
        day = dt.date.fromisoformat(request.GET.get("starts_on", ""))
    except ValueError:
        return {}
    return {"starts_on": day, "starts_time": dt.time(18, 0)}


def rest_context(request: HttpRequest, form: RestWindowForm | None = None) -> dict:
    windows = RestWindow.objects.for_user(request.user)
    past = windows.filter(ends_at__lte=timezone.now()).order_by("-starts_at")
    feed = CalendarFeed.objects.filter(user=request.user).first()
    return {
        "form": form or RestWindowForm(user=request.user, initial=suggested_start(request)),
        "upcoming": list(windows.upcoming()[:UPCOMING_SHOWN]),
        "page": Paginator(past, 10).get_page(request.GET.get("page")),
        "feed": feed,
        # The host and port this page was asked on: SITE_URL is for emails built outside a request.
        "feed_url": request.build_absolute_uri(reverse("planning:calendar-feed", args=[feed.token]))
        if feed
        else "",
    }


@require_GET
@login_required
def rest(request: HttpRequest) -> HttpResponse:
    return render(request, "planning/rest.html", rest_context(request))


@require_POST
@login_required
def rest_add(request: HttpRequest) -> HttpResponse:
    User.objects.lock_row(request.user)
    form = RestWindowForm(request.POST, user=request.user)
    if form.is_valid():
        window = form.save(commit=False)
        window.user = request.user
        window.save()
        hooks.rest_window_planned(window)
        return redirect("planning:rest-detail", pk=window.pk)
    return render(request, "planning/rest.html", rest_context(request, form), status=422)


def rest_window_context(request: HttpRequest, window: RestWindow, **extra: object) -> dict:
    return {
        "window": window,
        "has_started": window.starts_at <= timezone.now(),
        "form": extra.pop("form", None) or RestReflectionForm(instance=window),
        **extra,
    }


@require_GET
@login_required
def rest_detail(request: HttpRequest, pk: int) -> HttpResponse:
    window = own_window(request, pk)
    return render(request, "planning/rest_detail.html", rest_window_context(request, window))


@vary_on_headers("HX-Request")
@require_POST
@login_required
def rest_reflect(request: HttpRequest, pk: int) -> HttpResponse:
    window = own_window(request, pk)
    form = RestReflectionForm(request.POST, instance=window)
    if form.is_valid():
        form.save()
        if not request.htmx:
            return redirect("planning:rest-detail", pk=window.pk)
        context = rest_window_context(request, window, saved=True)
        return render(request, "planning/rest_detail.html#reflection", context)
    # A failed ModelForm has already copied the input onto the instance; start from the row.
    window.refresh_from_db()
    name = "planning/rest_detail.html"
    context = rest_window_context(request, window, form=form)
    return render(request, f"{name}#reflection" if request.htmx else name, context, status=422)


@require_http_methods(["GET", "POST"])
@login_required
def rest_delete(request: HttpRequest, pk: int) -> HttpResponse:
    window = own_window(request, pk)
    if request.method == "POST":
        window.delete()
        return redirect("planning:rest")
    return render(request, "planning/rest_delete.html", {"window": window})


def calendar_response(body: bytes, filename: str, disposition: str) -> HttpResponse:
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    return response


@require_GET
@login_required
def rest_ics(request: HttpRequest, pk: int) -> HttpResponse:
    window = own_window(request, pk)
    body = rest_calendar([window], request.user.time_zone)
    day = window.starts_at.astimezone(zone(request.user.time_zone)).date()
    return calendar_response(body, f"rest-window-{day.isoformat()}.ics", "attachment")


@rate_limited("calendar-feed", limit=60, period=60)
@require_GET
def calendar_feed(request: HttpRequest, token: str) -> HttpResponse:
    """Public by design (calendar apps hold no session): the unguessable token is the key."""
    if not is_token(token):
        raise Http404("No such feed.")
    feed = get_object_or_404(CalendarFeed.objects.select_related("user"), token=token)
    windows = RestWindow.objects.for_user(feed.user).upcoming()
    body = rest_calendar(windows, feed.user.time_zone, name="Pacewise rest windows")
    return calendar_response(body, "pacewise-rest.ics", "inline")


@require_POST
@login_required
def feed_create(request: HttpRequest) -> HttpResponse:
    CalendarFeed.objects.get_or_create(user=request.user)
    messages.success(request, "Your private calendar address is ready. Keep it to yourself.")
    return redirect(reverse("planning:rest") + "#calendar-feed")


@require_POST
@login_required
def feed_replace(request: HttpRequest) -> HttpResponse:
    feed = get_object_or_404(CalendarFeed, user=request.user)
    feed.replace_token()
    messages.success(
        request,
        "Your calendar address is new, and the old one no longer works. "
        "Subscribe to the new one in your calendar app.",
    )
    return redirect(reverse("planning:rest") + "#calendar-feed")


@require_POST
@login_required
def feed_revoke(request: HttpRequest) -> HttpResponse:
    CalendarFeed.objects.filter(user=request.user).delete()
    messages.success(request, "The calendar address no longer works. You can make a new one.")
    return redirect(reverse("planning:rest") + "#calendar-feed")
