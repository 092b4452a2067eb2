"""What a browser's Accept-Language header says about where its user may be."""

import re

from django_countries import countries

# A language range and its weight: "en-US", "zh-Hant-TW;q=0.8", "*;q=0.1".
RANGE = re.compile(r"^\s*([A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8})*|\*)\s*(?:;\s*q\s*=\s*([0-9.]+))?\s*$")


def preferred_language(header: str) -> str:
    """The language range the browser prefers most (the first of the highest weight), or ""."""
    best, best_q = "", 0.0
    for part in header.split(",")[:32]:  # a real header has a handful; never parse a flood
        match = RANGE.match(part)
        if not match:
            continue
        try:
            q = float(match[2]) if match[2] is not None else 1.0
        except ValueError:
            continue
        if q > best_q:
            best, best_q = match[1], q
    return best


def country_from_accept_language(header: str) -> str:
    """The country of the browser's preferred language ("en-US" -> "US", "de-AT" -> "AT"), or ""
    where it names none ("de", "es-419", "*"): a bare language says nothing about a country."""
    subtags = preferred_language(header).split("-")[1:]
    region = next((tag.upper() for tag in subtags if len(tag) == 2 and tag.isalpha()), "")
    return region if region in countries else ""
