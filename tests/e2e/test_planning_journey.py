"""Browser journeys through the energy audit and the plan: values, weekly actions, boundaries,
rest windows (with their .ics) and share links."""

import datetime as dt
import re
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from icalendar import Calendar
from playwright.sync_api import Locator, Page, expect

from apps.audits.models import Commitment, EnergyAudit
from apps.lib.dates import week_start
from apps.planning.models import (
    BoundaryStatement,
    PersonalValue,
    RestWindow,
    ShareLink,
    WeeklyAction,
)
from apps.resources.models import Value
from tests.e2e.conftest import assert_accessible as axe_finds_nothing
from tests.e2e.conftest import long_day, sign_in, url_of

BERLIN = "Europe/Berlin"
ZONE = ZoneInfo(BERLIN)
STATEMENT = "I'm not available for messages after 18:00; I'll reply the next working morning."


def berlin_now() -> dt.datetime:
    return dt.datetime.now(ZONE)


def short_day(day: dt.date) -> str:
    """Django's "D j M", e.g. "Sat 16 May"."""
    return f"{day:%a} {day.day} {day:%b}"


def choose(group: Locator, label: str) -> None:
    """Segmented choices hide their radios visually, so click the label, then check the radio."""
    group.locator("label").filter(has_text=re.compile(rf"^{re.escape(label)}$")).click()
    expect(group.get_by_role("radio", name=label, exact=True)).to_be_checked()


def assert_accessible(page: Page) -> None:
    """axe on the page at rest: htmx has settled and no transition is part-way (the "Saving…"
    indicator fades out over 200 ms after a swap, and half-faded text has half the contrast)."""
    page.wait_for_function(
        """() => !document.querySelector('.htmx-request, .htmx-swapping, .htmx-settling')
            && document.getAnimations().every(a => a.playState !== 'running')"""
    )
    axe_finds_nothing(page)


def mark_no_reload(page: Page) -> None:
    page.evaluate("window.__noReload = true")


def assert_no_reload(page: Page, what: str) -> None:
    assert page.evaluate("window.__noReload") is True, f"{what} reloaded the page"


def plan_nav(page: Page) -> Locator:
    return page.get_by_role("navigation", name="Your plan")


def go_to_plan_page(page: Page, link: str, route: str) -> None:
    plan_nav(page).get_by_role("link", name=link, exact=True).click()
    expect(page).to_have_url(url_of(route))
    expect(plan_nav(page).get_by_role("link", name=link, exact=True)).to_have_attribute(
        "aria-current", "page"
    )
    expect(
        page.get_by_role("navigation", name="Main").get_by_role("link", name="Plan")
    ).to_have_attribute("aria-current", "page")


# --- The energy audit --------------------------------------------------------------------------
def moment_times(now: dt.datetime) -> list[dt.datetime | None]:
    """Two hours ago, an hour ago and now, all today; just after midnight, "now" three times."""
    earlier = [(now - dt.timedelta(hours=h)).astimezone(ZONE) for h in (2, 1)]
    if any(when.date() != now.date() for when in earlier):
        return [None, None, None]
    return [*earlier, None]


def log_moment(page: Page, energy: int, activity: str, effect: str, at: dt.datetime | None) -> str:
    """Log one moment through the quick form (htmx); returns its local time as "HH:MM"."""
    form = page.get_by_role("form", name="Log a moment")
    choose(form.get_by_role("group", name="Energy right now"), f"Energy {energy}")
    form.get_by_label("What I was doing").fill(activity)
    choose(form.get_by_role("group", name="Did it drain you or recharge you?"), effect)
    when = form.get_by_label("When", exact=True)
    if at is not None:
        when.fill(f"{at:%Y-%m-%dT%H:%M}")
    # The field is set to now; "now" is what the server saves when it stays as it was.
    time = when.input_value().partition("T")[2]
    form.get_by_role("button", name="Save moment").click()
    expect(page.get_by_role("form", name="Log a moment").get_by_role("status")).to_have_text(
        f"Saved: energy {energy} at {time}. Thank you for noticing."
    )
    return time


