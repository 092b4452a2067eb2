"""Browser journeys through an exercise: finding it, breathing along with the pacer (which keeps
still under reduced motion) and logging it."""

import re

from django.urls import reverse
from playwright.sync_api import expect

from apps.resources.models import Exercise, ExerciseLog
from tests.e2e.conftest import assert_accessible, sign_in, url_of

PAUSED = "Paused. Press start to breathe along again."


def test_alice_finds_box_breathing_in_the_library_and_breathes_along(page, alice):
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


def test_alice_logs_an_exercise_and_her_insights_count_it(page, alice):
    sign_in(page, alice.email)
    page.goto(reverse("resources:exercise", args=["box-breathing"]))
    main = page.get_by_role("main")

    # 1. Log it: energy before and after.
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

    # 2. Insights count it.
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Insights").click()
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


def test_without_javascript_the_pacer_is_its_rhythm_in_words_with_no_dead_buttons(new_page):
    page = new_page(java_script_enabled=False)
    page.goto(reverse("resources:exercise", args=["box-breathing"]))
    pacer = page.locator("[data-pacer]")

    expect(pacer).to_contain_text("The rhythm: breathe in for 4 seconds")
    expect(pacer.get_by_role("button")).to_have_count(0)
    expect(pacer.get_by_text("press start")).to_be_hidden()
