from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST
from django.views.decorators.vary import vary_on_headers

from apps.accounts.models import User
from apps.audits.forms import CommitmentForm, MomentForm, StartAuditForm
from apps.audits.models import Commitment, EnergyAudit, EnergyMoment
from apps.audits.report import build_report, by_local_day
from apps.planning.models import PersonalValue

MOMENT_CHOICES = {
    "energy_choices": range(1, 11),
    "effect_choices": EnergyMoment.Effect.choices,
}


def own_audit(request: HttpRequest, pk: int) -> EnergyAudit:
    return get_object_or_404(EnergyAudit.objects.for_user(request.user), pk=pk)


def own_commitment(audit: EnergyAudit, pk: int) -> Commitment:
    # The audit was already looked up for request.user; its rows are the person's own.
    return get_object_or_404(Commitment.objects.filter(audit=audit), pk=pk)


def commitments_of(audits: list[EnergyAudit]) -> list[Commitment]:
    return list(Commitment.objects.filter(audit__in=audits).select_related("personal_value__value"))


def values_for(request: HttpRequest) -> list[PersonalValue]:
    return list(PersonalValue.objects.for_user(request.user).select_related("value"))


# --- Context builders: one per page, shared by the GET and the POSTs that answer on it ------
def audit_header_context(
    audit: EnergyAudit, page: str, moment_form: MomentForm | None = None
) -> dict[str, object]:
    """The header and quick moment form every page of an audit shows."""
    today = timezone.localdate()
    return {
        **MOMENT_CHOICES,
        "audit": audit,
        "page": page,
        "today": today,
        "running": audit.is_running(today),
        "upcoming": audit.is_upcoming(today),
        "day_number": (today - audit.starts_on).days + 1,
        "moment_form": moment_form or MomentForm.starting_now(audit),
    }


def moments_context(audit: EnergyAudit) -> dict[str, object]:
    moments = list(audit.moments.all())
    return {
        "audit": audit,
        "moments": moments,
        "moment_days": by_local_day(moments, timezone.get_current_timezone()),
    }


def commitments_context(
    request: HttpRequest,
    audit: EnergyAudit,
    new_form: CommitmentForm | None = None,
    failed: CommitmentForm | None = None,
) -> dict[str, object]:
    """Every commitment with its own decision form; a form that failed comes back as typed."""
    today = timezone.localdate()
    values = values_for(request)
    commitments = commitments_of([audit])
    forms = [
        failed
        if failed is not None and failed.instance.pk == c.pk
        else CommitmentForm(instance=c, values=values, today=today, prefix=f"c{c.pk}")
        for c in commitments
    ]
    return {
        "audit": audit,
        "commitment_rows": list(zip(commitments, forms, strict=True)),
        "new_commitment": new_form or CommitmentForm(values=values, today=today, prefix="new"),
        "has_values": bool(values),
        "hours_total": sum(c.hours_per_week for c in commitments),
    }


def audit_detail_context(request: HttpRequest, audit: EnergyAudit, **forms: object) -> dict:
    moment_form = forms.pop("moment_form", None)
    return {
        **audit_header_context(audit, "detail", moment_form),
        **moments_context(audit),
        **commitments_context(request, audit, **forms),
    }


def audit_report_context(
    request: HttpRequest, audit: EnergyAudit, moment_form: MomentForm | None = None
) -> dict:
    moments = list(audit.moments.all())
    report = build_report(audit, moments, commitments_of([audit]), timezone.get_current_timezone())
    return {**audit_header_context(audit, "report", moment_form), "report": report}


def compare_fields(first: EnergyAudit, second: EnergyAudit) -> list[tuple[str, str, EnergyAudit]]:
    return [("a", "Compare the week of", first), ("b", "with the week of", second)]


def audit_list_context(request: HttpRequest, form: StartAuditForm | None = None) -> dict:
    today = timezone.localdate()
    audits = list(EnergyAudit.objects.for_user(request.user).with_moment_stats())
    return {
        "today": today,
        "audits": audits,
        "running": next((a for a in audits if a.is_running(today)), None),
        "upcoming": [a for a in audits if a.is_upcoming(today)],
        "past": [a for a in audits if not a.is_running(today) and not a.is_upcoming(today)],
        "form": form
        or StartAuditForm(user=request.user, today=today, initial={"starts_on": today}),
        "compare_fields": compare_fields(*audits[1:2], *audits[:1]) if len(audits) > 1 else [],
    }


# --- Audits ----------------------------------------------------------------------------------
@require_GET
@login_required
def audit_list(request: HttpRequest) -> HttpResponse:
    return render(request, "audits/list.html", audit_list_context(request))


@require_POST
@login_required
def audit_start(request: HttpRequest) -> HttpResponse:
    form = StartAuditForm(request.POST, user=request.user, today=timezone.localdate())
    # Hold the person's row so a double-clicked Start can't create two overlapping weeks.
    User.objects.lock_row(request.user)
    audit = form.save() if form.is_valid() else None
    if audit is None:
        return render(request, "audits/list.html", audit_list_context(request, form), status=422)
    messages.success(request, "Your audit week has started. Log a moment whenever you notice one.")
    return redirect("audits:detail", pk=audit.pk)


@require_GET
@login_required
def audit_detail(request: HttpRequest, pk: int) -> HttpResponse:
    audit = own_audit(request, pk)
    return render(request, "audits/detail.html", audit_detail_context(request, audit))


@require_GET
@login_required
def audit_report(request: HttpRequest, pk: int) -> HttpResponse:
    audit = own_audit(request, pk)
    return render(request, "audits/report.html", audit_report_context(request, audit))


