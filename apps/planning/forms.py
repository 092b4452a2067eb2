import datetime as dt
from zoneinfo import ZoneInfo

from django import forms
from django.utils import timezone
from django.utils.formats import date_format

from apps.accounts.models import User
from apps.lib.dates import week_start
from apps.planning.boundaries import BY_SLUG, Blank, BoundaryTemplate
from apps.planning.models import (
    MAX_ACTIONS_PER_WEEK,
    MAX_VALUES,
    BoundaryPractice,
    BoundaryStatement,
    PersonalValue,
    RestWindow,
    ShareLink,
    WeeklyAction,
    WeekReflection,
)
from apps.resources.models import Value

MIN_HOURS, MAX_HOURS = 1, 72
# A window may be written down after the fact, within a week; planning reaches a year ahead.
REST_PAST_LIMIT = dt.timedelta(days=7)
REST_FUTURE_LIMIT = dt.timedelta(days=366)
OLDEST_PRACTICE = dt.timedelta(days=366 * 3)
OLDEST_REFLECTION = dt.timedelta(weeks=52)
SHARE_DAYS = [(1, "1 day"), (7, "7 days"), (30, "30 days")]


def local_datetime(day: dt.date, time: dt.time) -> str:
    return f"{date_format(day, 'D j M')} {time:%H:%M}"


