"""Today's cards are cached per person (apps/checkins/today.py): a visit in between changes
runs only the session and user queries, and every change shows on the very next visit."""

import datetime as dt
import re

import pytest
import time_machine
from django.core.cache import cache
from django.db import transaction
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from apps.audits.models import EnergyAudit
from apps.checkins import today as today_cards
from apps.checkins.models import CheckIn
from apps.checkins.views import cards_context
from apps.lib.dates import week_start
from apps.planning.models import RestWindow, WeeklyAction
from apps.resources.admin import set_published
from apps.resources.models import Exercise
from tests.checkins.conftest import checkin, local_today

pytestmark = pytest.mark.django_db
URL = reverse("checkins:today")
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
ANY_TOKEN = re.compile(r"\b[A-Za-z0-9]{64}\b")  # masked CSRF tokens: new on every page


def cached_visit(client: Client) -> str:
    """Today twice: the first visit renders and caches the cards, the second is served them."""
    client.get(URL)
    return client.get(URL).text


def test_a_second_visit_runs_only_the_session_and_user_queries(
    alice_client, alice, django_assert_num_queries
):
    checkin(alice, days_ago=1, note="Slept badly")
    first = alice_client.get(URL).text

    with django_assert_num_queries(2):  # the session and the user: no cards from the database
        second = alice_client.get(URL).text

    assert ANY_TOKEN.sub("", second) == ANY_TOKEN.sub("", first)
    assert "Today's check-in" in second


def test_the_cached_cards_are_encrypted_in_the_cache(alice_client, alice):
    checkin(alice, note="The river at dawn")
    assert "The river at dawn" in cached_visit(alice_client)

    stored = cache._cache.get_client().get(cache.make_key(today_cards.entry_key(alice.pk)))

    assert stored
    assert b"river at dawn" not in stored
    assert b"checkin-card" not in stored


def test_every_browser_gets_a_form_token_of_its_own_that_works(alice, full_checkin):
    phone, laptop = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    phone.force_login(alice)
    laptop.force_login(alice)
    phone.get(URL)

    page = laptop.get(URL).text  # served from the cards the phone's visit cached
    token = TOKEN.search(page).group(1)
    assert today_cards.CSRF_PLACEHOLDER not in page
    response = laptop.post(reverse("checkins:save"), {**full_checkin, "csrfmiddlewaretoken": token})

    assert response.status_code == 302
    assert CheckIn.objects.filter(user=alice, checked_in_on=local_today(alice)).exists()


def test_a_check_in_saved_shows_at_once(alice_client, alice, full_checkin):
    assert "Thank you for checking in today" not in cached_visit(alice_client)

    alice_client.post(reverse("checkins:save"), full_checkin)

    assert "Thank you for checking in today" in alice_client.get(URL).text


def test_a_quick_check_in_shows_at_once(alice_client, alice):
    cached_visit(alice_client)

    alice_client.post(
        reverse("checkins:quick"),
        {"checked_in_on": local_today(alice).isoformat(), "energy": "2", "need": "rest"},
    )

    assert "Quick check-in saved: energy 2" in alice_client.get(URL).text


def test_plans_made_or_removed_elsewhere_show_at_once(alice_client, alice):
    today = local_today(alice)
    assert "Start a one-week energy audit" in cached_visit(alice_client)

    audit = EnergyAudit.objects.create(
        user=alice, starts_on=today, ends_on=today + dt.timedelta(days=6)
    )
    action = WeeklyAction.objects.create(user=alice, week_of=week_start(today), title="Walk")
    start = timezone.now() + dt.timedelta(days=2)
    window = RestWindow.objects.create(
        user=alice, starts_at=start, ends_at=start + dt.timedelta(hours=24)
    )
    html = alice_client.get(URL).text
    assert reverse("audits:detail", args=[audit.pk]) in html
    assert "Walk" in html
    assert "(planned)" in html
    assert reverse("planning:rest-detail", args=[window.pk]) in html

    alice_client.post(reverse("planning:action-status", args=[action.pk]), {"status": "done"})
    assert "(done)" in alice_client.get(URL).text

    audit.delete()
    action.delete()
    window.delete()
    html = alice_client.get(URL).text
    assert "Start a one-week energy audit" in html
    assert "Choose one or two small actions" in html
    assert "Plan a 24-hour rest window" in html


@pytest.mark.django_db(transaction=True)
def test_changes_outside_a_transaction_show_once_committed(alice, full_checkin):
    client = Client()  # autocommit, as in production: `changed` acts after each commit
    client.force_login(alice)
    assert "Thank you for checking in today" not in cached_visit(client)

    client.post(reverse("checkins:save"), full_checkin)
    assert "Thank you for checking in today" in client.get(URL).text

    start = timezone.now() + dt.timedelta(days=2)
    window = RestWindow.objects.create(
        user=alice, starts_at=start, ends_at=start + dt.timedelta(hours=24)
    )
    assert reverse("planning:rest-detail", args=[window.pk]) in client.get(URL).text


