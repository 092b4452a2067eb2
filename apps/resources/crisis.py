"""What every crisis page shows: the country's emergency numbers, then its crisis lines."""

from django.http import HttpRequest
from django_countries import countries

from apps.lib.languages import country_from_accept_language
from apps.resources.emergency import emergency_numbers
from apps.resources.models import CrisisLine


def asked_country(request: HttpRequest) -> str:
    """The country asked for in the query (?country=DE), if it is one; else ""."""
    asked = request.GET.get("country", "").upper()
    return asked if asked in countries else ""


def visitor_country(request: HttpRequest) -> tuple[str, str]:
    """(country, where it came from): the one asked for in the query, else the signed-in
    person's saved one, else a guess from the browser's language; ("", "") when none."""
    if asked := asked_country(request):
        return asked, "asked"
    user = request.user
    if user.is_authenticated and user.country:
        return user.country.code, "account"
    guess = country_from_accept_language(request.headers.get("Accept-Language", ""))
    return (guess, "browser") if guess else ("", "")


def help_for(country: str) -> dict[str, object]:
    """A country's emergency numbers and crisis lines, in one query (the lines)."""
    return {
        "country": country,
        "country_name": countries.name(country) if country else "",
        "emergency": emergency_numbers(country),
        "lines": list(CrisisLine.objects.for_country(country)),
    }


def crisis_help(request: HttpRequest) -> dict[str, object]:
    """The context of a crisis page: the visitor's country's help, and where the country came
    from."""
    country, source = visitor_country(request)
    return {**help_for(country), "country_source": source}
