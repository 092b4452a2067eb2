"""Every audit, moment and commitment is its owner's alone: anyone else gets a 404."""

import pytest
from django.urls import reverse

from apps.audits.models import Commitment, EnergyAudit, EnergyMoment
from tests.audits.conftest import audit, commitment, day, moment

pytestmark = pytest.mark.django_db


@pytest.fixture
def theirs(charlie):
    week = audit(charlie)
    return {
        "audit": week,
        "moment": moment(week, day(1), "09:00", activity="Charlie's secret"),
        "commitment": commitment(week, "Charlie's committee"),
    }


def urls(audit_pk: int, moment_pk: int, commitment_pk: int) -> list[tuple[str, str]]:
    return [
        ("get", reverse("audits:detail", args=[audit_pk])),
        ("get", reverse("audits:report", args=[audit_pk])),
        ("post", reverse("audits:end", args=[audit_pk])),
        ("post", reverse("audits:moment-add", args=[audit_pk])),
        ("post", reverse("audits:moment-delete", args=[audit_pk, moment_pk])),
        ("post", reverse("audits:commitment-add", args=[audit_pk])),
        ("post", reverse("audits:commitment-update", args=[audit_pk, commitment_pk])),
        ("post", reverse("audits:commitment-delete", args=[audit_pk, commitment_pk])),
    ]


def assert_untouched(theirs) -> None:
    week = EnergyAudit.objects.get(pk=theirs["audit"].pk)
    assert week.ended_early_on is None
    assert list(EnergyMoment.objects.all()) == [theirs["moment"]]
    assert Commitment.objects.get().title == "Charlie's committee"


@pytest.mark.parametrize("index", range(8))
def test_another_persons_audit_is_not_found(alice_client, theirs, index):
    method, url = urls(theirs["audit"].pk, theirs["moment"].pk, theirs["commitment"].pk)[index]
    data = {"energy": "5", "activity": "x", "effect": "drains", "c-title": "Mine"}

    response = getattr(alice_client, method)(url, data if method == "post" else None)

    assert response.status_code == 404
    assert "Charlie" not in response.text
    assert_untouched(theirs)


@pytest.mark.parametrize("index", [4, 6, 7])
def test_another_persons_moment_or_commitment_is_not_found_under_ones_own_audit(
    alice_client, theirs, running, index
):
    _method, url = urls(running.pk, theirs["moment"].pk, theirs["commitment"].pk)[index]
    key = f"c{theirs['commitment'].pk}"

    response = alice_client.post(url, {f"{key}-title": "Mine", f"{key}-hours_per_week": "1"})

    assert response.status_code == 404
    assert_untouched(theirs)


def test_comparing_with_another_persons_audit_is_not_found(alice_client, theirs, running):
    url = reverse("audits:compare")

    assert alice_client.get(url, {"a": running.pk, "b": theirs["audit"].pk}).status_code == 404
    assert alice_client.get(url, {"a": theirs["audit"].pk, "b": running.pk}).status_code == 404


def test_actions_answer_only_to_post(alice_client, running, theirs):
    for _method, url in urls(running.pk, 1, 1)[2:]:
        assert alice_client.get(url).status_code == 405


@pytest.mark.parametrize("index", range(8))
def test_signed_out_visitors_are_sent_to_sign_in(client, theirs, index):
    method, url = urls(theirs["audit"].pk, theirs["moment"].pk, theirs["commitment"].pk)[index]

    response = getattr(client, method)(url)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    assert_untouched(theirs)


@pytest.mark.parametrize(
    ("method", "name"),
    [("get", "audits:list"), ("post", "audits:start"), ("get", "audits:compare")],
)
def test_the_pages_without_an_id_ask_to_sign_in_too(client, method, name):
    response = getattr(client, method)(reverse(name))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
