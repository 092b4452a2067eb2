import datetime as dt
from collections.abc import Iterable, Sequence
from decimal import Decimal
from functools import cached_property

from django import forms
from django.utils import timezone
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString

from apps.accounts.models import User
from apps.checkins.feelings import FEELINGS, QUADRANTS
from apps.checkins.models import (
    CheckIn,
    Drive,
    JournalEntry,
    Need,
    SleepQuality,
    Tag,
    TagChoice,
)
from apps.lib.forms import ENERGY_CHOICES, EnergyField
from apps.resources.models import JournalPrompt

OLDEST_DAY = dt.timedelta(days=366 * 3)


def escaped(choices: Iterable[tuple[object, object]]) -> tuple[tuple[SafeString, SafeString], ...]:
    """A radio group's (value, label) pairs, escaped once, when the module loads."""
    return tuple(
        (conditional_escape(str(v)), conditional_escape(str(label))) for v, label in choices
    )


# What the check-in's radio groups print: the same for every request but for which is checked.
RADIO_CHOICES = {
    "energy": escaped(ENERGY_CHOICES),
    "need": escaped(Need.choices),
    # A five-step bar from interest to pressure: short words, the help text above says more.
    "drive": escaped(
        zip(
            Drive.values,
            ("Mostly interest", "More interest", "A mix", "More pressure", "Mostly pressure"),
            strict=True,
        )
    ),
    "sleep_quality": escaped(SleepQuality.choices),
}
# The mood meter's words and their meanings, per quadrant, in the order they are shown.
FEELING_CHOICES = tuple(
    (quadrant, escaped((f.word, f.meaning) for f in quadrant.feelings)) for quadrant in QUADRANTS
)


def options(choices: Iterable[tuple[SafeString, SafeString]], selected: object) -> list[dict]:
    """A radio group as the template prints it: each option's value, label and checked state.

    Dicts, because a template looks a name up in a dict first and only then as an attribute.
    """
    chosen = "" if selected is None else str(selected)
    return [
        {"value": value, "label": label, "checked": value == chosen} for value, label in choices
    ]


def is_past_or_today(day: dt.date) -> bool:
    """Whether a person may check in for this local day: today, or up to three years back."""
    today = timezone.localdate()
    return today - OLDEST_DAY <= day <= today


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


class DayField(forms.DateField):
    default_validators = [validate_past_or_today]

    def __init__(self, **kwargs: object) -> None:
        kwargs.setdefault("error_messages", {"invalid": "Enter a date like 2026-11-27."})
        super().__init__(widget=forms.DateInput(attrs={"type": "date"}), **kwargs)


NEED_ERRORS = {
    "required": "Choose the one thing you need most today.",
    "invalid_choice": "Choose rest, connection, clarity or a boundary.",
}


class RadioGroupsMixin:
    """`radios`: each of the form's radio groups (`choices`), ready to print."""

    choices = RADIO_CHOICES

    @cached_property
    def radios(self) -> dict[str, list[dict]]:
        return {
            name: options(choices, self[name].value())
            for name, choices in self.choices.items()
            if name in self.fields
        }


class QuickCheckInForm(RadioGroupsMixin, forms.Form):
    """The low-energy check-in on Today: energy, then one "I need ..." tap; nothing else asked.

    Its need is printed as buttons: "I need rest", "I need a boundary".
    """

    choices = {
        "energy": RADIO_CHOICES["energy"],
        "need": escaped((value, label.lower()) for value, label in Need.choices),
    }

    energy = EnergyField()
    need = forms.ChoiceField(choices=Need.choices, error_messages=NEED_ERRORS)

    def save(self, user: User, day: dt.date) -> CheckIn:
        """A second quick check-in edits the first; it never erases a full one's details."""
        fields = {"energy": self.cleaned_data["energy"], "need": self.cleaned_data["need"]}
        return CheckIn.objects.upsert(user, day, fields, is_quick=True)


class FeelingsField(forms.MultipleChoiceField):
    """The ticked feeling words; an empty value among them is no word, not a wrong one."""

    def to_python(self, value: object) -> list[str]:
        return [word for word in super().to_python(value) if word]


