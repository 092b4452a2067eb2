"""The import pages: upload a file, map a Daylio file's moods and activities, watch it import."""

from django import forms
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django.views.decorators.vary import vary_on_headers

from apps.accounts import daylio, imports, restore
from apps.accounts.models import ImportJob
from apps.checkins.models import Tag

RECENT_JOBS = 5


class UploadForm(forms.Form):
    kind = forms.ChoiceField(
        label="What it is",
        choices=ImportJob.Kind.choices,
        initial=ImportJob.Kind.DAYLIO,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose what kind of file it is."},
    )
    file = forms.FileField(
        label="The file",
        error_messages={
            "required": "Choose the file to import.",
            "empty": "The file is empty.",
        },
    )


def own_job(request: HttpRequest, pk: int) -> ImportJob:
    return get_object_or_404(ImportJob.objects.for_user(request.user), pk=pk)


def start_page(request: HttpRequest, form: UploadForm, status: int = 200) -> HttpResponse:
    jobs = ImportJob.objects.for_user(request.user).defer("content")[:RECENT_JOBS]
    context = {"form": form, "jobs": jobs, "max_mb": daylio.MAX_BYTES // 1024 // 1024}
    return render(request, "accounts/import.html", context, status=status)


@require_GET
@login_required
def import_start(request: HttpRequest) -> HttpResponse:
    return start_page(request, UploadForm())


@require_POST
@login_required
def import_upload(request: HttpRequest) -> HttpResponse:
    """Check the whole file; a good one waits for the go-ahead, a bad one is refused whole."""
    form = UploadForm(request.POST, request.FILES)
    if not form.is_valid():
        return start_page(request, form, status=422)
    upload, kind = form.cleaned_data["file"], form.cleaned_data["kind"]
    today = imports.local_today(request.user)
    try:
        daylio.check_size(upload.size)
        text = daylio.read_text(upload.read())
        if kind == ImportJob.Kind.DAYLIO:
            total = len(daylio.parse(text, today).days)
        else:
            data = restore.load(text)
            restore.dry_run(request.user, data, today)
            total = restore.total(data)
    except (daylio.BadFile, restore.BadExport) as error:
        form.add_error("file", str(error))
        return start_page(request, form, status=422)
    # One file waits for a go-ahead at a time: a new upload replaces the one not imported.
    ImportJob.objects.for_user(request.user).filter(status=ImportJob.Status.PREVIEW).delete()
    job = ImportJob.objects.create(
        user=request.user, kind=kind, filename=upload.name[:200], content=text, total=total
    )
    return redirect("accounts:import-job", pk=job.pk)


@vary_on_headers("HX-Request")
@require_http_methods(["GET", "POST"])
@login_required
def import_job(request: HttpRequest, pk: int) -> HttpResponse:
    job = own_job(request, pk)
    if job.status != ImportJob.Status.PREVIEW:
        if request.method == "POST":
            return redirect("accounts:import-job", pk=job.pk)
        imports.requeue_if_stalled(job)
        template = (
            "accounts/import_job.html#progress" if request.htmx else "accounts/import_job.html"
        )
        return render(request, template, {"job": job})
    if job.kind == ImportJob.Kind.PACEWISE:
        return restore_preview(request, job)
    parsed = daylio.parse(job.content, imports.local_today(request.user))
    tags = list(Tag.objects.for_user(request.user))
    form = imports.DaylioMappingForm(
        request.POST if request.method == "POST" else None, parsed=parsed, tags=tags
    )
    if form.is_valid():
        imports.start(job, form.mapping())
        return redirect("accounts:import-job", pk=job.pk)
    taken = imports.days_taken(request.user, parsed)
    context = {"job": job, "parsed": parsed, "form": form, "taken": taken}
    return render(
        request, "accounts/import_job.html", context, status=422 if form.is_bound else 200
    )


def restore_preview(request: HttpRequest, job: ImportJob) -> HttpResponse:
    """What the export holds and what stays behind; a POST is the go-ahead."""
    if request.method == "POST":
        imports.start(job, {})
        return redirect("accounts:import-job", pk=job.pk)
    data = restore.load(job.content)
    context = {
        "job": job,
        "counts": restore.counts(data),
        "left_behind": restore.left_behind(),
    }
    return render(request, "accounts/import_job.html", context)


@require_POST
@login_required
def import_cancel(request: HttpRequest, pk: int) -> HttpResponse:
    job = own_job(request, pk)
    if job.status != ImportJob.Status.PREVIEW:
        raise Http404("Only an import not yet started can be called off.")
    job.delete()
    return redirect("accounts:import")