@require_POST
@login_required
def audit_end(request: HttpRequest, pk: int) -> HttpResponse:
    """End a running audit early; one that hasn't started yet is simply called off."""
    audit = own_audit(request, pk)
    today = timezone.localdate()
    if audit.is_upcoming(today):
        audit.delete()
        messages.success(request, "That audit hadn't started yet, so it's called off.")
        return redirect("audits:list")
    if audit.is_running(today):
        audit.ended_early_on = today
        audit.save(update_fields=["ended_early_on"])
        messages.success(request, "Audit ended. Here is what the days you logged show.")
    return redirect("audits:report", pk=audit.pk)


@require_GET
@login_required
def audit_compare(request: HttpRequest) -> HttpResponse:
    audits = list(EnergyAudit.objects.for_user(request.user))
    by_pk = {audit.pk: audit for audit in audits}
    try:
        chosen = [by_pk[int(request.GET[key])] for key in ("a", "b")]
    except (KeyError, ValueError) as exc:
        raise Http404("No such audit.") from exc
    moments = list(EnergyMoment.objects.filter(audit__in=chosen))
    commitments = commitments_of(chosen)
    tz = timezone.get_current_timezone()
    columns = [
        (
            audit,
            build_report(
                audit,
                [m for m in moments if m.audit_id == audit.pk],
                [c for c in commitments if c.audit_id == audit.pk],
                tz,
            ),
        )
        for audit in chosen
    ]
    return render(
        request,
        "audits/compare.html",
        {"audits": audits, "columns": columns, "compare_fields": compare_fields(*chosen)},
    )


# --- Moments ---------------------------------------------------------------------------------


@vary_on_headers("HX-Request")
@require_POST
@login_required
def moment_add(request: HttpRequest, pk: int) -> HttpResponse:
    audit = own_audit(request, pk)
    # The quick moment form is on an audit's detail page and on its report: answer on the one
    # it came from.
    if request.POST.get("return_to") == "report":
        page, template, page_context = "report", "audits/report.html", audit_report_context
    else:
        page, template, page_context = "detail", "audits/detail.html", audit_detail_context
    form = MomentForm(request.POST, audit=audit)
    if not form.is_valid():
        if request.htmx:
            context = audit_header_context(audit, page, form)
            return render(request, f"{template}#moment-form", context, status=422)
        return render(request, template, page_context(request, audit, moment_form=form), status=422)
    moment = form.save()
    if request.htmx:
        context = {**page_context(request, audit), "saved": moment}
        return render(request, f"{template}#moment-saved", context)
    messages.success(request, f"Moment saved: energy {moment.energy}.")
    return redirect(f"audits:{page}", pk=audit.pk)


@vary_on_headers("HX-Request")
@require_POST
@login_required
def moment_delete(request: HttpRequest, pk: int, moment_pk: int) -> HttpResponse:
    audit = own_audit(request, pk)
    get_object_or_404(EnergyMoment.objects.filter(audit=audit), pk=moment_pk).delete()
    if request.htmx:
        return render(request, "audits/detail.html#moments", moments_context(audit))
    messages.success(request, "Moment removed.")
    return redirect(reverse("audits:detail", args=[audit.pk]) + "#moments")


# --- Commitments -----------------------------------------------------------------------------
def commitments_answer(
    request: HttpRequest, audit: EnergyAudit, status: int = 200, **forms: CommitmentForm
) -> HttpResponse:
    """htmx gets the fresh commitments list; a plain POST that failed gets the whole page."""
    if request.htmx:
        context = commitments_context(request, audit, **forms)
        return render(request, "audits/detail.html#commitments", context, status=status)
    return render(
        request, "audits/detail.html", audit_detail_context(request, audit, **forms), status=status
    )


@vary_on_headers("HX-Request")
@require_POST
@login_required
def commitment_add(request: HttpRequest, pk: int) -> HttpResponse:
    audit = own_audit(request, pk)
    form = CommitmentForm(
        request.POST, values=values_for(request), today=timezone.localdate(), prefix="new"
    )
    if not form.is_valid():
        return commitments_answer(request, audit, status=422, new_form=form)
    commitment = form.save(commit=False)
    commitment.audit = audit
    commitment.save()
    if request.htmx:
        return commitments_answer(request, audit)
    return redirect(reverse("audits:detail", args=[audit.pk]) + "#commitments")


@vary_on_headers("HX-Request")
@require_POST
@login_required
def commitment_update(request: HttpRequest, pk: int, c_pk: int) -> HttpResponse:
    audit = own_audit(request, pk)
    commitment = own_commitment(audit, c_pk)
    form = CommitmentForm(
        request.POST,
        instance=commitment,
        values=values_for(request),
        today=timezone.localdate(),
        prefix=f"c{commitment.pk}",
    )
    if not form.is_valid():
        return commitments_answer(request, audit, status=422, failed=form)
    form.save()
    if request.htmx:
        return commitments_answer(request, audit)
    messages.success(request, "Commitment saved.")
    return redirect(reverse("audits:detail", args=[audit.pk]) + f"#commitment-{commitment.pk}")


@vary_on_headers("HX-Request")
@require_POST
@login_required
def commitment_delete(request: HttpRequest, pk: int, c_pk: int) -> HttpResponse:
    audit = own_audit(request, pk)
    own_commitment(audit, c_pk).delete()
    if request.htmx:
        return commitments_answer(request, audit)
    return redirect(reverse("audits:detail", args=[audit.pk]) + "#commitments")
