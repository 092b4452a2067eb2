"""Tags in the browser: tick two in a check-in, then keep the list in Account → Tags."""

import datetime as dt

from django.urls import reverse
from playwright.sync_api import expect

from apps.checkins.models import CheckIn, Tag
from tests.conftest import make_user
from tests.e2e.conftest import assert_accessible, sign_in, url_of


def test_lena_ticks_tags_in_a_check_in_and_renames_and_archives_one(new_page):
    lena = make_user("lena@example.com", display_name="Lena", time_zone="UTC")
    Tag.objects.create_defaults(lena)
    yesterday = dt.datetime.now(dt.UTC).date() - dt.timedelta(days=1)
    page = new_page(java_script_enabled=False)  # plain forms all the way
    sign_in(page, lena.email)

    page.goto(reverse("checkins:day", args=[yesterday.isoformat()]))
    form = page.locator("form.checkin-form")
    form.locator(".mood-grid").get_by_text("calm", exact=True).click()
    form.locator(".segmented").first.get_by_text("6", exact=True).click()
    form.get_by_text("Rest", exact=True).click()
    form.get_by_text("More interest", exact=True).click()
    tags = form.get_by_role("group", name="What was part of your day?")
    tags.get_by_text("outdoors", exact=True).click()
    tags.get_by_text("friends", exact=True).click()
    form.get_by_role("button", name="Save check-in").click()
    expect(page).to_have_url(url_of("checkins:day", yesterday.isoformat()))
    saved = CheckIn.objects.get(user=lena)
    assert sorted(saved.tags.values_list("name", flat=True)) == ["friends", "outdoors"]

    page.get_by_role("link", name="Add, rename or reorder your tags").click()
    expect(page).to_have_url(url_of("checkins:tags"))
    page.get_by_label("Name of the tag “outdoors”").fill("out in nature")
    page.get_by_role("button", name="Rename “outdoors”").click()
    expect(page.get_by_role("status")).to_contain_text("Renamed to “out in nature”")
    page.get_by_role("button", name="Archive “screens late”").click()
    archived = page.get_by_role("region", name="Archived")
    expect(archived).to_contain_text("screens late")
    page.get_by_label("Tag", exact=True).fill("gardening")
    page.get_by_role("button", name="Add the tag").click()
    expect(page.get_by_label("Name of the tag “gardening”")).to_be_visible()

    page.goto(reverse("checkins:day", args=[yesterday.isoformat()]))
    tags = page.get_by_role("group", name="What was part of your day?")
    expect(tags.get_by_role("checkbox", name="out in nature")).to_be_checked()
    expect(tags.get_by_role("checkbox", name="screens late")).to_have_count(0)
    expect(tags.get_by_role("checkbox", name="gardening")).not_to_be_checked()


def test_the_tags_page_and_a_check_in_with_tags_pass_axe(new_page):
    Tag.objects.create_defaults(make_user("sam@example.com"))
    page = new_page()
    sign_in(page, "sam@example.com")
    page.goto(reverse("checkins:tags"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Your tags")
    assert_accessible(page)

    page.goto(reverse("checkins:day", args=[dt.datetime.now(dt.UTC).date().isoformat()]))
    tags = page.get_by_role("group", name="What was part of your day?")
    expect(tags.get_by_role("checkbox")).to_have_count(len(Tag.DEFAULTS))
    assert_accessible(page)
