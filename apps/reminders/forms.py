from django import forms

from apps.reminders.models import Preferences

WEEKDAYS = [
    (str(n), name)
    for n, name in enumerate(
        ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
    )
]
PAUSES = [
    ("", "Don't pause"),
    ("1", "For a day"),
    ("3", "For 3 days"),
    ("7", "For a week"),
    ("14", "For two weeks"),
    ("resume", "Resume now"),
]


class PreferencesForm(forms.ModelForm):
    checkin_days = forms.TypedMultipleChoiceField(
        label="On these days",
        choices=WEEKDAYS,
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    summary_weekday = forms.TypedChoiceField(label="Summary day", choices=WEEKDAYS, coerce=int)
    pause = forms.ChoiceField(label="Pause all reminders", choices=PAUSES, required=False)

    class Meta:
        model = Preferences
        fields = [
            "checkin_enabled",
            "checkin_time",
            "checkin_days",
            "rest_enabled",
            "rest_heads_up_hours",
            "summary_enabled",
            "summary_weekday",
            "summary_time",
            "quiet_start",
            "quiet_end",
        ]
        widgets = {
            "checkin_time": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
            "summary_time": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
            "quiet_start": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
            "quiet_end": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        }
        labels = {
            "checkin_time": "At",
            "summary_time": "Summary time",
            "quiet_start": "Quiet hours from",
            "quiet_end": "Quiet hours until",
        }
        error_messages = {
            name: {"invalid": "Enter a time like 07:30."}
            for name in ("checkin_time", "summary_time", "quiet_start", "quiet_end")
        } | {
            "rest_heads_up_hours": {
                "max_value": "A heads-up can come at most 48 hours before.",
                "invalid": "Enter a whole number of hours, 0 to 48.",
            }
        }

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        if not self.is_bound and self.instance:
            self.initial["checkin_days"] = [str(n) for n in range(7) if self.instance.on_day(n)]

    def clean_checkin_days(self) -> int:
        return sum(1 << day for day in set(self.cleaned_data["checkin_days"]))

    def clean(self) -> dict:
        data = super().clean()
        if bool(data.get("quiet_start")) != bool(data.get("quiet_end")):
            self.add_error("quiet_end", "Give both ends of your quiet hours, or neither.")
        if (
            data.get("checkin_enabled")
            and data.get("checkin_days") == 0
            and "checkin_days" not in self.errors
        ):
            self.add_error(
                "checkin_days", "Choose at least one day, or turn the check-in reminder off."
            )
        return data
