from functools import lru_cache

from django import template
from django.conf import settings
from django.templatetags.static import static
from django.urls import get_script_prefix, get_urlconf, reverse

register = template.Library()


@lru_cache(maxsize=512)
def _route(name: str, args: tuple[str, ...], prefix: str, urlconf: str | None) -> str:
    return reverse(name, args=args, urlconf=urlconf)


@register.simple_tag
def route(name: str, *args: object) -> str:
    """{% url %} for the fixed links of every page, reversed once per process.

    The layout's navigation reverses a dozen names per request, and `reverse` was the biggest
    single cost of a page after the database (the bench showed it). The result is keyed by
    the script prefix and urlconf, so it stays right wherever the app is mounted.
    """
    return _route(name, tuple(str(arg) for arg in args), get_script_prefix(), get_urlconf())


@lru_cache(maxsize=256)
def _asset(path: str, static_url: str) -> str:
    return static(path)


@register.simple_tag
def asset(path: str) -> str:
    """{% static %} for the layout's own files, looked up in the manifest once per process."""
    return _asset(path, settings.STATIC_URL)
