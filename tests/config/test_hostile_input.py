"""Random and hostile values posted to every form in the project: never a 500, and a refused
post saves nothing. The forms are found by walking the URLs, so new ones are covered too."""

import re

import pytest
from django.apps import apps
from django.conf import settings
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from tests.config.test_authorization_sweep import OWNED, PUBLIC, our_urls, sample_kwargs
from tests.conftest import make_user

pytestmark = pytest.mark.django_db
# Posting here would end the session or the account under the test's feet.
SKIP = {"account_logout", "accounts:delete"}
HOSTILE = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "' OR 1=1 --",
    "\x00",
    "9" * 400,
    "-1",
    "1e309",
    "NaN",
    "2026-02-30",
    "0000-00-00",
    "25:61",
    '=HYPERLINK("http://x")',
    "\u202egnp.exe",
    "../../etc/passwd",
    "",
]
values = st.one_of(
    st.sampled_from(HOSTILE),
    st.text(max_size=120),
    st.integers(min_value=-(10**20), max_value=10**20).map(str),
)
FIELD = re.compile(r'name="([a-z_0-9]+)"')


def user_rows() -> int:
    """Rows in every model that belongs to a user: what a refused post must leave unchanged."""
    user_label = settings.AUTH_USER_MODEL.lower()
    owned = [
        model
        for model in apps.get_models()
        if any(
            f.is_relation and f.related_model and f.related_model._meta.label_lower == user_label
            for f in model._meta.fields
        )
    ]
    return sum(model._base_manager.count() for model in owned)


def form_targets(owner) -> list[tuple[str, str]]:
    targets = []
    for name, pattern in our_urls():
        if name in PUBLIC or name in SKIP:
            continue
        kwargs = OWNED[name](owner) if name in OWNED else sample_kwargs(pattern)
        targets.append((name, reverse(name, kwargs=kwargs)))
    return targets


def field_names(client: Client, targets: list[tuple[str, str]]) -> list[str]:
    names = {"csrfmiddlewaretoken"}
    for _, url in targets:
        response = client.get(url)
        if response.status_code == 200 and "html" in response.get("Content-Type", ""):
            names.update(FIELD.findall(response.text))
    return sorted(names - {"csrfmiddlewaretoken"})


def test_no_form_answers_hostile_input_with_a_500_or_a_half_save(transactional_db):
    owner = make_user("hostile@example.com", time_zone="Pacific/Chatham", country="NZ")
    client = Client(raise_request_exception=False)
    client.force_login(owner)
    targets = form_targets(owner)
    names = field_names(client, targets)
    assert len(names) > 30, names  # the walk found the project's forms

    @hypothesis_settings(
        max_examples=6,
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )
    @given(data=st.dictionaries(st.sampled_from(names), values, max_size=8))
    def post_everywhere(data: dict[str, str]) -> None:
        for name, url in targets:
            before = user_rows()
            response = client.post(url, data)
            assert response.status_code < 500, (name, data, response.status_code)
            if response.status_code >= 400:
                assert user_rows() == before, (name, data, "saved something on error")

    post_everywhere()
