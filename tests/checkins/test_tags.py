"""A person's own tags: picked per check-in as chips, and kept in Account → Tags."""

import datetime as dt

import pytest
from django.urls import reverse

from apps.checkins.models import CheckIn, Tag
from tests.checkins.conftest import local_today

pytestmark = [pytest.mark.django_db, pytest.mark.sqlite]
FULL = {"feeling": "calm", "energy": "6", "need": "rest", "drive": "2"}
TAGS = reverse("checkins:tags")


def day_url(user, days_ago: int = 1) -> str:
    day = local_today(user) - dt.timedelta(days=days_ago)
    return reverse("checkins:day", args=[day.isoformat()])


def tag(user, name: str, kind: str = "activity", **fields) -> Tag:
    return Tag.objects.create(user=user, name=name, kind=kind, **fields)


def test_a_newcomer_starts_with_the_default_tags(client):
    client.post(
        reverse("account_signup"),
        {
            "email": "mo@example.com",
            "password1": "slow mornings are fine",
            "password2": "slow mornings are fine",
            "time_zone": "UTC",
        },
    )

    names = set(Tag.objects.filter(user__email="mo@example.com").values_list("name", flat=True))
    assert names == {name for name, _ in Tag.DEFAULTS}


def test_a_check_in_takes_the_ticked_tags_and_shows_them_ticked_again(alice_client, alice):
    work, family, outdoors = (
        tag(alice, "work"),
        tag(alice, "family", "people"),
        tag(alice, "outdoors", "place"),
    )

    response = alice_client.post(day_url(alice), {**FULL, "tags": [work.pk, outdoors.pk]})

    assert response.status_code == 302
    checkin = CheckIn.objects.get(user=alice)
    assert set(checkin.tags.values_list("name", flat=True)) == {"work", "outdoors"}
    html = alice_client.get(day_url(alice)).text
    assert f'name="tags" value="{work.pk}" checked' in html
    assert f'name="tags" value="{family.pk}">' in html
    assert "Who you were with" in html


def test_unticking_every_tag_clears_them(alice_client, alice):
    work = tag(alice, "work")
    alice_client.post(day_url(alice), {**FULL, "tags": [work.pk]})

    alice_client.post(day_url(alice), FULL)

    assert not CheckIn.objects.get(user=alice).tags.exists()


def test_another_persons_tag_is_refused_and_nothing_is_saved(alice_client, alice, charlie):
    theirs = tag(charlie, "secret")

    response = alice_client.post(day_url(alice), {**FULL, "tags": [theirs.pk]})

    assert response.status_code == 422
    assert "Choose tags from your own list." in response.text
    assert not CheckIn.objects.filter(user=alice).exists()


def test_an_archived_tag_is_no_longer_offered_but_stays_on_the_days_it_was_used(
    alice_client, alice
):
    old = tag(alice, "commute")
    alice_client.post(day_url(alice, 2), {**FULL, "tags": [old.pk]})
    Tag.objects.filter(pk=old.pk).update(archived_at=dt.datetime.now(dt.UTC))

    assert f'name="tags" value="{old.pk}"' not in alice_client.get(day_url(alice, 1)).text
    assert f'name="tags" value="{old.pk}" checked' in alice_client.get(day_url(alice, 2)).text
    alice_client.post(day_url(alice, 2), {**FULL, "tags": [old.pk]})
    assert CheckIn.objects.get(user=alice).tags.get() == old


