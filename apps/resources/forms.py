from django import forms

from apps.lib.forms import EnergyField
from apps.resources.models import Exercise, Need

DURATIONS = [
    ("", "Any length"),
    ("short", "5 minutes or less"),
    ("medium", "6 to 15 minutes"),
    ("long", "More than 15 minutes"),
]
DURATION_RANGES = {"short": (0, 5), "medium": (6, 15), "long": (16, 10_000)}


class LibraryFilterForm(forms.Form):
    need = forms.ChoiceField(choices=[("", "Any need"), *Need.choices], required=False)
    kind = forms.ChoiceField(choices=[("", "Any kind"), *Exercise.Kind.choices], required=False)
    duration = forms.ChoiceField(choices=DURATIONS, required=False, label="Length")

    def filter(self, exercises: "forms.QuerySet") -> "forms.QuerySet":
        if not self.is_valid():
            return exercises
        data = self.cleaned_data
        if data["need"]:
            exercises = exercises.filter(need=data["need"])
        if data["kind"]:
            exercises = exercises.filter(kind=data["kind"])
        if data["duration"]:
            exercises = exercises.filter(duration_minutes__range=DURATION_RANGES[data["duration"]])
        return exercises


class ExerciseLogForm(forms.Form):
    energy_before = EnergyField(label="Energy before")
    energy_after = EnergyField(label="Energy after")
