import datetime as dt
import re
from decimal import Decimal
from zoneinfo import ZoneInfo

from django.urls import reverse
from playwright.sync_api import Locator, Page, expect

from apps.checkins.models import CheckIn, Drive, Need, SafetySignal, SleepQuality
from tests.e2e.conftest import assert_accessible, long_day, sign_in, url_of

BERLIN = "Europe/Berlin"
NOTE = "Slow morning, long walk at lunch."


def berlin_today() -> dt.date:
    # alice lives in Berlin; the app dates her check-ins by her own zone.
    return dt.datetime.now(ZoneInfo(BERLIN)).date()


def short_day(day: dt.date) -> str:
    """Django's "D j M", e.g. "Sat 16 May"."""
    return f"{day:%a} {day.day} {day:%b}"


def precedes(first: Locator, second: Locator) -> bool:
    """`first` comes before `second` in document order."""
    return first.evaluate(
        "(a, b) => Boolean(a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING)",
        second.element_handle(),
    )


def fill_checkin(page: Page) -> None:
    """The full check-in. Its choices hide their inputs visually: click the words, as people do.
    Two feelings at once: drained, and relieved."""
    feelings = page.get_by_role("group", name="How are you feeling? Up to three words")
    grid = feelings.locator(".mood-grid")  # the words, not their meanings in the disclosure
    grid.get_by_text("drained", exact=True).click()
    grid.get_by_text("relieved", exact=True).click()
    expect(feelings.get_by_role("checkbox", name=re.compile(r"^drained\b"))).to_be_checked()
    expect(feelings.get_by_role("checkbox", name=re.compile(r"^relieved\b"))).to_be_checked()

    energy = page.get_by_role("group", name="Energy from 1 (empty) to 10 (full)")
    energy.get_by_text("3", exact=True).click()
    expect(energy.get_by_role("radio", name="3", exact=True)).to_be_checked()

    need = page.get_by_role("group", name="What do you need most today?")
    need.get_by_text("Rest", exact=True).click()
    expect(need.get_by_role("radio", name="Rest", exact=True)).to_be_checked()

    drive = page.get_by_role("group", name="Where is today's push coming from?")
    drive.get_by_text("More pressure", exact=True).click()
    page.get_by_label("Hours of sleep last night").fill("6.5")

    quality = page.get_by_role("group", name="How well did you sleep?")
    quality.get_by_text("Poor", exact=True).click()
    expect(quality.get_by_role("radio", name="Poor", exact=True)).to_be_checked()

    page.get_by_label("A short note").fill(NOTE)


def expect_summary(page: Page) -> None:
    """Today's card, once checked in: thanks, the check-in in short, exercises for the need."""
    card = page.locator("#checkin-card")
    expect(card.get_by_role("status")).to_contain_text("Thank you for checking in today.")
    expect(card).to_contain_text(
        "Energy 3 of 10, drained, relieved. You need rest; today's push: more pressure than "
        "interest."
    )
    expect(card.get_by_role("heading", name="For today's need, you could try")).to_be_visible()
    expect(card.get_by_role("button", name="Save check-in")).to_have_count(0)


def assert_saved_checkin(alice) -> None:
    checkin = CheckIn.objects.for_user(alice).get()
    assert checkin.checked_in_on == berlin_today()
    assert (checkin.feelings, checkin.energy, checkin.need, checkin.drive) == (
        ["drained", "relieved"],
        3,
        Need.REST,
        Drive.MORE_PRESSURE,
    )
    assert (checkin.sleep_hours, checkin.sleep_quality) == (Decimal("6.5"), SleepQuality.POOR)
    assert checkin.note == NOTE
    assert not checkin.is_quick
    assert not checkin.is_backfilled


