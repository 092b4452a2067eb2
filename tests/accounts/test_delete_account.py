import datetime as dt

import pytest
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.auth import SESSION_KEY, get_user_model
from django.contrib.contenttypes.models import ContentType
from django.contrib.sessions.models import Session
from django.core import mail
from django.db import connection, models
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from apps.accounts.models import SecurityEvent
from apps.outbox.models import Message
from apps.planning.emails import send_share_link
from apps.planning.models import ShareLink
from tests.accounts.userdata import fill, owned_models, user_links
from tests.conftest import ON_SQLITE, PASSWORD

pytestmark = [pytest.mark.django_db, pytest.mark.sqlite]
URL = reverse("accounts:delete")
CONFIRM = {"confirmation": "delete my account"}


@pytest.fixture
def reauthed(alice_client):
    alice_client.post(reverse("account_reauthenticate"), {"password": PASSWORD})
    return alice_client


def rows_mentioning(*needles: str) -> set[tuple[str, str]]:
    """(table, needle) for every table of the database with a row whose text holds a needle."""
    found = set()
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            for needle in needles:
                cursor.execute(
                    f"SELECT 1 FROM {connection.ops.quote_name(table)} AS row "  # noqa: S608
                    "WHERE row::text ILIKE %s LIMIT 1",
                    [f"%{needle}%"],
                )
                if cursor.fetchone():
                    found.add((table, needle))
    return found


def sessions_of(user_id: int) -> list[str]:
    return [
        s.session_key
        for s in Session.objects.all()
        if s.get_decoded().get(SESSION_KEY) == str(user_id)
    ]


def test_a_signed_out_visitor_is_sent_to_sign_in(client):
    response = client.post(URL, CONFIRM)

    assert response["Location"].startswith(reverse("account_login"))


def test_without_a_fresh_password_it_asks_for_one_and_deletes_nothing(alice_client, alice):
    for response in (alice_client.get(URL), alice_client.post(URL, CONFIRM)):
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("account_reauthenticate"))

    assert get_user_model().objects.filter(pk=alice.pk).exists()


def test_the_page_explains_what_goes_and_asks_for_the_phrase(reauthed):
    response = reauthed.get(URL)

    assert response.status_code == 200
    assert "cannot be undone" in response.text
    assert reverse("accounts:export") in response.text
    assert 'name="confirmation"' in response.text


@pytest.mark.parametrize("typed", ["", "delete", "delete my acount", "keep my account"])
def test_a_wrong_confirmation_shows_an_error_and_deletes_nothing(reauthed, alice, typed):
    response = reauthed.post(URL, {"confirmation": typed})

    assert response.status_code == 422
    assert "exactly as shown" in response.text
    assert get_user_model().objects.filter(pk=alice.pk).exists()


def test_the_phrase_is_accepted_whatever_its_case_and_spacing(reauthed, alice):
    response = reauthed.post(URL, {"confirmation": "  Delete  my ACCOUNT "})

    assert response.status_code == 302
    assert not get_user_model().objects.filter(pk=alice.pk).exists()


def test_every_table_holding_user_data_is_known_to_this_test():
    direct, children = owned_models()
    for model in direct:
        for field in user_links(model):
            # Never SET_NULL, PROTECT or DO_NOTHING: a row must not outlive its person.
            assert field.remote_field.on_delete is models.CASCADE, (model, field.name)

    probe = get_user_model().objects.create_user("probe@example.com", "a calm long password")
    assert set(fill(probe)) == direct | children


def test_deleting_leaves_nothing_of_the_user_and_touches_no_one_else(
    reauthed, alice, charlie, django_capture_on_commit_callbacks
):
    alice.display_name = "Alice Marchbank"  # a name no other row holds by chance
    alice.save()
    alices, charlies = fill(alice), fill(charlie)
    send_share_link(  # names her, to someone else's address
        ShareLink.objects.create(user=alice, expires_at=timezone.now() + dt.timedelta(days=7)),
        "trusted.person@example.net",
        "https://pacewise.example/share/abc/",
    )
    other_device, charlies_device = Client(), Client()
    other_device.force_login(alice)
    charlies_device.force_login(charlie)
    Message.objects.create(kind="email", key="old", to="Alice@Example.com", subject="Hi")
    about_alice = LogEntry.objects.create(
        user=charlie,
        content_type=ContentType.objects.get_for_model(alice),
        object_id=str(alice.pk),
        object_repr=alice.email,
        action_flag=CHANGE,
    )
    assert len(sessions_of(alice.pk)) == 2

    with django_capture_on_commit_callbacks(execute=True):
        response = reauthed.post(URL, CONFIRM)

    assert response["Location"] == reverse("accounts:landing")
    assert "have been deleted" in reauthed.get(response["Location"]).text
    direct, _ = owned_models()
    for model in direct:
        for field in user_links(model):
            assert not model.objects.filter(**{field.attname: alice.pk}).exists(), model
    for model, rows in alices.items():
        assert not model.objects.filter(pk__in=[r.pk for r in rows]).exists(), model
    for model, rows in charlies.items():
        assert model.objects.filter(pk__in=[r.pk for r in rows]).count() == len(rows), model
    assert sessions_of(alice.pk) == []
    assert len(sessions_of(charlie.pk)) == 1
    assert other_device.get(reverse("accounts:account")).status_code == 302
    assert not Message.objects.filter(to__icontains="alice").exists()
    assert not LogEntry.objects.filter(pk=about_alice.pk).exists()
    assert SecurityEvent.objects.get(kind=SecurityEvent.Kind.DELETED).user_id is None
    if not ON_SQLITE:  # the search through every row is PostgreSQL's (row::text)
        assert rows_mentioning("alice@example.com", "Alice Marchbank", "trusted.person") == set()


def test_a_goodbye_email_goes_to_the_address_holding_only_a_generic_text(
    reauthed, alice, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        reauthed.post(URL, CONFIRM)

    [message] = mail.outbox
    assert message.to == ["alice@example.com"]
    assert message.subject == "Your Pacewise account has been deleted"
    assert "Alice" not in message.body
    row = Message.objects.get()
    assert (row.kind, row.status, row.to, row.text_body, row.user) == (
        "goodbye",
        "sent",
        "",
        "",
        None,
    )


def test_the_deleted_person_can_no_longer_sign_in(
    reauthed, client, alice, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        reauthed.post(URL, CONFIRM)

    response = client.post(
        reverse("account_login"), {"login": "alice@example.com", "password": PASSWORD}
    )

    assert response.status_code == 200
    assert client.get(reverse("accounts:account")).status_code == 302
