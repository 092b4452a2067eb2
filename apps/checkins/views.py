import calendar
import datetime as dt

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.html import conditional_escape
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_GET, require_http_methods
from django.views.decorators.vary import vary_on_headers

from apps.checkins.forms import (
    OLDEST_DAY,
    CheckInForm,
    JournalEntryForm,
    JournalSearchForm,
    QuickCheckInForm,
    is_past_or_today,
)
from apps.checkins.insights import RANGES, build_insights, masked_ambition
from apps.checkins.models import CheckIn, JournalEntry, SafetySignal, Tag, day_path_prefix
from apps.checkins.pixels import COLOURS, year_in_pixels
from apps.checkins.together import MIN_DAYS, what_goes_with_energy
from apps.lib.dates import long_day
from apps.resources.crisis import crisis_help
from apps.resources.models import ExerciseLog, JournalPrompt
from apps.resources.recommendations import suggestions


def week_strip(today: dt.date, week: list[CheckIn]) -> list[dict[str, str]]:
    """The last seven days as the strip draws them, each a link to that day's check-in.

    Prepared here as escaped strings in dicts, so the template only prints them.
    """
    by_day = {c.checked_in_on: c for c in week}
    prefix = day_path_prefix()
    strip = []
    for n in range(6, -1, -1):
        day = today - dt.timedelta(days=n)
        c = by_day.get(day)
        said = (
            f"energy {c.energy} of 10{f', {c.feelings_text}' if c.feeling else ''}"
            if c
            else "no check-in"
        )
        strip.append(
            {
                "href": f"{prefix}{day.isoformat()}/",
                "name": f"{day:%a}",
                "value": str(c.energy) if c else "·",
                "band": f" energy--{c.energy_band}" if c else "",
                "label": conditional_escape(f"{long_day(day)}: {said}"),
            }
        )
    return strip


def today_context(request: HttpRequest, quick_form: QuickCheckInForm | None = None) -> dict:
    """What Today shows: the day's check-in (or the quick one), the week strip and the signal,
    from one query for the week; exercises for the need, once checked in."""
    today = timezone.localdate()
    week = CheckIn.objects.last_seven_days(request.user, today)
    checkin = next((c for c in week if c.checked_in_on == today), None)
    return {
        "today": today,
        "day_name": long_day(today),
        "checkin": checkin,
        "quick_form": quick_form or (QuickCheckInForm() if checkin is None else None),
        "strip": week_strip(today, week),
        "signal": masked_ambition(week, today),
        "suggestions": suggestions(checkin.need, today) if checkin else [],
    }


@require_GET
@login_required
def today(request: HttpRequest) -> HttpResponse:
    return render(request, "checkins/today.html", today_context(request))


def local_day(day: str) -> dt.date:
    """The day of a check-in URL: today, or a day up to three years back; otherwise 404."""
    try:
        date = dt.date.fromisoformat(day)
    except ValueError as exc:
        raise Http404("Not a date.") from exc
    if not is_past_or_today(date):
        raise Http404("Check-ins are for today or the three years before.")
    return date


@vary_on_headers("HX-Request")
@sensitive_post_parameters("note", "own_feeling")
@require_http_methods(["GET", "POST"])
@login_required
def checkin_day(request: HttpRequest, day: str) -> HttpResponse:
    """A day's check-in: the full form (today's included), and where every check-in is saved.

    Today's quick check-in posts here too, through htmx or not, and is answered on Today.
    """
    date = local_day(day)
    if request.method == "POST" and "quick_need" in request.POST:
        return quick_checkin(request, date)

    tags = Tag.objects.offered_to(request.user, date)
    form = CheckInForm(request.POST, tags=tags) if request.method == "POST" else None
    if form is not None and form.is_valid():
        return after_save(request, form.save(request.user, date))
    checkin = CheckIn.objects.for_user(request.user).filter(checked_in_on=date).first()
    context = {
        "day": date,
        "is_today": date == timezone.localdate(),
        "checkin": checkin,
        "form": form or CheckInForm.for_checkin(checkin, tags),
    }
    return render(request, "checkins/day.html", context, status=422 if form else 200)


def quick_checkin(request: HttpRequest, day: dt.date) -> HttpResponse:
    data = {"energy": request.POST.get("energy"), "need": request.POST["quick_need"]}
    form = QuickCheckInForm(data)
    if form.is_valid():
        return after_save(request, form.save(request.user, day))
    template = "checkins/today.html#checkin-card" if request.htmx else "checkins/today.html"
    return render(request, template, today_context(request, form), status=422)


def after_save(request: HttpRequest, checkin: CheckIn) -> HttpResponse:
    if checkin.checked_in_on != timezone.localdate():
        return redirect("checkins:day", day=checkin.checked_in_on.isoformat())
    if request.htmx:
        return render(request, "checkins/today.html#checkin-saved", today_context(request))
    return redirect("checkins:today")


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
    return render(request, "checkins/safety.html", crisis_help(request))


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
    years = list(range(today.year, (today - OLDEST_DAY).year - 1, -1))
    year = (
        int(request.GET["year"]) if request.GET.get("year", "") in map(str, years) else today.year
    )
    colour = request.GET.get("colour") if request.GET.get("colour") in COLOURS else "energy"
    days = {
        day: (energy, feeling)
        for day, energy, feeling in CheckIn.objects.for_user(request.user)
        .filter(checked_in_on__year=year)
        .values_list("checked_in_on", "energy", "feeling")
    }
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
            "years": years,
            "colour": colour,
            "pixels": year_in_pixels(year, days, today, colour),
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
    in_range = [c for c in checkins if c.checked_in_on >= first]
    tagged = CheckIn.tags.through.objects.filter(
        checkin__user=request.user, checkin__checked_in_on__gte=first
    ).values_list("checkin_id", "tag__name")
    return render(
        request,
        "checkins/insights.html",
        {
            "together": what_goes_with_energy(in_range, tagged),
            "together_min_days": MIN_DAYS,
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
