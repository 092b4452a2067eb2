from functools import lru_cache

from django import template
from django.utils.html import escape
from django.utils.safestring import SafeString

from apps.lib.urls import reverse_once

register = template.Library()


@lru_cache(maxsize=512)
def _escaped(url: str) -> SafeString:
    return escape(url)


@register.simple_tag
def route(name: str, *args: object) -> SafeString:
    """{% url %} for the fixed links of every page (apps.lib.urls.reverse_once), escaped once.

    With {% url %} Today ran 16.2 million instructions instead of 13.5 (valgrind), and
    today_rps_ratio fell from 0.47 to 0.41 in the same bench run.
    """
    return _escaped(reverse_once(name, *args))
