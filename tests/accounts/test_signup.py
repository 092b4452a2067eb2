import re

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.urls import reverse

from apps.accounts.models import User
from apps.outbox.models import Message, Status

pytestmark = [pytest.mark.django_db, pytest.mark.sqlite]

SIGNUP = {
    "email": "dana@example.com",
    "password1": "slow mornings are fine",
    "password2": "slow mornings are fine",
    "display_name": "Dana",
    "time_zone": "Asia/Kolkata",
    "country": "IN",
}


@pytest.fixture
def sign_up(client, django_capture_on_commit_callbacks):
    def post(**overrides):
        # Emails leave through a task queued on commit; run those callbacks as a commit would.
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(reverse("account_signup"), {**SIGNUP, **overrides})

    return post


def code_from_outbox() -> str:
    body = mail.outbox[-1].body
    return re.search(r"^\s*([A-Z0-9]{3,}(?:-[A-Z0-9]+)*)\s*$", body, re.MULTILINE).group(1)


def test_it_creates_the_user_with_profile_and_emails_a_code(sign_up):
    response = sign_up()

    assert response.status_code == 302
    assert response["Location"] == reverse("account_email_verification_sent")
    user = User.objects.get(email="dana@example.com")
    assert (user.display_name, user.time_zone, user.country.code) == ("Dana", "Asia/Kolkata", "IN")
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["dana@example.com"]
    assert mail.outbox[0].subject.startswith("Pacewise: ")
    assert "Hello from Pacewise!" in mail.outbox[0].body
    # The email went through the outbox and a task, and its body (a code) was then forgotten.
    sent = Message.objects.get()
    assert (sent.kind, sent.user, sent.status) == (
        "email_confirmation_signup",
        User.objects.get(email="dana@example.com"),
        Status.SENT,
    )
    assert (sent.subject, sent.text_body, sent.html_body) == ("", "", "")
    assert mail.outbox[0].extra_headers["Message-ID"] == sent.message_id


def test_it_keeps_the_user_out_until_the_code_is_entered(client, sign_up):
    sign_up()

    assert client.get(reverse("checkins:today")).status_code == 302


def test_the_right_code_verifies_and_lands_on_today(client, sign_up):
    sign_up()

    response = client.post(reverse("account_email_verification_sent"), {"code": code_from_outbox()})

    assert response.status_code == 302
    assert response["Location"] == reverse("checkins:today")
    assert EmailAddress.objects.get(email="dana@example.com").verified
    assert client.get(reverse("checkins:today")).status_code == 200


def test_a_wrong_code_is_refused_with_an_error(client, sign_up):
    sign_up()

    response = client.post(reverse("account_email_verification_sent"), {"code": "WRONG-CODE"})

    assert response.status_code == 200
    assert "Incorrect code" in response.text
    assert not EmailAddress.objects.get(email="dana@example.com").verified


def test_a_weak_password_gets_an_error_and_saves_nothing(sign_up):
    response = sign_up(password1="password", password2="password")

    assert response.status_code == 200
    assert "This password is too common" in response.text
    assert 'value="dana@example.com"' in response.text
    assert not User.objects.exists()
    assert mail.outbox == []


def test_an_unknown_time_zone_gets_an_error_and_saves_nothing(sign_up):
    response = sign_up(time_zone="Mars/Olympus_Mons")

    assert response.status_code == 200
    assert "is not a time zone we know" in response.text
    assert not User.objects.exists()


def test_a_duplicate_email_creates_no_second_account_and_tells_the_owner(sign_up, alice):
    response = sign_up(email="ALICE@example.com")

    assert response.status_code == 302
    assert User.objects.filter(email__iexact="alice@example.com").count() == 1
    # Enumeration stays closed: the page does not say the address is taken; its owner is told.
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["alice@example.com"]
    assert "already" in mail.outbox[0].body.lower()


def test_the_bot_trap_is_hidden_by_a_class_not_an_inline_style(client):
    html = client.get(reverse("account_signup")).text

    assert 'class="honeypot"' in html
    assert "right: -99999px" not in html


def test_a_filled_bot_trap_creates_no_account(sign_up):
    response = sign_up(phone_number="+1 555 0100")

    assert response.status_code == 302
    assert not User.objects.exists()
    assert mail.outbox == []
