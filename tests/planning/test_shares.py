import datetime as dt

import pytest
from django.core import mail
from django.test import override_settings
from django.urls import reverse

from apps.planning.models import ShareLink
from tests.planning.conftest import NOW

pytestmark = pytest.mark.django_db
URL = reverse("planning:share-create")
FORM = {"label": "Sam", "include_values": "on", "include_rest": "on", "days": "7"}


def test_a_link_is_made_with_the_ticked_sections_and_an_expiry(alice_client, alice):
    response = alice_client.post(URL, FORM)

    assert response["Location"] == reverse("planning:shares")
    link = ShareLink.objects.get(user=alice)
    assert (link.include_values, link.include_actions) == (True, False)
    assert (link.include_boundaries, link.include_rest) == (False, True)
    assert link.expires_at == NOW + dt.timedelta(days=7)
    assert len(link.token) == 43
    assert reverse("planning:share-view", args=[link.token]) in (
        alice_client.get(reverse("planning:shares")).text
    )


@pytest.mark.parametrize("days", ["1", "30"])
def test_the_expiry_can_be_one_or_thirty_days(alice_client, alice, days):
    alice_client.post(URL, {**FORM, "days": days})

    assert ShareLink.objects.get(user=alice).expires_at == NOW + dt.timedelta(days=int(days))


@pytest.mark.parametrize(
    ("data", "error"),
    [
        ({"days": "365"}, "Choose 1, 7 or 30 days."),
        ({"days": ""}, "Choose how long the link works"),
        ({"include_values": "", "include_rest": ""}, "Tick at least one part of your plan"),
        ({"email": "not-an-email"}, "Enter an email address like"),
        ({"label": "x" * 81}, "under 80 characters"),
    ],
)
def test_bad_input_gets_a_clear_error_and_saves_nothing(alice_client, data, error):
    response = alice_client.post(URL, {**FORM, **data})

    assert response.status_code == 422
    assert error in response.text
    assert not ShareLink.objects.exists()
    assert not mail.outbox


def test_the_link_can_be_emailed_with_the_sharers_name_and_nothing_of_the_plan(
    alice_client, alice, settings, django_capture_on_commit_callbacks
):
    settings.SITE_URL = "https://elsewhere.example"  # the link is the site the person is on
    settings.ALLOWED_HOSTS = ["pacewise.example"]
    with django_capture_on_commit_callbacks(execute=True):
        alice_client.post(
            URL,
            {**FORM, "label": "My sister", "email": "sam@example.com"},
            headers={"host": "pacewise.example:8443"},
            secure=True,
        )

    link = ShareLink.objects.get(user=alice)
    (message,) = mail.outbox
    assert message.to == ["sam@example.com"]
    assert message.subject == "Alice shared their Pacewise plan with you"
    html = message.alternatives[0].content
    url = "https://pacewise.example:8443" + reverse("planning:share-view", args=[link.token])
    for body in (message.body, html):
        assert url in body
        assert "works for 7 days" in body
        assert "My sister" not in body
        assert "alice@example.com" not in body


def test_emailing_needs_a_display_name_so_the_person_knows_who_it_is_from(alice_client, alice):
    alice.display_name = ""
    alice.save()

    response = alice_client.post(URL, {**FORM, "email": "sam@example.com"})

    assert response.status_code == 422
    assert "add a display name in your account first" in response.text
    assert not ShareLink.objects.exists()


def test_revoking_turns_the_link_off_at_once(alice_client, client, alice):
    link = ShareLink.objects.create(user=alice, expires_at=NOW + dt.timedelta(days=7))
    link.include_values = True
    link.save()
    public = reverse("planning:share-view", args=[link.token])
    assert client.get(public).status_code == 200

    response = alice_client.post(reverse("planning:share-revoke", args=[link.pk]))

    assert response["Location"] == reverse("planning:shares")
    link.refresh_from_db()
    assert link.revoked_at == NOW
    assert client.get(public).status_code == 404
    assert "Turned off on 25 March 2026" in alice_client.get(reverse("planning:shares")).text


def test_emailing_links_is_limited_to_five_an_hour(
    alice_client, alice, django_capture_on_commit_callbacks
):
    alice.display_name = "Alice"
    alice.save()
    data = {"label": "Sam", "include_values": "on", "days": "7", "email": "sam@example.com"}
    with django_capture_on_commit_callbacks(execute=True):
        for _ in range(5):
            alice_client.post(reverse("planning:share-create"), data)
        response = alice_client.post(reverse("planning:share-create"), data)

    assert response.status_code == 422
    assert "You have sent five links by email this hour." in response.text
    assert len(mail.outbox) == 5


def test_at_most_ten_links_work_at_once_and_the_page_says_so(alice_client, alice):
    page = alice_client.get(reverse("planning:shares")).text
    assert "Up to 10 links can work at once, and up to five can be emailed in an hour." in page
    for _ in range(10):
        assert alice_client.post(URL, FORM).status_code == 302

    response = alice_client.post(URL, FORM)

    assert response.status_code == 422
    assert "You have 10 links working already. Turn one off below" in response.text
    assert ShareLink.objects.filter(user=alice).count() == 10


def test_a_turned_off_link_makes_room_for_a_new_one(alice_client, alice):
    for _ in range(10):
        alice_client.post(URL, FORM)
    link = ShareLink.objects.filter(user=alice).first()
    alice_client.post(reverse("planning:share-revoke", args=[link.pk]))

    assert alice_client.post(URL, FORM).status_code == 302
    assert ShareLink.objects.for_user(alice).active().count() == 10


@override_settings(SITE_URL="https://pacewise.example", ALLOWED_HOSTS=["127.0.0.1"])
def test_the_page_shows_each_link_on_the_host_and_port_it_was_asked_on(alice_client, alice):
    alice_client.post(URL, FORM, HTTP_HOST="127.0.0.1:8765")
    link = ShareLink.objects.get(user=alice)

    html = alice_client.get(reverse("planning:shares"), HTTP_HOST="127.0.0.1:8765").text

    assert f'value="http://127.0.0.1:8765{link.get_absolute_url()}"' in html
    assert "pacewise.example" not in html
