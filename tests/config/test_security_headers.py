import re

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_pages_carry_a_strict_content_security_policy(client):
    policy = client.get(reverse("accounts:landing"))["Content-Security-Policy"]
    directives = dict(d.strip().split(" ", 1) for d in policy.split(";"))

    assert directives["default-src"] == "'self'"
    assert "'unsafe-inline'" not in directives["script-src"]
    assert "'unsafe-eval'" not in directives["script-src"]
    assert directives["frame-ancestors"] == "'none'"
    assert directives["object-src"] == "'none'"


def test_pages_have_no_inline_script(client, alice_client):
    for response in (
        client.get(reverse("account_login")),
        alice_client.get(reverse("checkins:today")),
    ):
        for chunk in response.text.split("<script")[1:]:
            assert " src=" in chunk.split(">")[0], chunk[:80]


def test_pages_deny_framing_sniffing_and_powerful_features(client):
    response = client.get(reverse("accounts:landing"))

    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert "camera=()" in response["Permissions-Policy"]


def test_htmx_is_served_from_our_own_static_files_with_the_csp_nonce_and_csrf_header(client):
    response = client.get(reverse("accounts:landing"))
    html = response.text
    nonce = re.search(
        r'<script src="/static/django_htmx/htmx-2.min.js" defer nonce="([^"]+)">', html
    )

    assert nonce, "htmx is not served by django-htmx from our static files"
    assert f"'nonce-{nonce.group(1)}'" in response["Content-Security-Policy"]
    assert 'hx-headers=\'{"X-CSRFToken": "' in html
    assert '"allowEval": false' in html
    assert "https://" not in html.split("</head>")[0]