class CheckInForm(RadioGroupsMixin, forms.Form):
    """The full check-in of a day: how it feels, energy, need, drive, and optionally sleep and
    a note."""

    feeling = FeelingsField(
        choices=[(word, word) for word in FEELINGS],
        required=False,
        error_messages={
            "invalid_choice": "Choose feelings from the list, or write your own word below."
        },
    )
    own_feeling = forms.CharField(
        label="Or in your own word",
        max_length=40,
        required=False,
        error_messages={"max_length": "Keep your word under 40 characters."},
    )
    energy = EnergyField()
    need = forms.ChoiceField(choices=Need.choices, error_messages=NEED_ERRORS)
    drive = forms.TypedChoiceField(
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
    sleep_quality = forms.TypedChoiceField(
        choices=SleepQuality.choices,
        coerce=int,
        required=False,
        empty_value=None,
        error_messages={"invalid_choice": "Choose how you slept, from very poor to very good."},
    )
    note = forms.CharField(
        max_length=500,
        required=False,
        error_messages={
            "max_length": "Keep the note under 500 characters (it has %(show_value)d)."
        },
    )
    tags = forms.TypedMultipleChoiceField(
        coerce=int,
        required=False,
        error_messages={"invalid_choice": "Choose tags from your own list."},
    )

    def __init__(self, *args: object, tags: Sequence[TagChoice] = (), **kwargs: object) -> None:
        """tags: the person's tags this form offers (Tag.objects.offered_to: their active ones
        and any already on the day), each (id, name, kind, on the day)."""
        super().__init__(*args, **kwargs)
        self.tag_choices = list(tags)
        self.fields["tags"].choices = [(pk, name) for pk, name, _, _ in self.tag_choices]
        if not self.is_bound:
            self.initial.setdefault("tags", [pk for pk, _, _, chosen in self.tag_choices if chosen])

    @cached_property
    def tag_groups(self) -> list[tuple[str, list[dict]]]:
        """The tags as chips under their kind ("What you did", ...), ready to print."""
        chosen = {str(value) for value in self["tags"].value() or ()}
        labels = dict(Tag.Kind.choices)
        groups: dict[str, list[dict]] = {kind: [] for kind in labels}
        for pk, name, kind, _ in self.tag_choices:
            groups[kind].append({"value": pk, "name": name, "checked": str(pk) in chosen})
        return [(labels[kind], chips) for kind, chips in groups.items() if chips]

    def clean(self) -> dict:
        data = super().clean()
        if "feeling" in self.errors:
            return data
        words = [*data.get("feeling", []), *filter(None, [data.get("own_feeling", "").strip()])]
        if not words:
            self.add_error("feeling", "Choose the word closest to how you feel, or write your own.")
        elif len(words) > MAX_FEELINGS:
            self.add_error(
                "feeling",
                f"Choose up to three feelings, your own word included (you chose {len(words)}).",
            )
        else:
            data["feeling"], data["also_felt"] = words[0], words[1:]
        return data

    def save(self, user: User, day: dt.date) -> CheckIn:
        fields = {name: self.cleaned_data[name] for name in SAVED_FIELDS}
        checkin = CheckIn.objects.upsert(user, day, {**fields, "is_quick": False}, is_quick=False)
        # The day's tags before this save came with the form's choices: write only the change.
        before = {pk for pk, _, _, chosen in self.tag_choices if chosen}
        wanted = set(self.cleaned_data["tags"])
        through = CheckIn.tags.through
        if gone := before - wanted:
            through.objects.filter(checkin_id=checkin.pk, tag_id__in=gone).delete()
        if new := wanted - before:
            through.objects.bulk_create(
                [through(checkin_id=checkin.pk, tag_id=pk) for pk in new], ignore_conflicts=True
            )
        return checkin

    @classmethod
    def for_checkin(cls, checkin: CheckIn | None, tags: Sequence[TagChoice] = ()) -> "CheckInForm":
        if checkin is None:
            return cls(tags=tags)
        own = next((word for word in checkin.feelings if word not in FEELINGS), "")
        initial = {name: getattr(checkin, name) for name in SAVED_FIELDS}
        listed = [word for word in checkin.feelings if word in FEELINGS]
        return cls(initial={**initial, "feeling": listed, "own_feeling": own}, tags=tags)

    @cached_property
    def feeling_quadrants(self) -> list[tuple[object, list[dict]]]:
        """The mood meter: each quadrant with its words and their meanings, ready to print."""
        chosen = set(self["feeling"].value() or ())
        return [
            (
                quadrant,
                [
                    {"word": word, "meaning": meaning, "checked": word in chosen}
                    for word, meaning in words
                ],
            )
            for quadrant, words in FEELING_CHOICES
        ]


MAX_FEELINGS = 3  # a person can be tired and relieved at once
SAVED_FIELDS = (
    "energy",
    "need",
    "feeling",
    "also_felt",
    "drive",
    "sleep_hours",
    "sleep_quality",
    "note",
)


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
