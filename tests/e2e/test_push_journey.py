"""Reminders on this device: Sami lets the browser show notifications, tries one, gets a
check-in reminder as one, and stops them again.

A test context is incognito, and Chromium has no Push API there (crbug.com/41124656); nor can a
headless Chromium reach a real push service. So this page's PushManager is the tests' own
(PUSH_MANAGER): it hands out a subscription to the tests' push service (tests/push_service.py),
which checks the VAPID signature and decrypts what the server sends with that subscription's
keys. What it decrypts is given to the real service worker as a push message (DevTools'
ServiceWorker.deliverPushMessage), which shows the notification.

The test reads what the worker showed from the worker itself (WATCH), not from
`registration.getNotifications()`: headless Chromium, with no notification daemon, sometimes
leaves a notification out of that list although `showNotification` resolved and no
"notificationclose" fired (about one run in six, whatever the wait).
"""

import datetime as dt
import json

import pytest
from django.utils import timezone
from playwright.sync_api import Page, Worker, expect

from apps.outbox.models import PushSubscription
from apps.reminders.models import Kind, Preferences, Reminder
from apps.reminders.tasks import dispatch_due
from tests.conftest import make_user
from tests.e2e.conftest import sign_in
from tests.e2e.steps import BERLIN, assert_accessible
from tests.push_service import Browser, push_service

PUSH_MANAGER = """subscription => {
  let current = JSON.parse(sessionStorage.getItem("test-push") || "null");
  const wrap = json => json && {
    endpoint: json.endpoint,
    toJSON: () => json,
    unsubscribe: () => {
      sessionStorage.removeItem("test-push");
      current = null;
      return Promise.resolve(true);
    },
  };
  PushManager.prototype.getSubscription = function () { return Promise.resolve(wrap(current)); };
  PushManager.prototype.subscribe = function (options) {
    if (!options.userVisibleOnly || !(options.applicationServerKey instanceof Uint8Array)
        || options.applicationServerKey.length !== 65) {
      return Promise.reject(new DOMException("bad options", "NotAllowedError"));
    }
    current = subscription;
    sessionStorage.setItem("test-push", JSON.stringify(subscription));
    return Promise.resolve(wrap(current));
  };
}"""
# In the service worker: keep what each showNotification that the browser carried out showed.
WATCH = """() => {
  if (self.shownForTest) return;
  self.shownForTest = [];
  const show = self.registration.showNotification.bind(self.registration);
  self.registration.showNotification = (title, options) => show(title, options).then(() => {
    const url = options.data.url;
    self.shownForTest.push({title: title, body: options.body, tag: options.tag, url: url});
  });
}"""


class ServiceWorker:
    """The page's service worker, as DevTools sees it: it can be handed a push message."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.origin = page.url.split("/", 3)[:3]
        self.cdp = page.context.new_cdp_session(page)
        found: list[str] = []
        self.cdp.on(
            "ServiceWorker.workerRegistrationUpdated",
            lambda event: found.extend(r["registrationId"] for r in event["registrations"]),
        )
        self.cdp.send("ServiceWorker.enable")
        for _ in range(50):  # DevTools reports the registrations soon after, not at once
            if found:
                break
            page.wait_for_timeout(100)
        assert found, "the service worker is registered"
        self.registration = found[0]

    def push(self, payload: dict) -> None:
        """Deliver a decrypted push message, as the browser would on the push service's word."""
        self.script().evaluate(WATCH)
        self.cdp.send(
            "ServiceWorker.deliverPushMessage",
            {
                "origin": "/".join(self.origin),
                "registrationId": self.registration,
                "data": json.dumps(payload),
            },
        )

    def shown(self, tag: str) -> dict:
        """The notification of that tag, once the worker has shown it."""
        for _ in range(50):
            if notification := self.script().evaluate(
                "tag => self.shownForTest.find(shown => shown.tag === tag) || false", tag
            ):
                return notification
            self.page.wait_for_timeout(100)
        pytest.fail(f"No notification tagged {tag!r} was shown within 5 s.")

    def script(self) -> Worker:
        [running] = self.page.context.service_workers
        return running


@pytest.mark.browser
def test_sami_gets_reminders_as_notifications_on_this_device_and_stops_them(new_page):
    sami = make_user("sami@example.com", display_name="Sami", time_zone=BERLIN, country="DE")
    with push_service() as service:
        browser = Browser(service)
        page = new_page(timezone_id=BERLIN, permissions=["notifications"])
        page.add_init_script(f"({PUSH_MANAGER})({json.dumps(browser.subscription())})")
        sign_in(page, sami.email)
        page.goto("/account/email/")
        page.evaluate("() => navigator.serviceWorker.ready")
        devices = page.locator("#devices")
        expect(devices).to_contain_text("No device gets notifications yet.")
        assert_accessible(page)

        page.get_by_role("button", name="Send reminders to this device").click()
        expect(page.get_by_text("Chrome on Linux gets notifications now.")).to_be_visible()
        expect(devices.get_by_role("listitem")).to_contain_text("Chrome on Linux, since")
        expect(devices.get_by_role("status")).to_have_text("This device gets your notifications.")
        expect(page.get_by_role("button", name="Send reminders to this device")).to_be_hidden()
        assert PushSubscription.objects.get(user=sami).endpoint == browser.endpoint
        assert browser.token not in page.content()
        assert_accessible(page)

        page.get_by_label("Daily check-in reminder").check()
        page.locator("#id_checkin_via").select_option(label="As a notification on my devices")
        page.get_by_role("button", name="Save reminder settings").click()
        expect(page.get_by_text("Your reminder settings are saved.")).to_be_visible()
        assert Preferences.objects.get(user=sami).checkin_via == "push"

        page.get_by_role("button", name="Send a test notification to Chrome on Linux").click()
        expect(
            page.get_by_text("A test notification is on its way to Chrome on Linux.")
        ).to_be_visible()
        [test] = service.delivered(browser)
        assert service.refused == []
        worker = ServiceWorker(page)
        worker.push(test)
        assert worker.shown("push_test") == {
            "title": "Pacewise notifications are on",
            "body": "Reminders you choose will look like this on Chrome on Linux.",
            "tag": "push_test",
            "url": "/account/email/",
        }

        now = timezone.now()
        Reminder.objects.filter(user=sami, kind=Kind.CHECKIN).update(
            next_due_at=now - dt.timedelta(minutes=1)
        )
        assert dispatch_due(now) == 1  # the worker's part runs at once under the test settings
        [_, reminder] = service.delivered(browser)
        worker.push(reminder)
        assert worker.shown("checkin") == {
            "title": "A minute for yourself?",
            "body": "How are you today? Two taps are enough.",
            "tag": "checkin",
            "url": "/today/",
        }

        page.get_by_role("button", name="Stop notifications on this device").click()
        expect(devices).to_contain_text("No device gets notifications yet.")
        expect(page.get_by_role("button", name="Send reminders to this device")).to_be_visible()
        assert not PushSubscription.objects.filter(user=sami).exists()
        assert page.evaluate("() => sessionStorage.getItem('test-push')") is None
