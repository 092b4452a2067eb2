import re

from django.core import mail
from django.urls import reverse
from playwright.sync_api import Page, expect

from apps.accounts.models import User
from tests.e2e.conftest import assert_accessible

EMAIL = "dana@example.com"
PASSWORD = "slow mornings are fine"
# A dashed one-time code alone on its line, e.g. "ABC-DEF".
CODE_LINE = re.compile(r"^\s*([A-Z0-9]{3,}(?:-[A-Z0-9]+)+)\s*$", re.MULTILINE)


def url_of(*names: str) -> re.Pattern[str]:
    """The page's whole URL is (one of) the named routes on the live server, with no query."""
    paths = "|".join(re.escape(reverse(name)) for name in names)
    return re.compile(rf"^https?://[^/]+(?:{paths})$")


def expect_help_link(page: Page) -> None:
    footer = page.get_by_role("contentinfo")
    expect(footer.get_by_role("link", name="Need help now?")).to_have_attribute(
        "href", reverse("resources:crisis")
    )


def code_from_outbox(to: str) -> str:
    message = mail.outbox[-1]
    assert message.to == [to]
    match = CODE_LINE.search(message.body)
    assert match, f"no dashed code in the email:\n{message.body}"
    return match.group(1)


def sign_up(page: Page, *, display_name: str = "", country: str = "") -> None:
    page.get_by_label("Email").fill(EMAIL)
    if display_name:
        page.get_by_label("Display name").fill(display_name)
    if country:
        page.get_by_label("Country").select_option(country)
    page.get_by_label("Password:", exact=True).fill(PASSWORD)
    page.get_by_label("Password (again)").fill(PASSWORD)
    page.get_by_role("main").get_by_role("button", name="Create your account").click()


def enter_code(page: Page) -> None:
    page.get_by_label("Code").fill(code_from_outbox(EMAIL))
    page.get_by_role("button", name="Confirm").click()


def test_a_newcomer_signs_up_verifies_by_code_and_signs_back_in(new_page):
    # The browser is in Tokyo though its language is en-US: the zone comes from the browser.
    page = new_page(timezone_id="Asia/Tokyo", locale="en-US")

    page.goto("/")
    expect(page).to_have_url(url_of("accounts:landing"))
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    expect_help_link(page)
    assert_accessible(page)

    page.get_by_role("link", name="Create a free account").click()
    expect(page).to_have_url(url_of("account_signup"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Create your account")
    expect(page.get_by_label("Time zone")).to_have_value("Asia/Tokyo")
    expect(page.get_by_label("Country")).to_have_value("US")  # guessed from en-US, changeable
    expect_help_link(page)
    assert_accessible(page)

    sign_up(page, display_name="Dana", country="JP")
    expect(page).to_have_url(url_of("account_email_verification_sent"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Check your email for a code")
    expect_help_link(page)
    assert_accessible(page)

    enter_code(page)
    expect(page).to_have_url(url_of("checkins:today"))
    expect(page.get_by_text("Hello, Dana.")).to_be_visible()
    expect_help_link(page)
    assert_accessible(page)
    user = User.objects.get(email=EMAIL)
    assert (user.display_name, user.time_zone, user.country.code) == ("Dana", "Asia/Tokyo", "JP")

    page.get_by_role("banner").get_by_role("button", name="Sign out").click()
    expect(page).to_have_url(url_of("accounts:landing", "account_logout"))
    if url_of("account_logout").search(page.url):
        # allauth asks for confirmation when the header's POST did not sign out by itself.
        expect_help_link(page)
        page.get_by_role("main").get_by_role("button", name="Sign out").click()
    expect(page).to_have_url(url_of("accounts:landing"))
    expect(page.get_by_role("link", name="Create a free account")).to_be_visible()
    expect_help_link(page)

    page.get_by_role("banner").get_by_role("link", name="Sign in").click()
    expect(page).to_have_url(url_of("account_login"))
    expect_help_link(page)
    assert_accessible(page)
    page.get_by_label("Email").fill(EMAIL)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("main").get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(url_of("checkins:today"))
    expect(page.get_by_text("Hello, Dana.")).to_be_visible()
    expect_help_link(page)


def test_signing_up_works_with_javascript_turned_off(new_page):
    page = new_page(java_script_enabled=False, locale="de-DE")

    page.goto(reverse("account_signup"))
    # No script reads the browser's zone: the language's country (Germany) has one zone.
    expect(page.get_by_label("Time zone")).to_have_value("Europe/Berlin")
    expect(page.get_by_label("Country")).to_have_value("DE")
    common = page.locator('optgroup[label="Common time zones"]')
    expect(common.locator("option").first).to_have_text("UTC")
    expect(page.locator('optgroup[label="Europe"] option[value="Europe/Vienna"]')).to_have_count(1)
    sign_up(page)
    expect(page).to_have_url(url_of("account_email_verification_sent"))

    enter_code(page)
    expect(page).to_have_url(url_of("checkins:today"))
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    expect_help_link(page)
    assert User.objects.get(email=EMAIL).time_zone == "Europe/Berlin"
