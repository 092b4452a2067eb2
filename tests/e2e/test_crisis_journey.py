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
    expect(main.get_by_text("Showing help for United Kingdom")).to_be_visible()
    expect(main.get_by_role("link", name="999", exact=True)).to_have_attribute("href", "tel:999")
    samaritans = main.locator("section").filter(
        has=page.get_by_role("heading", name="Samaritans", exact=True)
    )
    expect(samaritans.get_by_role("link", name="116 123")).to_have_attribute("href", "tel:116123")
    expect(main.get_by_label("Show crisis lines for another country")).to_have_value("GB")


def test_a_visitor_finds_a_crisis_line(new_page):
    page = new_page(locale="en")  # a bare language: no guess at the country
    choose_uk_crisis_lines(page)
    assert_accessible(page)


def test_the_crisis_page_works_with_javascript_turned_off(new_page):
    choose_uk_crisis_lines(new_page(locale="en", java_script_enabled=False))


def test_a_visitor_from_the_united_states_sees_988_at_once(new_page):
    page = new_page(locale="en-US")  # Accept-Language: en-US
    page.goto(reverse("resources:crisis"))
    main = page.get_by_role("main")

    expect(main.get_by_text("Showing help for United States")).to_be_visible()
    expect(main.get_by_role("link", name="911", exact=True)).to_have_attribute("href", "tel:911")
    lifeline = main.locator("section").filter(
        has=page.get_by_role("heading", name="988 Suicide & Crisis Lifeline")
    )
    expect(lifeline.get_by_role("link", name="988", exact=True)).to_have_attribute(
        "href", "tel:988"
    )
    assert_accessible(page)


def test_a_visitor_from_brazil_sees_brazils_own_emergency_numbers(new_page):
    page = new_page(locale="pt-BR")
    page.goto(reverse("resources:crisis"))
    main = page.get_by_role("main")

    expect(main.get_by_text("Showing help for Brazil")).to_be_visible()
    for number, service in (("192", "ambulance"), ("190", "police"), ("193", "fire")):
        expect(main.get_by_text(f"Call {number} for")).to_contain_text(service)
    expect(main.get_by_text(EMERGENCY)).to_have_count(0)
    # CVV (188) was found only in news reports: it waits for an editor, and the page says so.
    expect(main.get_by_text("We do not have a verified crisis line for Brazil yet")).to_be_visible()
    main.get_by_role("link", name="change the country").click()
    expect(main.get_by_label("Show crisis lines for another country")).to_have_value("BR")
    assert_accessible(page)
