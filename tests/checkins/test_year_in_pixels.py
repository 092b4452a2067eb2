"""History's year in pixels: a square per day, coloured by energy or mood, each a link."""

import datetime as dt

import pytest
from django.urls import reverse

from apps.checkins.pixels import STEP, TOP, year_in_pixels
from tests.checkins.conftest import checkin, local_today

pytestmark = pytest.mark.django_db
URL = reverse("checkins:history")
TODAY = dt.date(2026, 3, 4)  # a Wednesday


def test_a_square_for_every_day_so_far_in_its_weekday_row_and_week_column():
    days = {dt.date(2026, 1, 1): (2, "drained"), dt.date(2026, 3, 4): (8, "hopeful")}

    year = year_in_pixels(2026, days, TODAY, "energy")
    squares = year["squares"]

    assert len(squares) == 31 + 28 + 4
    first, last = squares[0], squares[-1]
    assert (first["y"], first["kind"]) == (TOP + 3 * STEP, "energy-low")  # 1 Jan, a Thursday
    assert last["kind"] == "energy-high"
    assert (last["x"] - first["x"]) // STEP == 9  # 1 January's week to 4 March's
    assert (squares[5]["y"] - first["y"]) // STEP == -2  # 6 January: Tuesday, two rows up
    assert squares[1]["kind"] == "none"
    assert last["href"] == reverse("checkins:day", args=["2026-03-04"])
    assert last["label"] == "Wednesday 4 March 2026: energy 8 of 10"
    assert year["checked_in"] == 2
    assert [m["name"] for m in year["months"]] == ["Jan", "Feb", "Mar"]


def test_by_mood_each_square_takes_its_feelings_quadrant():
    days = {
        dt.date(2026, 1, 1): (2, "drained"),
        dt.date(2026, 1, 2): (8, "hopeful"),
        dt.date(2026, 1, 3): (5, "my own word"),
    }

    squares = year_in_pixels(2026, days, TODAY, "mood")["squares"]

    assert [s["kind"] for s in squares[:3]] == [
        "mood-low-unpleasant",
        "mood-high-pleasant",
        "mood-own",
    ]
    assert squares[0]["label"].endswith("energy 2 of 10, drained, lower energy, unpleasant")


def test_the_table_gives_the_same_year_in_numbers():
    table = year_in_pixels(2026, {dt.date(2026, 2, 3): (6, "calm")}, TODAY, "energy")["table"]

    assert [row["name"] for row in table] == ["January", "February", "March"]
    assert table[1]["cells"][2] == "6"
    assert table[1]["cells"][28:] == ["", "", ""]  # no 29, 30 or 31 February


def test_the_history_page_shows_the_year_with_links_and_a_colour_toggle(alice_client, alice):
    today = local_today(alice)
    checkin(alice, energy=7, feeling="hopeful")

    html = alice_client.get(URL, {"colour": "mood"}).text

    assert f"{today.year} in pixels" in html
    assert f'href="{reverse("checkins:day", args=[today.isoformat()])}"' in html
    assert "px--mood-high-pleasant" in html
    assert 'aria-current="true">Colour by mood' in html
    assert f"{today.year} as a table" in html


def test_an_unknown_year_or_colour_falls_back_to_this_year_by_energy(alice_client, alice):
    html = alice_client.get(URL, {"year": "1999", "colour": "red"}).text

    assert f"{local_today(alice).year} in pixels" in html
    assert 'aria-current="true">Colour by energy' in html
