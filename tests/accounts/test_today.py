import datetime as dt

import pytest
import time_machine
from django.urls import reverse

pytestmark = pytest.mark.django_db
URL = reverse("accounts:today")


def test_it_greets_the_user_by_name_on_their_own_local_date(client, alice, charlie):
    # 23:30 UTC on 1 March is already 2 March in Berlin, still 1 March in Chicago.
    with time_machine.travel(dt.datetime(2026, 3, 1, 23, 30, tzinfo=dt.UTC), tick=False):
        client.force_login(alice)
        berlin = client.get(URL).text
        client.force_login(charlie)
        chicago = client.get(URL).text

    assert "Good evening, Alice." in berlin  # 00:30 in Berlin
    assert "Monday 2 March" in berlin
    assert "Good afternoon, Charlie." in chicago  # 17:30 in Chicago
    assert "Sunday 1 March" in chicago


def test_it_links_the_account_page(alice_client):
    assert reverse("accounts:account") in alice_client.get(URL).text


def test_signed_in_pages_are_never_cached(alice_client):
    assert alice_client.get(URL)["Cache-Control"] == "no-store"


def test_a_signed_out_visitor_is_sent_to_sign_in(client):
    response = client.get(URL)

    assert response.status_code == 302
    assert response["Location"] == f"{reverse('account_login')}?next={URL}"


def test_an_htmx_request_after_the_session_ended_redirects_the_whole_page(client):
    response = client.get(URL, headers={"HX-Request": "true"})

    assert response.status_code == 200
    assert response["HX-Redirect"] == f"{reverse('account_login')}?next={URL}"
