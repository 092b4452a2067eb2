"""The main menu on a phone and on a desktop, with and without JavaScript."""

import pytest
from playwright.sync_api import expect

from tests.conftest import make_user
from tests.e2e.conftest import assert_accessible, sign_in, url_of


@pytest.mark.parametrize("java_script_enabled", [True, False])
def test_on_a_phone_the_menu_is_one_line_that_opens(new_page, java_script_enabled):
    make_user("omar@example.com", display_name="Omar", time_zone="Europe/Madrid")
    page = new_page(viewport={"width": 390, "height": 844}, java_script_enabled=java_script_enabled)
    sign_in(page, "omar@example.com")
    nav = page.get_by_role("navigation", name="Main")
    menu = nav.get_by_text("Menu", exact=True)

    expect(menu).to_be_visible()
    expect(nav.get_by_role("link", name="Journal")).to_be_hidden()
    header = page.locator(".site-header").bounding_box()
    assert header is not None
    assert header["height"] < 80  # the brand and "Menu" on one line

    menu.click()
    expect(nav.get_by_role("link", name="Journal")).to_be_visible()
    nav.get_by_role("link", name="Journal").click()
    expect(page).to_have_url(url_of("checkins:journal"))
    if java_script_enabled:
        assert_accessible(page)


def test_on_a_desktop_every_link_shows_without_opening_anything(new_page):
    make_user("omar@example.com", display_name="Omar", time_zone="Europe/Madrid")
    page = new_page(viewport={"width": 1280, "height": 800})
    sign_in(page, "omar@example.com")
    nav = page.get_by_role("navigation", name="Main")

    expect(nav.get_by_text("Menu", exact=True)).to_be_hidden()
    for name in ("Today", "Journal", "Insights", "History", "Plan", "Audit", "Account"):
        expect(nav.get_by_role("link", name=name, exact=True)).to_be_visible()
    header = page.locator(".site-header").bounding_box()
    assert header is not None
    assert header["height"] < 80
    assert_accessible(page)
