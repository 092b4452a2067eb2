"""The files every site is asked for at its root, and static files compressed as browsers ask."""

import re
from urllib.robotparser import RobotFileParser

import pytest
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.management import call_command
from django.test import Client, override_settings
from django.urls import reverse

from config.settings import base

PUBLIC = [
    reverse("accounts:landing"),
    reverse("resources:crisis"),
    reverse("resources:library"),
    reverse("resources:exercise", args=["box-breathing"]),
    reverse("account_login"),
    reverse("account_signup"),
]
PRIVATE = [
    reverse("checkins:today"),
    reverse("checkins:day", args=["2026-12-01"]),
    reverse("checkins:history"),
    reverse("checkins:insights"),
    reverse("checkins:journal"),
    reverse("checkins:journal-detail", args=[1]),
    reverse("planning:actions"),
    reverse("planning:rest-detail", args=[1]),
    reverse("planning:share-view", args=["a-token"]),
    reverse("planning:calendar-feed", args=["a-token"]),
    reverse("audits:list"),
    reverse("accounts:account"),
    reverse("accounts:export"),
    reverse("reminders:preferences"),
    reverse("reminders:unsubscribe", args=["a-token"]),
    reverse("account_reset_password"),
    reverse("mfa_index"),
]


def robots(client: Client) -> RobotFileParser:
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    parser = RobotFileParser()
    parser.parse(b"".join(response.streaming_content).decode().splitlines())
    return parser


@pytest.mark.parametrize("path", PUBLIC)
def test_robots_txt_lets_search_engines_index_the_public_pages(client, path):
    assert robots(client).can_fetch("*", path)


@pytest.mark.parametrize("path", PRIVATE)
def test_robots_txt_keeps_every_signed_in_and_private_link_path_out(client, path):
    assert not robots(client).can_fetch("*", path)


def test_the_favicon_is_an_icon_at_the_site_root(client):
    response = client.get("/favicon.ico")

    assert response.status_code == 200
    assert response["Content-Type"] in {"image/x-icon", "image/vnd.microsoft.icon"}
    assert b"".join(response.streaming_content)[:4] == b"\x00\x00\x01\x00"  # the ICO header


@pytest.fixture
def collected(tmp_path):
    """Static files collected as the Dockerfile collects them (base settings): hashed, with a
    gzip and a Brotli file beside each."""
    with override_settings(
        STATIC_ROOT=tmp_path, STORAGES=base.STORAGES, WHITENOISE_USE_FINDERS=False
    ):
        call_command("collectstatic", interactive=False, verbosity=0)
        yield staticfiles_storage


@override_settings(WHITENOISE_AUTOREFRESH=False)
def test_static_files_go_brotli_compressed_to_a_browser_that_accepts_it(collected):
    url = collected.url("css/site.css")
    client = Client()

    brotli = client.get(url, headers={"accept-encoding": "gzip, deflate, br"})
    gzip = client.get(url, headers={"accept-encoding": "gzip"})
    plain = client.get(url)

    assert (brotli.status_code, brotli["Content-Encoding"]) == (200, "br")
    assert gzip["Content-Encoding"] == "gzip"
    assert "Content-Encoding" not in plain
    assert "Accept-Encoding" in brotli["Vary"]
    assert int(brotli["Content-Length"]) < int(gzip["Content-Length"])


@pytest.mark.django_db
def test_pages_link_the_hashed_files_and_a_file_missing_from_the_manifest_fails(
    collected, alice_client
):
    html = alice_client.get(reverse("checkins:today")).text
    stylesheet = re.search(r'<link rel="stylesheet" href="([^"]+)">', html).group(1)

    assert re.fullmatch(r"/static/css/site\.[0-9a-f]{12}\.css", stylesheet)
    assert re.search(r'<script src="/static/django_htmx/htmx-2\.min\.[0-9a-f]{12}\.js"', html)
    with pytest.raises(ValueError, match="Missing staticfiles manifest entry"):
        collected.url("css/missing.css")
    with override_settings(DEBUG=True):
        assert collected.url("css/site.css") == "/static/css/site.css"
