"""Browser journeys through the plan: values, weekly actions and a boundary statement."""

import re

from django.urls import reverse
from playwright.sync_api import Locator, Page, expect

from apps.lib.dates import week_start
from apps.planning.models import BoundaryStatement, PersonalValue, WeeklyAction
from apps.resources.models import Value
from tests.e2e.conftest import sign_in, url_of
from tests.e2e.steps import (
    BERLIN,
    STATEMENT,
    assert_accessible,
    assert_no_reload,
    berlin_now,
    go_to_plan_page,
    mark_no_reload,
)

WHY_REST = "Rest lets me be patient with the people I love."


def add_value(page: Page, *, curated: str = "", own: str = "", why: str = "") -> None:
    form = page.get_by_role("region", name="Add a value")
    if curated:
        form.get_by_role("radio", name=curated, exact=True).check()
    if own:
        form.get_by_label("Or name your own value").fill(own)
    if why:
        form.get_by_label("Why it matters to you, in a line").fill(why)
    form.get_by_role("button", name="Add value").click()
    expect(ranked_values(page).filter(has_text=curated or own)).to_have_count(1)


def ranked_values(page: Page) -> Locator:
    return page.get_by_role("region", name="In order of importance to you").locator(
        "li.ranked__item strong"
    )


def add_action(page: Page, value: str, title: str) -> None:
    form = page.get_by_role("region", name="Plan a small action")
    expect(form.get_by_label("For", exact=True)).to_have_value(
        week_start(berlin_now().date()).isoformat()
    )
    form.get_by_label("Which value it serves").select_option(label=value)
    form.get_by_label("A small, doable action").fill(title)
    form.get_by_role("button", name="Add action").click()
    expect(this_week(page).get_by_text(title, exact=True)).to_be_visible()


def this_week(page: Page) -> Locator:
    return page.get_by_role("region", name=re.compile(r"^This week"))


def test_the_plan_asks_for_values_first_and_alice_chooses_and_orders_three(new_page, alice):
    page = new_page(timezone_id=BERLIN)
    sign_in(page, alice.email)
    nav = page.get_by_role("navigation", name="Main")

    # "Plan" opens the weekly actions, which ask for values first.
    nav.get_by_role("link", name="Plan").click()
    expect(page).to_have_url(url_of("planning:actions"))
    expect(nav.get_by_role("link", name="Plan")).to_have_attribute("aria-current", "page")
    main = page.get_by_role("main")
    expect(main.get_by_role("heading", level=1)).to_have_text("Weekly actions")
    expect(main.get_by_role("link", name="Choose your values first")).to_be_visible()
    assert_accessible(page)

    # Two from the list and one in her own words, then reordered, all by htmx.
    go_to_plan_page(page, "Values", "planning:values")
    expect(main.get_by_role("heading", level=1)).to_have_text("Your values")
    expect(main.get_by_role("status")).to_have_text(
        "Start with one that feels true today. You can change them any time."
    )
    assert_accessible(page)
    mark_no_reload(page)
    add_value(page, curated="Rest", why=WHY_REST)
    expect(main.get_by_role("status")).to_contain_text("You have 1 value so far.")
    add_value(page, curated="Family")
    add_value(page, own="Craft")
    expect(main.get_by_role("status")).to_have_count(0)
    expect(ranked_values(page)).to_have_text(["Rest", "Family", "Craft"])
    main.get_by_role("button", name="Move up Craft").click()
    expect(ranked_values(page)).to_have_text(["Rest", "Craft", "Family"])
    expect(main.get_by_label("Why Rest matters to you")).to_have_value(WHY_REST)
    # Chosen values leave the list to choose from.
    expect(main.get_by_role("radio", name="Rest", exact=True)).to_have_count(0)
    assert_no_reload(page, "choosing values")
    assert [
        (v.name, v.rank) for v in PersonalValue.objects.for_user(alice).select_related("value")
    ] == [("Rest", 1), ("Craft", 2), ("Family", 3)]
    assert_accessible(page)


