"""A URL that answers htmx with a fragment and a browser with a page says so (Vary: HX-Request),
so that no cache, the browser's own included, hands one the other's answer."""

import pytest
from django.urls import reverse
from django.utils.cache import has_vary_header

from apps.planning.boundaries import TEMPLATES

BOUNDARY = f"?template={TEMPLATES[0].slug}"

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("name", "query"),
    [
        ("accounts:account", ""),
        ("reminders:preferences", ""),
        ("planning:boundary-build", BOUNDARY),
    ],
)
def test_pages_that_also_answer_htmx_vary_on_it(alice_client, name, query):
    for headers in ({}, {"HX-Request": "true"}):
        response = alice_client.get(reverse(name) + query, headers=headers)

        assert response.status_code == 200
        assert has_vary_header(response, "HX-Request")


def test_a_check_in_answered_as_a_fragment_or_a_redirect_varies_on_htmx(alice_client, alice):
    day = reverse("checkins:day", args=[alice.local_now().date().isoformat()])
    data = {"energy": "4", "quick_need": "rest"}

    fragment = alice_client.post(day, data, headers={"HX-Request": "true"})
    redirect = alice_client.post(day, data)

    assert fragment.status_code == 200
    assert redirect.status_code == 302
    assert has_vary_header(fragment, "HX-Request")
    assert has_vary_header(redirect, "HX-Request")


@pytest.mark.parametrize(
    ("name", "query"),
    [
        ("planning:action-add", ""),
        ("planning:value-add", ""),
        ("planning:boundary-build", BOUNDARY),
    ],
)
def test_forms_that_answer_htmx_with_their_panel_vary_on_it(alice_client, name, query):
    response = alice_client.post(reverse(name) + query, {}, headers={"HX-Request": "true"})

    assert response.status_code == 422
    assert has_vary_header(response, "HX-Request")
