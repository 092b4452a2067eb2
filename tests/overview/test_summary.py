"""The weekly energy summary: the figures of a crafted week, as data, in the email and on the
preview page; the gentle note for a quiet week; privacy; time zones; queries per batch."""

import datetime as dt
import html
import re

import pytest
import time_machine
from django.conf import settings
from django.urls import reverse

from apps.outbox.models import Message
from apps.overview import summary
from apps.reminders.emails import reminder
from tests.conftest import make_user
from tests.reminders.conftest import (
    MONDAY,
    PRIVATE,
    SUMMARY_NOW,
    add_checkin,
    add_moment,
    add_window,
    craft_week,
    day,
    local,
)

pytestmark = [pytest.mark.django_db, pytest.mark.sqlite]


@pytest.fixture(autouse=True)
def _monday_morning():
    with time_machine.travel(SUMMARY_NOW, tick=False):
        yield


def email_for(user, now=SUMMARY_NOW):
    report = summary.for_users([user], now)[user.pk]
    message = Message(user=user, kind="summary", ref="2026-W48", due_at=now)
    return reminder(message, now, {"summary": report})


def visible(markup: str) -> str:
    """The words a reader sees: inline tags dropped, block tags as spaces, entities decoded."""
    markup = re.sub(r"</?(strong|a|span)\b[^>]*>", "", markup)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", markup)).split())


def words(text: str) -> str:
    """Text as its words alone, so a plain-text line and a table row compare equal."""
    return " ".join(re.findall(r"[\w.,()]+", text))


CRAFTED_LINES = (
    "You checked in on 6 days, with an average energy of 4.3 out of 10, "
    "1.0 lower than the week before.",
    "The feeling you named most drained (3 days)",
    "What you needed most Rest (4 days)",
    "Interest and pressure 2 days leaned to interest, 0 were a mix, 4 leaned to pressure",
    "Values-based actions 1 of 2 done, 1 partly",
    "Rest windows taken 1 from Saturday 28 November, 09:00, 24 hours, rested 7 out of 10",
    "Next rest window Saturday 5 December, 10:00 to Sunday 6 December, 10:00",
    "highest in the morning (7.5 on average) and lowest in the evening (3.0).",
    "On 4 of the 7 days, low energy came together with a push that was mostly pressure.",
    "Plan a rest window this week",
)


def test_a_crafted_week_has_exact_figures(crafted_alice):
    s = summary.for_users([crafted_alice], SUMMARY_NOW)[crafted_alice.pk]

    assert (s.first_day, s.last_day) == (MONDAY, day(6))
    assert (s.checkins, s.average_energy, s.change) == (6, 4.3, -1.0)
    assert [d.energy for d in s.days] == [3, 4, None, 2, 4, 7, 6]
    assert (s.feeling, s.feeling_days, s.need, s.need_days) == ("drained", 3, "Rest", 4)
    assert (s.interest_days, s.mixed_days, s.pressure_days) == (2, 0, 4)
    assert (s.actions_planned, s.actions_done, s.actions_partly) == (2, 1, 1)
    assert [(r.starts_at, r.hours, r.rested) for r in s.rest_taken] == [
        (local(crafted_alice, day(5), "09:00"), 24.0, 7)
    ]
    assert s.next_rest.starts_at == local(crafted_alice, day(12), "10:00")
    assert s.time_of_day == summary.TimeOfDay("morning", 7.5, "evening", 3.0)
    assert (s.signal.days, s.signal.window) == (4, 7)
    assert (s.next_step.key, s.next_step.path) == ("rest", reverse("planning:rest"))


def test_the_email_says_the_same_in_text_and_html(crafted_alice):
    message = email_for(crafted_alice)
    markup = message.alternatives[0].content

    assert message.subject == "Your energy summary for the week of 23 November"
    assert message.to == ["alice@example.com"]
    for line in CRAFTED_LINES:
        assert words(line) in words(message.body)
        assert words(line) in words(visible(markup))
    assert "  Mon  ###.......  3\n" in message.body
    assert "  Wed  no check-in\n" in message.body
    bars = re.findall(r'<td width="(\d+)%" style="background:#2f6f62', markup)
    assert bars == ["30", "40", "20", "40", "70", "60"]
    for body in (message.body, markup):
        assert settings.SITE_URL + reverse("planning:rest") in body
        assert settings.SITE_URL + reverse("checkins:insights") in body


def test_no_free_text_or_safety_signal_ever_reaches_the_email(crafted_alice):
    message = email_for(crafted_alice)
    everything = "\n".join([message.subject, message.body, message.alternatives[0].content])

    for private in PRIVATE:
        assert private not in everything
    assert "safety" not in everything.lower()
    assert "<svg" not in everything
    assert "<script" not in everything


def test_a_feeling_in_the_persons_own_words_is_named_only_as_that(alice):
    for n in range(3):
        add_checkin(alice, n, 5, "quietlyfurious")
    add_checkin(alice, 3, 5, "calm")

    message = email_for(alice)

    assert summary.for_users([alice], SUMMARY_NOW)[alice.pk].feeling == summary.OWN_WORD
    assert "The feeling you named most: one in your own words (3 days)" in message.body
    assert "quietlyfurious" not in message.body + message.alternatives[0].content


