"""The import pages' forms: the upload, and a Daylio file's moods and activities mapped."""

from django import forms

from apps.checkins.feelings import QUADRANTS
from apps.checkins.models import Tag
from apps.imports import daylio
from apps.imports.jobs import NEW, SKIP, TAG_LIMIT
from apps.imports.models import ImportJob
from apps.lib.forms import ENERGY_CHOICES

FEELING_CHOICES = [
    (quadrant.title, [(f.word, f.word) for f in quadrant.feelings]) for quadrant in QUADRANTS
]


class UploadForm(forms.Form):
    kind = forms.ChoiceField(
        label="What it is",
        choices=ImportJob.Kind.choices,
        initial=ImportJob.Kind.DAYLIO,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose what kind of file it is."},
    )
    file = forms.FileField(
        label="The file",
        error_messages={
            "required": "Choose the file to import.",
            "empty": "The file is empty.",
        },
    )


# --- The preview --------------------------------------------------------------------------
class DaylioMappingForm(forms.Form):
    """Each mood label to a feeling of the mood meter and an energy; each activity to a tag of
    the person's, a new tag of the same name, or nothing."""

    def __init__(
        self, *args: object, parsed: daylio.Parsed, tags: list[Tag], **kwargs: object
    ) -> None:
        super().__init__(*args, **kwargs)
        self.parsed, self.tags = parsed, tags
        self.moods = [label for label, _ in parsed.moods.most_common()]
        self.activities = [name for name, _ in parsed.activities.most_common()]
        by_name = {tag.name.lower(): tag for tag in tags}
        tag_choices = [(str(tag.pk), tag.name) for tag in tags]
        for index, label in enumerate(self.moods):
            feeling, energy = daylio.DEFAULT_MOODS.get(label, ("", None))
            self.fields[f"mood-{index}-feeling"] = forms.ChoiceField(
                label=f"“{label}” feels",
                choices=[("", "Choose a feeling"), *FEELING_CHOICES],
                initial=feeling,
                error_messages={"required": f"Choose a feeling for “{label}”."},
            )
            self.fields[f"mood-{index}-energy"] = forms.TypedChoiceField(
                label=f"Energy on “{label}” days",
                choices=[("", "Choose"), *ENERGY_CHOICES],
                coerce=int,
                initial=energy,
                error_messages={"required": f"Choose an energy for “{label}”, 1 to 10."},
            )
        for index, name in enumerate(self.activities):
            existing = by_name.get(name.lower()[:TAG_LIMIT])
            self.fields[f"activity-{index}"] = forms.ChoiceField(
                label=f"“{name}”",
                choices=[
                    (NEW, f"A new tag, “{name[:TAG_LIMIT]}”"),
                    (SKIP, "Leave it out"),
                    ("Your tags", tag_choices),
                ],
                initial=str(existing.pk) if existing else NEW,
            )

    def mood_rows(self) -> list[tuple[str, int, forms.BoundField, forms.BoundField]]:
        return [
            (label, self.parsed.moods[label], self[f"mood-{i}-feeling"], self[f"mood-{i}-energy"])
            for i, label in enumerate(self.moods)
        ]

    def activity_rows(self) -> list[tuple[str, int, forms.BoundField]]:
        return [
            (name, self.parsed.activities[name], self[f"activity-{i}"])
            for i, name in enumerate(self.activities)
        ]

    def clean(self) -> dict:
        """New tags and the active ones together stay within a person's limit."""
        data = super().clean()
        new = {
            name[:TAG_LIMIT].lower()
            for i, name in enumerate(self.activities)
            if data.get(f"activity-{i}") == NEW
        }
        active = {tag.name.lower() for tag in self.tags if tag.archived_at is None}
        if len(active | new) > Tag.MAX_ACTIVE:
            raise forms.ValidationError(
                "That would make %(count)s active tags, and a person can have %(limit)s. Leave "
                "some activities out, or put them under tags you already have.",
                code="too_many_tags",
                params={"count": len(active | new), "limit": Tag.MAX_ACTIVE},
            )
        return data

    def mapping(self) -> dict:
        data = self.cleaned_data
        return {
            "moods": {
                label: [data[f"mood-{i}-feeling"], data[f"mood-{i}-energy"]]
                for i, label in enumerate(self.moods)
            },
            "activities": {name: data[f"activity-{i}"] for i, name in enumerate(self.activities)},
        }
