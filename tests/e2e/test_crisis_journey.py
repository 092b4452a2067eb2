"""Browser journeys to the crisis page: a visitor finds the lines for their country, with and
without JavaScript."""

from django.urls import reverse
from playwright.sync_api import Page, expect

from tests.e2e.conftest import assert_accessible, url_of

EMERGENCY = "Call your local emergency number"


def choose_uk_crisis_lines(page: Page) -> None:
    """From the crisis page as a signed-out visitor: the emergency card, then the UK's lines."""
    page.goto(reverse("resources:crisis"))
    main = page.get_by_role("main")
    expect(main.get_by_role("heading", level=1)).to_have_text("Need help now?")
    expect(main.get_by_text(EMERGENCY)).to_be_visible()
    expect(main.get_by_role("heading", name="Samaritans")).to_have_count(0)

    main.get_by_label("Choose your country to see its crisis lines").select_option(
        label="United Kingdom"
    )
    main.get_by_role("button", name="Show crisis lines").click()

    expect(page).to_have_url(url_of("resources:crisis", query="country=GB"))
    expect(main.get_by_text(EMERGENCY)).to_be_visible()
    samaritans = main.locator("section").filter(
        has=page.get_by_role("heading", name="Samaritans", exact=True)
    )
    expect(samaritans.get_by_role("link", name="116 123")).to_have_attribute("href", "tel:116123")
    expect(main.get_by_label("Show crisis lines for another country")).to_have_value("GB")


def test_a_visitor_finds_a_crisis_line(page):
    choose_uk_crisis_lines(page)
    assert_accessible(page)


def test_the_crisis_page_works_with_javascript_turned_off(new_page):
    choose_uk_crisis_lines(new_page(java_script_enabled=False))
