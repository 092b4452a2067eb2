import binascii
from urllib.parse import urlsplit

from cryptography.hazmat.primitives.asymmetric import ec
from django import forms
from django.conf import settings

from apps.outbox.models import PushSubscription
from apps.outbox.vapid import b64url_decode
from apps.reminders.models import CHOSEN_FIELDS, Preferences, Via

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
        fields = CHOSEN_FIELDS
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
            "checkin_via": "Send it",
            "rest_via": "Send them",
            "summary_via": "Send it",
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

    def __init__(self, *args: object, has_devices: bool = False, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.has_devices = has_devices
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
        for name in ("checkin_via", "rest_via", "summary_via"):
            if data.get(name, Via.EMAIL) != Via.EMAIL and not self.has_devices:
                self.add_error(
                    name,
                    "No device gets notifications yet: set one up under “Notifications on your"
                    " devices” below.",
                )
        return data


MAX_DEVICES = 10


def base64url_bytes(value: str, length: int, what: str) -> bytes:
    try:
        raw = b64url_decode(value)
    except (binascii.Error, ValueError):
        raw = b""
    if len(raw) != length:
        raise forms.ValidationError(f"This is not {what}.")
    return raw


class PushSubscriptionForm(forms.Form):
    """A browser's PushSubscription, as its toJSON() gives it, posted by static/js/push.js.

    Only a push service of PUSH_SERVICE_HOSTS is accepted: the server will post to this address,
    and must never post where a visitor pointed it.
    """

    endpoint = forms.URLField(max_length=1000, assume_scheme="https")
    p256dh = forms.CharField(max_length=100)
    auth = forms.CharField(max_length=40)

    def __init__(self, *args: object, user: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_endpoint(self) -> str:
        endpoint = self.cleaned_data["endpoint"]
        parts = urlsplit(endpoint)
        host = (parts.hostname or "").lower()
        secure = parts.scheme == "https" or host in settings.PUSH_INSECURE_HOSTS
        known = any(host == h or host.endswith(f".{h}") for h in settings.PUSH_SERVICE_HOSTS)
        if not (secure and known):
            raise forms.ValidationError("This is not the address of a known push service.")
        return endpoint

    def clean_p256dh(self) -> str:
        value = self.cleaned_data["p256dh"]
        raw = base64url_bytes(value, 65, "a browser's push key")
        try:
            ec.EllipticCurvePublicKey.from_encoded_point(ec.SECP256R1(), raw)
        except ValueError:
            raise forms.ValidationError("This is not a browser's push key.") from None
        return value

    def clean_auth(self) -> str:
        value = self.cleaned_data["auth"]
        base64url_bytes(value, 16, "a browser's push secret")
        return value

    def clean(self) -> dict:
        data = super().clean()
        others = PushSubscription.objects.filter(user=self.user).exclude(
            endpoint=data.get("endpoint")
        )
        if others.count() >= MAX_DEVICES:
            raise forms.ValidationError(
                f"{MAX_DEVICES} devices get notifications already: remove one first."
            )
        return data
