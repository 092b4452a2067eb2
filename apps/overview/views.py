"""The overview pages: This week, the report for a professional, the weekly summary's preview."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods
from django.views.decorators.vary import vary_on_headers

from apps.lib.dates import week_start
from apps.overview import summary
from apps.overview.capacity import (
    ENERGY_WEEKS,
    MIN_CHECKINS_A_DAY,
    MIN_DAYS_KNOWN,
    Capacity,
    week_capacity,
)
from apps.overview.forms import ReportForm, WeekPlanForm
from apps.overview.report import report_pdf


# --- This week --------------------------------------------------------------------------------
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
            return redirect("overview:week")
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
    template = "overview/week.html#capacity" if request.htmx else "overview/week.html"
    return render(request, template, context, status=status)


# --- The report -------------------------------------------------------------------------------
def bound_form(request: HttpRequest, *, labels: bool = True) -> ReportForm:
    data = request.GET if "first" in request.GET else None
    return ReportForm(data, user=request.user, today=timezone.localdate(), labels=labels)


@vary_on_headers("HX-Request")
@require_GET
@login_required
def report_form(request: HttpRequest) -> HttpResponse:
    """Choose the range and what goes in; with htmx, a new range brings its journal entries."""
    form = bound_form(request)
    if form.is_bound:
        form.is_valid()
    template = "overview/report_form.html"
    if request.htmx and request.htmx.target == "journal-choices":
        template += "#journal-choices"
    return render(request, template, {"form": form})


def refused(request: HttpRequest) -> HttpResponse:
    """The options again, with what was wrong, and the entries named."""
    form = bound_form(request)
    form.is_valid()
    return render(request, "overview/report_form.html", {"form": form}, status=422)


@never_cache
@require_GET
@login_required
def report_print(request: HttpRequest) -> HttpResponse:
    form = bound_form(request, labels=False)
    if not form.is_valid():
        return refused(request)
    return render(request, "overview/report.html", {"report": form.report()})


@never_cache
@require_GET
@login_required
def report_download(request: HttpRequest) -> HttpResponse:
    form = bound_form(request, labels=False)
    if not form.is_valid():
        return refused(request)
    report = form.report()
    name = f"pacewise-report-{report.first}-to-{report.last}.pdf"
    return HttpResponse(
        report_pdf(report),
        content_type="application/pdf",
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )


# --- The weekly summary -----------------------------------------------------------------------
@require_GET
@login_required
def summary_preview(request: HttpRequest) -> HttpResponse:
    report = summary.for_users([request.user], timezone.now())[request.user.pk]
    return render(request, "overview/summary_preview.html", {"summary": report})
