"""The import pages: upload a file, map a Daylio file's moods and activities, watch it import."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django.views.decorators.vary import vary_on_headers

from apps.accounts import restore
from apps.checkins.models import Tag
from apps.imports import daylio, jobs
from apps.imports.forms import DaylioMappingForm, UploadForm
from apps.imports.models import ImportJob

RECENT_JOBS = 5


def own_job(request: HttpRequest, pk: int) -> ImportJob:
    return get_object_or_404(ImportJob.objects.for_user(request.user), pk=pk)


def start_page(request: HttpRequest, form: UploadForm, status: int = 200) -> HttpResponse:
    jobs = ImportJob.objects.for_user(request.user).defer("content")[:RECENT_JOBS]
    context = {"form": form, "jobs": jobs, "max_mb": daylio.MAX_BYTES // 1024 // 1024}
    return render(request, "imports/start.html", context, status=status)


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
    today = jobs.local_today(request.user)
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
    return redirect("imports:job", pk=job.pk)


@vary_on_headers("HX-Request")
@require_http_methods(["GET", "POST"])
@login_required
def import_job(request: HttpRequest, pk: int) -> HttpResponse:
    job = own_job(request, pk)
    if job.status != ImportJob.Status.PREVIEW:
        if request.method == "POST":
            return redirect("imports:job", pk=job.pk)
        jobs.requeue_if_stalled(job)
        template = "imports/job.html#progress" if request.htmx else "imports/job.html"
        return render(request, template, {"job": job})
    if job.kind == ImportJob.Kind.PACEWISE:
        return restore_preview(request, job)
    parsed = daylio.parse(job.content, jobs.local_today(request.user))
    tags = list(Tag.objects.for_user(request.user))
    form = DaylioMappingForm(
        request.POST if request.method == "POST" else None, parsed=parsed, tags=tags
    )
    if form.is_valid():
        jobs.start(job, form.mapping())
        return redirect("imports:job", pk=job.pk)
    taken = jobs.days_taken(request.user, parsed)
    context = {"job": job, "parsed": parsed, "form": form, "taken": taken}
    return render(request, "imports/job.html", context, status=422 if form.is_bound else 200)


def restore_preview(request: HttpRequest, job: ImportJob) -> HttpResponse:
    """What the export holds and what stays behind; a POST is the go-ahead."""
    if request.method == "POST":
        jobs.start(job, {})
        return redirect("imports:job", pk=job.pk)
    data = restore.load(job.content)
    context = {
        "job": job,
        "counts": restore.counts(data),
        "left_behind": restore.left_behind(),
    }
    return render(request, "imports/job.html", context)


@require_POST
@login_required
def import_cancel(request: HttpRequest, pk: int) -> HttpResponse:
    job = own_job(request, pk)
    if job.status != ImportJob.Status.PREVIEW:
        raise Http404("Only an import not yet started can be called off.")
    job.delete()
    return redirect("imports:start")
