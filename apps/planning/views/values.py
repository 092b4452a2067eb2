from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods, require_POST
from django.views.decorators.vary import vary_on_headers

from apps.accounts.models import User
from apps.planning.forms import ValueForm, WhyForm
from apps.planning.models import MAX_VALUES, MIN_VALUES, PersonalValue
from apps.resources.models import Value


def own_value(request: HttpRequest, pk: int) -> PersonalValue:
    return get_object_or_404(PersonalValue.objects.for_user(request.user), pk=pk)


def own_values(request: HttpRequest) -> list[PersonalValue]:
    return list(PersonalValue.objects.for_user(request.user).select_related("value"))


def values_context(request: HttpRequest, form: ValueForm | None = None, **extra: object) -> dict:
    values = own_values(request)
    chosen = {v.value_id for v in values}
    return {
        "values": values,
        "form": form or ValueForm(existing=values),
        "curated": [v for v in Value.objects.published() if v.pk not in chosen],
        "min_values": MIN_VALUES,
        "max_values": MAX_VALUES,
        "can_add": len(values) < MAX_VALUES,
        **extra,
    }


@vary_on_headers("HX-Request")
def values_panel(request: HttpRequest, status: int = 200, **context: object) -> HttpResponse:
    """The fresh panel for htmx; otherwise a plain POST goes back to the page (PRG)."""
    if request.htmx:
        context = values_context(request, **context)
        return render(request, "planning/values.html#values-panel", context, status=status)
    if status != 200:
        context = values_context(request, **context)
        return render(request, "planning/values.html", context, status=status)
    return redirect("planning:values")


@require_http_methods(["GET"])
@login_required
def values(request: HttpRequest) -> HttpResponse:
    return render(request, "planning/values.html", values_context(request))


@require_POST
@login_required
def value_add(request: HttpRequest) -> HttpResponse:
    User.objects.lock_row(request.user)
    form = ValueForm(request.POST, existing=own_values(request))
    if form.is_valid():
        form.save(request.user)
        return values_panel(request)
    return values_panel(request, status=422, form=form)


@require_POST
@login_required
def value_move(request: HttpRequest, pk: int) -> HttpResponse:
    value = own_value(request, pk)
    step = {"up": -1, "down": 1}.get(request.POST.get("direction", ""))
    if step is None:
        return HttpResponseBadRequest("Move a value up or down.")
    User.objects.lock_row(request.user)
    ordered = own_values(request)
    here = next((i for i, v in enumerate(ordered) if v.pk == value.pk), None)
    if here is None:  # removed in another tab meanwhile
        raise Http404("No such value.")
    if 0 <= here + step < len(ordered):
        ordered[here], ordered[here + step] = ordered[here + step], ordered[here]
    for rank, item in enumerate(ordered, start=1):
        item.rank = rank
    PersonalValue.objects.bulk_update(ordered, ["rank"])
    return values_panel(request)


@require_POST
@login_required
def value_update(request: HttpRequest, pk: int) -> HttpResponse:
    value = own_value(request, pk)
    form = WhyForm(request.POST, instance=value)
    if form.is_valid():
        form.save()
        return values_panel(request)
    return values_panel(request, status=422, why_form=form, why_for=value.pk)


@require_http_methods(["GET", "POST"])
@login_required
def value_delete(request: HttpRequest, pk: int) -> HttpResponse:
    value = own_value(request, pk)
    if request.method == "POST":
        value.delete()
        return redirect("planning:values")
    return render(request, "planning/value_delete.html", {"value": value})
