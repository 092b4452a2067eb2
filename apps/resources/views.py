from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django_countries import countries

from apps.resources.models import CrisisLine


def visitor_country(request: HttpRequest) -> str:
    """The country asked for in the query, else the signed-in user's, else none."""
    asked = request.GET.get("country", "").upper()
    if asked in countries:
        return asked
    if request.user.is_authenticated and request.user.country:
        return request.user.country.code
    return ""


def crisis(request: HttpRequest) -> HttpResponse:
    """Public, no JavaScript: the emergency fallback first, then the lines for the country."""
    country = visitor_country(request)
    lines = list(CrisisLine.objects.for_country(country)) if country else []
    return render(
        request,
        "resources/crisis.html",
        {
            "country": country,
            "country_name": dict(countries).get(country, ""),
            "lines": lines,
            "countries": countries,
        },
    )