def test_alice_checks_in_asks_for_help_and_looks_back(new_page, alice):
    page = new_page(timezone_id=BERLIN)
    today = berlin_today()

    # 1. Sign in through the real form and land on Today.
    sign_in(page, alice.email)
    expect(page.get_by_role("heading", level=1)).to_have_text(long_day(today))
    expect(page.get_by_text("Hello, Alice.")).to_be_visible()
    strip = page.locator("#week-strip")
    expect(strip.get_by_role("link", name=f"{long_day(today)}: no check-in")).to_be_visible()
    assert_accessible(page)

    # 2. The full check-in on today's own page, then back on Today with it in short.
    page.get_by_role("link", name="The full check-in: feelings, drive, sleep and a note").click()
    expect(page).to_have_url(url_of("checkins:day", today.isoformat()))
    expect(page.get_by_role("heading", level=1)).to_have_text("Today's check-in")
    assert_accessible(page)
    fill_checkin(page)
    page.get_by_role("button", name="Save check-in").click()

    expect(page).to_have_url(url_of("checkins:today"))
    expect_summary(page)
    expect(strip.get_by_role("link", name=f"{long_day(today)}: energy 3 of 10")).to_be_visible()
    assert_saved_checkin(alice)
    assert_accessible(page)

    # 2b. Its own page shows all of it, the note included, and offers to change it.
    page.get_by_role("link", name="Edit today's check-in").click()
    expect(page).to_have_url(url_of("checkins:day", today.isoformat()))
    summary = page.locator("dl.summary")
    for term, value in [
        ("Feelings", "drained, relieved"),
        ("Energy", "3 of 10"),
        ("Need", "Rest"),
        ("Drive", "More pressure than interest"),
        ("Sleep", "6.5 hours, poor"),
        ("Note", NOTE),
    ]:
        row = summary.locator("> div").filter(
            has=page.get_by_role("term").filter(has_text=re.compile(rf"^{term}$"))
        )
        expect(row.get_by_role("definition")).to_contain_text(value)
    expect(page.get_by_role("checkbox", name=re.compile(r"^drained\b"))).to_be_checked()
    assert_accessible(page)
    page.get_by_role("link", name="← Back to Today").click()

    # 3. "I'm not safe right now" goes straight to help, the emergency number first.
    page.get_by_role("button", name="I'm not safe right now").click()
    expect(page).to_have_url(url_of("checkins:safety"))
    main = page.get_by_role("main")
    expect(main.get_by_role("heading", level=1)).to_have_text("You're not alone. Help is here now.")
    first_card = main.locator("h1 ~ section").first
    expect(first_card).to_contain_text("Call 112")  # Alice lives in Germany
    emergency = first_card.get_by_role("link", name="112", exact=True)
    expect(emergency).to_have_attribute("href", "tel:112")
    german_line = main.get_by_role("heading", name="TelefonSeelsorge")
    onward = main.get_by_role("link", name="Continue to today's check-in")
    expect(german_line).to_be_visible()
    expect(onward).to_be_visible()
    assert precedes(main.get_by_role("heading", level=1), emergency)
    assert precedes(emergency, german_line)
    assert precedes(german_line, onward)
    assert_accessible(page)
    assert SafetySignal.objects.for_user(alice).count() == 1

    nav = page.get_by_role("navigation", name="Main")

    # 4a. Insights: the energy chart, and the same days as a table.
    nav.get_by_role("link", name="Insights").click()
    expect(page).to_have_url(url_of("checkins:insights"))
    expect(nav.get_by_role("link", name="Insights")).to_have_attribute("aria-current", "page")
    energy_chart = page.get_by_role("group", name=re.compile(r"^Energy from 1 to 10"))
    expect(energy_chart).to_be_visible()
    expect(energy_chart.get_by_role("link").first).to_have_attribute(
        "href", re.compile(r"/checkins/\d{4}-\d\d-\d\d/$")
    )
    table = page.get_by_role("table", name="Energy, drive, need and sleep per day")
    expect(table).to_be_hidden()
    page.locator("summary", has_text="Show these days as a table").click()
    expect(table).to_be_visible()
    row = table.get_by_role("row").filter(
        has=page.get_by_role("rowheader", name=short_day(today), exact=True)
    )
    expect(row.get_by_role("cell")).to_have_text(
        ["3", "More pressure than interest", "Rest", "6.5 h"]
    )
    assert_accessible(page)

    # 4b. History: today's cell names its energy.
    nav.get_by_role("link", name="History").click()
    expect(page).to_have_url(url_of("checkins:history"))
    expect(page.get_by_role("heading", level=1)).to_have_text(f"{today:%B %Y}")
    day = page.get_by_role("table").get_by_role(
        "link", name=f"{long_day(today)}: energy 3 of 10, feeling drained, relieved", exact=True
    )
    expect(day).to_have_attribute("href", reverse("checkins:today"))
    assert_accessible(page)


def test_a_quick_check_in_is_two_taps_and_saved_in_place(new_page, alice):
    page = new_page(timezone_id=BERLIN)
    sign_in(page, alice.email)
    page.evaluate("window.__noReload = true")

    card = page.locator("#checkin-card")
    card.get_by_role("group", name="How is your energy? 1 is empty, 10 is full").get_by_text(
        "2", exact=True
    ).click()
    card.get_by_role("button", name="I need rest").click()

    expect(card.get_by_role("status")).to_have_text(
        "Saved. Quick check-in: energy 2, need: rest. "
        "Add the rest whenever you like, or not at all."
    )
    expect(
        page.locator("#week-strip").get_by_role(
            "link", name=f"{long_day(berlin_today())}: energy 2 of 10"
        )
    ).to_be_visible()
    assert page.evaluate("window.__noReload") is True, "the tap reloaded the page"
    saved = CheckIn.objects.for_user(alice).get()
    assert (saved.energy, saved.need, saved.is_quick) == (2, Need.REST, True)
    assert_accessible(page)


def test_checking_in_works_with_javascript_turned_off(new_page, alice):
    page = new_page(java_script_enabled=False, timezone_id=BERLIN)

    sign_in(page, alice.email)
    page.get_by_role("link", name="The full check-in: feelings, drive, sleep and a note").click()
    fill_checkin(page)
    page.get_by_role("button", name="Save check-in").click()

    # A plain POST, then the redirect back to Today with the check-in in short.
    expect(page).to_have_url(url_of("checkins:today"))
    expect_summary(page)
    expect(
        page.locator("#week-strip").get_by_role(
            "link", name=f"{long_day(berlin_today())}: energy 3 of 10"
        )
    ).to_be_visible()
    assert_saved_checkin(alice)
