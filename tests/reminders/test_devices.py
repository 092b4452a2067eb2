"""This device: subscribing a browser to notifications, trying one, removing one, and choosing
per kind of reminder how it comes. A real push service of the tests' own receives what is
sent (tests/push_service.py); tasks run in the request, as the unit tests' settings say."""

import json
from collections.abc import Iterator

import pytest
from django.urls import reverse

from apps.outbox.models import Channel, Message, Notification, PushSubscription, Status
from apps.outbox.tasks import queue_push, send
from apps.reminders.models import Preferences, Via
from tests.conftest import make_user
from tests.push_service import Browser, PushService, push_service

pytestmark = pytest.mark.django_db
CHROME_LINUX = (
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/142.0.0.0 Safari/537.36"
)
FIREFOX_ANDROID = "Mozilla/5.0 (Android 15; Mobile; rv:145.0) Gecko/145.0 Firefox/145.0"


@pytest.fixture
def service() -> Iterator[PushService]:
    with push_service() as running:
        yield running


def subscribe(client, subscription: dict, user_agent: str = CHROME_LINUX):
    return client.post(
        reverse("reminders:device-add"),
        json.dumps(subscription),
        content_type="application/json",
        headers={"User-Agent": user_agent},
    )


def test_a_browser_subscribes_once_and_is_listed_by_its_name_never_its_address(
    alice_client, alice, service
):
    browser = Browser(service)

    first = subscribe(alice_client, browser.subscription())
    again = subscribe(alice_client, browser.subscription())

    assert (first.status_code, again.status_code) == (201, 200)
    device = PushSubscription.objects.get(user=alice)
    assert first.json() == {"id": device.pk, "label": "Chrome on Linux"}
    assert device.endpoint == browser.endpoint
    page = alice_client.get(reverse("reminders:preferences")).text
    assert "Chrome on Linux" in page
    assert "gets notifications now" in page  # the flash message after subscribing
    assert browser.token not in page


@pytest.mark.parametrize(
    ("change", "error"),
    [
        ({"endpoint": "https://attacker.example/push/1"}, "not the address of a known push"),
        ({"endpoint": "http://fcm.googleapis.com/fcm/send/abc"}, "known push service"),
        ({"endpoint": "https://fcm.googleapis.com.attacker.example/x"}, "known push service"),
        ({"keys": {"p256dh": "AAAA", "auth": "c2VjcmV0c2VjcmV0c2VjcmV0"}}, "push key"),
        ({"keys": {"p256dh": "B" + "A" * 86, "auth": "AAAAAAAAAAAAAAAAAAAAAA"}}, "push key"),
        ({"keys": None}, "required"),
    ],
)
def test_a_subscription_that_is_not_a_browsers_is_refused_and_nothing_is_kept(
    alice_client, service, change, error
):
    subscription = {**Browser(service).subscription(), **change}

    response = subscribe(alice_client, subscription)

    assert response.status_code == 400
    assert error in response.json()["error"]
    assert not PushSubscription.objects.exists()


def test_a_short_auth_secret_and_a_body_that_is_not_json_are_refused(alice_client, service):
    subscription = Browser(service).subscription()
    subscription["keys"]["auth"] = "c2hvcnQ"

    assert subscribe(alice_client, subscription).status_code == 400
    not_json = alice_client.post(
        reverse("reminders:device-add"), "endpoint=x", content_type="application/json"
    )
    assert not_json.status_code == 400
    assert not PushSubscription.objects.exists()


def test_signed_out_visitors_cannot_subscribe(client, service):
    response = subscribe(client, Browser(service).subscription())

    assert response.status_code == 302
    assert not PushSubscription.objects.exists()


def test_a_test_notification_reaches_that_device_with_no_free_text(
    alice_client, alice, service, django_capture_on_commit_callbacks
):
    browser = Browser(service)
    subscribe(alice_client, browser.subscription(), FIREFOX_ANDROID)
    device = PushSubscription.objects.get(user=alice)

    with django_capture_on_commit_callbacks(execute=True):
        response = alice_client.post(
            reverse("reminders:device-test", args=[device.pk]), follow=True
        )

    assert "A test notification is on its way to Firefox on Android." in response.text
    assert service.delivered(browser) == [
        {
            "title": "Pacewise notifications are on",
            "body": "Reminders you choose will look like this on Firefox on Android.",
            "url": "/account/email/",
            "tag": "push_test",
        }
    ]
    message = Message.objects.get(kind="push_test")
    assert (message.channel, message.status, message.subject) == (Channel.PUSH, Status.SENT, "")
    assert service.pushes[0].headers["ttl"] == "300"


