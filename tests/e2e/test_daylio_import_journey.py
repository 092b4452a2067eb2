"""Bringing a Daylio history in through the browser: upload, map the moods and activities on the
preview, import, and find the days in History."""

import datetime as dt

from playwright.sync_api import expect

from apps.checkins.models import CheckIn, Tag
from tests.conftest import make_user
from tests.e2e.conftest import sign_in, url_of
from tests.e2e.steps import BERLIN, assert_accessible, berlin_now

HEADER = "full_date,date,weekday,time,mood,activities,note_title,note"


def daylio_file(today: dt.date) -> bytes:
    """Thirty days as Daylio writes them, newest first; one mood label is the person's own."""
    rows = [HEADER]
    moods = ("rad", "good", "meh", "so-so", "bad")
    for n in range(1, 31):
        day = today - dt.timedelta(days=n)
        activities = " | ".join(("walk", "work", "friends")[: n % 3 + 1])
        rows.append(
            f"{day},{day:%B} {day.day},{day:%A},8:30 pm,{moods[n % 5]},{activities},,Day {n}"
        )
    return ("\n".join(rows) + "\n").encode()


def test_noor_brings_a_month_of_daylio_in(new_page, tmp_path):
    noor = make_user("noor@example.com", display_name="Noor", time_zone=BERLIN)
    Tag.objects.create(user=noor, name="Work")
    today = berlin_now().date()
    CheckIn.objects.create(user=noor, checked_in_on=today - dt.timedelta(days=1), energy=6)
    path = tmp_path / "daylio_export.csv"
    path.write_bytes(daylio_file(today))
    page = new_page()
    sign_in(page, noor.email)

    page.goto("/account/")
    page.get_by_role("navigation", name="Account").get_by_role("link", name="Import").click()
    expect(page).to_have_url(url_of("imports:start"))
    assert_accessible(page)
    page.get_by_label("Daylio CSV").check()
    page.get_by_label("The file").set_input_files(str(path))
    page.get_by_role("button", name="Check the file").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Before you import")
    expect(page.get_by_text("30 entries over 30 days")).to_be_visible()
    expect(page.get_by_text("One of these days already has a check-in here.")).to_be_visible()
    expect(page.get_by_label("“work”")).to_have_value(str(Tag.objects.get(name="Work").pk))
    assert_accessible(page)
    page.get_by_role("button", name="Import 30 days").click()

    expect(page.get_by_text("Choose a feeling for “so-so”.")).to_be_visible()
    page.get_by_label("“so-so” feels").select_option("numb")
    page.get_by_label("Energy on “so-so” days").select_option("4")
    page.get_by_role("button", name="Import 30 days").click()

    expect(page.get_by_role("status")).to_contain_text("Done. 29 days imported as check-ins")
    expect(
        page.get_by_text("1 day already had a check-in, and it was kept as it was.")
    ).to_be_visible()
    assert_accessible(page)
    assert CheckIn.objects.filter(user=noor).count() == 30
    assert (
        CheckIn.objects.get(user=noor, checked_in_on=today - dt.timedelta(days=3)).feeling == "numb"
    )
    page.get_by_role("link", name="See your history").click()
    expect(page).to_have_url(url_of("checkins:history"))