def test_a_week_without_check_ins_gets_a_gentle_note_instead(alice):
    add_checkin(alice, -3, 6)  # the week before only
    s = summary.for_users([alice], SUMMARY_NOW)[alice.pk]
    message = email_for(alice)

    assert s.is_empty
    assert s.next_step.path == reverse("checkins:today")
    assert message.subject == "A gentle note about your week of 23 November"
    for body in (message.body, visible(message.alternatives[0].content)):
        assert "quiet weeks and rest never count against you" in body
        assert "average energy" not in body
        assert "Energy by day" not in body


def test_sunday_late_evening_belongs_to_that_local_week(alice, charlie):
    # Sunday 29 November 23:30 UTC: already Monday 00:30 in Berlin, still Sunday in Chicago.
    now = dt.datetime(2026, 11, 29, 23, 30, tzinfo=dt.UTC)
    for user in (alice, charlie):
        add_checkin(user, 6, 8)
        add_window(user, local(user, day(5), "23:30"), rested=6)  # ends Sunday 23:30 local
        add_window(user, local(user, day(6), "00:30"))  # ends Monday 00:30 local

    summaries = summary.for_users([alice, charlie], now)

    assert summaries[alice.pk].first_day == MONDAY
    assert summaries[alice.pk].days[6].energy == 8
    assert [r.rested for r in summaries[alice.pk].rest_taken] == [6]
    assert summaries[charlie.pk].first_day == day(-7)
    assert summaries[charlie.pk].is_empty


def test_time_of_day_follows_the_local_clock(charlie):
    audit = charlie.energyaudit_set.create(starts_on=MONDAY, ends_on=day(6))
    add_moment(audit, 0, "05:30", 2)  # night in Chicago, though 11:30 UTC
    add_moment(audit, 0, "19:00", 9)  # evening in Chicago, though 01:00 UTC on Tuesday

    s = summary.for_users([charlie], SUMMARY_NOW + dt.timedelta(hours=7))[charlie.pk]

    assert s.time_of_day == summary.TimeOfDay("evening", 9.0, "night", 2.0)


def test_a_batch_costs_the_same_queries_for_one_person_as_for_thirty(
    alice, django_assert_num_queries
):
    zones = ("Europe/Berlin", "America/Chicago", "Pacific/Kiritimati", "Pacific/Pago_Pago")
    others = [make_user(f"person{n}@example.com", time_zone=zones[n % 4]) for n in range(29)]
    for user in (alice, *others):
        craft_week(user)

    with django_assert_num_queries(4):
        one = summary.for_users([alice], SUMMARY_NOW)
    with django_assert_num_queries(4):
        many = summary.for_users([alice, *others], SUMMARY_NOW)

    assert len(many) == 30
    assert many[alice.pk] == one[alice.pk]


@pytest.mark.parametrize(
    ("facts", "key", "url_name"),
    [
        ({"checkins": 0}, "checkin", "checkins:today"),
        ({"signal": object(), "pressure_days": 5}, "rest", "planning:rest"),
        ({"pressure_days": 3, "interest_days": 2}, "boundary", "planning:boundaries"),
        ({"actions_done": 0, "average_energy": 2.0}, "action", "planning:actions"),
        ({"average_energy": 4.0}, "exercise", "resources:library"),
        ({"average_energy": 4.1}, "keep", "checkins:insights"),
    ],
)
def test_the_next_step_is_the_first_rule_that_applies(facts, key, url_name):
    calm_week = {
        "checkins": 5,
        "average_energy": 6.0,
        "interest_days": 3,
        "pressure_days": 1,
        "actions_done": 1,
        "signal": None,
    }
    links = {k: summary.link(*link) for k, link in summary.LINKS.items()}

    step = summary.next_step(links=links, **{**calm_week, **facts})

    assert step.key == key
    assert step.path.startswith(reverse(url_name))


def test_a_page_not_routed_yet_falls_back_to_insights():
    assert summary.link("planning:not-built-yet") == reverse("checkins:insights")


def test_the_preview_page_shows_the_same_figures(
    crafted_alice, client, django_assert_max_num_queries
):
    client.force_login(crafted_alice)

    with django_assert_max_num_queries(10):
        response = client.get(reverse("overview:summary-preview"))

    page = visible(response.content.decode())
    assert response.status_code == 200
    assert (
        response.context["summary"]
        == summary.for_users([crafted_alice], SUMMARY_NOW)[crafted_alice.pk]
    )
    for line in CRAFTED_LINES:
        assert words(line) in words(page)
    for private in PRIVATE:
        assert private not in page


def test_the_preview_of_a_quiet_week_is_the_gentle_note(alice_client):
    response = alice_client.get(reverse("overview:summary-preview"))

    assert "quiet weeks and rest never count against you" in response.content.decode()
    assert "Energy by day" not in response.content.decode()


def test_the_preview_page_asks_a_stranger_to_sign_in(client):
    response = client.get(reverse("overview:summary-preview"))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
