"""Check-ins from before several feelings keep their one feeling, and read as that one
(checkins 0005)."""

import datetime as dt

import pytest

from apps.checkins.models import CheckIn
from tests.migrating import migrate, migrated_back_to

pytestmark = pytest.mark.django_db(transaction=True)
BEFORE = [("checkins", "0004_default_tags")]
AFTER = [("checkins", "0005_also_felt")]


@pytest.fixture
def old_apps():
    with migrated_back_to(BEFORE) as apps:
        yield apps


def test_a_single_feeling_and_an_own_word_are_kept_as_the_first_of_up_to_three(old_apps):
    User = old_apps.get_model("accounts", "User")
    OldCheckIn = old_apps.get_model("checkins", "CheckIn")
    alice = User.objects.create(email="alice@example.com", time_zone="Europe/Berlin")
    day = dt.date(2026, 11, 20)
    for n, feeling in enumerate(["drained", "wobbly but fine", ""]):
        OldCheckIn.objects.create(
            user=alice, checked_in_on=day + dt.timedelta(n), feeling=feeling, energy=4
        )

    migrate(AFTER)

    # Only the columns that exist at 0005: later migrations add others.
    saved = (
        CheckIn.objects.filter(user_id=alice.pk)
        .only("checked_in_on", "feeling", "also_felt")
        .order_by("checked_in_on")
    )
    assert [(c.feeling, c.also_felt, c.feelings) for c in saved] == [
        ("drained", [], ["drained"]),
        ("wobbly but fine", [], ["wobbly but fine"]),
        ("", [], []),
    ]
    assert [c.feelings_text for c in saved] == ["drained", "wobbly but fine", ""]
