"""Browser journeys through an energy audit's commitments: adding them, deciding about each,
and the report those decisions and the week's moments make."""

import datetime as dt
import re

from django.urls import reverse
from playwright.sync_api import Locator, Page, expect

from apps.audits.models import Commitment, EnergyAudit, EnergyMoment
from tests.e2e.conftest import sign_in, url_of
from tests.e2e.steps import (
    BERLIN,
    assert_accessible,
    assert_no_reload,
    audit_from_today,
    audit_week,
    berlin_now,
    choose,
    mark_no_reload,
    moment_times,
)


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


def audit_so_far(user, now: dt.datetime) -> EnergyAudit:
    """The three moments and two decisions the moment and commitment journeys leave behind."""
    audit = audit_from_today(user)
    first, second, third = (when or now for when in moment_times(now))
    for when, energy, activity, effect in [
        (first, 4, "Morning stand-up", "drains"),
        (second, 8, "Walk in the park", "recharges"),
        (third, 3, "Inbox triage", "drains"),
    ]:
        EnergyMoment.objects.create(
            audit=audit, occurred_at=when, energy=energy, activity=activity, effect=effect
        )
    Commitment.objects.create(
        audit=audit,
        title="Running the book club",
        hours_per_week=3,
        decision="delegate",
        delegate_to="Priya",
    )
    Commitment.objects.create(
        audit=audit, title="Team newsletter", hours_per_week=2, decision="drop"
    )
    return audit


def test_alice_adds_two_commitments_and_decides_about_each_in_place(new_page, alice):
    page = new_page(timezone_id=BERLIN)
    audit = audit_from_today(alice)
    sign_in(page, alice.email)
    page.goto(reverse("audits:detail", args=[audit.pk]))

    mark_no_reload(page)
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


def test_alice_reads_the_report_of_her_moments_and_decisions_so_far(new_page, alice):
    page = new_page(timezone_id=BERLIN)
    now = berlin_now()
    audit = audit_so_far(alice, now)
    sign_in(page, alice.email)
    page.goto(reverse("audits:detail", args=[audit.pk]))

    # The report, from the audit's own navigation.
    audit_nav = page.get_by_role("navigation", name="This audit")
    audit_nav.get_by_role("link", name="Report so far").click()
    expect(page).to_have_url(url_of("audits:report", audit.pk))
    expect(audit_nav.get_by_role("link", name="Report so far")).to_have_attribute(
        "aria-current", "page"
    )
    main = page.get_by_role("main")
    expect(main.get_by_role("heading", level=1)).to_have_text(
        f"Audit report: {audit_week(now.date())}"
    )

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