def test_a_day_offers_the_persons_tags_in_their_order_with_the_days_own_ticked(alice, charlie):
    day = local_today(alice) - dt.timedelta(days=1)
    later, first = tag(alice, "travel", order=2), tag(alice, "work", order=1)
    gone, unused = tag(alice, "commute", order=0), tag(alice, "old", order=3)
    CheckIn.objects.create(user=alice, checked_in_on=day, energy=5).tags.set([first, gone])
    theirs = tag(charlie, "secret")
    CheckIn.objects.create(user=charlie, checked_in_on=day, energy=5).tags.set([theirs])
    Tag.objects.filter(pk__in=[gone.pk, unused.pk]).update(archived_at=dt.datetime.now(dt.UTC))

    offered = Tag.objects.offered_to(alice, day)

    assert offered == [
        (gone.pk, "commute", "activity", True),
        (first.pk, "work", "activity", True),
        (later.pk, "travel", "activity", False),
    ]
    assert Tag.objects.offered_to(alice, day - dt.timedelta(days=1)) == [
        (first.pk, "work", "activity", False),
        (later.pk, "travel", "activity", False),
    ]


def test_a_tag_is_added_renamed_archived_and_restored(alice_client, alice):
    response = alice_client.post(
        reverse("checkins:tag-add"), {"name": " yoga  class ", "kind": "activity"}
    )
    assert response["Location"] == TAGS
    added = Tag.objects.get(user=alice, name="yoga class")

    alice_client.post(reverse("checkins:tag-rename", args=[added.pk]), {"name": "yoga"})
    alice_client.post(reverse("checkins:tag-archive", args=[added.pk]))
    added.refresh_from_db()
    assert (added.name, added.archived_at is not None) == ("yoga", True)
    assert "Archived" in alice_client.get(TAGS).text

    alice_client.post(reverse("checkins:tag-archive", args=[added.pk]))
    added.refresh_from_db()
    assert added.archived_at is None


@pytest.mark.parametrize(
    ("data", "error"),
    [
        ({"name": "WORK", "kind": "activity"}, "You have a tag called “WORK” already."),
        ({"name": "", "kind": "activity"}, "Give the tag a name"),
        ({"name": "x" * 31, "kind": "activity"}, "Keep it under 30 characters."),
        ({"name": "ok", "kind": "mood"}, "Choose what the tag is about"),
    ],
)
def test_a_bad_new_tag_gets_a_clear_error_and_saves_nothing(alice_client, alice, data, error):
    tag(alice, "work")

    response = alice_client.post(reverse("checkins:tag-add"), data)

    assert response.status_code == 422
    assert error in response.text
    assert Tag.objects.filter(user=alice).count() == 1


def test_a_rename_to_a_name_in_use_is_refused(alice_client, alice):
    tag(alice, "work")
    other = tag(alice, "meetings")

    response = alice_client.post(reverse("checkins:tag-rename", args=[other.pk]), {"name": "Work"})

    assert response.status_code == 422
    assert "You have a tag called “Work” already." in response.text
    other.refresh_from_db()
    assert other.name == "meetings"


def test_at_most_forty_tags_are_in_use_at_once(alice_client, alice):
    Tag.objects.bulk_create(Tag(user=alice, name=f"tag {n}") for n in range(Tag.MAX_ACTIVE))

    response = alice_client.post(
        reverse("checkins:tag-add"), {"name": "one more", "kind": "activity"}
    )

    assert response.status_code == 422
    assert "You have 40 tags in use. Archive one" in response.text


def test_tags_move_up_and_down_within_their_kind(alice_client, alice):
    first, _, third = tag(alice, "a", order=0), tag(alice, "b", order=1), tag(alice, "c", order=2)

    alice_client.post(reverse("checkins:tag-move", args=[third.pk]), {"direction": "up"})
    alice_client.post(reverse("checkins:tag-move", args=[first.pk]), {"direction": "down"})

    # a b c -> a c b -> c a b
    assert list(Tag.objects.for_user(alice).values_list("name", flat=True)) == ["c", "a", "b"]


@pytest.mark.parametrize("action", ["tag-rename", "tag-archive", "tag-move"])
def test_another_persons_tag_answers_404(alice_client, charlie, action):
    theirs = tag(charlie, "secret")

    response = alice_client.post(reverse(f"checkins:{action}", args=[theirs.pk]), {"name": "x"})

    assert response.status_code == 404
    theirs.refresh_from_db()
    assert (theirs.name, theirs.archived_at) == ("secret", None)
