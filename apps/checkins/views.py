import calendar
import datetime as dt
from dataclasses import dataclass

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from apps.audits.models import running_audit
from apps.checkins import today as today_cards
from apps.checkins.forms import (
    OLDEST_DAY,
    CheckInForm,
    JournalEntryForm,
    JournalSearchForm,
    QuickCheckInForm,
)
from apps.checkins.insights import RANGES, build_insights, days_between, masked_ambition
from apps.checkins.models import CheckIn, JournalEntry, SafetySignal
from apps.planning.services import next_rest_window, this_weeks_actions
from apps.resources.models import CrisisLine, ExerciseLog, JournalPrompt
from apps.resources.recommendations import suggestions


@dataclass(frozen=True)
class StripDay:
    href: str
    name: str
    value: str
    band: str
    label: str


def week_strip(today: dt.date, week: list[CheckIn]) -> list[StripDay]:
    """The last seven days as the strip draws them, prepared here: the template only prints."""
    today_url = reverse("checkins:today")
    day_url = reverse("checkins:day", args=["-"]).removesuffix("-/")
    strip = []
    for day in days_between(today - dt.timedelta(6), today, week):
        c = day.checkin
        said = (
            f"energy {c.energy} of 10{f', {c.feeling}' if c.feeling else ''}"
            if c
            else "no check-in"
        )
        strip.append(
            StripDay(
                href=today_url if day.date == today else f"{day_url}{day.iso}/",
                name=day.short_name,
                value=day.energy or "·",
                band=f" energy--{c.energy_band}" if c else "",
                label=f"{day.label}: {said}",
            )
        )
    return strip


def today_context(request: HttpRequest, form: CheckInForm | None = None) -> dict:
    """What the check-in card, the week strip and the signal show: one query for the week."""
    today = timezone.localdate()
    week = list(CheckIn.objects.for_user(request.user).between(today - dt.timedelta(6), today))
    checkin = next((c for c in week if c.checked_in_on == today), None)
    editing = form is not None or checkin is None or checkin.is_quick or request.GET.get("edit")
    return {
        "today": today,
        "checkin": checkin,
        "editing": editing,
        "form": form or (CheckInForm.for_checkin(checkin, today) if editing else None),
        "strip": week_strip(today, week),
        "signal": masked_ambition(week, today),
        "suggestions": suggestions(checkin.need, today) if checkin else [],
    }


def cards_context(request: HttpRequest, form: CheckInForm | None = None) -> dict:
    """Everything Today's cards show: today_context and this week's plan."""
    context = today_context(request, form)
    day = context["today"]
    context["audit"] = running_audit(request.user, day)
    context["actions"] = this_weeks_actions(request.user, day)
    context["rest_window"] = next_rest_window(request.user)
    return context


def today_page(request: HttpRequest, day: dt.date, cards: str, status: int = 200) -> HttpResponse:
    return render(request, "checkins/today.html", {"today": day, "cards": cards}, status=status)


@require_GET
@login_required
def today(request: HttpRequest) -> HttpResponse:
    day = timezone.localdate()
    if request.GET.get("edit"):
        cards = today_cards.fresh(request, cards_context(request))
    else:
        cards = today_cards.cards(request, day, lambda: cards_context(request))
    return today_page(request, day, cards)


def after_save(request: HttpRequest, checkin: CheckIn) -> HttpResponse:
    if checkin.checked_in_on != timezone.localdate():
        return redirect("checkins:day", day=checkin.checked_in_on.isoformat())
    if request.htmx:
        context = today_context(request)
        return render(request, "checkins/_today.html#checkin-saved", context)
    return redirect("checkins:today")


@sensitive_post_parameters("note", "own_feeling")
@require_POST
@login_required
def checkin_save(request: HttpRequest) -> HttpResponse:
    form = CheckInForm(request.POST)
    if form.is_valid():
        return after_save(request, form.save(request.user))
    return render_invalid(request, form)