def test_alice_plans_two_small_actions_for_the_week_and_marks_one_done(new_page, alice):
    # The values the journey above leaves behind.
    rest, family = Value.objects.get(slug="rest"), Value.objects.get(slug="family")
    PersonalValue.objects.create(user=alice, value=rest, why=WHY_REST, rank=1)
    PersonalValue.objects.create(user=alice, own_name="Craft", rank=2)
    PersonalValue.objects.create(user=alice, value=family, rank=3)
    page = new_page(timezone_id=BERLIN)
    monday = week_start(berlin_now().date())
    sign_in(page, alice.email)
    page.goto(reverse("planning:values"))

    go_to_plan_page(page, "Weekly actions", "planning:actions")
    mark_no_reload(page)
    add_action(page, "Rest", "A 20-minute walk at lunch on Tuesday")
    add_action(page, "Family", "Call my sister on Sunday")
    expect(this_week(page).locator("li.week-action")).to_have_count(2)
    walk = this_week(page).locator("li.week-action").filter(has_text="A 20-minute walk")
    expect(walk).to_contain_text("For Rest · Planned")
    walk.get_by_role("button", name="Done", exact=True).click()
    expect(walk).to_contain_text("For Rest · Done")
    expect(walk.get_by_role("button", name="Done", exact=True)).to_have_attribute(
        "aria-pressed", "true"
    )
    expect(walk.get_by_role("button", name="Planned", exact=True)).to_have_attribute(
        "aria-pressed", "false"
    )
    call = this_week(page).locator("li.week-action").filter(has_text="Call my sister")
    expect(call).to_contain_text("For Family · Planned")
    assert_no_reload(page, "planning actions")
    assert [
        (a.title, a.personal_value.name, a.week_of, a.status)
        for a in WeeklyAction.objects.for_user(alice).order_by("created_at")
    ] == [
        ("A 20-minute walk at lunch on Tuesday", "Rest", monday, "done"),
        ("Call my sister on Sunday", "Family", monday, "planned"),
    ]
    assert_accessible(page)


def test_alice_words_a_boundary_from_a_template_and_saves_it_in_her_own_words(new_page, alice):
    page = new_page(timezone_id=BERLIN)
    sign_in(page, alice.email)
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Plan").click()
    main = page.get_by_role("main")

    go_to_plan_page(page, "Boundaries", "planning:boundaries")
    expect(main.get_by_role("heading", level=1)).to_have_text("Boundary statements")
    assert_accessible(page)
    main.get_by_role("link", name="Messages after hours").click()
    expect(page).to_have_url(url_of("planning:boundary-build", query="template=work-messages"))
    expect(main.get_by_role("heading", level=1)).to_have_text("Messages after hours")
    assert_accessible(page)

    # The preview follows her typing, then she edits and saves.
    mark_no_reload(page)
    main.get_by_label("Not available after").fill("18:00")
    main.get_by_label("When you will reply").fill("the next working morning")
    preview = main.get_by_role("region", name="Preview")
    expect(preview.locator("blockquote")).to_have_text(STATEMENT)
    words = preview.get_by_label("Your statement, in your own words")
    expect(words).to_have_value(STATEMENT)
    assert_no_reload(page, "previewing a boundary")
    assert_accessible(page)
    mine = f"{STATEMENT} Thank you for understanding."
    words.fill(mine)
    preview.get_by_role("button", name="Save statement").click()

    expect(main.get_by_role("heading", level=1)).to_have_text("Work boundary")
    statement = BoundaryStatement.objects.for_user(alice).get()
    expect(page).to_have_url(url_of("planning:boundary-detail", statement.pk))
    expect(main.locator("blockquote")).to_have_text(mine)
    assert (statement.area, statement.template, statement.text) == ("work", "work-messages", mine)
    assert_accessible(page)

    go_to_plan_page(page, "Boundaries", "planning:boundaries")
    saved = main.get_by_role("region", name="Your statements")
    expect(saved.get_by_role("link", name=mine)).to_have_attribute(
        "href", reverse("planning:boundary-detail", args=[statement.pk])
    )
    expect(saved).to_contain_text("Work · not practised yet")
