from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Count, Max
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django.views.decorators.vary import vary_on_headers

from apps.planning.boundaries import BY_SLUG, BoundaryTemplate, by_area
from apps.planning.forms import BuilderForm, PracticeForm, StatementForm, StatementTextForm
from apps.planning.models import BoundaryStatement

PRACTICES_SHOWN = 20


def own_statement(request: HttpRequest, pk: int) -> BoundaryStatement:
    return get_object_or_404(BoundaryStatement.objects.for_user(request.user), pk=pk)


def chosen_template(slug: str | None) -> BoundaryTemplate:
    if slug not in BY_SLUG:
        raise Http404("No such boundary template.")
    return BY_SLUG[slug]


@require_GET
@login_required
def boundaries(request: HttpRequest) -> HttpResponse:
    statements = (
        BoundaryStatement.objects.for_user(request.user)
        .annotate(times_practised=Count("practices"), last_practised=Max("practices__practised_on"))
        .order_by("-created_at", "-pk")
    )
    return render(
        request,
        "planning/boundaries.html",
        {
            "page": Paginator(statements, 20).get_page(request.GET.get("page")),
            "areas": [
                ("Work", by_area(BoundaryStatement.Area.WORK)),
                ("Social life", by_area(BoundaryStatement.Area.SOCIAL)),
            ],
        },
    )


def render_builder(
    request: HttpRequest,
    template: BoundaryTemplate,
    builder: BuilderForm,
    statement_form: StatementForm | None = None,
    status: int = 200,
    whole_page: bool = False,
) -> HttpResponse:
    preview = builder.preview() if builder.is_bound and builder.is_valid() else ""
    if statement_form is None and preview:
        statement_form = StatementForm(initial={"template": template.slug, "text": preview})
    context = {"template": template, "builder": builder, "statement_form": statement_form}
    context["preview"] = preview
    name = "planning/boundary_build.html"
    partial = request.htmx and not whole_page
    return render(request, f"{name}#preview" if partial else name, context, status=status)


@vary_on_headers("HX-Request")
@require_http_methods(["GET", "POST"])
@login_required
def boundary_build(request: HttpRequest) -> HttpResponse:
    """GET shows the blanks; POST (the Preview button, or htmx as you type) fills them in."""
    template = chosen_template(request.GET.get("template"))
    if request.method == "GET":
        return render_builder(request, template, BuilderForm(template))
    builder = BuilderForm(template, request.POST)
    return render_builder(request, template, builder, status=200 if builder.is_valid() else 422)


@vary_on_headers("HX-Request")
@require_POST
@login_required
def boundary_save(request: HttpRequest) -> HttpResponse:
    template = chosen_template(request.POST.get("template"))
    form = StatementForm(request.POST)
    if form.is_valid():
        statement = form.save(commit=False)
        statement.user = request.user
        statement.save()
        return redirect("planning:boundary-detail", pk=statement.pk)
    # The blanks travel with the final text, so the whole builder comes back as it was.
    builder = BuilderForm(template, request.POST)
    return render_builder(request, template, builder, form, status=422, whole_page=True)


def boundary_detail_context(
    request: HttpRequest, statement: BoundaryStatement, **forms: object
) -> dict:
    practices = statement.practices.all()
    return {
        "statement": statement,
        "text_form": forms.get("text_form") or StatementTextForm(instance=statement),
        "practice_form": forms.get("practice_form")
        or PracticeForm(initial={"practised_on": timezone.localdate()}),
        "practices": practices[:PRACTICES_SHOWN],
        "times_practised": practices.count(),
        "saved": forms.get("saved", False),
    }


@require_http_methods(["GET", "POST"])
@login_required
def boundary_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """GET shows the statement and its practice log; POST edits its words."""
    statement = own_statement(request, pk)
    if request.method == "GET":
        return render(
            request, "planning/boundary_detail.html", boundary_detail_context(request, statement)
        )
    form = StatementTextForm(request.POST, instance=statement)
    if form.is_valid():
        form.save()
        return redirect("planning:boundary-detail", pk=statement.pk)
    context = boundary_detail_context(request, statement, text_form=form)
    return render(request, "planning/boundary_detail.html", context, status=422)


@vary_on_headers("HX-Request")
@require_POST
@login_required
def boundary_practise(request: HttpRequest, pk: int) -> HttpResponse:
    statement = own_statement(request, pk)
    form = PracticeForm(request.POST)
    if form.is_valid():
        practice = form.save(commit=False)
        practice.statement = statement
        practice.save()
        if not request.htmx:
            return redirect("planning:boundary-detail", pk=statement.pk)
        context = boundary_detail_context(request, statement, saved=True)
        return render(request, "planning/boundary_detail.html#practices", context)
    context = boundary_detail_context(request, statement, practice_form=form)
    name = "planning/boundary_detail.html"
    template = f"{name}#practices" if request.htmx else name
    return render(request, template, context, status=422)


@require_http_methods(["GET", "POST"])
@login_required
def boundary_delete(request: HttpRequest, pk: int) -> HttpResponse:
    statement = own_statement(request, pk)
    if request.method == "POST":
        statement.delete()
        return redirect("planning:boundaries")
    return render(request, "planning/boundary_delete.html", {"statement": statement})