# --- Values -----------------------------------------------------------------------------------
class ValueForm(forms.Form):
    """Add one value: from the curated list or in the person's own words, never both."""

    value = forms.ModelChoiceField(
        queryset=Value.objects.published(),
        required=False,
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": "Choose a value from the list."},
    )
    own_name = forms.CharField(
        label="Or name your own value",
        max_length=60,
        required=False,
        error_messages={"max_length": "Keep the name under 60 characters."},
    )
    why = forms.CharField(
        label="Why it matters to you, in a line",
        max_length=200,
        required=False,
        help_text="Optional. e.g. “Rest lets me be patient with the people I love.”",
        error_messages={"max_length": "Keep it to one line, under 200 characters."},
    )

    def __init__(self, *args: object, existing: list[PersonalValue], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.existing = existing

    def clean(self) -> dict:
        data = super().clean()
        if len(self.existing) >= MAX_VALUES:
            raise forms.ValidationError(
                "You already have five values, the most Pacewise keeps: a short list is easier "
                "to live by. Remove one first if this one matters more.",
                code="too_many",
            )
        value, own = data.get("value"), data.get("own_name", "").strip()
        if self.errors:
            return data
        if value and own:
            self.add_error("own_name", "Choose one from the list or write your own, not both.")
        elif not value and not own:
            self.add_error("value", "Choose a value from the list, or write your own below.")
        elif value and any(v.value_id == value.pk for v in self.existing):
            self.add_error("value", f"{value.name} is already one of your values.")
        elif own and own.casefold() in {v.name.casefold() for v in self.existing}:
            self.add_error("own_name", f"{own} is already one of your values.")
        data["own_name"] = own
        return data

    def save(self, user: User) -> PersonalValue:
        rank = max((v.rank for v in self.existing), default=0) + 1
        return PersonalValue.objects.create(
            user=user,
            value=self.cleaned_data["value"],
            own_name=self.cleaned_data["own_name"],
            why=self.cleaned_data["why"].strip(),
            rank=rank,
        )


class WhyForm(forms.ModelForm):
    class Meta:
        model = PersonalValue
        fields = ["why"]
        labels = {"why": "Why it matters to you"}
        error_messages = {"why": {"max_length": "Keep it to one line, under 200 characters."}}


# --- Weekly actions ---------------------------------------------------------------------------
class ActionForm(forms.Form):
    """One small action for this week or next, tied to one of the person's own values."""

    week_of = forms.TypedChoiceField(
        label="For",
        coerce=dt.date.fromisoformat,
        error_messages={"invalid_choice": "Choose this week or next week."},
    )
    personal_value = forms.TypedChoiceField(
        label="Which value it serves",
        coerce=int,
        error_messages={
            "required": "Choose the value this action serves.",
            "invalid_choice": "Choose one of your values.",
        },
    )
    title = forms.CharField(
        label="A small, doable action",
        max_length=140,
        help_text="Small enough to do on a tired day, e.g. “a 20-minute walk at lunch on Tuesday”.",
        error_messages={
            "required": "Write the action in a few words.",
            "max_length": "Keep it short and small: under 140 characters.",
        },
    )

    def __init__(
        self,
        *args: object,
        values: list[PersonalValue],
        this_week: dt.date,
        counts: dict[dt.date, int],
        **kwargs: object,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.values, self.counts = {v.pk: v for v in values}, counts
        next_week = this_week + dt.timedelta(weeks=1)
        self.fields["week_of"].choices = [
            (this_week.isoformat(), f"This week (from {date_format(this_week, 'D j M')})"),
            (next_week.isoformat(), f"Next week (from {date_format(next_week, 'D j M')})"),
        ]
        self.fields["week_of"].initial = this_week.isoformat()
        self.fields["personal_value"].choices = [("", "Choose a value")] + [
            (v.pk, v.name) for v in values
        ]

    def clean(self) -> dict:
        data = super().clean()
        week = data.get("week_of")
        if week and self.counts.get(week, 0) >= MAX_ACTIONS_PER_WEEK:
            self.add_error(
                None,
                forms.ValidationError(
                    "That week already has two actions, the most Pacewise plans. Fewer, smaller "
                    "steps tend to happen; change or remove one if this matters more.",
                    code="too_many",
                ),
            )
        return data

    def save(self, user: User) -> WeeklyAction:
        data = self.cleaned_data
        return WeeklyAction.objects.create(
            user=user,
            week_of=data["week_of"],
            personal_value=self.values[data["personal_value"]],
            title=data["title"].strip(),
        )


class StatusForm(forms.Form):
    status = forms.ChoiceField(
        choices=WeeklyAction.Status.choices,
        error_messages={
            "required": "Choose done, partly done or not done.",
            "invalid_choice": "Choose done, partly done or not done.",
        },
    )


class ReflectionForm(forms.Form):
    week_of = forms.DateField(
        widget=forms.HiddenInput, error_messages={"invalid": "Reflect on a week from the page."}
    )
    text = forms.CharField(
        label="Looking back on the week",
        max_length=1000,
        help_text="What did you learn? What would you keep, or make smaller? Partly done counts.",
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={
            "required": "Write a word or two, or leave it for now.",
            "max_length": "Keep the reflection under 1,000 characters.",
        },
    )

    def clean_week_of(self) -> dt.date:
        week = self.cleaned_data["week_of"]
        this_week = week_start(timezone.localdate())
        if week.weekday() != 0 or not this_week - OLDEST_REFLECTION <= week <= this_week:
            raise forms.ValidationError("You can reflect on this week or an earlier one.")
        return week

    def save(self, user: User) -> WeekReflection:
        reflection, _created = WeekReflection.objects.update_or_create(
            user=user,
            week_of=self.cleaned_data["week_of"],
            defaults={"text": self.cleaned_data["text"].strip()},
        )
        return reflection


# --- Boundaries -------------------------------------------------------------------------------
class BuilderForm(forms.Form):
    """The blanks of one boundary template; its fields are made from the template."""

    def __init__(self, template: BoundaryTemplate, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.template = template
        for blank in template.blanks:
            self.fields[blank.name] = self.make_field(blank)

    @staticmethod
    def make_field(blank: Blank) -> forms.Field:
        attrs = {"placeholder": f"e.g. {blank.example}"}
        if blank.kind == "number":
            return forms.IntegerField(
                label=blank.label,
                min_value=1,
                max_value=30,
                widget=forms.NumberInput(attrs=attrs),
                error_messages={
                    "required": "Fill in how many, from 1 to 30.",
                    "invalid": "Enter a whole number, like 3.",
                    "min_value": "At least one, or leave this boundary for another week.",
                    "max_value": "That's more than 30. Choose a number you could really keep to.",
                },
            )
        if blank.kind == "time":
            return forms.TimeField(
                label=blank.label,
                widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
                error_messages={
                    "required": "Fill in a time, like 18:00.",
                    "invalid": "Enter a time of day between 00:00 and 23:59, like 18:00.",
                },
            )
        return forms.CharField(
            label=blank.label,
            max_length=80,
            widget=forms.TextInput(attrs=attrs),
            error_messages={
                "required": f"Fill in this blank, e.g. “{blank.example}”.",
                "max_length": "Keep each blank under 80 characters.",
            },
        )

    def preview(self) -> str:
        values = {}
        for name, value in self.cleaned_data.items():
            values[name] = value.strftime("%H:%M") if isinstance(value, dt.time) else str(value)
        return self.template.fill(values)


class StatementForm(forms.ModelForm):
    """The final words, as the person edited them; the area follows the template."""

    template = forms.ChoiceField(
        choices=[(slug, t.title) for slug, t in BY_SLUG.items()], widget=forms.HiddenInput
    )

    class Meta:
        model = BoundaryStatement
        fields = ["template", "text"]
        labels = {"text": "Your statement, in your own words"}
        widgets = {"text": forms.Textarea(attrs={"rows": 3})}
        error_messages = {
            "text": {
                "required": "Write the statement before saving it.",
                "max_length": "Keep the statement under 500 characters.",
            }
        }

    def save(self, commit: bool = True) -> BoundaryStatement:
        statement = super().save(commit=False)
        statement.area = BY_SLUG[self.cleaned_data["template"]].area
        statement.text = statement.text.strip()
        if commit:
            statement.save()
        return statement


class StatementTextForm(forms.ModelForm):
    class Meta:
        model = BoundaryStatement
        fields = ["text"]
        labels = {"text": "Your statement"}
        widgets = {"text": forms.Textarea(attrs={"rows": 3})}
        error_messages = StatementForm.Meta.error_messages


class PracticeForm(forms.ModelForm):
    practised_on = forms.DateField(
        label="When you used it",
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"required": "Choose the day.", "invalid": "Enter a date like 2026-11-27."},
    )

    # Declared, not generated: a model field's form field offers a blank radio choice.
    outcome = forms.ChoiceField(
        label="How it went",
        choices=BoundaryPractice.Outcome.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Choose how it went: well, mixed or hard. Every one counts.",
            "invalid_choice": "Choose well, mixed or hard.",
        },
    )

    class Meta:
        model = BoundaryPractice
        fields = ["practised_on", "outcome", "how_it_went"]
        labels = {"how_it_went": "A short note (optional)"}
        error_messages = {"how_it_went": {"max_length": "Keep the note under 300 characters."}}

    def clean_practised_on(self) -> dt.date:
        day = self.cleaned_data["practised_on"]
        today = timezone.localdate()
        if day > today:
            raise forms.ValidationError(
                "That day hasn't happened yet. Note a practice once you've tried it."
            )
        if day < today - OLDEST_PRACTICE:
            raise forms.ValidationError("That is more than three years ago. Choose a later day.")
        return day


# --- Rest windows -----------------------------------------------------------------------------
class RestWindowForm(forms.ModelForm):
    """A window starts at a local date and time and lasts real hours: 24 hours across a DST
    change ends an hour later (spring) or earlier (autumn) on the wall clock."""

    starts_on = forms.DateField(
        label="Start date",
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={
            "required": "Choose the day the window starts.",
            "invalid": "Enter a date like 2026-11-28.",
        },
    )
    starts_time = forms.TimeField(
        label="Start time",
        initial=dt.time(9, 0),
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        error_messages={
            "required": "Choose the time it starts.",
            "invalid": "Enter a time between 00:00 and 23:59, like 09:00.",
        },
    )
    hours = forms.IntegerField(
        label="Length in hours",
        initial=24,
        min_value=MIN_HOURS,
        max_value=MAX_HOURS,
        help_text="24 hours is a full day; anything from 1 to 72 works.",
        error_messages={
            "required": "Choose how many hours, from 1 to 72.",
            "invalid": "Enter the length as whole hours, like 24.",
            "min_value": "The window has to end after it starts: choose at least 1 hour.",
            "max_value": "Choose at most 72 hours; plan another window after this one.",
        },
    )

    class Meta:
        model = RestWindow
        fields = ["activities", "avoid"]
        widgets = {
            "activities": forms.Textarea(attrs={"rows": 3}),
            "avoid": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {
            "activities": "e.g. a slow breakfast, a walk without headphones, a nap, a bath.",
            "avoid": "e.g. email, the laundry backlog, the side project.",
        }
        error_messages = {
            "activities": {"max_length": "Keep this under 1,000 characters."},
            "avoid": {"max_length": "Keep this under 1,000 characters."},
        }

    def __init__(self, *args: object, user: User, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.user = user
        self.zone = ZoneInfo(user.time_zone)

    def clean(self) -> dict:
        data = super().clean()
        day, time, hours = data.get("starts_on"), data.get("starts_time"), data.get("hours")
        if day is None or time is None or hours is None:
            return data
        local = dt.datetime.combine(day, time, tzinfo=self.zone)
        starts_at = local.astimezone(dt.UTC)
        if starts_at.astimezone(self.zone).replace(tzinfo=None) != local.replace(tzinfo=None):
            raise forms.ValidationError(
                "That time doesn't exist on that day: the clocks go forward. Choose a time an "
                "hour later.",
                code="nonexistent",
            )
        now = timezone.now()
        if starts_at < now - REST_PAST_LIMIT:
            self.add_error("starts_on", "Choose a start in the last week or later.")
        elif starts_at > now + REST_FUTURE_LIMIT:
            self.add_error("starts_on", "Choose a start within the next year.")
        ends_at = starts_at + dt.timedelta(hours=hours)
        clash = RestWindow.objects.for_user(self.user).overlapping(starts_at, ends_at).first()
        if clash and not self.errors:
            start = clash.starts_at.astimezone(self.zone)
            end = clash.ends_at.astimezone(self.zone)
            raise forms.ValidationError(
                "This overlaps your rest window from %(start)s to %(end)s. Start after it ends, "
                "or end before it begins.",
                code="overlap",
                params={
                    "start": local_datetime(start.date(), start.time()),
                    "end": local_datetime(end.date(), end.time()),
                },
            )
        self.instance.starts_at, self.instance.ends_at = starts_at, ends_at
        return data


class RestReflectionForm(forms.ModelForm):
    rested = forms.TypedChoiceField(
        label="How rested do you feel, from 1 to 10?",
        choices=[(n, str(n)) for n in range(1, 11)],
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Choose how rested you feel, from 1 to 10.",
            "invalid_choice": "Choose a number from 1 to 10.",
        },
    )

    class Meta:
        model = RestWindow
        fields = ["rested", "reflection"]
        labels = {"reflection": "What helped, and what got in the way? (optional)"}
        widgets = {"reflection": forms.Textarea(attrs={"rows": 3})}
        error_messages = {"reflection": {"max_length": "Keep this under 1,000 characters."}}

    def clean(self) -> dict:
        if self.instance.starts_at > timezone.now():
            raise forms.ValidationError(
                "This window hasn't started yet. Come back once it has; there is nothing to "
                "prepare.",
                code="not_started",
            )
        return super().clean()


# --- Share links ------------------------------------------------------------------------------
class ShareLinkForm(forms.ModelForm):
    days = forms.TypedChoiceField(
        label="The link works for",
        choices=SHARE_DAYS,
        coerce=int,
        initial=7,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Choose how long the link works: 1, 7 or 30 days.",
            "invalid_choice": "Choose 1, 7 or 30 days.",
        },
    )
    email = forms.EmailField(
        label="Email it to them (optional)",
        required=False,
        help_text="We send the link and your display name, nothing from your plan.",
        error_messages={"invalid": "Enter an email address like sam@example.com."},
    )

    class Meta:
        model = ShareLink
        fields = [
            "label",
            "include_values",
            "include_actions",
            "include_boundaries",
            "include_rest",
        ]
        labels = {
            "label": "Who it is for (only you see this)",
            "include_values": "Your values",
            "include_actions": "This week's actions",
            "include_boundaries": "Your boundary statements",
            "include_rest": "Your next rest window",
        }
        error_messages = {"label": {"max_length": "Keep it under 80 characters."}}

    def __init__(self, *args: object, user: User, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.user = user

    def clean(self) -> dict:
        data = super().clean()
        if ShareLink.objects.for_user(self.user).active().count() >= ShareLink.MAX_ACTIVE:
            raise forms.ValidationError(
                "You have %(max)s links working already. Turn one off below to make another.",
                code="too_many",
                params={"max": ShareLink.MAX_ACTIVE},
            )
        sections = ("include_values", "include_actions", "include_boundaries", "include_rest")
        if not any(data.get(name) for name in sections):
            raise forms.ValidationError(
                "Tick at least one part of your plan to share.", code="nothing"
            )
        if data.get("email") and not self.user.display_name:
            self.add_error(
                "email",
                "So they know who the email is from, add a display name in your account first, "
                "or copy the link and send it yourself.",
            )
        if data.get("days"):
            self.instance.expires_at = timezone.now() + dt.timedelta(days=data["days"])
        return data
