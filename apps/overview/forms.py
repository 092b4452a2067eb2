"""The forms of the overview pages: a report's range and parts, and the week's plan."""

import datetime as dt

from django import forms
from django.urls import reverse_lazy
from django.utils import timezone

from apps.accounts.models import User
from apps.audits.models import Commitment
from apps.checkins.models import JournalEntry
from apps.lib.dates import WEEKDAYS
from apps.overview.capacity import DAY_NAMES, Load
from apps.overview.report import DEFAULT_DAYS, MAX_DAYS, SECTIONS, Report
from apps.planning.models import WeeklyAction

# A new day in the range brings that range's journal entries to choose from.
DATE_ATTRS = {
    "type": "date",
    "hx-get": reverse_lazy("overview:report"),
    "hx-trigger": "change",
    "hx-target": "#journal-choices",
    "hx-swap": "outerHTML",
    "hx-include": "closest form",
}


class ReportForm(forms.Form):
    """The range, the sections, and which journal entries (none unless ticked)."""

    first = forms.DateField(
        label="From",
        widget=forms.DateInput(attrs=DATE_ATTRS),
        error_messages={
            "required": "Choose the first day.",
            "invalid": "Enter a date like 2026-01-31.",
        },
    )
    last = forms.DateField(
        label="To",
        widget=forms.DateInput(attrs=DATE_ATTRS),
        error_messages={
            "required": "Choose the last day.",
            "invalid": "Enter a date like 2026-03-31.",
        },
    )
    sections = forms.MultipleChoiceField(
        label="What to include",
        choices=SECTIONS,
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": "Tick at least one part to include.",
            "invalid_choice": "Choose from the parts listed.",
        },
    )
    all_entries = forms.BooleanField(label="Every journal entry in this range", required=False)
    entries = forms.TypedMultipleChoiceField(
        label="Or only these entries",
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": "Choose entries from the list for this range."},
    )

    def __init__(
        self, *args: object, user: User, today: dt.date, labels: bool = True, **kwargs: object
    ) -> None:
        """labels: read the range's entries to name them on the page; a report needs only
        their ids to check what was ticked."""
        super().__init__(*args, **kwargs)
        self.user, self.today = user, today
        self.fields["first"].initial = today - dt.timedelta(days=DEFAULT_DAYS - 1)
        self.fields["last"].initial = today
        self.fields["sections"].initial = [key for key, _ in SECTIONS]
        first, last = self.range()
        entries = JournalEntry.objects.for_user(user).filter(written_on__range=(first, last))
        if labels:
            self.journal_entries = list(
                entries.only("written_on", "prompt_text", "body").order_by(
                    "-written_on", "-created_at"
                )
            )
            choices = [(e.pk, self.entry_label(e)) for e in self.journal_entries]
        else:
            choices = [(pk, "") for pk in entries.values_list("pk", flat=True)]
        self.fields["entries"].choices = choices

    @staticmethod
    def entry_label(entry: JournalEntry) -> str:
        words = " ".join(entry.body.split()[:10])
        return f"{entry.written_on:%-d %b %Y}: {entry.prompt_text or words}"

    def range(self) -> tuple[dt.date, dt.date]:
        """The range as asked for, where it reads as dates; the default range otherwise."""
        first, last = self.fields["first"].initial, self.fields["last"].initial
        if self.is_bound:
            try:
                first = dt.date.fromisoformat(self.data.get("first", ""))
                last = dt.date.fromisoformat(self.data.get("last", ""))
            except ValueError:
                pass
        return first, last

    def clean(self) -> dict:
        data = super().clean()
        first, last = data.get("first"), data.get("last")
        if first and last:
            if last > self.today:
                self.add_error("last", "The report can run up to today, not beyond it.")
            elif first > last:
                self.add_error("first", "The first day comes before the last one.")
            elif (last - first).days + 1 > MAX_DAYS:
                self.add_error("first", "Choose at most three years.")
        return data

    def report(self) -> Report:
        data = self.cleaned_data
        entries = "all" if data["all_entries"] else data["entries"]
        return Report(self.user, data["first"], data["last"], data["sections"], entries)


class WeekPlanForm(forms.Form):
    """When in the week each commitment and action falls, and roughly how long it takes.

    The fields are named after the items the page found for this person (`commitment-12-hours`),
    so a posted name for anything else is simply not a field here.
    """

    day_choices = [("", "Spread over the week"), *WEEKDAYS]

    def __init__(self, *args: object, loads: list[Load], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.loads = loads
        for load in loads:
            self.fields[f"{load.key}-weekday"] = forms.TypedChoiceField(
                label="Day",
                choices=self.day_choices,
                coerce=int,
                empty_value=None,
                required=False,
                initial=load.weekday,
                error_messages={"invalid_choice": "Choose a day of the week, or spread it."},
            )
            is_commitment = load.kind == "commitment"
            most = 168 if is_commitment else 24
            self.fields[f"{load.key}-hours"] = forms.DecimalField(
                label="Hours a week" if is_commitment else "Rough hours",
                min_value=0,
                max_value=most,
                max_digits=4,
                decimal_places=1,
                required=is_commitment,
                initial=load.hours if is_commitment or load.hours else None,
                widget=forms.NumberInput(attrs={"step": "0.5", "min": "0", "max": str(most)}),
                error_messages={
                    "required": "Roughly how many hours a week? A guess is fine.",
                    "invalid": "Enter hours as a number, like 2 or 1.5.",
                    "min_value": "Hours can't be negative.",
                    "max_value": f"Enter at most {most} hours.",
                    "max_decimal_places": "Use at most one decimal, like 1.5.",
                    "max_digits": "Enter hours as a number, like 2 or 1.5.",
                },
            )

    def rows(self) -> list[tuple[Load, forms.BoundField, forms.BoundField]]:
        return [
            (load, self[f"{load.key}-weekday"], self[f"{load.key}-hours"]) for load in self.loads
        ]

    def clean(self) -> dict:
        """No day holds more than its 24 hours."""
        data = super().clean()
        by_day: dict[int, float] = {}
        for load in self.loads:
            weekday, hours = data.get(f"{load.key}-weekday"), data.get(f"{load.key}-hours")
            if weekday is not None and hours:
                by_day[weekday] = by_day.get(weekday, 0) + float(hours)
        for weekday, hours in sorted(by_day.items()):
            if hours > 24:
                raise forms.ValidationError(
                    "%(day)s would hold %(hours)s hours, and a day has 24. Spread some of it "
                    "over the week or move it to another day.",
                    code="day_over_24",
                    params={"day": DAY_NAMES[weekday], "hours": f"{hours:g}"},
                )
        return data

    def save(self) -> None:
        """Write each item's day and hours: one update per kind, whatever the number of items."""
        data, now = self.cleaned_data, timezone.now()
        commitments, actions = [], []
        for load in self.loads:
            weekday, hours = data[f"{load.key}-weekday"], data[f"{load.key}-hours"]
            if load.kind == "commitment":
                commitments.append(Commitment(pk=load.pk, weekday=weekday, hours_per_week=hours))
            else:
                actions.append(
                    WeeklyAction(pk=load.pk, weekday=weekday, hours=hours, updated_at=now)
                )
        Commitment.objects.bulk_update(commitments, ["weekday", "hours_per_week"])
        WeeklyAction.objects.bulk_update(actions, ["weekday", "hours", "updated_at"])
