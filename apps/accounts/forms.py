from allauth.core import context
from django import forms
from django.http import HttpRequest
from django_countries import countries

from apps.accounts import registry
from apps.accounts.models import User
from apps.lib.dates import time_zone_groups, validate_time_zone, zone_for_country
from apps.lib.languages import country_from_accept_language

# Grouped: the common zones first, then every zone by region, for choosing without JavaScript.
TIME_ZONE_CHOICES = [
    (group, [(name, name.replace("_", " ")) for name in names])
    for group, names in time_zone_groups()
]
COUNTRY_CHOICES = [("", "Choose your country (optional)"), *countries]


class TimeZoneField(forms.ChoiceField):
    def __init__(self, **kwargs: object) -> None:
        super().__init__(
            choices=TIME_ZONE_CHOICES,
            validators=[validate_time_zone],
            help_text="Your days, weeks and reminders follow this time zone.",
            **kwargs,
        )

    def valid_value(self, value: str) -> bool:
        # validate_time_zone gives the clearer message for an unknown zone.
        return True


class SignupForm(forms.Form):
    """The extra sign-up fields allauth appends after email and password."""

    display_name = forms.CharField(
        max_length=60, required=False, help_text="What Pacewise calls you. Optional."
    )
    time_zone = TimeZoneField(initial="UTC")
    country = forms.ChoiceField(
        choices=COUNTRY_CHOICES,
        required=False,
        help_text="Used to show the crisis lines that serve where you live.",
    )

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            # A first guess from the browser's language (de-DE: Germany, Europe/Berlin), which
            # static/js/site.js then replaces with the browser's own zone.
            request = context.request
            header = request.headers.get("Accept-Language", "") if request else ""
            country = country_from_accept_language(header)
            self.initial.setdefault("country", country)
            self.initial.setdefault("time_zone", zone_for_country(country) or "UTC")
            self.fields["time_zone"].widget.attrs["data-detect-time-zone"] = ""

    def signup(self, request: HttpRequest, user: User) -> None:
        user.display_name = self.cleaned_data["display_name"]
        user.time_zone = self.cleaned_data["time_zone"]
        user.country = self.cleaned_data["country"]
        user.save(update_fields=["display_name", "time_zone", "country"])
        # What a new account starts with: starter tags, default reminders in the new zone.
        registry.account_created(user)


class ProfileForm(forms.ModelForm):
    time_zone = TimeZoneField()
    country = forms.ChoiceField(
        choices=COUNTRY_CHOICES,
        required=False,
        help_text="Used to show the crisis lines that serve where you live.",
    )

    class Meta:
        model = User
        fields = ["display_name", "time_zone", "country"]


class ExportForm(forms.Form):
    format = forms.ChoiceField(choices=[("json", "JSON"), ("csv", "CSV files in a zip")])


CONFIRMATION_PHRASE = "delete my account"


class DeleteAccountForm(forms.Form):
    confirmation = forms.CharField(
        label=f'Type "{CONFIRMATION_PHRASE}" to confirm',
        max_length=40,
        error_messages={
            "required": f'To delete your account, type "{CONFIRMATION_PHRASE}" exactly as shown.'
        },
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "none"}),
    )

    def clean_confirmation(self) -> str:
        typed = " ".join(self.cleaned_data["confirmation"].split()).lower()
        if typed != CONFIRMATION_PHRASE:
            raise forms.ValidationError(
                f'To delete your account, type "{CONFIRMATION_PHRASE}" exactly as shown.'
            )
        return typed
