"""Time-zone helpers shared by every app."""

from datetime import date, datetime, time, timedelta
from functools import cache
from importlib.resources import files
from zoneinfo import ZoneInfo, available_timezones

from django.core.exceptions import ValidationError


@cache
def time_zone_names() -> tuple[str, ...]:
    """Every IANA zone name this machine knows, sorted, without the legacy aliases."""
    legacy = ("Etc/", "SystemV/", "US/", "Canada/", "Brazil/", "Chile/", "Mexico/")
    names = {name for name in available_timezones() if "/" in name or name == "UTC"}
    return tuple(sorted(name for name in names if not name.startswith(legacy)))


# Offered first at sign-up and in the account, before every zone by region.
COMMON_ZONES = (
    *("UTC", "Europe/London", "Europe/Dublin", "Europe/Paris", "Europe/Berlin"),
    *("Europe/Madrid", "Europe/Rome", "Europe/Amsterdam", "Europe/Stockholm", "Europe/Warsaw"),
    *("America/New_York", "America/Chicago", "America/Denver", "America/Los_Angeles"),
    *("America/Toronto", "America/Vancouver", "America/Mexico_City", "America/Sao_Paulo"),
    *("Africa/Lagos", "Africa/Nairobi", "Africa/Johannesburg", "Asia/Kolkata", "Asia/Singapore"),
    *("Asia/Manila", "Asia/Tokyo", "Australia/Sydney", "Australia/Perth", "Pacific/Auckland"),
)


@cache
def time_zone_groups() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """The common zones, then every zone under its region ("Europe", "America", ...)."""
    regions: dict[str, list[str]] = {}
    for name in time_zone_names():
        regions.setdefault(name.partition("/")[0] if "/" in name else "Other", []).append(name)
    return (("Common time zones", COMMON_ZONES), *((r, tuple(z)) for r, z in regions.items()))


@cache
def zones_by_country() -> dict[str, tuple[str, ...]]:
    """Each ISO country's IANA zones, from tzdata's zone.tab (its main zone first)."""
    table = files("tzdata").joinpath("zoneinfo", "zone.tab").read_text(encoding="utf-8")
    zones: dict[str, list[str]] = {}
    for line in table.splitlines():
        if line and not line.startswith("#"):
            country, _, name = line.split("\t")[:3]
            zones.setdefault(country, []).append(name)
    return {country: tuple(names) for country, names in zones.items()}


@cache
def zone_for_country(country: str) -> str:
    """The country's zone where all its zones keep one time (Germany: Europe/Berlin), else ""
    (the United States has several, so the country alone cannot say which)."""
    names = [n for n in zones_by_country().get(country, ()) if n in time_zone_names()]
    if not names:
        return ""
    year = datetime.now(ZoneInfo("UTC")).year
    instants = [datetime(year, month, 15, 12, tzinfo=ZoneInfo("UTC")) for month in (1, 7)]
    offsets = {tuple(i.astimezone(zone(n)).utcoffset() for i in instants) for n in names}
    return names[0] if len(offsets) == 1 else ""


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


def long_day(day: date) -> str:
    """ "Monday 23 November", as Django's date:"l j F" writes it in English.

    Python's formatting costs a few microseconds; Django's date filter, some 200,000 CPU
    instructions (valgrind): a weekly summary names two dozen dates.
    """
    return f"{day:%A} {day.day} {day:%B}"


def day_and_time(moment: datetime) -> str:
    """ "Saturday 28 November, 09:00" (date:"l j F, H:i")."""
    return f"{long_day(moment)}, {moment:%H:%M}"


# Python's numbering (date.weekday()): Monday is 0. For a model field's choices.
WEEKDAYS = tuple(
    enumerate(("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"))
)


def local_midnight(day: date, tz: ZoneInfo) -> datetime:
    """The moment a local day begins in the zone (aware; compare it with UTC times freely)."""
    return datetime.combine(day, time.min, tzinfo=tz)


def week_start(day: date) -> date:
    """The Monday of the week a local day falls in: Pacewise weeks run Monday to Sunday."""
    return day - timedelta(days=day.weekday())
