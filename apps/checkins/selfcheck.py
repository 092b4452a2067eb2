"""The burnout self-check's pages: take it, then see the scores and their trend."""

from django import forms
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods

from apps.checkins import burnout
from apps.checkins.models import BurnoutCheck
from apps.lib import charts

SCALES = (
    ("personal", "How you have been feeling", burnout.PERSONAL),
    ("work", "Your work", burnout.WORK),
)
WORK_KEYS = {item.key for item in burnout.WORK}


class BurnoutCheckForm(forms.Form):
    """The thirteen questions, each optional on its own; enough of each scale to score it."""

    skip_work = forms.BooleanField(
        label="I'm not working at the moment: skip the questions about work", required=False
    )

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        for item in burnout.ITEMS.values():
            self.fields[item.key] = forms.TypedChoiceField(
                label=item.question,
                choices=item.answers,
                coerce=int,
                required=False,
                empty_value=None,
                error_messages={"invalid_choice": "Choose one of the five answers."},
            )

    def scales(self) -> list[dict]:
        """Each scale's questions with their answers, ready to print."""
        return [
            {"name": name, "title": title, "questions": [self.question(item) for item in items]}
            for name, title, items in SCALES
        ]

    def question(self, item: burnout.Item) -> dict:
        field = self[item.key]
        chosen = "" if field.value() is None else str(field.value())
        return {
            "field": field,
            "question": item.question,
            "answers": [
                {"value": value, "label": label, "checked": str(value) == chosen}
                for value, label in item.answers
            ],
        }

    def clean(self) -> dict:
        """Enough answers to score each scale (the inventory's own rule, burnout.scale_score);
        a skipped work scale keeps none of its answers."""
        data = super().clean()
        answered = {key: data[key] for key in burnout.ITEMS if data.get(key) is not None}
        if burnout.personal_score(answered) is None:
            self.add_error(
                None,
                forms.ValidationError(
                    "Answer at least three of the six questions about how you have been feeling.",
                    code="personal",
                ),
            )
        if data.get("skip_work"):
            answered = {key: answered[key] for key in answered if key not in WORK_KEYS}
        elif burnout.work_score(answered) is None:
            self.add_error(
                None,
                forms.ValidationError(
                    "Answer at least four of the seven questions about work, or tick that you "
                    "are not working at the moment.",
                    code="work",
                ),
            )
        data["answers"] = answered
        return data


def trend(checks: list[BurnoutCheck]) -> dict[str, charts.Chart]:
    """Both scales over the checks given, oldest first, on one 0-100 scale."""
    labels = [f"{c.taken_on:%-d %b %Y}" for c in checks]
    return {
        name: charts.line_chart(
            [getattr(c, name) for c in checks],
            labels,
            y_range=(0, 100),
            y_ticks=(0, 25, 50, 75, 100),
            x_tick_every=max(len(checks) // 6, 1),
        )
        for name in ("personal", "work")
    }


@require_http_methods(["GET", "POST"])
@login_required
def take(request: HttpRequest) -> HttpResponse:
    form = BurnoutCheckForm(request.POST if request.method == "POST" else None)
    if form.is_valid():
        today = timezone.localdate()
        BurnoutCheck.objects.create(
            user=request.user,
            taken_on=today,
            answers=form.cleaned_data["answers"],
            skipped_work=form.cleaned_data["skip_work"],
        )
        request.user.self_check_due_on = today + burnout.RETAKE_AFTER
        request.user.save(update_fields=["self_check_due_on"])
        return redirect("checkins:self-check-results")
    status = 422 if form.is_bound else 200
    return render(request, "checkins/self_check.html", {"form": form}, status=status)


@require_GET
@login_required
def results(request: HttpRequest) -> HttpResponse:
    checks = list(BurnoutCheck.objects.for_user(request.user))
    latest = checks[-1] if checks else None
    high = latest is not None and any(
        score is not None and score >= burnout.HIGH for score in (latest.personal, latest.work)
    )
    context = {
        "checks": checks,
        "latest": latest,
        "readings": {
            name: burnout.reading(score)
            for name in ("personal", "work")
            if latest and (score := getattr(latest, name)) is not None
        },
        "trend": trend(checks),
        "high": high,
        "retake_on": request.user.self_check_due_on,
    }
    return render(request, "checkins/self_check_results.html", context)