def commitment(page: Page, title: str) -> Locator:
    return (
        page.locator("#commitments")
        .get_by_role("listitem")
        .filter(has=page.get_by_role("heading", name=title, exact=True))
    )


def add_commitment(page: Page, title: str, hours: str) -> None:
    form = page.get_by_role("form", name="Add a commitment")
    form.get_by_label("Commitment", exact=True).fill(title)
    form.get_by_label("Rough hours a week").fill(hours)
    form.get_by_role("button", name="Add commitment").click()
    expect(commitment(page, title)).to_contain_text(f"About {hours} h a week")
    expect(
        page.get_by_role("form", name="Add a commitment").get_by_label("Commitment", exact=True)
    ).to_have_value("")


def decision_of(page: Page, title: str) -> Locator:
    """The line under a commitment's heading and hours that says what was decided."""
    return commitment(page, title).locator(":scope > p").nth(1)


def decide(page: Page, title: str, decision: str, delegate_to: str = "") -> None:
    item = commitment(page, title)
    item.locator("summary").filter(has_text="Decide or edit").click()
    choose(item.get_by_role("group", name="Your decision"), decision)
    if delegate_to:
        item.get_by_label("To whom").fill(delegate_to)
    item.get_by_role("button", name="Save", exact=True).click()


def test_alice_audits_her_energy_and_her_commitments(new_page, alice):
    page = new_page(timezone_id=BERLIN)
    now = berlin_now()
    today = now.date()
    last = today + dt.timedelta(days=6)
    week = f"{short_day(today)} \N{EN DASH} {short_day(last)} {last:%Y}"
    sign_in(page, alice.email)
    nav = page.get_by_role("navigation", name="Main")

    # 1. The audit page, from the main navigation; the week starts today unless she says otherwise.
    nav.get_by_role("link", name="Audit").click()
    expect(page).to_have_url(url_of("audits:list"))
    expect(nav.get_by_role("link", name="Audit")).to_have_attribute("aria-current", "page")
    main = page.get_by_role("main")
    expect(main.get_by_role("heading", level=1)).to_have_text("Energy audit")
    start = main.get_by_label("First day of your audit week")
    expect(start).to_have_value(today.isoformat())
    assert_accessible(page)

    main.get_by_role("button", name="Start the week").click()
    expect(main.get_by_role("status")).to_have_text(
        "Your audit week has started. Log a moment whenever you notice one."
    )
    audit = EnergyAudit.objects.for_user(alice).get()
    expect(page).to_have_url(url_of("audits:detail", audit.pk))
    expect(main.get_by_role("heading", level=1)).to_have_text(f"Energy audit: {week}")
    expect(main.get_by_text("Day 1 of 7.")).to_be_visible()
    audit_nav = page.get_by_role("navigation", name="This audit")
    expect(audit_nav.get_by_role("link", name="Moments and commitments")).to_have_attribute(
        "aria-current", "page"
    )
    assert (audit.starts_on, audit.ends_on) == (today, last)
    assert_accessible(page)

    # 2. Three moments, each saved in place by htmx; the list below follows along.
    mark_no_reload(page)
    first, second, third = moment_times(now)
    times = [
        log_moment(page, 4, "Morning stand-up", "Drains me", first),
        log_moment(page, 8, "Walk in the park", "Recharges me", second),
        log_moment(page, 3, "Inbox triage", "Drains me", third),
    ]
    moments = page.locator("#moments")
    expect(moments).to_contain_text("3 moments logged.")
    expect(moments.get_by_role("heading", level=3)).to_have_text([long_day(today)])
    expect(moments.get_by_role("listitem")).to_have_count(3)
    for time, energy, what in zip(
        times,
        [4, 8, 3],
        [
            "Morning stand-up · drains me",
            "Walk in the park · recharges me",
            "Inbox triage · drains me",
        ],
        strict=True,
    ):
        item = moments.get_by_role("listitem").filter(has_text=what)
        expect(item).to_contain_text(time)
        expect(item).to_contain_text(f"Energy {energy}")
    assert_no_reload(page, "logging a moment")
    saved = list(audit.moments.order_by("occurred_at"))
    assert [(m.energy, m.activity, m.effect) for m in saved] == [
        (4, "Morning stand-up", "drains"),
        (8, "Walk in the park", "recharges"),
        (3, "Inbox triage", "drains"),
    ]
    assert all(m.occurred_at.astimezone(ZONE).date() == today for m in saved)
    assert [f"{m.occurred_at.astimezone(ZONE):%H:%M}" for m in saved] == sorted(times)
    assert_accessible(page)

    # 3. Two commitments, then a decision about each, all without leaving the page.
    add_commitment(page, "Running the book club", "3")
    add_commitment(page, "Team newsletter", "2")
    expect(page.locator("#commitments")).to_contain_text("Together about 5 hours a week.")
    decide(page, "Running the book club", "Delegate", delegate_to="Priya")
    expect(decision_of(page, "Running the book club")).to_have_text("Delegate to Priya")
    expect(decision_of(page, "Team newsletter")).to_have_text("Not decided yet")
    decide(page, "Team newsletter", "Drop")
    expect(decision_of(page, "Team newsletter")).to_have_text("Drop")
    assert_no_reload(page, "adding or deciding a commitment")
    assert {
        (c.title, c.hours_per_week, c.decision, c.delegate_to)
        for c in Commitment.objects.filter(audit=audit)
    } == {
        ("Running the book club", 3, "delegate", "Priya"),
        ("Team newsletter", 2, "drop", ""),
    }
    assert_accessible(page)

    # 4. The report so far, from the audit's own navigation.
    audit_nav.get_by_role("link", name="Report so far").click()
    expect(page).to_have_url(url_of("audits:report", audit.pk))
    expect(audit_nav.get_by_role("link", name="Report so far")).to_have_attribute(
        "aria-current", "page"
    )
    expect(main.get_by_role("heading", level=1)).to_have_text(f"Audit report: {week}")

    def section(heading: str) -> Locator:
        return main.locator("section").filter(
            has=page.get_by_role("heading", name=heading, exact=True, level=2)
        )

    expect(section("Your week at a glance")).to_contain_text(
        "3 moments over 1 day, with an average energy of 5.0 out of 10. "
        "2 drained you and 1 recharged you."
    )
    expect(
        section("Energy by hour and day").get_by_role(
            "img", name=re.compile(r"^Average energy from 1 to 10 for each hour")
        )
    ).to_be_visible()
    drains = section("What drains you, what recharges you")
    expect(drains.get_by_role("list").first.get_by_role("listitem")).to_have_text(
        [
            re.compile(r"^Inbox triage · 1 time, average energy 3$"),
            re.compile(r"^Morning stand-up · 1 time, average energy 4$"),
        ]
    )
    expect(drains.get_by_role("list").nth(1).get_by_role("listitem")).to_have_text(
        [re.compile(r"^Walk in the park · 1 time, average energy 8$")]
    )
    expect(section("Where your committed hours go")).to_contain_text("About 5 hours a week")
    decisions = section("Decisions taken")
    expect(decisions).to_contain_text("2 decisions taken.")
    expect(decisions.get_by_role("heading", level=3)).to_have_text(["Delegate", "Drop"])
    expect(decisions).to_contain_text("Running the book club (3 h a week) · to Priya")
    expect(decisions).to_contain_text("Team newsletter (2 h a week)")
    assert_accessible(page)


