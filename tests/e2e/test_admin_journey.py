"""Browser journeys through the admin: a content editor adds a crisis line that visitors see,
and the admin's own scripts run under the site's Content-Security-Policy."""

from collections.abc import Callable

from django.conf import settings
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse
from playwright.sync_api import ConsoleMessage, Page, expect

from apps.resources.models import CrisisLine
from tests.conftest import make_user
from tests.e2e.conftest import assert_accessible, url_of
from tests.resources.conftest import sign_in_with_mfa


def csp_reports(page: Page) -> list[str]:
    """Collects the Content-Security-Policy refusals the page logs to the console."""
    refusals: list[str] = []

    def on_console(message: ConsoleMessage) -> None:
        if "Content Security Policy" in message.text:
            refusals.append(message.text)

    page.on("console", on_console)
    return refusals


def test_an_editor_adds_a_crisis_line_in_the_admin(new_page: Callable[..., Page], live_server):
    editor = make_user("editor@example.com", is_staff=True)
    editor.groups.add(Group.objects.get(name="Content editors"))
    # A session as after password and authenticator code (the admin asks for both).
    client = Client()
    sign_in_with_mfa(client, editor)

    admin = new_page()
    admin.context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]
    )
    refusals = csp_reports(admin)
    admin.goto(reverse("admin:resources_crisisline_add"))
    expect(admin).to_have_url(url_of("admin:resources_crisisline_add"))
    expect(admin.get_by_role("heading", level=1)).to_have_text("Add crisis line")

    # The admin's labels end in a colon ("Name:"), all but the checkbox's.
    admin.get_by_label("Country:", exact=True).select_option("GB")
    admin.get_by_label("Kind:", exact=True).select_option(label="Crisis line")
    # Typed key by key: the admin's prepopulate script fills the slug from the country and the
    # name on each keyup.
    admin.get_by_label("Name:", exact=True).press_sequentially("E2E Test Line")
    expect(admin.get_by_label("Slug:", exact=True)).to_have_value("gb-e2e-test-line")
    admin.get_by_label("Published", exact=True).check()
    admin.get_by_label("Phone:", exact=True).fill("116 123")
    admin.get_by_label("Verified against:", exact=True).fill("https://example.org/line")
    # The date widget's shortcuts come from the admin's scripts, which the CSP lets run.
    expect(admin.get_by_role("button", name="Choose a Date")).to_be_visible()
    admin.get_by_label("Last verified on:", exact=True).fill("2026-11-20")
    admin.get_by_role("button", name="Save", exact=True).click()

    expect(admin).to_have_url(url_of("admin:resources_crisisline_changelist"))
    expect(admin.get_by_text("was added successfully")).to_be_visible()
    line = CrisisLine.objects.get(slug="gb-e2e-test-line")
    assert (line.country.code, line.kind, line.is_published) == ("GB", "crisis", True)
    assert refusals == [], refusals

    visitor = new_page()
    visitor.goto(f"{reverse('resources:crisis')}?country=GB")
    main = visitor.get_by_role("main")
    card = main.locator("section").filter(
        has=visitor.get_by_role("heading", name="E2E Test Line", exact=True)
    )
    expect(card).to_be_visible()
    expect(card.get_by_role("link", name="116 123")).to_be_visible()
    expect(main.get_by_role("heading", name="Samaritans", exact=True)).to_be_visible()
    assert_accessible(visitor)
