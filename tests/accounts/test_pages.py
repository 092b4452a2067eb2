import pytest
from django.http import HttpRequest, HttpResponse
from django.urls import path, reverse

from config.urls import urlpatterns as site_urlpatterns

pytestmark = pytest.mark.django_db


def broken_view(request: HttpRequest) -> HttpResponse:
    raise RuntimeError("a bug, not the visitor's fault")


urlpatterns = [path("boom/", broken_view), *site_urlpatterns]


def test_the_landing_page_says_what_pacewise_is_and_is_not(client):
    response = client.get(reverse("accounts:landing"))

    assert response.status_code == 200
    assert "not therapy" in response.text
    assert reverse("account_signup") in response.text


def test_a_signed_in_visitor_to_the_landing_page_goes_to_today(alice_client):
    response = alice_client.get(reverse("accounts:landing"))

    assert response.status_code == 302
    assert response["Location"] == reverse("checkins:today")


@pytest.mark.parametrize(
    "name", ["accounts:landing", "resources:crisis", "account_login", "account_signup"]
)
def test_every_page_links_the_crisis_page_in_its_footer(client, name):
    footer = client.get(reverse(name)).text.split('<footer class="site-footer">')[1]

    assert f'href="{reverse("resources:crisis")}"' in footer
    assert "Need help now?" in footer


def test_allauth_pages_use_the_site_layout(client):
    response = client.get(reverse("account_login"))

    assert '<a class="skip-link" href="#main">' in response.text
    assert "/static/css/site.css" in response.text


def test_an_unknown_page_is_a_friendly_404_in_the_site_layout(client):
    response = client.get("/no-such-page/")

    assert response.status_code == 404
    assert "We could not find that page." in response.text
    assert '<main id="main"' in response.text


def test_a_post_without_csrf_token_gets_the_friendly_403(alice):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(alice)

    response = client.post(reverse("accounts:account"), {"display_name": "x", "time_zone": "UTC"})

    assert response.status_code == 403
    assert "Your form expired before it was sent." in response.text
    alice.refresh_from_db()
    assert alice.display_name == "Alice"


@pytest.mark.urls("tests.accounts.test_pages")
def test_a_server_error_renders_the_friendly_500_in_the_site_layout(client):
    client.raise_request_exception = False

    response = client.get("/boom/")

    assert response.status_code == 500
    assert "Something went wrong on our side." in response.text
    assert "Need help now?" in response.text


def test_the_500_template_renders_without_a_request():
    from django.template.loader import render_to_string

    html = render_to_string("500.html")

    assert "Something went wrong on our side." in html
    assert "/crisis/" in html


def test_the_admin_login_goes_through_allauth(client):
    response = client.get(reverse("admin:login"))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_a_signed_in_non_staff_user_gets_the_friendly_403_from_the_admin(alice_client):
    response = alice_client.get(reverse("admin:index"), follow=True)

    assert response.status_code == 403
    assert "You do not have access to this page." in response.text
