from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.humanize.templatetags.humanize import apnumber
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from apps.accounts.models import User
from apps.accounts.security import under_limit
from apps.lib.dates import week_start
from apps.lib.ratelimit import rate_limited
from apps.planning.emails import send_share_link
from apps.planning.forms import ShareLinkForm
from apps.planning.models import (
    BoundaryStatement,
    PersonalValue,
    RestWindow,
    ShareLink,
    WeeklyAction,
    is_token,
)

BOUNDARIES_SHARED = 10


def own_link(request: HttpRequest, pk: int) -> ShareLink:
    return get_object_or_404(ShareLink.objects.for_user(request.user), pk=pk)


def shares_context(request: HttpRequest, form: ShareLinkForm | None = None) -> dict:
    page = Paginator(ShareLink.objects.for_user(request.user), 20).get_page(request.GET.get("page"))
    for link in page:
        link.url = request.build_absolute_uri(link.get_absolute_url())
    return {
        "form": form or ShareLinkForm(user=request.user),
        "page": page,
        "max_active": ShareLink.MAX_ACTIVE,
        "emails_per_hour": apnumber(ShareLink.EMAILS_PER_HOUR),
    }


@require_GET
@login_required
def shares(request: HttpRequest) -> HttpResponse:
    return render(request, "planning/shares.html", shares_context(request))


@require_POST
@login_required
def share_create(request: HttpRequest) -> HttpResponse:
    User.objects.lock_row(request.user)  # two tabs at once still make at most MAX_ACTIVE
    form = ShareLinkForm(request.POST, user=request.user)
    if (
        form.is_valid()
        and form.cleaned_data["email"]
        and not under_limit(
            request.user, "share-email", limit=ShareLink.EMAILS_PER_HOUR, period=3600
        )
    ):
        form.add_error(
            "email",
            f"You have sent {apnumber(ShareLink.EMAILS_PER_HOUR)} links by email this hour. "
            "Copy the link instead, or try again later.",
        )
    if not form.is_valid():
        context = shares_context(request, form)
        return render(request, "planning/shares.html", context, status=422)
    link = form.save(commit=False)
    link.user = request.user
    link.save()
    if email := form.cleaned_data["email"]:
        send_share_link(link, email, request.build_absolute_uri(link.get_absolute_url()))
    if email:
        messages.success(request, f"Link created and on its way to {email}.")
    else:
        messages.success(request, "Link created. Copy it below and send it to them.")
    return redirect("planning:shares")


@require_POST
@login_required
def share_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    link = own_link(request, pk)
    if link.revoked_at is None:
        link.revoked_at = timezone.now()
        link.save(update_fields=["revoked_at"])
    messages.success(request, "That link no longer works.")
    return redirect("planning:shares")


def shared_page(
    request: HttpRequest, template: str, context: dict, status: int = 200
) -> HttpResponse:
    """What a share link answers, found or not: never cached, never indexed."""
    response = render(request, template, context, status=status)
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


def link_gone(request: HttpRequest, link: ShareLink | None) -> HttpResponse:
    """A kind 404 for whoever was given the link: why it no longer works, if it ever did."""
    reason = "unknown" if link is None else "revoked" if link.revoked_at else "expired"
    return shared_page(request, "planning/share_gone.html", {"reason": reason}, status=404)


@rate_limited("share-link", limit=60, period=60)
@require_GET
def share_view(request: HttpRequest, token: str) -> HttpResponse:
    """Public and read-only: only the sections the sharer ticked, never check-ins or journal."""
    link = (
        ShareLink.objects.select_related("user").filter(token=token).first()
        if is_token(token)
        else None
    )
    if link is None or not link.is_active:
        return link_gone(request, link)
    owner = link.user
    today = owner.local_now().date()
    context = {"link": link, "owner": owner, "week_of": week_start(today)}
    if link.include_values:
        context["values"] = list(PersonalValue.objects.for_user(owner).select_related("value"))
    if link.include_actions:
        context["actions"] = list(
            WeeklyAction.objects.for_user(owner)
            .in_week_of(today)
            .select_related("personal_value__value")
        )
    if link.include_boundaries:
        context["statements"] = list(BoundaryStatement.objects.for_user(owner)[:BOUNDARIES_SHARED])
    if link.include_rest:
        context["window"] = RestWindow.objects.next_for(owner)
    return shared_page(request, "planning/share_view.html", context)