# --- Values, weekly actions and a boundary -----------------------------------------------------
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


def test_alice_chooses_values_plans_actions_and_words_a_boundary(new_page, alice):
    page = new_page(timezone_id=BERLIN)
    monday = week_start(berlin_now().date())
    sign_in(page, alice.email)
    nav = page.get_by_role("navigation", name="Main")

    # 1. "Plan" opens the weekly actions, which ask for values first.
    nav.get_by_role("link", name="Plan").click()
    expect(page).to_have_url(url_of("planning:actions"))
    expect(nav.get_by_role("link", name="Plan")).to_have_attribute("aria-current", "page")
    main = page.get_by_role("main")
    expect(main.get_by_role("heading", level=1)).to_have_text("Weekly actions")
    expect(main.get_by_role("link", name="Choose your values first")).to_be_visible()
    assert_accessible(page)

    # 2. Values: two from the list and one in her own words, then reordered, all by htmx.
    go_to_plan_page(page, "Values", "planning:values")
    expect(main.get_by_role("heading", level=1)).to_have_text("Your values")
    expect(main.get_by_role("status")).to_have_text(
        "Start with one that feels true today. You can change them any time."
    )
    assert_accessible(page)
    mark_no_reload(page)
    add_value(page, curated="Rest", why="Rest lets me be patient with the people I love.")
    expect(main.get_by_role("status")).to_contain_text("You have 1 value so far.")
    add_value(page, curated="Family")
    add_value(page, own="Craft")
    expect(main.get_by_role("status")).to_have_count(0)
    expect(ranked_values(page)).to_have_text(["Rest", "Family", "Craft"])
    main.get_by_role("button", name="Move up Craft").click()
    expect(ranked_values(page)).to_have_text(["Rest", "Craft", "Family"])
    expect(main.get_by_label("Why Rest matters to you")).to_have_value(
        "Rest lets me be patient with the people I love."
    )
    # Chosen values leave the list to choose from.
    expect(main.get_by_role("radio", name="Rest", exact=True)).to_have_count(0)
    assert_no_reload(page, "choosing values")
    assert [
        (v.name, v.rank) for v in PersonalValue.objects.for_user(alice).select_related("value")
    ] == [("Rest", 1), ("Craft", 2), ("Family", 3)]
    assert_accessible(page)

    # 3. Two small actions for this week; one of them done.
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

    # 4. A boundary from a template: the preview follows her typing, then she edits and saves.
    go_to_plan_page(page, "Boundaries", "planning:boundaries")
    expect(main.get_by_role("heading", level=1)).to_have_text("Boundary statements")
    assert_accessible(page)
    main.get_by_role("link", name="Messages after hours").click()
    expect(page).to_have_url(url_of("planning:boundary-build", query="template=work-messages"))
    expect(main.get_by_role("heading", level=1)).to_have_text("Messages after hours")
    assert_accessible(page)

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


