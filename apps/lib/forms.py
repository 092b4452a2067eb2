"""Form fields that several apps ask the same way."""

from django import forms

ENERGY_CHOICES = [(n, str(n)) for n in range(1, 11)]


class EnergyField(forms.TypedChoiceField):
    """Energy on Pacewise's scale, 1 (empty) to 10 (full), as an int."""

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
