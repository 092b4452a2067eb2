"""Browser journeys through the energy audit: starting a week and logging moments in it.
Commitments, decisions and the report are in test_audit_decisions_journey.py."""

import datetime as dt

from django.urls import reverse
from playwright.sync_api import Page, expect

from apps.audits.models import EnergyAudit
from tests.e2e.conftest import long_day, sign_in, url_of
from tests.e2e.steps import (
    BERLIN,
    ZONE,
    assert_accessible,
    assert_no_reload,
    audit_from_today,
    audit_week,
    berlin_now,
    choose,
    mark_no_reload,
    moment_times,
)


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


def test_alice_starts_an_audit_week_from_the_main_navigation(new_page, alice):
    page = new_page(timezone_id=BERLIN)
    today = berlin_now().date()
    sign_in(page, alice.email)
    nav = page.get_by_role("navigation", name="Main")

    # The audit page; the week starts today unless she says otherwise.
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
    expect(main.get_by_role("heading", level=1)).to_have_text(f"Energy audit: {audit_week(today)}")
    expect(main.get_by_text("Day 1 of 7.")).to_be_visible()
    audit_nav = page.get_by_role("navigation", name="This audit")
    expect(audit_nav.get_by_role("link", name="Moments and commitments")).to_have_attribute(
        "aria-current", "page"
    )
    assert (audit.starts_on, audit.ends_on) == (today, today + dt.timedelta(days=6))
    assert_accessible(page)


def test_alice_logs_three_moments_and_the_list_follows_along(new_page, alice):
    page = new_page(timezone_id=BERLIN)
    now = berlin_now()
    today = now.date()
    audit = audit_from_today(alice)
    sign_in(page, alice.email)
    page.goto(reverse("audits:detail", args=[audit.pk]))

    # Three moments, each saved in place by htmx.
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
