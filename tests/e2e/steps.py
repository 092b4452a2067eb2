"""Steps the plan and audit journeys share: Alice's Berlin clock, a settled page for axe, a check
that htmx did not reload the page, the plan's own navigation and an audit week."""

import datetime as dt
import re
from zoneinfo import ZoneInfo

from playwright.sync_api import Locator, Page, expect

from apps.audits.models import EnergyAudit
from tests.e2e.conftest import assert_accessible as axe_finds_nothing
from tests.e2e.conftest import url_of

BERLIN = "Europe/Berlin"
ZONE = ZoneInfo(BERLIN)
STATEMENT = "I'm not available for messages after 18:00; I'll reply the next working morning."


def berlin_now() -> dt.datetime:
    return dt.datetime.now(ZONE)


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


def choose(group: Locator, label: str) -> None:
    """Segmented choices hide their radios visually, so click the label, then check the radio."""
    group.locator("label").filter(has_text=re.compile(rf"^{re.escape(label)}$")).click()
    expect(group.get_by_role("radio", name=label, exact=True)).to_be_checked()


# --- The energy audit --------------------------------------------------------------------------
def short_day(day: dt.date) -> str:
    """Django's "D j M", e.g. "Sat 16 May"."""
    return f"{day:%a} {day.day} {day:%b}"


def audit_week(first: dt.date) -> str:
    """The heading of an audit's seven days: "Sat 16 May", an en dash, "Fri 22 May 2026"."""
    last = first + dt.timedelta(days=6)
    return f"{short_day(first)} \N{EN DASH} {short_day(last)} {last:%Y}"


def audit_from_today(user) -> EnergyAudit:
    """The audit week "Start the week" makes: seven days from the person's today."""
    today = berlin_now().date()
    return EnergyAudit.objects.create(
        user=user, starts_on=today, ends_on=today + dt.timedelta(days=6)
    )


def moment_times(now: dt.datetime) -> list[dt.datetime | None]:
    """Two hours ago, an hour ago and now, all today; just after midnight, "now" three times."""
    earlier = [(now - dt.timedelta(hours=h)).astimezone(ZONE) for h in (2, 1)]
    if any(when.date() != now.date() for when in earlier):
        return [None, None, None]
    return [*earlier, None]
