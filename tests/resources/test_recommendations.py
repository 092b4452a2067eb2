import datetime as dt

import pytest
from django.urls import reverse

from apps.resources.models import Exercise
from apps.resources.recommendations import pick_for_day, suggestions
from tests.checkins.conftest import checkin

pytestmark = pytest.mark.sqlite


DAY = dt.date(2026, 11, 27)


def fake(n: int) -> list[Exercise]:
    return [Exercise(slug=f"e{i}", title=f"E{i}") for i in range(n)]


def test_it_picks_two_and_moves_one_along_each_day():
    items = fake(5)

    first = pick_for_day(items, DAY)
    second = pick_for_day(items, DAY + dt.timedelta(days=1))

    assert len(first) == 2
    assert first[1] == second[0]
    assert first[0] != second[0]


def test_over_a_cycle_every_exercise_leads_once():
    items = fake(4)

    leaders = {pick_for_day(items, DAY + dt.timedelta(days=n))[0].slug for n in range(4)}

    assert leaders == {"e0", "e1", "e2", "e3"}


def test_one_exercise_is_offered_alone_and_none_gives_none():
    assert len(pick_for_day(fake(1), DAY)) == 1
    assert pick_for_day([], DAY) == []


@pytest.mark.django_db
def test_only_published_exercises_for_the_named_need_are_suggested():
    Exercise.objects.filter(need="boundary").update(is_published=False)
    Exercise.objects.filter(slug=Exercise.objects.filter(need="boundary").first().slug).update(
        is_published=True
    )
    published = Exercise.objects.get(need="boundary", is_published=True)

    picked = suggestions("boundary", DAY)

    assert [e["slug"] for e in picked] == [published.slug]


@pytest.mark.django_db
def test_suggestions_follow_the_library_order_and_carry_what_a_link_shows():
    Exercise.objects.filter(need="clarity").update(is_published=False)
    for order, slug in ((2, "b-second"), (1, "z-first"), (2, "a-second")):
        Exercise.objects.create(
            slug=slug,
            title=slug.title(),
            need="clarity",
            order=order,
            duration_minutes=order + 2,
            summary=f"About {slug}.",
            is_published=True,
        )
    day = dt.date.fromordinal(3 * 1000)  # the rotation starts at the first of the three

    picked = suggestions("clarity", day)

    assert picked == [
        {"slug": "z-first", "title": "Z-First", "duration_minutes": 3, "summary": "About z-first."},
        {
            "slug": "a-second",
            "title": "A-Second",
            "duration_minutes": 4,
            "summary": "About a-second.",
        },
    ]


@pytest.mark.django_db
def test_today_suggests_exercises_for_the_need_after_a_check_in(alice_client, alice):
    assert "For today's need" not in alice_client.get(reverse("checkins:today")).text
    checkin(alice, need="connection")

    html = alice_client.get(reverse("checkins:today")).text

    assert "For today's need, you could try" in html
    picked = suggestions("connection", alice.local_now().date())
    assert len(picked) == 2
    for exercise in picked:
        url = Exercise.objects.get(slug=exercise["slug"]).get_absolute_url()
        assert f'<a href="{url}">{exercise["title"]}</a>' in html
