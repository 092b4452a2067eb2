import datetime as dt
from decimal import Decimal
from functools import lru_cache

from django import forms
from django.utils import timezone

from apps.accounts.models import User
from apps.checkins import today
from apps.checkins.feelings import FEELINGS
from apps.checkins.models import CheckIn, Drive, JournalEntry, Need, SleepQuality
from apps.resources.models import JournalPrompt

OLDEST_DAY = dt.timedelta(days=366 * 3)
ENERGY_CHOICES = [(n, str(n)) for n in range(1, 11)]


def validate_past_or_today(day: dt.date) -> None:
    today = timezone.localdate()
    if day > today:
        raise forms.ValidationError(
            "That day hasn't happened yet. You can check in for today or an earlier day.",
            code="future",
        )
    if day < today - OLDEST_DAY:
        raise forms.ValidationError(
            "That day is more than three years ago. Choose a more recent day.", code="too_old"
        )


def upsert(user: User, day: dt.date, fields: dict, *, is_quick: bool) -> CheckIn:
    """Create the day's check-in or update the given fields of the one there: one statement.

    is_backfilled and created_at describe the first save, so an update leaves them alone.
    """
    checkin = CheckIn(
        user=user,
        checked_in_on=day,
        is_backfilled=day < timezone.localdate(),
        **{"is_quick": is_quick, **fields},
    )
    CheckIn.objects.bulk_create(
        [checkin],
        update_conflicts=True,
        unique_fields=["user", "checked_in_on"],
        update_fields=[*fields, "updated_at"],
    )
    today.changed(user.pk)  # a bulk write sends no post_save
    return checkin


class DayField(forms.DateField):
    default_validators = [validate_past_or_today]

    def __init__(self, **kwargs: object) -> None:
        kwargs.setdefault("error_messages", {"invalid": "Enter a date like 2026-11-27."})
        super().__init__(widget=forms.DateInput(attrs={"type": "date"}), **kwargs)


class ConstantChoicesMixin:
    """Choices that are module constants: a form's copy of the field shares them.

    Django deep-copies every field for every form instance, choices included; for the
    check-in's long, fixed lists that copying was a visible share of the Today page's time.
    """

    def __deepcopy__(self, memo: dict) -> forms.Field:
        result = forms.Field.__deepcopy__(self, memo)
        result._choices = self._choices
        return result


class ConstantChoiceField(ConstantChoicesMixin, forms.ChoiceField):
    pass


class ConstantTypedChoiceField(ConstantChoicesMixin, forms.TypedChoiceField):
    pass


class EnergyField(ConstantTypedChoiceField):
    def __init__(self, **kwargs: object) -> None:
        super().__init__(
            choices=ENERGY_CHOICES,
            coerce=int,
            error_messages={
                "required": "Choose your energy, from 1 (empty) to 10 (full).",
                "invalid_choice": "Energy goes from 1 to 10. Choose one of those.",
            },
            **kwargs,
        )


class NeedField(ConstantChoiceField):
    def __init__(self, **kwargs: object) -> None:
        super().__init__(
            choices=Need.choices,
            error_messages={
                "required": "Choose the one thing you need most today.",
                "invalid_choice": "Choose rest, connection, clarity or a boundary.",
            },
            **kwargs,
        )


class QuickCheckInForm(forms.Form):
    """The low-energy check-in: two taps, nothing else asked."""

    checked_in_on = DayField()
    energy = EnergyField()
    need = NeedField()

    def save(self, user: User) -> CheckIn:
        """A second quick check-in edits the first; it never erases a full one's details."""
        return upsert(
            user,
            self.cleaned_data["checked_in_on"],
            {"energy": self.cleaned_data["energy"], "need": self.cleaned_data["need"]},
            is_quick=True,
        )


