"""reverse(), remembered: for the fixed links that every page and every day's link repeat."""

from functools import lru_cache

from django.urls import get_script_prefix, get_urlconf, reverse


@lru_cache(maxsize=512)
def _reverse(name: str, args: tuple[str, ...], prefix: str, urlconf: str | None) -> str:
    return reverse(name, args=args, urlconf=urlconf)


def reverse_once(name: str, *args: object) -> str:
    """reverse(name, args=args), worked out once per process for each name and arguments.

    Django's reverse walks the URL patterns every time: some 175,000 CPU instructions a link
    (valgrind), against 30,000 here, and Today has some twenty links, the layout's included.
    The result is keyed by the script prefix and urlconf, so it stays right wherever the app is
    mounted. For names with a handful of arguments (a slug, a date); never for a user's ids,
    which would fill the cache with one entry each.
    """
    return _reverse(name, tuple(map(str, args)), get_script_prefix(), get_urlconf())
