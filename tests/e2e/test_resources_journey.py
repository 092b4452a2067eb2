import re
from collections.abc import Callable

from django.conf import settings
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse
from playwright.sync_api import ConsoleMessage, Page, expect

from apps.resources.models import CrisisLine, Exercise, ExerciseLog
from tests.conftest import make_user
from tests.e2e.conftest import assert_accessible, sign_in, url_of
from tests.resources.conftest import sign_in_with_mfa

EMERGENCY = "Call your local emergency number"
PAUSED = "Paused. Press start to breathe along again."


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


def test_alice_breathes_along_and_logs_it(page, alice):
    sign_in(page, alice.email)
    nav = page.get_by_role("navigation", name="Main")

    # 1. The library, filtered to what helps with rest.
    nav.get_by_role("link", name="Exercises").click()
    expect(page).to_have_url(url_of("resources:library"))
    expect(nav.get_by_role("link", name="Exercises")).to_have_attribute("aria-current", "page")
    main = page.get_by_role("main")
    main.get_by_label("Need").select_option(label="Rest")
    main.get_by_role("button", name="Show exercises").click()
    expect(page).to_have_url(re.compile(r"[?&]need=rest(&|$)"))
    exercises = main.locator("section").filter(
        has=page.get_by_role("heading", name="Exercises", exact=True)
    )
    titles = exercises.get_by_role("heading", level=3)
    expect(titles.first).to_be_visible()
    assert set(titles.all_inner_texts()) == set(
        Exercise.objects.published().filter(need="rest").values_list("title", flat=True)
    )
    assert_accessible(page)

    # 2. Box breathing, with the pacer.
    exercises.get_by_role("link", name="Box breathing", exact=True).click()
    expect(page).to_have_url(url_of("resources:exercise", "box-breathing"))
    expect(main.get_by_role("heading", level=1)).to_have_text("Box breathing")
    assert_accessible(page)

    pacer = main.locator("section").filter(has=page.get_by_role("heading", name="Breathe along"))
    cue = pacer.locator("[data-pacer-cue]")
    shape = pacer.locator("[data-pacer-shape]")
    start = pacer.get_by_role("button", name="Start")
    stop = pacer.get_by_role("button", name="Stop")
    expect(cue).to_have_text("When you are ready, press start.")
    expect(stop).to_be_disabled()

    start.click()
    expect(cue).to_have_text("Breathe in", timeout=3000)
    expect(shape).to_have_attribute("data-phase", "in", timeout=3000)
    expect(start).to_be_disabled()
    # Four seconds in, then the hold.
    expect(cue).to_have_text("Hold", timeout=6000)
    expect(shape).to_have_attribute("data-phase", "hold-in")

    stop.click()
    expect(cue).to_have_text(PAUSED)
    expect(shape).not_to_have_attribute("data-phase", re.compile(".*"))
    expect(start).to_be_enabled()
    assert_accessible(page)

    # 3. Log it: energy before and after.
    log = main.locator("section").filter(has=page.get_by_role("heading", name="Did it?"))
    log.get_by_label("Energy before").select_option("3")
    log.get_by_label("Energy after").select_option("5")
    log.get_by_role("button", name="Log it").click()
    expect(page).to_have_url(url_of("resources:exercise", "box-breathing"))
    expect(main.get_by_role("status")).to_have_text(
        "Logged “Box breathing”. Thank you for taking the time."
    )
    assert_accessible(page)
    entry = ExerciseLog.objects.for_user(alice).get()
    assert (entry.exercise.slug, entry.energy_before, entry.energy_after) == ("box-breathing", 3, 5)

    # 4. Insights count it.
    nav.get_by_role("link", name="Insights").click()
    expect(page).to_have_url(url_of("checkins:insights"))
    done = main.locator("section").filter(has=page.get_by_role("heading", name="Exercises you did"))
    expect(done).to_contain_text("1 exercise in the last 30 days")
    expect(done.get_by_role("row").filter(has_text="Box breathing")).to_have_count(1)