@require_POST
@login_required
def checkin_quick(request: HttpRequest) -> HttpResponse:
    form = QuickCheckInForm(request.POST)
    if form.is_valid():
        return after_save(request, form.save(request.user))
    return render_invalid(request, quick_form=form)


def render_invalid(
    request: HttpRequest,
    form: CheckInForm | None = None,
    quick_form: QuickCheckInForm | None = None,
) -> HttpResponse:
    """Show the errors next to the fields, keeping what was typed; nothing was saved."""
    day = form.cleaned_data.get("checked_in_on") if form is not None else None
    if day and day < timezone.localdate():
        # The form came from a past day's page; answer there.
        context = {"day": day, "form": form}
        context["checkin"] = (
            CheckIn.objects.for_user(request.user).filter(checked_in_on=day).first()
        )
        return render(request, "checkins/day.html", context, status=422)
    if request.htmx:
        context = {**today_context(request, form), "quick_form": quick_form}
        return render(request, "checkins/_today.html#checkin-card", context, status=422)
    context = {**cards_context(request, form), "quick_form": quick_form}
    return today_page(request, context["today"], today_cards.fresh(request, context), status=422)


@require_GET
@login_required
def checkin_day(request: HttpRequest, day: str) -> HttpResponse:
    try:
        date = dt.date.fromisoformat(day)
    except ValueError as exc:
        raise Http404("Not a date.") from exc
    if date > timezone.localdate():
        raise Http404("That day hasn't happened yet.")
    if date == timezone.localdate():
        return redirect(f"{reverse('checkins:today')}?edit=1")
    checkin = CheckIn.objects.for_user(request.user).filter(checked_in_on=date).first()
    return render(
        request,
        "checkins/day.html",
        {
            "day": date,
            "checkin": checkin,
            "form": CheckInForm.for_checkin(checkin, date),
        },
    )


@require_http_methods(["GET", "POST"])
def safety(request: HttpRequest) -> HttpResponse:
    """Crisis lines first, at once. A POST (the check-in's safety button) also records it.

    Never behind a sign-in: with an expired session the button still leads straight to help.
    """
    if not request.user.is_authenticated:
        return redirect("resources:crisis")
    if request.method == "POST":
        SafetySignal.objects.create(user=request.user)
        return redirect("checkins:safety")
    country = request.user.country.code if request.user.country else ""
    lines = list(CrisisLine.objects.for_country(country))
    return render(
        request,
        "checkins/safety.html",
        {"lines": lines, "country": country, "country_name": request.user.country.name},
    )


