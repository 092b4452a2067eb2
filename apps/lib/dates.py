"""Time-zone helpers shared by every app."""

from datetime import date, timedelta
from functools import cache
from zoneinfo import ZoneInfo, available_timezones

from django.core.exceptions import ValidationError


@cache
def time_zone_names() -> tuple[str, ...]:
    """Every IANA zone name this machine knows, sorted, without the legacy aliases."""
    legacy = ("Etc/", "SystemV/", "US/", "Canada/", "Brazil/", "Chile/", "Mexico/")
    names = {name for name in available_timezones() if "/" in name or name == "UTC"}
    return tuple(sorted(name for name in names if not name.startswith(legacy)))


def validate_time_zone(value: str) -> None:
    if value not in time_zone_names():
        raise ValidationError(
            "“%(value)s” is not a time zone we know. Choose one from the list, "
            "for example Europe/Berlin or America/New_York.",
            code="invalid_time_zone",
            params={"value": value},
        )


@cache
def zone(name: str) -> ZoneInfo:
    return ZoneInfo(name)


def week_start(day: date) -> date:
    """The Monday of the week a local day falls in: Pacewise weeks run Monday to Sunday."""
    return day - timedelta(days=day.weekday())
