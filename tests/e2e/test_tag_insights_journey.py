"""After a few weeks of tagged check-ins, Insights says in plain words what went with energy."""

import datetime as dt
from decimal import Decimal

from playwright.sync_api import expect

from apps.checkins.models import CheckIn, Tag
from tests.conftest import make_user
from tests.e2e.conftest import assert_accessible, sign_in, url_of


def seed_four_weeks(person) -> None:
    """28 days: outdoors on 8 of them (energy 7), not on the other 20 (energy 4); meetings on
    the 6 days that were also pressure-driven; short nights before 5 of those."""
    today = dt.datetime.now(dt.UTC).date()
    Tag.objects.create_defaults(person)
    outdoors = Tag.objects.get(user=person, name="outdoors")
    meetings = Tag.objects.get(user=person, name="meetings")
    for n in range(28):
        is_outdoors, is_meetings = n % 7 in (0, 3), 10 <= n < 16
        checkin = CheckIn.objects.create(
            user=person,
            checked_in_on=today - dt.timedelta(days=n),
            energy=7 if is_outdoors else 4,
            need="rest",
            drive=5 if is_meetings else 2,
            sleep_hours=Decimal("5.5") if 10 <= n < 15 else Decimal("7.5"),
        )
        checkin.tags.set(
            [tag for tag, on in ((outdoors, is_outdoors), (meetings, is_meetings)) if on]
        )


def test_jo_sees_what_goes_with_her_energy_in_words_and_in_a_table(new_page):
    jo = make_user("jo@example.com", display_name="Jo", time_zone="UTC")
    seed_four_weeks(jo)
    page = new_page()
    sign_in(page, jo.email)

    page.get_by_role("navigation", name="Main").get_by_role("link", name="Insights").click()
    expect(page).to_have_url(url_of("checkins:insights"))
    together = page.get_by_role("region", name="What goes with your energy")
    expect(together).to_contain_text(
        "On days with outdoors your energy averaged 7.0, against 4.0 without, over 8 and 20 days."
    )
    table = together.get_by_role("table")
    expect(table.get_by_role("row", name="outdoors 7.0 8 4.0 20 +3.0")).to_be_visible()
    expect(
        together.get_by_role("heading", name="Tags that go with pressure-driven days")
    ).to_be_visible()
    expect(together.get_by_role("listitem").filter(has_text="meetings")).to_have_text(
        "On days with meetings, 6 of 6 leaned to pressure, against 0 of 22 without."
    )
    expect(together).to_contain_text("They cannot say that one thing causes another")
    assert_accessible(page)