def test_the_pacer_shape_keeps_still_under_reduced_motion(new_page):
    page = new_page(reduced_motion="reduce")
    page.goto(reverse("resources:exercise", args=["box-breathing"]))
    pacer = page.locator("[data-pacer]")
    shape = pacer.locator("[data-pacer-shape]")

    def transform() -> str:
        return shape.evaluate("el => getComputedStyle(el).transform")

    at_rest = transform()
    assert at_rest == "matrix(0.7, 0, 0, 0.7, 0, 0)"
    pacer.get_by_role("button", name="Start").click()
    expect(shape).to_have_attribute("data-phase", "in", timeout=3000)
    assert transform() == at_rest
    expect(shape).to_have_attribute("data-phase", "hold-in", timeout=6000)
    assert transform() == at_rest
    expect(pacer.locator("[data-pacer-cue]")).to_have_text("Hold")


def csp_reports(page: Page) -> list[str]:
    """Collects the Content-Security-Policy refusals the page logs to the console."""
    refusals: list[str] = []

    def on_console(message: ConsoleMessage) -> None:
        if "Content Security Policy" in message.text:
            refusals.append(message.text)

    page.on("console", on_console)
    return refusals


def test_an_editor_adds_a_crisis_line_in_the_admin(new_page: Callable[..., Page], live_server):
    editor = make_user("editor@example.com", is_staff=True)
    editor.groups.add(Group.objects.get(name="Content editors"))
    # A session as after password and authenticator code (the admin asks for both).
    client = Client()
    sign_in_with_mfa(client, editor)

    admin = new_page()
    admin.context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]
    )
    refusals = csp_reports(admin)
    admin.goto(reverse("admin:resources_crisisline_add"))
    expect(admin).to_have_url(url_of("admin:resources_crisisline_add"))
    expect(admin.get_by_role("heading", level=1)).to_have_text("Add crisis line")

    # The admin's labels end in a colon ("Name:"), all but the checkbox's.
    admin.get_by_label("Country:", exact=True).select_option("GB")
    admin.get_by_label("Kind:", exact=True).select_option(label="Crisis line")
    # Typed key by key: the admin's prepopulate script fills the slug from the country and the
    # name on each keyup.
    admin.get_by_label("Name:", exact=True).press_sequentially("E2E Test Line")
    expect(admin.get_by_label("Slug:", exact=True)).to_have_value("gb-e2e-test-line")
    admin.get_by_label("Published", exact=True).check()
    admin.get_by_label("Phone:", exact=True).fill("116 123")
    admin.get_by_label("Verified against:", exact=True).fill("https://example.org/line")
    # The date widget's shortcuts come from the admin's scripts, which the CSP lets run.
    expect(admin.get_by_role("button", name="Choose a Date")).to_be_visible()
    admin.get_by_label("Last verified on:", exact=True).fill("2026-11-20")
    admin.get_by_role("button", name="Save", exact=True).click()

    expect(admin).to_have_url(url_of("admin:resources_crisisline_changelist"))
    expect(admin.get_by_text("was added successfully")).to_be_visible()
    line = CrisisLine.objects.get(slug="gb-e2e-test-line")
    assert (line.country.code, line.kind, line.is_published) == ("GB", "crisis", True)
    assert refusals == [], refusals

    visitor = new_page()
    visitor.goto(f"{reverse('resources:crisis')}?country=GB")
    main = visitor.get_by_role("main")
    card = main.locator("section").filter(
        has=visitor.get_by_role("heading", name="E2E Test Line", exact=True)
    )
    expect(card).to_be_visible()
    expect(card.get_by_role("link", name="116 123")).to_be_visible()
    expect(main.get_by_role("heading", name="Samaritans", exact=True)).to_be_visible()
    assert_accessible(visitor)