def test_another_persons_device_answers_404_and_is_left_alone(alice_client, service):
    bob = make_user("bob@example.com")
    browser = Browser(service)
    device = browser.device_of(bob, label="Bob's phone")

    tried = alice_client.post(reverse("reminders:device-test", args=[device.pk]))
    removed = alice_client.post(reverse("reminders:device-remove", args=[device.pk]))
    alice_client.post(
        reverse("reminders:device-forget"),
        json.dumps({"endpoint": browser.endpoint}),
        content_type="application/json",
    )

    assert (tried.status_code, removed.status_code) == (404, 404)
    assert PushSubscription.objects.filter(pk=device.pk).exists()
    assert service.delivered() == []


def test_removing_a_device_or_forgetting_this_browser_stops_it(alice_client, alice, service):
    phone, laptop = Browser(service), Browser(service)
    subscribe(alice_client, phone.subscription(), FIREFOX_ANDROID)
    subscribe(alice_client, laptop.subscription())
    [phone_device, _] = PushSubscription.objects.filter(user=alice)

    removed = alice_client.post(
        reverse("reminders:device-remove", args=[phone_device.pk]), follow=True
    )
    forgotten = alice_client.post(
        reverse("reminders:device-forget"),
        json.dumps({"endpoint": laptop.endpoint}),
        content_type="application/json",
    )

    assert "Firefox on Android will get no more notifications." in removed.text
    assert forgotten.status_code == 204
    assert not PushSubscription.objects.exists()
    assert (
        "No device gets notifications yet."
        in alice_client.get(reverse("reminders:preferences")).text
    )


def test_a_device_signed_in_to_by_someone_else_is_theirs_and_what_waited_for_before_is_not(
    alice_client, alice, service
):
    bob = make_user("bob@example.com")
    browser = Browser(service)
    old = browser.device_of(bob, label="Shared tablet")
    waiting = Message.objects.create(
        channel=Channel.PUSH, kind="checkin", key="push:bob", user=bob, subscription=old
    )

    subscribe(alice_client, browser.subscription())

    assert PushSubscription.objects.get().user == alice
    waiting.refresh_from_db()
    assert waiting.subscription is None  # it will be skipped as "no_device", never sent to alice


def test_a_channel_with_notifications_needs_a_device_first(alice_client, alice, service):
    form = {
        "checkin_enabled": "on",
        "checkin_time": "19:00",
        "checkin_days": [str(n) for n in range(7)],
        "rest_enabled": "on",
        "rest_heads_up_hours": "0",
        "summary_weekday": "0",
        "summary_time": "08:00",
        "checkin_via": Via.PUSH,
        "rest_via": Via.BOTH,
        "summary_via": Via.EMAIL,
    }

    refused = alice_client.post(reverse("reminders:preferences"), form)
    subscribe(alice_client, Browser(service).subscription())
    saved = alice_client.post(reverse("reminders:preferences"), form, follow=True)

    assert refused.status_code == 422
    assert refused.text.count("No device gets notifications yet: set one up") == 2
    assert "Your reminder settings are saved." in saved.text
    prefs = Preferences.objects.get(user=alice)
    assert (prefs.checkin_via, prefs.rest_via, prefs.summary_via) == ("push", "both", "email")


def test_without_vapid_keys_the_page_says_so_and_nothing_subscribes(
    alice_client, service, settings
):
    settings.VAPID_PRIVATE_KEY = settings.VAPID_PUBLIC_KEY = ""

    page = alice_client.get(reverse("reminders:preferences")).text
    response = subscribe(alice_client, Browser(service).subscription())

    assert "Notifications are not set up on this server; reminders come by email." in page
    assert "data-push-key" not in page
    assert response.status_code == 503
    assert not PushSubscription.objects.exists()


def test_the_page_gives_the_browser_the_public_key_and_no_more(alice_client, settings):
    page = alice_client.get(reverse("reminders:preferences")).text

    assert f'data-push-key="{settings.VAPID_PUBLIC_KEY}"' in page
    assert settings.VAPID_PRIVATE_KEY not in page


def test_a_device_whose_keys_cannot_be_used_fails_its_message_alone(alice_client, alice, service):
    good, bad = Browser(service), Browser(service)
    subscribe(alice_client, good.subscription())
    subscribe(alice_client, bad.subscription(), FIREFOX_ANDROID)
    PushSubscription.objects.filter(endpoint=bad.endpoint).update(p256dh="not a key")
    notification = Notification(title="Hello", body="A line.", url="/today/", tag="push_test")
    batch = [
        queue_push(device, notification, kind="push_test").pk
        for device in PushSubscription.objects.filter(user=alice)
    ]

    assert send(batch) == 1  # one task, both messages: the broken one does not stop the other

    assert len(service.delivered(good)) == 1
    statuses = dict(Message.objects.values_list("subscription__endpoint", "status"))
    assert statuses == {good.endpoint: Status.SENT, bad.endpoint: Status.FAILED}
    assert Message.objects.get(subscription__endpoint=bad.endpoint).reason == "send_error"
