import datetime as dt
from collections.abc import Sequence
from decimal import Decimal

from django import forms
from django.utils import dateformat, timezone

from apps.accounts.models import User
from apps.audits.models import AUDIT_DAYS, Commitment, EnergyAudit, EnergyMoment
from apps.lib.forms import EnergyField
from apps.planning.models import PersonalValue

START_WINDOW = dt.timedelta(days=7)
# A phone clock a little ahead of ours should not turn "just now" into "the future".
FUTURE_GRACE = dt.timedelta(minutes=5)


def short_day(day: dt.date) -> str:
    return dateformat.format(day, "D j M")


def week_label(audit: EnergyAudit) -> str:
    return f"{short_day(audit.starts_on)} \N{EN DASH} {short_day(audit.last_day)}"


class StartAuditForm(forms.Form):
    starts_on = forms.DateField(
        label="First day of your audit week",
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={
            "required": "Choose the day your audit week starts.",
            "invalid": "Enter a date like 2026-11-27.",
        },
    )

    def __init__(self, *args: object, user: User, today: dt.date, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.user, self.today = user, today

    def clean_starts_on(self) -> dt.date:
        day = self.cleaned_data["starts_on"]
        if day < self.today - START_WINDOW:
            raise forms.ValidationError(
                "That's more than a week ago. Choose a day from %(first)s onward.",
                code="too_old",
                params={"first": short_day(self.today - START_WINDOW)},
            )
        if day > self.today + START_WINDOW:
            raise forms.ValidationError(
                "That's more than a week ahead. Choose a day up to %(last)s.",
                code="too_far",
                params={"last": short_day(self.today + START_WINDOW)},
            )
        last = day + dt.timedelta(days=AUDIT_DAYS - 1)
        clash = EnergyAudit.objects.for_user(self.user).overlapping(day, last).first()
        if clash is None:
            return day
        params = {"week": week_label(clash), "next": short_day(clash.ends_on + dt.timedelta(1))}
        if clash.is_running(self.today):
            raise forms.ValidationError(
                "You already have an audit running (%(week)s). End it early first, "
                "or start on %(next)s or later.",
                code="running",
                params=params,
            )
        raise forms.ValidationError(
            "That week overlaps your audit of %(week)s. Choose %(next)s or later.",
            code="overlap",
            params=params,
        )

    def save(self) -> EnergyAudit:
        starts_on = self.cleaned_data["starts_on"]
        return EnergyAudit.objects.create(
            user=self.user,
            starts_on=starts_on,
            ends_on=starts_on + dt.timedelta(days=AUDIT_DAYS - 1),
        )


class MomentForm(forms.Form):
    """A moment logged in seconds: energy, what I was doing, drain or recharge; time is now."""

    energy = EnergyField()
    activity = forms.CharField(
        label="What I was doing",
        max_length=120,
        error_messages={
            "required": "Write a few words about what you were doing.",
            "max_length": "Keep it under 120 characters (it has %(show_value)d).",
        },
    )
    effect = forms.ChoiceField(
        choices=EnergyMoment.Effect.choices,
        error_messages={
            "required": "Does this drain you or recharge you? Choose one.",
            "invalid_choice": "Choose “Drains me” or “Recharges me”.",
        },
    )
    occurred_at = forms.DateTimeField(
        label="When",
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        help_text="Set to now. Change it to log an earlier moment of this week.",
        error_messages={"invalid": "Enter a date and time like 2026-11-27 08:30."},
    )

    def __init__(self, *args: object, audit: EnergyAudit, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.audit = audit
        self.fields["occurred_at"].widget.attrs.update(
            min=f"{audit.starts_on:%Y-%m-%d}T00:00", max=f"{audit.last_day:%Y-%m-%d}T23:59"
        )

    @classmethod
    def starting_now(cls, audit: EnergyAudit) -> "MomentForm":
        """An empty moment form whose time reads "now", to the minute."""
        now = timezone.localtime().replace(second=0, microsecond=0)
        return cls(audit=audit, initial={"occurred_at": now})

    def clean_occurred_at(self) -> dt.datetime:
        when = self.cleaned_data["occurred_at"] or timezone.now()
        start, end = self.audit.bounds(timezone.get_current_timezone())
        if not start <= when < end:
            raise forms.ValidationError(
                "That time is outside this audit's week (%(week)s).",
                code="outside_week",
                params={"week": week_label(self.audit)},
            )
        if when > timezone.now() + FUTURE_GRACE:
            raise forms.ValidationError(
                "That time hasn't come yet. Log a moment once it has happened.", code="future"
            )
        return when

    def save(self) -> EnergyMoment:
        data = self.cleaned_data
        return EnergyMoment.objects.create(
            audit=self.audit,
            occurred_at=data["occurred_at"],
            energy=data["energy"],
            activity=" ".join(data["activity"].split()),
            effect=data["effect"],
        )


class CommitmentForm(forms.ModelForm):
    """Add a commitment or decide about it. Values come in as a list: the choices are built
    once per page rather than one query per commitment's form."""

    title = forms.CharField(
        label="Commitment",
        max_length=120,
        error_messages={
            "required": "Name the commitment in a few words.",
            "max_length": "Keep it under 120 characters (it has %(show_value)d).",
        },
    )
    hours_per_week = forms.DecimalField(
        label="Rough hours a week",
        min_value=Decimal(0),
        max_value=Decimal(168),
        max_digits=4,
        decimal_places=1,
        error_messages={
            "required": "Roughly how many hours a week does it take? A guess is fine.",
            "invalid": "Enter hours as a number, like 5 or 2.5.",
            "min_value": "Hours can't be negative.",
            "max_value": "A week has 168 hours. Enter at most 168.",
            "max_decimal_places": "Use at most one decimal, like 2.5.",
            "max_digits": "Enter hours as a number, like 5 or 2.5.",
        },
    )
    personal_value = forms.TypedChoiceField(
        label="Which of your values it serves",
        coerce=int,
        required=False,
        empty_value=None,
        error_messages={"invalid_choice": "Choose one of your values from the list, or none."},
    )
    decision = forms.ChoiceField(
        choices=[("", "Not decided yet"), *Commitment.Decision.choices],
        required=False,
        error_messages={"invalid_choice": "Choose keep, delegate, postpone or drop."},
    )
    delegate_to = forms.CharField(
        label="To whom",
        max_length=80,
        required=False,
        help_text="If you delegate it: a name or a role.",
        error_messages={"max_length": "Keep the name under 80 characters."},
    )
    postpone_until = forms.DateField(
        label="Until when",
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text="If you postpone it: the day to come back to it.",
        error_messages={"invalid": "Enter a date like 2027-01-15."},
    )

    class Meta:
        model = Commitment
        fields = ["title", "hours_per_week", "decision", "delegate_to", "postpone_until"]

    field_order = [
        "title",
        "hours_per_week",
        "personal_value",
        "decision",
        "delegate_to",
        "postpone_until",
    ]

    def __init__(
        self, *args: object, values: Sequence[PersonalValue], today: dt.date, **kwargs: object
    ) -> None:
        super().__init__(*args, **kwargs)
        self.values = {value.pk: value for value in values}
        self.today = today
        self.fields["personal_value"].choices = [
            ("", "None of them, or not sure"),
            *((value.pk, value.name) for value in values),
        ]
        self.initial.setdefault("personal_value", self.instance.personal_value_id)

    def clean(self) -> dict:
        data = super().clean()
        decision = data.get("decision")
        if (
            decision == Commitment.Decision.DELEGATE
            and not data.get("delegate_to", "").strip()
            and "delegate_to" not in self.errors
        ):
            self.add_error("delegate_to", "Who could take this on? Write a name or a role.")
        if decision == Commitment.Decision.POSTPONE:
            self.check_postpone_until(data.get("postpone_until"))
        if decision != Commitment.Decision.DELEGATE:
            data["delegate_to"] = ""
        if decision != Commitment.Decision.POSTPONE:
            data["postpone_until"] = None
        return data

    def check_postpone_until(self, until: dt.date | None) -> None:
        if "postpone_until" in self.errors:
            return
        if until is None:
            self.add_error("postpone_until", "Until when? Choose the day to come back to it.")
        # A date chosen earlier may have passed since; only a newly typed one must be ahead.
        elif until <= self.today and "postpone_until" in self.changed_data:
            self.add_error(
                "postpone_until", "Choose a day after today: postponing means coming back later."
            )

    def save(self, commit: bool = True) -> Commitment:
        commitment = super().save(commit=False)
        commitment.title = " ".join(commitment.title.split())
        commitment.delegate_to = commitment.delegate_to.strip()
        commitment.personal_value = self.values.get(self.cleaned_data["personal_value"])
        if commit:
            commitment.save()
        return commitment
