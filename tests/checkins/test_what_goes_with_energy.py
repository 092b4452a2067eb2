"""What goes with your energy, on a history whose figures are worked out by hand."""

import datetime as dt
from decimal import Decimal

import pytest
from django.urls import reverse

from apps.checkins.models import CheckIn, Tag
from apps.checkins.together import what_goes_with_energy
from tests.checkins.conftest import local_today

pytestmark = pytest.mark.django_db


@pytest.fixture
def history(alice):
    """14 days: outdoors on 6 (energy 7 each), not on 8 (energy 4 each); meetings on 5 days
    (energy 4), 4 of them pressure-driven; sleep under 6 hours on those same 5 days."""
    today = local_today(alice)
    outdoors = Tag.objects.create(user=alice, name="outdoors", kind="place")
    meetings = Tag.objects.create(user=alice, name="meetings")
    for n in range(14):
        is_outdoors = n < 6
        is_meeting = 6 <= n < 11
        checkin = CheckIn.objects.create(
            user=alice,
            checked_in_on=today - dt.timedelta(days=n),
            energy=7 if is_outdoors else 4,
            need="rest",
            drive=5 if is_meeting and n < 10 else 2,
            sleep_hours=Decimal("5") if 6 <= n < 11 else Decimal("8"),
        )
        if is_outdoors:
            checkin.tags.add(outdoors)
        if is_meeting:
            checkin.tags.add(meetings)
    return alice


def test_each_tag_on_five_days_and_missing_on_five_gets_its_averages_and_counts(history):
    checkins = list(CheckIn.objects.for_user(history))
    tagged = CheckIn.tags.through.objects.values_list("checkin_id", "tag__name")

    together = what_goes_with_energy(checkins, tagged)

    outdoors, meetings = together.tags  # the bigger difference first
    assert (outdoors.name, outdoors.days_with, outdoors.average_with) == ("outdoors", 6, 7.0)
    assert (outdoors.days_without, outdoors.average_without, outdoors.difference) == (8, 4.0, 3.0)
    assert outdoors.sentence == (
        "On days with outdoors your energy averaged 7.0, against 4.0 without, over 6 and 8 days."
    )
    assert (meetings.days_with, meetings.average_with) == (5, 4.0)
    assert (meetings.days_without, meetings.average_without) == (9, 6.0)
    assert meetings.difference == -2.0
    [short_sleep, long_sleep] = together.sleep
    assert (short_sleep.name, short_sleep.days_with, short_sleep.average_with) == (
        "under 6 hours of sleep",
        5,
        4.0,
    )
    assert (long_sleep.days_with, long_sleep.average_with) == (9, 6.0)
    [pressure] = together.pressure
    assert pressure.sentence == (
        "On days with meetings, 4 of 5 leaned to pressure, against 0 of 9 without."
    )


def test_a_small_difference_is_shown_in_the_table_but_not_put_into_words(alice):
    today = local_today(alice)
    tag = Tag.objects.create(user=alice, name="walk")
    for n in range(10):
        checkin = CheckIn.objects.create(
            user=alice, checked_in_on=today - dt.timedelta(days=n), energy=5 + n % 2, need="rest"
        )
        if n < 5:
            checkin.tags.add(tag)

    checkins = list(CheckIn.objects.for_user(alice))
    ids = set(CheckIn.tags.through.objects.values_list("checkin_id", flat=True))
    [walk] = what_goes_with_energy(checkins, [(pk, "walk") for pk in ids]).tags

    assert abs(walk.difference) < 1
    assert walk.sentence == ""


def test_the_insights_page_puts_it_in_plain_words_and_says_what_it_cannot_say(
    alice_client, history
):
    html = alice_client.get(reverse("checkins:insights"), {"days": 30}).text

    assert "What goes with your energy" in html
    assert "On days with outdoors your energy averaged 7.0, against 4.0 without" in html
    assert "They cannot say that one thing causes another" in html
    assert "Tags that go with pressure-driven days" in html
    assert "because" not in html.split("What goes with your energy")[1].split("</section>")[0]


def test_with_too_few_days_it_says_so(alice_client, alice):
    CheckIn.objects.create(user=alice, checked_in_on=local_today(alice), energy=5, need="rest")

    html = alice_client.get(reverse("checkins:insights"), {"days": 7}).text

    assert "Not enough days yet. A tag shows here once it has been on at least 5" in html
