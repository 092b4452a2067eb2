"""A year at a glance on History: coloured squares, a toggle to mood, a click through to a day."""

import datetime as dt

from django.urls import reverse
from playwright.sync_api import expect

from apps.checkins.models import CheckIn
from tests.conftest import make_user
from tests.e2e.conftest import assert_accessible, sign_in, url_of


def test_priya_sees_her_year_switches_to_mood_and_opens_a_day(new_page):
    priya = make_user("priya@example.com", display_name="Priya", time_zone="UTC")
    today = dt.datetime.now(dt.UTC).date()
    day = today - dt.timedelta(days=3)
    CheckIn.objects.create(
        user=priya, checked_in_on=day, energy=8, need="connection", drive=2, feeling="hopeful"
    )
    page = new_page()
    sign_in(page, priya.email)

    page.goto(reverse("checkins:history"))
    year = page.locator("#year")
    expect(year.get_by_role("heading", name=f"{today.year} in pixels")).to_be_visible()
    square = year.get_by_role("link", name=f"{day:%A} {day.day} {day:%B} {day.year}: energy 8")
    expect(square.locator("rect")).to_have_class("px px--energy-high")
    assert_accessible(page)

    year.get_by_role("link", name="Colour by mood").click()
    expect(square.locator("rect")).to_have_class("px px--mood-high-pleasant")
    year.get_by_text(f"{today.year} as a table").click()
    expect(year.get_by_role("table")).to_contain_text("8")
    assert_accessible(page)

    square.click()
    expect(page).to_have_url(url_of("checkins:day", day.isoformat()))
