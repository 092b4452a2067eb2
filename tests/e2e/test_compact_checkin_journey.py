"""The full check-in is compact: it fits in 1,800 px at 1280 px wide and in three screens on a
phone, and a whole check-in takes ten clicks from top to bottom, never scrolling back up."""

import datetime as dt

import pytest
from django.urls import reverse
from playwright.sync_api import Locator, Page, expect

from apps.checkins.models import CheckIn, Tag
from tests.conftest import make_user
from tests.e2e.conftest import assert_accessible, sign_in, url_of

DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}


def page_top(target: Locator) -> float:
    """Where an element starts, in page coordinates (its distance from the top of the page)."""
    return target.evaluate("e => e.getBoundingClientRect().top + window.scrollY")


def the_ten_clicks(form: Locator) -> list[Locator]:
    """A full check-in as a person makes it, top to bottom: three feelings, energy, need, drive,
    sleep, two tags, and Save. Each is the visible word or button a person clicks."""
    grid = form.locator(".mood-grid")
    return [
        grid.get_by_text("hopeful", exact=True),
        grid.get_by_text("drained", exact=True),
        grid.get_by_text("relieved", exact=True),
        form.get_by_role("group", name="Energy").get_by_text("4", exact=True),
        form.get_by_role("group", name="What do you need most today?").get_by_text("Rest"),
        form.get_by_role("group", name="Where is today's push coming from?").get_by_text(
            "More pressure", exact=True
        ),
        form.get_by_role("group", name="How well did you sleep?").get_by_text("Okay"),
        form.get_by_role("group", name="What you did").get_by_text("work", exact=True),
        form.get_by_role("group", name="Where you were").get_by_text("outdoors", exact=True),
        form.get_by_role("button", name="Save check-in"),
    ]


@pytest.mark.parametrize(
    ("viewport", "most_px"),
    [(DESKTOP, 1800), (PHONE, 3 * PHONE["height"])],
    ids=["1280x800", "390x844"],
)
def test_a_full_check_in_takes_ten_clicks_top_to_bottom_on_a_short_page(
    new_page, viewport, most_px
):
    nour = make_user("nour@example.com", display_name="Nour", time_zone="UTC")
    Tag.objects.create_defaults(nour)
    page: Page = new_page(viewport=viewport)
    sign_in(page, nour.email)
    today = dt.datetime.now(dt.UTC).date()
    page.goto(reverse("checkins:day", args=[today.isoformat()]))
    expect(page.get_by_role("heading", level=1)).to_have_text("Today's check-in")

    height = page.evaluate("document.documentElement.scrollHeight")
    assert height <= most_px, f"the check-in page is {height} px tall at {viewport}"
    assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
    assert_accessible(page)
    page.emulate_media(color_scheme="dark")  # the coloured quadrants keep their contrast
    assert_accessible(page)

    clicks = the_ten_clicks(page.locator("form.checkin-form"))
    tops = [page_top(target) for target in clicks]
    assert tops == sorted(tops), f"a click lies above the one before it: {tops}"
    for target in clicks:
        target.click()  # Playwright scrolls down to it when it is below the screen
    assert len(clicks) == 10

    expect(page).to_have_url(url_of("checkins:today"))
    saved = CheckIn.objects.get(user=nour)
    assert (saved.feelings, saved.energy, saved.need, saved.drive, saved.sleep_quality) == (
        ["hopeful", "drained", "relieved"],
        4,
        "rest",
        4,
        3,
    )
    assert sorted(saved.tags.values_list("name", flat=True)) == ["outdoors", "work"]


@pytest.mark.parametrize("width", [600, 768, 1024])
def test_in_between_widths_the_check_in_never_scrolls_sideways(new_page, width):
    sam = make_user("sam@example.com", time_zone="UTC")
    Tag.objects.create_defaults(sam)
    page: Page = new_page(viewport={"width": width, "height": 900})
    sign_in(page, sam.email)
    page.goto(reverse("checkins:day", args=[dt.datetime.now(dt.UTC).date().isoformat()]))

    assert page.evaluate("document.documentElement.scrollWidth") <= width


def test_a_words_meaning_shows_on_focus_and_takes_no_room_otherwise(new_page):
    make_user("ana@example.com", time_zone="UTC")
    page: Page = new_page(viewport=PHONE)
    sign_in(page, "ana@example.com")
    page.goto(reverse("checkins:day", args=[dt.datetime.now(dt.UTC).date().isoformat()]))
    hint = page.locator(".mood-grid .chip").filter(has_text="drained").locator(".hint")
    expect(hint).to_have_text("Used up, as if the battery ran out.")
    assert hint.bounding_box()["width"] <= 1

    page.get_by_role("checkbox", name="drained Used up, as if the battery ran out.").focus()

    assert hint.bounding_box()["width"] > 100
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