class CheckInForm(QuickCheckInForm):
    feeling = ConstantChoiceField(
        choices=[(word, word) for word in FEELINGS],
        required=False,
        error_messages={
            "invalid_choice": "Choose a feeling from the list, or write your own word below."
        },
    )
    own_feeling = forms.CharField(
        label="Or in your own word",
        max_length=40,
        required=False,
        error_messages={"max_length": "Keep your word under 40 characters."},
    )
    drive = ConstantTypedChoiceField(
        choices=Drive.choices,
        coerce=int,
        error_messages={
            "required": "Choose where today's push is coming from.",
            "invalid_choice": "Choose one of the five points between interest and pressure.",
        },
    )
    sleep_hours = forms.DecimalField(
        label="Hours of sleep last night",
        required=False,
        min_value=Decimal(0),
        max_value=Decimal(24),
        max_digits=3,
        decimal_places=1,
        error_messages={
            "invalid": "Enter hours as a number, like 7 or 6.5.",
            "min_value": "Hours of sleep can't be negative.",
            "max_value": "A night has at most 24 hours.",
            "max_decimal_places": "Use at most one decimal, like 6.5.",
            "max_digits": "Enter hours as a number, like 7 or 6.5.",
        },
    )
    sleep_quality = ConstantTypedChoiceField(
        choices=SleepQuality.choices,
        coerce=int,
        required=False,
        empty_value=None,
        error_messages={"invalid_choice": "Choose how you slept, from very poor to very good."},
    )
    note = forms.CharField(
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={
            "max_length": "Keep the note under 500 characters (it has %(show_value)d)."
        },
    )

    def clean(self) -> dict:
        data = super().clean()
        own = data.get("own_feeling", "").strip()
        if own:
            data["feeling"] = own
        elif not data.get("feeling") and "feeling" not in self.errors:
            self.add_error("feeling", "Choose the word closest to how you feel, or write your own.")
        return data

    def save(self, user: User) -> CheckIn:
        data = self.cleaned_data
        fields = {
            name: data[name]
            for name in (
                "energy",
                "need",
                "feeling",
                "drive",
                "sleep_hours",
                "sleep_quality",
                "note",
            )
        }
        return upsert(user, data["checked_in_on"], {**fields, "is_quick": False}, is_quick=False)

    @classmethod
    def for_checkin(cls, checkin: CheckIn | None, day: dt.date) -> "CheckInForm":
        if checkin is None:
            return blank_form(day)
        own = checkin.feeling if checkin.feeling and checkin.feeling not in FEELINGS else ""
        return cls(
            initial={
                "checked_in_on": day,
                "feeling": "" if own else checkin.feeling,
                "own_feeling": own,
                "energy": checkin.energy,
                "need": checkin.need,
                "drive": checkin.drive,
                "sleep_hours": checkin.sleep_hours,
                "sleep_quality": checkin.sleep_quality,
                "note": checkin.note,
            }
        )


@lru_cache(maxsize=8)
def blank_form(day: dt.date) -> CheckInForm:
    """The empty check-in for a day, built once: it holds nothing but the date, and rendering
    an unbound form only reads it, so every request for that day can share it."""
    return CheckInForm(initial={"checked_in_on": day})


class JournalEntryForm(forms.ModelForm):
    written_on = DayField(label="Date")
    prompt = forms.ModelChoiceField(
        queryset=JournalPrompt.objects.published(),
        required=False,
        empty_label="No prompt, just write",
        error_messages={"invalid_choice": "Choose one of the prompts in the list."},
    )
    body = forms.CharField(
        label="Your entry",
        max_length=20_000,
        widget=forms.Textarea(attrs={"rows": 12}),
        error_messages={
            "required": "Write at least a word. It can be as short as you like.",
            "max_length": "Keep an entry under 20,000 characters (it has %(show_value)d).",
        },
    )

    class Meta:
        model = JournalEntry
        fields = ["written_on", "prompt", "body"]

    def save(self, commit: bool = True) -> JournalEntry:
        entry = super().save(commit=False)
        if "prompt" in self.changed_data or not entry.pk:
            entry.prompt_text = entry.prompt.text if entry.prompt else ""
        if commit:
            entry.save()
        return entry


class JournalSearchForm(forms.Form):
    q = forms.CharField(label="Search your journal", max_length=100, required=False)
