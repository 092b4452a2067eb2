import datetime as dt

import pytest
import time_machine
from django.urls import reverse

from apps.audits.models import EnergyMoment
from tests.audits.conftest import NOW, audit, day, moment, text

pytestmark = [pytest.mark.django_db, pytest.mark.sqlite]
HTMX = {"HTTP_HX_REQUEST": "true"}


def post(client, audit, **data):
    values = {"energy": "6", "activity": "Writing the report", "effect": "drains", **data}
    return client.post(reverse("audits:moment-add", args=[audit.pk]), values)


def test_alice_in_berlin_logs_0830_and_it_is_stored_as_0730_utc(alice_client, running):
    response = post(alice_client, running, occurred_at="2026-11-25T08:30")

    assert response.status_code == 302
    assert response["Location"] == reverse("audits:detail", args=[running.pk])
    saved = EnergyMoment.objects.get(audit=running)
    assert saved.occurred_at == dt.datetime(2026, 11, 25, 7, 30, tzinfo=dt.UTC)
    assert (saved.energy, saved.activity, saved.effect) == (6, "Writing the report", "drains")


def test_charlie_in_chicago_logs_a_late_evening_in_his_own_zone(client, charlie):
    theirs = audit(charlie)
    client.force_login(charlie)

    post(client, theirs, occurred_at="2026-11-26T22:30")

    saved = EnergyMoment.objects.get(audit=theirs)
    assert saved.occurred_at == dt.datetime(2026, 11, 27, 4, 30, tzinfo=dt.UTC)


def test_without_a_time_the_moment_is_now(alice_client, running):
    post(alice_client, running, occurred_at="")

    assert EnergyMoment.objects.get(audit=running).occurred_at == NOW


def test_the_form_offers_now_in_the_persons_zone(alice_client, running):
    html = alice_client.get(reverse("audits:detail", args=[running.pk])).text

    assert 'value="2026-11-27T13:00"' in html


def test_the_week_begins_at_local_midnight(alice_client, running):
    response = post(alice_client, running, occurred_at="2026-11-23T00:00")

    assert response.status_code == 302
    assert EnergyMoment.objects.get().occurred_at == dt.datetime(2026, 11, 22, 23, 0, tzinfo=dt.UTC)


def test_a_time_outside_the_week_is_refused_kept_and_nothing_saved(alice_client, running):
    response = post(alice_client, running, occurred_at="2026-11-22T23:30")

    assert response.status_code == 422
    page = text(response)
    assert "That time is outside this audit's week (Mon 23 Nov \N{EN DASH} Sun 29 Nov)." in page
    assert 'value="2026-11-22T23:30"' in page
    assert 'value="Writing the report"' in page
    assert not EnergyMoment.objects.exists()


def test_a_time_that_has_not_come_yet_is_refused(alice_client, running):
    response = post(alice_client, running, occurred_at="2026-11-27T15:00")

    assert response.status_code == 422
    assert "That time hasn't come yet." in text(response)
    assert not EnergyMoment.objects.exists()


@pytest.mark.parametrize(
    ("data", "error"),
    [
        ({"energy": "11"}, "Energy goes from 1 to 10. Choose one of those."),
        ({"energy": "0"}, "Energy goes from 1 to 10. Choose one of those."),
        ({"energy": ""}, "Choose your energy, from 1 (empty) to 10 (full)."),
        ({"activity": "   "}, "Write a few words about what you were doing."),
        ({"effect": "meh"}, "Choose “Drains me” or “Recharges me”."),
        ({"occurred_at": "yesterday-ish"}, "Enter a date and time like 2026-11-27 08:30."),
    ],
)
def test_bad_input_gets_a_clear_error_and_saves_nothing(alice_client, running, data, error):
    response = post(alice_client, running, **data)

    assert response.status_code == 422
    assert error in text(response)
    assert not EnergyMoment.objects.exists()


def test_an_htmx_save_answers_with_a_fresh_form_and_the_updated_moments(alice_client, running):
    response = alice_client.post(
        reverse("audits:moment-add", args=[running.pk]),
        {
            "energy": "6",
            "activity": "Writing the report",
            "effect": "drains",
            "return_to": "detail",
        },
        **HTMX,
    )

    assert response.status_code == 200
    assert "<html" not in response.text
    assert 'id="moment-form"' in response.text
    assert "Saved: energy 6 at 13:00." in response.text
    assert 'value="Writing the report"' not in response.text
    assert 'id="moments" aria-labelledby="moments-heading" hx-swap-oob="true"' in response.text


def test_an_htmx_error_answers_with_the_form_alone_as_typed(alice_client, running):
    response = alice_client.post(
        reverse("audits:moment-add", args=[running.pk]),
        {"energy": "6", "activity": "", "effect": "drains"},
        **HTMX,
    )

    assert response.status_code == 422
    assert response.text.lstrip().startswith('<form id="moment-form"')
    assert "Write a few words about what you were doing." in response.text
    assert 'value="6" checked' in response.text


def test_from_the_report_it_goes_back_to_the_report(alice_client, running):
    plain = post(alice_client, running, return_to="report")
    htmx = alice_client.post(
        reverse("audits:moment-add", args=[running.pk]),
        {"energy": "3", "activity": "Meeting", "effect": "drains", "return_to": "report"},
        **HTMX,
    )

    assert plain["Location"] == reverse("audits:report", args=[running.pk])
    assert 'id="report" hx-swap-oob="true"' in htmx.text
    assert "2 moments over 1 day" in htmx.text


def test_the_detail_page_lists_moments_by_local_day(alice_client, running):
    moment(running, day(0), "23:30", activity="Late call")
    moment(running, day(1), "07:15", activity="Early run", effect="recharges")

    page = alice_client.get(reverse("audits:detail", args=[running.pk])).text

    assert page.index("Tuesday 24 November") < page.index("Early run")
    assert page.index("Early run") < page.index("Monday 23 November") < page.index("Late call")


def test_a_moment_can_be_removed(alice_client, running):
    first = moment(running, day(0), "09:00")
    second = moment(running, day(1), "09:00")
    url = reverse("audits:moment-delete", args=[running.pk, first.pk])

    plain = alice_client.post(url)
    htmx = alice_client.post(reverse("audits:moment-delete", args=[running.pk, second.pk]), **HTMX)

    assert plain["Location"] == reverse("audits:detail", args=[running.pk]) + "#moments"
    assert htmx.status_code == 200
    assert htmx.text.lstrip().startswith('<section class="card" id="moments"')
    assert not EnergyMoment.objects.exists()


def test_a_finished_audit_shows_no_moment_form(alice_client, alice):
    past = audit(alice, starts_on=day(-14))

    page = alice_client.get(reverse("audits:detail", args=[past.pk])).text

    assert 'id="moment-form"' not in page
    assert "This week is over." in page


def test_each_moment_takes_the_offset_of_its_own_day_across_a_clock_change(alice_client, alice):
    # Berlin moves to summer time on Sunday 29 March 2026 at 02:00.
    with time_machine.travel(dt.datetime(2026, 3, 30, 12, 0, tzinfo=dt.UTC), tick=False):
        week = audit(alice, starts_on=dt.date(2026, 3, 23))
        post(alice_client, week, occurred_at="2026-03-28T08:30")
        post(alice_client, week, occurred_at="2026-03-29T08:30")

    assert [m.occurred_at for m in EnergyMoment.objects.order_by("occurred_at")] == [
        dt.datetime(2026, 3, 28, 7, 30, tzinfo=dt.UTC),
        dt.datetime(2026, 3, 29, 6, 30, tzinfo=dt.UTC),
    ]
