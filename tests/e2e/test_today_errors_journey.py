"""Today's quick check-in answered with an error, through htmx: the error shows beside its
field, and the browser reports nothing the Content-Security-Policy refused."""

from playwright.sync_api import expect

from tests.conftest import make_user
from tests.e2e.conftest import assert_accessible, sign_in


def test_a_quick_check_in_without_energy_says_so_and_breaks_no_policy(new_page):
    make_user("nadia@example.com", display_name="Nadia", time_zone="Europe/London")
    page = new_page()
    sign_in(page, "nadia@example.com")
    card = page.locator("#checkin-card")

    card.get_by_role("button", name="I need rest").click()

    expect(card.get_by_text("Choose your energy")).to_be_visible()
    card.get_by_text("6", exact=True).click()
    card.get_by_role("button", name="I need rest").click()
    expect(card.get_by_text("Quick check-in: energy 6, need: rest")).to_be_visible()
    assert_accessible(page)