def test_cards_read_before_a_change_committed_are_not_served_after_it(
    rf, alice, alice_client, django_capture_on_commit_callbacks
):
    cached_visit(alice_client)  # the generation exists
    request = rf.get(URL)
    request.user = alice
    with timezone.override(alice.time_zone):
        day = local_today(alice)
        before = cards_context(request)  # what a request that read just before the write saw

        with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
            checkin(alice)  # the write, not yet committed
            # The other request stores its cards now, under the generation it can see.
            today_cards.cards(request, day, lambda: before)

    assert "Thank you for checking in today" in alice_client.get(URL).text


def test_an_exercise_unpublished_by_an_editor_leaves_today_at_once(alice_client, alice):
    Exercise.objects.filter(need="rest").update(is_published=False)
    exercise = Exercise.objects.create(
        slug="slow-exhale",
        title="Slow exhale",
        kind=Exercise.Kind.BREATHING,
        need="rest",
        duration_minutes=2,
        summary="Breathe out longer than in.",
        why_it_helps="A long exhale can calm the body.",
        is_published=True,
    )
    checkin(alice, need="rest")
    assert "Slow exhale" in cached_visit(alice_client)

    set_published(Exercise.objects.filter(pk=exercise.pk), False)  # the admin's bulk action

    assert "Slow exhale" not in alice_client.get(URL).text


def test_a_rest_window_that_starts_and_ends_changes_the_cards_on_time(alice_client, alice):
    start = timezone.now() + dt.timedelta(hours=1)
    RestWindow.objects.create(user=alice, starts_at=start, ends_at=start + dt.timedelta(hours=24))
    assert "Next rest window" in cached_visit(alice_client)

    with time_machine.travel(start + dt.timedelta(minutes=1)):
        assert "You are in a rest window" in alice_client.get(URL).text
    with time_machine.travel(start + dt.timedelta(hours=24, minutes=1)):
        assert "Plan a 24-hour rest window" in alice_client.get(URL).text


def test_a_new_local_day_gets_new_cards(alice_client, alice):
    checkin(alice)
    assert "Thank you for checking in today" in cached_visit(alice_client)

    with time_machine.travel(timezone.now() + dt.timedelta(days=1)):
        html = alice_client.get(URL).text

    assert "Thank you for checking in today" not in html
    assert (local_today(alice) + dt.timedelta(days=1)).isoformat() in html  # the form's day


def test_a_new_time_zone_gets_new_cards(alice_client, alice):
    start = timezone.now() + dt.timedelta(days=2)
    RestWindow.objects.create(user=alice, starts_at=start, ends_at=start + dt.timedelta(hours=24))
    cached_visit(alice_client)

    alice.time_zone = "Asia/Tokyo"
    alice.save()
    html = alice_client.get(URL).text

    tokyo = start.astimezone(dt.timezone(dt.timedelta(hours=9)))
    assert f"{tokyo:%H}:{tokyo:%M}" in html


def test_a_change_committed_while_the_cards_were_read_is_never_served_stale(rf, alice):
    request = rf.get(URL)
    request.user = alice
    day = local_today(alice)
    builds = []

    def build(label: str) -> dict:
        builds.append(label)
        if label == "raced":
            today_cards.changed(alice.pk)  # another request's write, committed mid-read
        return {"today": day, "form": None, "strip": [], "editing": False, "suggestions": []}

    with timezone.override(alice.time_zone):
        today_cards.cards(request, day, lambda: build("raced"))
        today_cards.cards(request, day, lambda: build("after"))
        today_cards.cards(request, day, lambda: build("cached"))

    assert builds == ["raced", "after"]


def test_another_persons_cards_are_never_served(alice_client, charlie):
    checkin(charlie, note="Charlie's note")
    charlies = Client()
    charlies.force_login(charlie)
    cached_visit(charlies)

    assert "Charlie" not in cached_visit(alice_client)


def test_deleting_the_account_forgets_its_cards(alice_client, alice):
    cached_visit(alice_client)
    keys = [today_cards.entry_key(alice.pk), today_cards.generation_key(alice.pk)]
    assert len(cache.get_many(keys)) == 2

    alice.delete()

    assert cache.get_many(keys) == {}


@pytest.mark.parametrize(
    "stored",
    [
        pytest.param(lambda entry: ("an older release", *entry[1:]), id="another-release"),
        pytest.param(lambda entry: (*entry[:5], b"not a fernet token"), id="undecryptable"),
        pytest.param(lambda entry: {"cards": "from an older layout"}, id="another-layout"),
    ],
)
def test_an_entry_this_release_cannot_use_is_rendered_afresh(
    alice_client, alice, stored, django_assert_num_queries
):
    checkin(alice)
    cached_visit(alice_client)
    key = today_cards.entry_key(alice.pk)
    cache.set(key, stored(cache.get(key)))

    with django_assert_num_queries(7):  # session, user, and the cards' five
        html = alice_client.get(URL).text

    assert "Thank you for checking in today" in html
