"""Year in pixels: a square per day of one year, coloured by that day's energy or mood quadrant.

Prepared here as plain dicts (position, link, colour class, words), so the template only prints
them; a table gives the same year in numbers.
"""

import calendar
import datetime as dt
from collections.abc import Mapping

from apps.checkins.feelings import QUADRANTS
from apps.checkins.models import day_path_prefix, energy_band
from apps.lib.dates import long_day

SQUARE, GAP, TOP, LEFT = 11, 2, 16, 28  # pixels; TOP and LEFT leave room for the labels
STEP = SQUARE + GAP
COLOURS = ("energy", "mood")
QUADRANT_OF = {word: q for q in QUADRANTS for word in (f.word for f in q.feelings)}


def year_in_pixels(
    year: int, days: Mapping[dt.date, tuple[int, str]], today: dt.date, colour: str
) -> dict[str, object]:
    """days: each checked-in day's (energy, feeling). Days after today are left out."""
    first = dt.date(year, 1, 1)
    prefix = day_path_prefix()

    def x_of(day: dt.date) -> int:
        """The left edge of the day's week column (weeks start on Monday)."""
        return LEFT + ((day - first).days + first.weekday()) // 7 * STEP

    squares = []
    for offset in range(366 if calendar.isleap(year) else 365):
        day = first + dt.timedelta(days=offset)
        if day > today:
            break
        energy, feeling = days.get(day, (None, ""))
        quadrant = QUADRANT_OF.get(feeling)
        if energy is None:
            kind, said = "none", "no check-in"
        elif colour == "mood":
            kind = f"mood-{quadrant.key}" if quadrant else "mood-own"
            said = (
                f"{feeling}, {quadrant.title.lower()}" if quadrant else "a feeling in your own word"
            )
            said = f"energy {energy} of 10, {said}" if feeling else f"energy {energy} of 10"
        else:
            kind, said = f"energy-{energy_band(energy)}", f"energy {energy} of 10"
        squares.append(
            {
                "x": x_of(day),
                "y": TOP + day.weekday() * STEP,
                "href": f"{prefix}{day.isoformat()}/",
                "kind": kind,
                "label": f"{long_day(day)} {year}: {said}",
            }
        )
    months = [
        {"x": x_of(dt.date(year, m, 1)), "name": calendar.month_abbr[m]}
        for m in range(1, 13)
        if dt.date(year, m, 1) <= today
    ]
    return {
        "year": year,
        "squares": squares,
        "months": months,
        "weekdays": [
            {"y": TOP + i * STEP + SQUARE - 2, "name": n}
            for i, n in ((0, "Mon"), (2, "Wed"), (4, "Fri"))
        ],
        "size": SQUARE,
        "width": (squares[-1]["x"] if squares else LEFT) + STEP,  # the last day's column
        "height": TOP + 7 * STEP,
        "checked_in": sum(1 for day in days if day.year == year and day <= today),
        "table": year_table(year, days, today),
        "day_numbers": range(1, 32),
    }


def year_table(
    year: int, days: Mapping[dt.date, tuple[int, str]], today: dt.date
) -> list[dict[str, object]]:
    """The same year as numbers: a row per month, each day's energy or "" (none, or not yet)."""
    rows = []
    for month in range(1, 13):
        if dt.date(year, month, 1) > today:
            break
        length = calendar.monthrange(year, month)[1]
        cells = []
        for n in range(1, 32):
            day = dt.date(year, month, n) if n <= length else None
            energy = days.get(day, (None, ""))[0] if day and day <= today else None
            cells.append("" if energy is None else str(energy))
        rows.append({"name": calendar.month_name[month], "cells": cells})
    return rows
