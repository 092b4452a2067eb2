"""The burnout self-check in the browser: from Today, answer it, see the scores and the trend."""

import datetime as dt

from django.urls import reverse
from playwright.sync_api import expect

from apps.checkins import burnout
from apps.checkins.models import BurnoutCheck
from tests.conftest import make_user
from tests.e2e.conftest import assert_accessible, sign_in, url_of


def test_mira_takes_the_self_check_and_sees_how_it_moved(new_page):
    mira = make_user("mira@example.com", display_name="Mira", time_zone="UTC")
    four_weeks_ago = dt.datetime.now(dt.UTC).date() - dt.timedelta(weeks=4)
    BurnoutCheck.objects.create(
        user=mira, taken_on=four_weeks_ago, answers={key: 75 for key in burnout.ITEMS}
    )
    mira.self_check_due_on = four_weeks_ago + burnout.RETAKE_AFTER
    mira.save()
    page = new_page()
    sign_in(page, mira.email)

    expect(
        page.get_by_text("It has been four weeks since your last burnout self-check.")
    ).to_be_visible()
    page.get_by_role("link", name="Take it again").click()
    expect(page).to_have_url(url_of("checkins:self-check"))
    assert_accessible(page)
    for question in [item.question for item in burnout.PERSONAL]:
        page.get_by_role("group", name=question).get_by_text("Sometimes", exact=True).click()
    page.get_by_label("I'm not working at the moment").check()
    page.get_by_role("button", name="See my scores").click()

    expect(page).to_have_url(url_of("checkins:self-check-results"))
    expect(page.get_by_text("Personal burnout", exact=True)).to_be_visible()
    expect(page.locator("dl.summary")).to_contain_text("50 of 100: moderate")
    expect(page.locator("dl.summary")).to_contain_text("skipped")
    expect(page.get_by_text("This is a self-check, not a diagnosis")).to_be_visible()
    trend = page.get_by_role("region", name="Over time")
    expect(trend.get_by_role("img")).to_be_visible()
    expect(trend.get_by_role("row")).to_have_count(3)  # the header and two self-checks
    assert_accessible(page)

    page.goto(reverse("checkins:today"))
    expect(
        page.get_by_text("It has been four weeks since your last burnout self-check.")
    ).to_have_count(0)
