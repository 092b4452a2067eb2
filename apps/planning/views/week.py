"""This week: planned hours against usual energy, and the plan of which day holds what."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods
from django.views.decorators.vary import vary_on_headers

from apps.lib.dates import week_start
from apps.planning.capacity import (
    ENERGY_WEEKS,
    MIN_CHECKINS_A_DAY,
    MIN_DAYS_KNOWN,
    Capacity,
    week_capacity,
)
from apps.planning.forms import WeekPlanForm


@vary_on_headers("HX-Request")
@require_http_methods(["GET", "POST"])
@login_required
def week(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    monday = week_start(today)
    capacity = week_capacity(request.user, monday, today)
    form = WeekPlanForm(request.POST or None, loads=capacity.loads)
    saved = False
    if request.method == "POST":
        if not form.is_valid():
            return render_week(request, capacity, form, status=422)
        form.save()
        if not request.htmx:
            return redirect("planning:week")
        saved = True
        capacity = week_capacity(request.user, monday, today)
        form = WeekPlanForm(loads=capacity.loads)
    return render_week(request, capacity, form, saved=saved)


def render_week(
    request: HttpRequest,
    capacity: Capacity,
    form: WeekPlanForm,
    *,
    status: int = 200,
    saved: bool = False,
) -> HttpResponse:
    context = {
        "capacity": capacity,
        "form": form,
        "saved": saved,
        "energy_weeks": ENERGY_WEEKS,
        "min_checkins": MIN_CHECKINS_A_DAY,
        "min_days": MIN_DAYS_KNOWN,
    }
    template = "planning/week.html#capacity" if request.htmx else "planning/week.html"
    return render(request, template, context, status=status)
