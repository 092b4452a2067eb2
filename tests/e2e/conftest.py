"""Browser journeys: real Chromium (Debian's, never a downloaded one) against `live_server`."""

import datetime as dt
import importlib
import os
import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.apps import apps as global_apps
from django.urls import reverse
from playwright.sync_api import (
    Browser,
    BrowserContext,
    ConsoleMessage,
    Page,
    expect,
    sync_playwright,
)

from tests.conftest import PASSWORD

# Playwright's sync API runs an event loop in the test's thread, so Django would refuse the ORM
# calls the tests make between browser steps. Only this browser-test conftest sets it.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
AXE_OPTIONS = {
    "runOnly": {
        "type": "tag",
        "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"],
    }
}
HERE = Path(__file__).parent.resolve()


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if HERE in Path(item.path).resolve().parents:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    executable = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
    if not Path(executable).is_file():
        pytest.fail(
            f"Chromium not found at {executable}. Install Debian's chromium "
            "(`apt-get install chromium`; `.ci/run` does it) or set CHROMIUM_PATH. "
            "Browsers are never downloaded.",
            pytrace=False,
        )
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=executable, headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


# No `bypass_csp`: axe is injected with `page.evaluate` (DevTools), which the site's
# Content-Security-Policy does not block, and bypassing CSP would hide real breakage (an inline
# style the policy refuses, say) from these journeys.
def is_error(message: ConsoleMessage) -> bool:
    text = message.text
    return (
        message.type == "error"
        and not text.startswith(HTTP_STATUS)
        and not any(noise in text for noise in OFFLINE_NOISE)
    )


HTTP_STATUS = "Failed to load resource: the server responded with a status of"
# Chromium saying the network is gone, as the offline journeys make it on purpose
# (context.set_offline): a request that failed, and the service worker's update check.
OFFLINE_NOISE = (
    "net::ERR_INTERNET_DISCONNECTED",
    "An unknown error occurred when fetching the script.",
)


@pytest.fixture
def new_page(browser: Browser, live_server, transactional_db) -> Iterator[Callable[..., Page]]:
    """Open a page in a fresh context on the live server; every context closes after the test.

    Keyword arguments go to `browser.new_context` (e.g. `java_script_enabled=False`,
    `timezone_id="Europe/Berlin"`).
    """
    contexts: list[BrowserContext] = []
    errors: list[str] = []

    def open_page(**context_options: object) -> Page:
        context = browser.new_context(base_url=live_server.url, **context_options)
        contexts.append(context)
        page = context.new_page()
        # Every error the page reports (a script error, a refused inline style) fails the test;
        # an answer's HTTP status (a 422 for a form's errors, a 404) is the test's to check.
        page.on("console", lambda m: errors.append(m.text) if is_error(m) else None)
        page.on("pageerror", lambda error: errors.append(str(error)))
        return page

    yield open_page
    for context in contexts:
        context.close()
    assert errors == [], "the browser console reported errors"


# The data migrations that load curated content, re-run before every journey.
SEED_MIGRATIONS = [
    "apps.resources.migrations.0002_seed_crisis_lines_and_prompts",
    "apps.resources.migrations.0004_seed_exercises_approaches_values",
]
# Migrations whose forward step is idempotent, run after those: (module, function).
IDEMPOTENT_MIGRATIONS = [
    ("apps.resources.migrations.0005_content_editors_group", "create_group"),
    ("apps.resources.migrations.0008_more_verified_crisis_lines", "add_lines"),
]


@pytest.fixture(autouse=True)
def curated_content(transactional_db) -> None:
    """The curated content (crisis lines, prompts, exercises, approaches, values) and the
    "Content editors" group, as the data migrations create them.

    Every browser test flushes the database when it ends, migrated rows included, so a journey
    that runs after another would find none. `serialized_rollback` cannot bring them back here:
    once Playwright's sync API is running, Django hands out fresh connection objects without
    the serialized copy, so the restore silently does nothing.
    """
    for module in SEED_MIGRATIONS:
        seeding = importlib.import_module(module)
        seeding.unseed(global_apps, None)
        seeding.seed(global_apps, None)
    for module, forward in IDEMPOTENT_MIGRATIONS:
        getattr(importlib.import_module(module), forward)(global_apps, None)


@pytest.fixture
def page(new_page: Callable[..., Page]) -> Page:
    return new_page()


def assert_accessible(page: Page) -> None:
    """No WCAG 2.2 A/AA violations that axe-core can detect on the page as it stands."""
    results = Axe().run(page, options=AXE_OPTIONS)
    assert results.violations_count == 0, results.generate_report()


# --- Steps the journeys share ------------------------------------------------------------------
def url_of(name: str, *args: object, query: str = "") -> re.Pattern[str]:
    """The page's whole URL is the named route on the live server, with exactly this query."""
    path = re.escape(reverse(name, args=args))
    query = re.escape(f"?{query}") if query else ""
    return re.compile(rf"^https?://[^/]+{path}{query}$")


def sign_in(
    page: Page, email: str, password: str = PASSWORD, *, lands_on: str | None = "checkins:today"
) -> None:
    """Through the sign-in form; then on `lands_on`, unless None (a refusal, say)."""
    page.goto(reverse("account_login"))
    expect(page).to_have_url(url_of("account_login"))
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("main").get_by_role("button", name="Sign in").click()
    if lands_on:
        expect(page).to_have_url(url_of(lands_on))


def long_day(day: dt.date) -> str:
    """Django's "l j F", e.g. "Saturday 16 May"."""
    return f"{day:%A} {day.day} {day:%B}"
