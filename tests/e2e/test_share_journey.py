"""Browser journeys through a share link: making one, opening it signed out, turning it off."""

import datetime as dt
import re

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from apps.lib.dates import week_start
from apps.planning.models import (
    BoundaryStatement,
    PersonalValue,
    RestWindow,
    ShareLink,
    WeeklyAction,
)
from apps.resources.models import Value
from tests.e2e.conftest import long_day, sign_in, url_of
from tests.e2e.steps import (
    BERLIN,
    STATEMENT,
    ZONE,
    assert_accessible,
    berlin_now,
    go_to_plan_page,
)


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


def link_for_sam(user) -> ShareLink:
    """The link the first journey makes: values, actions and rest, for 7 days."""
    return ShareLink.objects.create(
        user=user,
        label="Sam",
        include_values=True,
        include_actions=True,
        include_rest=True,
        expires_at=timezone.now() + dt.timedelta(days=7),
    )


def test_alice_makes_a_link_for_sam_with_her_values_actions_and_rest(
    new_page, alice, alices_plan, live_server
):
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

    # Values, this week's actions and the next rest window; no boundaries.
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


def test_sam_opens_the_link_signed_out_and_sees_only_what_alice_chose(
    new_page, alice, alices_plan, live_server
):
    link = link_for_sam(alice)

    visitor = new_page(timezone_id=BERLIN)
    response = visitor.goto(f"{live_server.url}{link.get_absolute_url()}")
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


def test_alice_turns_the_link_off_and_sam_finds_it_no_longer_works(
    new_page, alice, alices_plan, live_server
):
    link = link_for_sam(alice)
    visitor = new_page(timezone_id=BERLIN)
    response = visitor.goto(f"{live_server.url}{link.get_absolute_url()}")
    assert response is not None
    assert response.status == 200
    page = new_page(timezone_id=BERLIN)
    sign_in(page, alice.email)
    page.goto(reverse("planning:shares"))
    main = page.get_by_role("main")
    card = main.get_by_role("listitem").filter(has=page.get_by_role("heading", name="Sam"))

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

    # For Sam, the same address now says kindly that it was turned off.
    response = visitor.reload()
    assert response is not None
    assert response.status == 404
    shared = visitor.get_by_role("main")
    expect(shared.get_by_role("heading", level=1)).to_have_text("This link was turned off")
    expect(shared.get_by_text("ask them for a new link")).to_be_visible()
    expect(shared.get_by_role("link", name="What is Pacewise?")).to_be_visible()
    expect(shared).not_to_contain_text("Rest: It lets me be patient.")
    expect(shared.get_by_role("region", name="What matters to them")).to_have_count(0)
    assert_accessible(visitor)
