"""Signed one-click unsubscribe tokens: they name a user and a kind of email, nothing else."""

from django.core import signing

from apps.reminders.models import REST_KINDS, Kind

SALT = "pacewise.reminders.unsubscribe"
# The preference each kind of email turns off. Rest reminders share one switch.
PREFERENCE = {
    Kind.CHECKIN: "checkin_enabled",
    **dict.fromkeys(REST_KINDS, "rest_enabled"),
    Kind.SUMMARY: "summary_enabled",
}
TOPIC = {
    "checkin_enabled": "check-in reminders",
    "rest_enabled": "rest window reminders",
    "summary_enabled": "weekly energy summaries",
}


def make(user_id: int, kind: str) -> str:
    return signing.dumps({"u": user_id, "p": PREFERENCE[kind]}, salt=SALT, compress=True)


def read(token: str) -> tuple[int, str] | None:
    """(user id, preference field), or None for anything forged, mangled or unknown."""
    try:
        data = signing.loads(token, salt=SALT)
    except signing.BadSignature:
        return None
    if (
        not isinstance(data, dict)
        or data.get("p") not in TOPIC
        or not isinstance(data.get("u"), int)
    ):
        return None
    return data["u"], data["p"]
