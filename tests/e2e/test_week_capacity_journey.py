"""Planning a week against energy in the browser: put the audit's commitments and the week's
action on their days, see the heavy low day flagged, and follow the one move to the audit."""

import datetime as dt
import re

from playwright.sync_api import expect

from apps.audits.models import Commitment, EnergyAudit
from apps.checkins.models import CheckIn
from apps.lib.dates import week_start
from apps.planning.models import PersonalValue, WeeklyAction
from tests.conftest import make_user
from tests.e2e.conftest import sign_in, url_of
from tests.e2e.steps import (
    BERLIN,
    assert_accessible,
    assert_no_reload,
    berlin_now,
    go_to_plan_page,
    mark_no_reload,
)

# Usual energy, Monday first: Wednesdays run low.
USUAL = (7, 7, 3, 6, 6, 8, 8)


def test_mira_plans_her_week_and_sees_which_day_to_lighten(new_page):
    mira = make_user("mira@example.com", display_name="Mira", time_zone=BERLIN)
    today = berlin_now().date()
    CheckIn.objects.bulk_create(
        CheckIn(user=mira, checked_in_on=d, energy=USUAL[d.weekday()], need="rest")
        for d in (today - dt.timedelta(days=n) for n in range(56))
    )
    monday = week_start(today)
    audit = EnergyAudit.objects.create(
        user=mira, starts_on=monday - dt.timedelta(weeks=2), ends_on=monday - dt.timedelta(days=8)
    )
    board = Commitment.objects.create(audit=audit, title="Board prep", hours_per_week=6)
    Commitment.objects.create(audit=audit, title="Team lead", hours_per_week=14)
    value = PersonalValue.objects.create(user=mira, own_name="Health")
    WeeklyAction.objects.create(user=mira, week_of=monday, personal_value=value, title="A swim")
    page = new_page()
    sign_in(page, mira.email)

    page.get_by_role("navigation", name="Main").get_by_role("link", name="Plan").click()
    go_to_plan_page(page, "This week", "overview:week")
    expect(page.get_by_text("20 hours planned, of which 20 are not on a day yet")).to_be_visible()
    expect(page.get_by_text("No day stands out")).to_be_visible()
    assert_accessible(page)

    mark_no_reload(page)
    plan = page.get_by_role("region", name="Plan the week")
    plan.get_by_label("Day for “Board prep”").select_option("Wednesday")
    plan.get_by_label("Day for “A swim”").select_option("Saturday")
    plan.get_by_label("Rough hours for “A swim”").fill("1.5")
    plan.get_by_role("button", name="Save the plan").click()

    expect(page.get_by_role("status")).to_have_text("Plan saved. The days below are updated.")
    assert_no_reload(page, "Saving the plan")
    days = page.get_by_role("table").first
    wednesday = days.get_by_role("row").filter(has_text="Wednesday")
    expect(wednesday).to_contain_text("Heavy day, lower energy")
    expect(wednesday).to_contain_text("Board prep (6 h)")
    expect(days.get_by_role("row").filter(has_text="Saturday")).to_contain_text("A swim (1.5 h)")
    lighten = page.get_by_role("region", name="Days to lighten")
    expect(lighten).to_contain_text("One move for Wednesday: Could “Board prep” wait")
    assert_accessible(page)

    lighten.get_by_role("link", name="Postpone or delegate it in your energy audit").click()
    expect(page).to_have_url(re.compile(rf"{audit.pk}/#commitment-{board.pk}$"))
    expect(page.locator(f"#commitment-{board.pk}")).to_contain_text("Board prep")
    page.go_back()
    expect(page).to_have_url(url_of("overview:week"))
