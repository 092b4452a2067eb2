from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_POST
from django_countries import countries

from apps.resources.crisis import crisis_help
from apps.resources.forms import ExerciseLogForm, LibraryFilterForm
from apps.resources.models import Exercise, ExerciseLog, TherapyApproach


# Not in a transaction: it answers (with the emergency numbers) even when the database does not.
@transaction.non_atomic_requests
@require_GET
def crisis(request: HttpRequest) -> HttpResponse:
    """Public, no JavaScript, one request: the emergency numbers first, then the lines."""
    return render(
        request, "resources/crisis.html", {**crisis_help(request), "countries": countries}
    )


def visible(queryset: QuerySet, request: HttpRequest) -> QuerySet:
    """The public sees published items; staff also preview unpublished ones."""
    return queryset if request.user.is_staff else queryset.published()


@require_GET
def library(request: HttpRequest) -> HttpResponse:
    filters = LibraryFilterForm(request.GET)
    exercises = filters.filter(Exercise.objects.published())
    return render(
        request,
        "resources/library.html",
        {
            "filters": filters,
            "exercises": exercises,
            "approaches": TherapyApproach.objects.published(),
        },
    )


def exercise_context(
    exercise: Exercise, step: int, log_form: ExerciseLogForm | None = None
) -> dict:
    """The exercise page: all steps, or one of them (a step out of range shows them all)."""
    steps = list(exercise.steps.all())
    step = step if 1 <= step <= len(steps) else 0
    return {
        "exercise": exercise,
        "steps": steps,
        "step": step,
        "current": steps[step - 1] if step else None,
        "log_form": log_form or ExerciseLogForm(),
        "energy_choices": range(1, 11),
    }


@require_GET
def exercise_detail(request: HttpRequest, slug: str) -> HttpResponse:
    exercise = get_object_or_404(visible(Exercise.objects, request), slug=slug)
    try:
        step = int(request.GET.get("step", 0))
    except ValueError:
        step = 0
    return render(request, "resources/exercise.html", exercise_context(exercise, step))


@require_POST
@login_required
def exercise_log(request: HttpRequest, slug: str) -> HttpResponse:
    exercise = get_object_or_404(Exercise.objects.published(), slug=slug)
    form = ExerciseLogForm(request.POST)
    if form.is_valid():
        ExerciseLog.objects.create(user=request.user, exercise=exercise, **form.cleaned_data)
        messages.success(request, f"Logged “{exercise.title}”. Thank you for taking the time.")
        return redirect(exercise)
    context = exercise_context(exercise, 0, form)
    return render(request, "resources/exercise.html", context, status=422)


@require_GET
def approach_detail(request: HttpRequest, slug: str) -> HttpResponse:
    approach = get_object_or_404(visible(TherapyApproach.objects, request), slug=slug)
    return render(request, "resources/approach.html", {"approach": approach})
