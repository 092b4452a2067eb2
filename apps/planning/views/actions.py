import datetime as dt
from dataclasses import dataclass, field

from django.contrib.auth.decorators import login_required
from django.core.paginator import Page, Paginator
from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST
from django.views.decorators.vary import vary_on_headers

from apps.accounts.models import User
from apps.lib.dates import week_start
from apps.planning.forms import ActionForm, ReflectionForm, StatusForm
from apps.planning.models import MAX_ACTIONS_PER_WEEK, WeeklyAction, WeekReflection
from apps.planning.views.values import own_values

PAST_WEEKS_PER_PAGE = 8


@dataclass
class Week:
    start: dt.date
    is_current: bool = False
    actions: list[WeeklyAction] = field(default_factory=list)
    reflection: WeekReflection | None = None
    form: ReflectionForm | None = None

    @property
    def end(self) -> dt.date:
        return self.start + dt.timedelta(days=6)

    @property
    def is_full(self) -> bool:
        return len(self.actions) >= MAX_ACTIONS_PER_WEEK

    @property
    def reflection_form(self) -> ReflectionForm:
        """Each week's form gets its own element ids; the field names stay the same."""
        if self.form is None:
            text = self.reflection.text if self.reflection else ""
            self.form = ReflectionForm(
                initial={"week_of": self.start, "text": text},
                auto_id=f"reflection-{self.start.isoformat()}-%s",
            )
        return self.form


def own_action(request: HttpRequest, pk: int) -> WeeklyAction:
    return get_object_or_404(
        WeeklyAction.objects.for_user(request.user).select_related("personal_value__value"), pk=pk
    )


def past_weeks(request: HttpRequest, before: dt.date) -> Page:
    """Every earlier week with an action or a reflection, newest first: two queries a page."""
    actions = WeeklyAction.objects.for_user(request.user).filter(week_of__lt=before)
    reflections = WeekReflection.objects.for_user(request.user).filter(week_of__lt=before)
    weeks = (
        actions.order_by()
        .values_list("week_of", flat=True)
        .union(reflections.order_by().values_list("week_of", flat=True))
        .order_by("-week_of")
    )
    return Paginator(weeks, PAST_WEEKS_PER_PAGE).get_page(request.GET.get("page"))


def actions_context(
    request: HttpRequest,
    form: ActionForm | None = None,
    reflection_form: ReflectionForm | None = None,
) -> dict:
    this_week = week_start(timezone.localdate())
    next_week = this_week + dt.timedelta(weeks=1)
    page = past_weeks(request, this_week)
    weeks = {start: Week(start) for start in [this_week, next_week, *page]}
    weeks[this_week].is_current = True
    for action in (
        WeeklyAction.objects.for_user(request.user)
        .filter(week_of__in=weeks)
        .select_related("personal_value__value")
        .order_by("created_at")
    ):
        weeks[action.week_of].actions.append(action)
    for reflection in WeekReflection.objects.for_user(request.user).filter(week_of__in=weeks):
        weeks[reflection.week_of].reflection = reflection
    if reflection_form is not None:
        # Keep what was typed next to its week; a week not on this page shows it at the top.
        start = reflection_form.cleaned_data.get("week_of")
        if start in weeks:
            reflection_form.auto_id = f"reflection-{start.isoformat()}-%s"
            weeks[start].form, reflection_form = reflection_form, None
    values = own_values(request)
    counts = {start: len(week.actions) for start, week in weeks.items()}
    return {
        "this_week": weeks.pop(this_week),
        "next_week": weeks.pop(next_week),
        "past": list(weeks.values()),
        "page": page,
        "values": values,
        "form": form or ActionForm(values=values, this_week=this_week, counts=counts),
        "reflection_error": reflection_form,
        "status_choices": WeeklyAction.Status.choices,
    }


@require_GET
@login_required
def actions(request: HttpRequest) -> HttpResponse:
    return render(request, "planning/actions.html", actions_context(request))


@vary_on_headers("HX-Request")
@require_POST
@login_required
def action_add(request: HttpRequest) -> HttpResponse:
    this_week = week_start(timezone.localdate())
    User.objects.lock_row(request.user)
    counts = dict(
        WeeklyAction.objects.for_user(request.user)
        .filter(week_of__gte=this_week)
        .values_list("week_of")
        .annotate(n=Count("pk"))
        .order_by()
    )
    form = ActionForm(request.POST, values=own_values(request), this_week=this_week, counts=counts)
    saved = form.save(request.user) if form.is_valid() else None
    if saved and not request.htmx:
        return redirect("planning:actions")
    template = "planning/actions.html#upcoming" if request.htmx else "planning/actions.html"
    context = actions_context(request, None if saved else form)
    return render(request, template, context, status=200 if saved else 422)


@vary_on_headers("HX-Request")
@require_POST
@login_required
def action_status(request: HttpRequest, pk: int) -> HttpResponse:
    action = own_action(request, pk)
    form = StatusForm(request.POST)
    if form.is_valid():
        action.status = form.cleaned_data["status"]
        action.save(update_fields=["status", "updated_at"])
        if not request.htmx:
            return redirect("planning:actions")
    context = {"action": action, "status_choices": WeeklyAction.Status.choices}
    context["status_form"] = form
    status = 200 if form.is_valid() else 422
    if request.htmx:
        return render(request, "planning/actions.html#action", context, status=status)
    context = {**actions_context(request), "status_error": form.errors["status"][0]}
    return render(request, "planning/actions.html", context, status=status)


@require_POST
@login_required
def action_delete(request: HttpRequest, pk: int) -> HttpResponse:
    own_action(request, pk).delete()
    return redirect("planning:actions")


@vary_on_headers("HX-Request")
@require_POST
@login_required
def reflection_save(request: HttpRequest) -> HttpResponse:
    form = ReflectionForm(request.POST)
    saved = form.save(request.user) if form.is_valid() else None
    if saved and not request.htmx:
        return redirect("planning:actions")
    if request.htmx and "week_of" in form.cleaned_data:
        start = form.cleaned_data["week_of"]
        week = Week(start, is_current=start == week_start(timezone.localdate()), reflection=saved)
        if not saved:
            form.auto_id = f"reflection-{start.isoformat()}-%s"
            week.form = form
        context = {"week": week, "saved": bool(saved)}
        status = 200 if saved else 422
        return render(request, "planning/actions.html#reflection", context, status=status)
    return render(
        request, "planning/actions.html", actions_context(request, reflection_form=form), status=422
    )