@require_GET
@login_required
def history(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    try:
        month = dt.date.fromisoformat(request.GET.get("month", "") + "-01")
    except ValueError:
        month = today.replace(day=1)
    month = min(max(month, (today - OLDEST_DAY).replace(day=1)), today.replace(day=1))
    last = month.replace(day=calendar.monthrange(month.year, month.month)[1])
    checkins = CheckIn.objects.for_user(request.user).between(month, last)
    by_day = {c.checked_in_on: c for c in checkins}
    weeks = [
        [(d, by_day.get(d)) if d.month == month.month else (None, None) for d in week]
        for week in calendar.Calendar().monthdatescalendar(month.year, month.month)
    ]
    previous = (month - dt.timedelta(days=1)).replace(day=1)
    following = (last + dt.timedelta(days=1)) if last < today else None
    return render(
        request,
        "checkins/history.html",
        {
            "month": month,
            "weeks": weeks,
            "today": today,
            "checked_in_days": len(by_day),
            "previous": previous,
            "following": following,
        },
    )


@require_GET
@login_required
def insights(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    try:
        days = int(request.GET.get("days", 30))
    except ValueError:
        days = 30
    days = days if days in RANGES else 30
    first = today - dt.timedelta(days=days - 1)
    month_start = today.replace(day=1)
    query_start = min(first, month_start)
    checkins = list(CheckIn.objects.for_user(request.user).between(query_start, today))
    logs = list(
        ExerciseLog.objects.for_user(request.user)
        .filter(done_at__date__gte=first)
        .select_related("exercise")
    )
    return render(
        request,
        "checkins/insights.html",
        {
            "range": days,
            "ranges": RANGES,
            "insights": build_insights(checkins, first, today),
            "signal": masked_ambition(checkins, today),
            "month_days": sum(1 for c in checkins if c.checked_in_on >= month_start),
            "exercise_logs": logs,
            "exercise_change": round(sum(log.change for log in logs) / len(logs), 1)
            if logs
            else None,
            "today": today,
        },
    )


# --- Journal -------------------------------------------------------------------------------
def prompt_for(slug: str, day: dt.date) -> JournalPrompt | None:
    """The prompt a link asked for; "today" is the day's prompt, turning through the list."""
    prompts = JournalPrompt.objects.published()
    if slug != "today":
        return prompts.filter(slug=slug).first()
    ids = list(prompts.values_list("pk", flat=True))
    return prompts.get(pk=ids[day.toordinal() % len(ids)]) if ids else None


def own_entry(request: HttpRequest, pk: int) -> JournalEntry:
    return get_object_or_404(JournalEntry.objects.for_user(request.user), pk=pk)


SEARCH_KEY = "journal_search"


@sensitive_post_parameters("q")
@require_http_methods(["GET", "POST"])
@login_required
def journal_list(request: HttpRequest) -> HttpResponse:
    """The journal, newest first. A search is POSTed and kept in the session, never in the URL:
    search words are the person's own free text and must not reach access logs or history."""
    if request.method == "POST":
        search = JournalSearchForm(request.POST)
        query = search.cleaned_data["q"].strip() if search.is_valid() else ""
        request.session[SEARCH_KEY] = query
        return redirect(
            f"{reverse('checkins:journal')}?search=1" if query else reverse("checkins:journal")
        )
    query = request.session.get(SEARCH_KEY, "") if request.GET.get("search") else ""
    entries = JournalEntry.objects.for_user(request.user)
    if query:
        # Bodies are encrypted at rest, so the database cannot search them: one query reads this
        # person's entries (only what the list shows) and Python keeps the matching ones.
        needle = query.casefold()
        shown = entries.only("pk", "written_on", "prompt_text", "body")
        entries = [e for e in shown.iterator(chunk_size=200) if needle in e.body.casefold()]
    page = Paginator(entries, 20).get_page(request.GET.get("page"))
    search = JournalSearchForm(initial={"q": query})
    return render(
        request, "checkins/journal_list.html", {"page": page, "search": search, "query": query}
    )


@sensitive_post_parameters("body")
@require_http_methods(["GET", "POST"])
@login_required
def journal_create(request: HttpRequest) -> HttpResponse:
    initial = {"written_on": timezone.localdate()}
    if slug := request.GET.get("prompt"):
        initial["prompt"] = prompt_for(slug, timezone.localdate())
    form = JournalEntryForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        entry = form.save(commit=False)
        entry.user = request.user
        entry.save()
        return redirect("checkins:journal-detail", pk=entry.pk)
    status = 422 if form.errors else 200
    return render(request, "checkins/journal_form.html", {"form": form}, status=status)


@require_GET
@login_required
def journal_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return render(request, "checkins/journal_detail.html", {"entry": own_entry(request, pk)})


@sensitive_post_parameters("body")
@require_http_methods(["GET", "POST"])
@login_required
def journal_update(request: HttpRequest, pk: int) -> HttpResponse:
    entry = own_entry(request, pk)
    form = JournalEntryForm(request.POST or None, instance=entry)
    if request.method == "POST" and form.is_valid():
        form.save()
        return redirect("checkins:journal-detail", pk=entry.pk)
    status = 422 if form.errors else 200
    return render(
        request, "checkins/journal_form.html", {"form": form, "entry": entry}, status=status
    )


@require_http_methods(["GET", "POST"])
@login_required
def journal_delete(request: HttpRequest, pk: int) -> HttpResponse:
    entry = own_entry(request, pk)
    if request.method == "POST":
        entry.delete()
        return redirect("checkins:journal")
    return render(request, "checkins/journal_delete.html", {"entry": entry})