# --- A rest window and its calendar file -------------------------------------------------------
def wall(when: dt.datetime) -> str:
    """Django's "l j F Y, H:i", e.g. "Sunday 17 May 2026, 09:00"."""
    return f"{when:%A} {when.day} {when:%B %Y, %H:%M}"


def test_alice_plans_a_rest_window_and_adds_it_to_her_calendar(new_page, alice):
    page = new_page(timezone_id=BERLIN)
    tomorrow = berlin_now().date() + dt.timedelta(days=1)
    starts = dt.datetime.combine(tomorrow, dt.time(9, 0), tzinfo=ZONE)
    # 24 real hours: across a clock change the window ends an hour off on the wall clock.
    ends = (starts.astimezone(dt.UTC) + dt.timedelta(hours=24)).astimezone(ZONE)
    sign_in(page, alice.email)

    page.get_by_role("navigation", name="Main").get_by_role("link", name="Plan").click()
    go_to_plan_page(page, "Rest windows", "planning:rest")
    main = page.get_by_role("main")
    expect(main.get_by_role("heading", level=1)).to_have_text("Rest windows")
    form = main.get_by_role("region", name="Plan a rest window")
    expect(form).to_contain_text("Times are in your time zone, Europe/Berlin.")
    expect(form.get_by_label("Start time")).to_have_value("09:00")
    expect(form.get_by_label("Length in hours")).to_have_value("24")
    assert_accessible(page)

    form.get_by_label("Start date").fill(tomorrow.isoformat())
    form.get_by_label("Rest and low-stimulation activities").fill("A slow breakfast, a nap")
    form.get_by_label("Nonessential tasks to avoid").fill("Email")
    form.get_by_role("button", name="Plan this window").click()

    expect(main.get_by_role("heading", level=1)).to_have_text("Rest window")
    window = RestWindow.objects.for_user(alice).get()
    expect(page).to_have_url(url_of("planning:rest-detail", window.pk))
    for term, value in [("Starts", wall(starts)), ("Ends", wall(ends)), ("Length", "24 hours")]:
        row = main.locator("dl.summary > div").filter(
            has=page.get_by_role("term").filter(has_text=re.compile(rf"^{term}$"))
        )
        expect(row.get_by_role("definition")).to_have_text(value)
    expect(main).to_contain_text("A slow breakfast, a nap")
    assert (window.starts_at, window.ends_at) == (starts, ends)
    assert_accessible(page)

    # The .ics download: local wall times with Berlin's TZID, and the zone's definition.
    with page.expect_download() as info:
        main.get_by_role("link", name="Add to your calendar (.ics)").click()
    download = info.value
    assert download.suggested_filename == f"rest-window-{tomorrow.isoformat()}.ics"
    with open(download.path(), "rb") as ics:
        calendar = Calendar.from_ical(ics.read())
    (event,) = calendar.walk("VEVENT")
    assert str(event["SUMMARY"]) == "Rest window"
    for prop, expected in [("DTSTART", starts), ("DTEND", ends)]:
        assert event[prop].params["TZID"] == BERLIN
        local = event[prop].dt
        assert local.replace(tzinfo=None) == expected.replace(tzinfo=None), prop
        assert local.utcoffset() == expected.utcoffset(), prop
        assert local == expected, prop
    assert event.decoded("DTSTART").strftime("%H:%M") == "09:00"
    assert "A slow breakfast, a nap" in str(event["DESCRIPTION"])
    assert [str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")] == [BERLIN]

    # Back on the list, the window is coming up.
    main.get_by_role("link", name="← All rest windows").click()
    expect(page).to_have_url(url_of("planning:rest"))
    upcoming = main.get_by_role("region", name="Coming up")
    expect(upcoming.get_by_role("link", name=f"{long_day(tomorrow)}, 09:00")).to_have_attribute(
        "href", reverse("planning:rest-detail", args=[window.pk])
    )
    assert_accessible(page)


# --- A share link --------------------------------------------------------------------------------
@pytest.fixture
def alices_plan(alice, live_server, settings):
    """A little of everything a share link can show; links are made for the live server."""
    settings.SITE_URL = live_server.url
    rest = PersonalValue.objects.create(
        user=alice, value=Value.objects.get(slug="rest"), why="It lets me be patient.", rank=1
    )
    PersonalValue.objects.create(user=alice, own_name="Craft", rank=2)
    WeeklyAction.objects.create(
        user=alice,
        week_of=week_start(berlin_now().date()),
        personal_value=rest,
        title="A 20-minute walk at lunch",
    )
    BoundaryStatement.objects.create(user=alice, area="work", template="", text=STATEMENT)
    starts = dt.datetime.combine(
        berlin_now().date() + dt.timedelta(days=2), dt.time(10, 0), tzinfo=ZONE
    )
    RestWindow.objects.create(
        user=alice, starts_at=starts, ends_at=starts + dt.timedelta(hours=24), activities="A nap"
    )
    return starts


def test_alice_shares_her_plan_and_turns_the_link_off(new_page, alice, alices_plan, live_server):
    page = new_page(timezone_id=BERLIN)
    sign_in(page, alice.email)
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Plan").click()
    go_to_plan_page(page, "Share", "planning:shares")
    main = page.get_by_role("main")
    expect(main.get_by_role("heading", level=1)).to_have_text(
        "Share your plan with someone you trust"
    )
    expect(main.get_by_text("No links yet.")).to_be_visible()
    assert_accessible(page)

    # 1. A link for Sam: values, this week's actions and the next rest window; no boundaries.
    form = main.get_by_role("region", name="Make a link")
    form.get_by_label("Who it is for (only you see this)").fill("Sam")
    form.get_by_label("Your values").check()
    form.get_by_label("This week's actions").check()
    form.get_by_label("Your next rest window").check()
    expect(form.get_by_label("Your boundary statements")).not_to_be_checked()
    days = form.get_by_role("group", name="The link works for")
    expect(days.get_by_role("radio", name="7 days")).to_be_checked()
    form.get_by_role("button", name="Make the link").click()

    expect(page).to_have_url(url_of("planning:shares"))
    expect(main.get_by_role("status")).to_have_text(
        "Link created. Copy it below and send it to them."
    )
    link = ShareLink.objects.for_user(alice).get()
    card = main.get_by_role("listitem").filter(has=page.get_by_role("heading", name="Sam"))
    expect(card).to_contain_text("Shows: values, this week's actions, next rest window")
    address = card.get_by_label(re.compile(r"^Link, works until "))
    url = address.input_value()
    assert url == f"{live_server.url}{reverse('planning:share-view', args=[link.token])}"
    assert_accessible(page)

    # 2. Sam opens it in a browser of their own, signed out.
    visitor = new_page(timezone_id=BERLIN)
    response = visitor.goto(url)
    assert response is not None
    assert response.status == 200
    shared = visitor.get_by_role("main")
    expect(
        visitor.get_by_role("navigation", name="Main").get_by_role("link", name="Sign in")
    ).to_be_visible()
    expect(shared.get_by_role("heading", level=1)).to_have_text("A plan for a steadier pace")
    expect(shared).to_contain_text("Shared by Alice.")
    values = shared.get_by_role("region", name="What matters to them")
    expect(values.get_by_role("listitem")).to_have_text(["Rest: It lets me be patient.", "Craft"])
    actions = shared.get_by_role("region", name=re.compile(r"^This week's small actions"))
    expect(actions.get_by_role("listitem")).to_have_text(
        ["A 20-minute walk at lunch (for Rest): planned"]
    )
    starts = alices_plan
    rest = shared.get_by_role("region", name="Their next rest window")
    expect(rest).to_contain_text(f"From {long_day(starts.date())}, 10:00 to ")
    expect(rest).to_contain_text("(Europe/Berlin)")
    expect(shared.get_by_role("heading", name="Boundaries they are practising")).to_have_count(0)
    expect(shared).not_to_contain_text(STATEMENT)
    assert_accessible(visitor)

    # 3. Alice turns the link off.
    # The visually hidden ": Sam" is positioned absolutely, so it counts as its own block.
    card.get_by_role("button", name=re.compile(r"^Turn this link off\s*: Sam$")).click()
    expect(page).to_have_url(url_of("planning:shares"))
    expect(main.get_by_role("status")).to_have_text("That link no longer works.")
    expect(card).to_contain_text(f"Turned off on {berlin_now():%-d %B %Y}.")
    expect(card.get_by_role("textbox")).to_have_count(0)
    expect(card.get_by_role("button", name=re.compile("^Turn this link off"))).to_have_count(0)
    link.refresh_from_db()
    assert link.revoked_at is not None
    assert_accessible(page)

    # 4. For Sam, the same address is now the friendly "not found" page.
    response = visitor.reload()
    assert response is not None
    assert response.status == 404
    expect(shared.get_by_role("heading", level=1)).to_have_text("We could not find that page.")
    expect(shared.get_by_role("link", name="Go to the start page")).to_be_visible()
    expect(shared).not_to_contain_text("Rest: It lets me be patient.")
    expect(shared.get_by_role("region", name="What matters to them")).to_have_count(0)
    assert_accessible(visitor)
