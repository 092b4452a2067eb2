from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from apps.accounts.forms import ProfileForm
from apps.reminders.services import reschedule


def landing(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return redirect("checkins:today")
    return render(request, "accounts/landing.html")


@require_http_methods(["GET", "POST"])
@login_required
def account(request: HttpRequest) -> HttpResponse:
    form = ProfileForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        if "time_zone" in form.changed_data:
            reschedule(request.user)
        if not request.htmx:
            messages.success(request, "Your profile is saved.")
            return redirect("accounts:account")
        form = ProfileForm(instance=request.user)
        saved = True
    else:
        saved = False
    template = "accounts/account.html#profile-form" if request.htmx else "accounts/account.html"
    status = 422 if request.method == "POST" and form.errors else 200
    return render(request, template, {"form": form, "saved": saved}, status=status)


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    return render(request, "403_csrf.html", status=403)
