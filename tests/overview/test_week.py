"""This week: planned hours per day against usual energy, the days flagged, one move, the plan."""

import datetime as dt
import html
import re
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from apps.audits.models import Commitment, EnergyAudit, EnergyMoment
from apps.checkins.models import CheckIn
from apps.lib.dates import zone
from apps.overview.capacity import Hour, Load, plan_week
from tests.failing import statement_fails
from tests.planning.conftest import (  # noqa: F401 (_frozen_time: this week, frozen)
    HTMX,
    THIS_WEEK,
    _frozen_time,
    add_action,
    add_value,
    add_window,
)
from tests.queries import statements

pytestmark = [pytest.mark.django_db, pytest.mark.sqlite]
URL = reverse("overview:week")
BERLIN = zone("Europe/Berlin")
TODAY = THIS_WEEK + dt.timedelta(days=2)  # Wednesday 25 March 2026
# Usual energy, Monday first: Wednesdays and Thursdays run low; the average is 6.0.
USUAL = (6, 7, 3, 4, 6, 8, 8)


def words(response) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", response.content.decode())).split())


def eight_weeks_of_checkins(user, usual=USUAL) -> None:
    days = [TODAY - dt.timedelta(days=n) for n in range(56)]
    CheckIn.objects.bulk_create(
        CheckIn(user=user, checked_in_on=d, energy=usual[d.weekday()], need="rest") for d in days
    )


def audit_with_commitments(user) -> dict[str, Commitment]:
    audit = EnergyAudit.objects.create(
        user=user, starts_on=dt.date(2026, 3, 9), ends_on=dt.date(2026, 3, 15)
    )
    rows = {
        "board": dict(title="Board prep", hours_per_week=6, weekday=2),
        "team": dict(title="Team lead", hours_per_week=10),
        "volunteering": dict(
            title="Volunteering",
            hours_per_week=2,
            weekday=3,
            decision="postpone",
            postpone_until=dt.date(2026, 3, 20),
        ),
        "side": dict(title="Side project", hours_per_week=4, decision="delegate"),
        "course": dict(
            title="Course",
            hours_per_week=3,
            decision="postpone",
            postpone_until=dt.date(2026, 5, 1),
        ),
        "choir": dict(title="Choir", hours_per_week=2, decision="drop"),
    }
    return {key: Commitment.objects.create(audit=audit, **row) for key, row in rows.items()}


@pytest.fixture
def planned(alice):
    """Eight weeks of check-ins, an audit's commitments and this week's action."""
    eight_weeks_of_checkins(alice)
    commitments = audit_with_commitments(alice)
    walk = add_action(alice, add_value(alice, "Health"), "A long walk", weekday=5, hours=2)
    return commitments, walk


def test_each_day_sets_its_planned_hours_against_its_usual_energy(alice_client, planned):
    page = words(alice_client.get(URL))

    # Kept and back-from-postponed commitments and the action count; delegated, dropped and
    # still-postponed ones do not. Team lead's 10 hours have no day: 1.4 a day.
    assert "20 hours planned, of which 10 are not on a day yet" in page
    assert "Monday 23 Mar 1.4 h 6.0 (8 check-ins)" in page
    assert (
        "Wednesday 25 Mar 7.4 h Board prep (6 h) 3.0 (8 check-ins) Heavy day, lower energy" in page
    )
    assert (
        "Thursday 26 Mar 3.4 h Volunteering (2 h) 4.0 (8 check-ins) Heavy day, lower energy" in page
    )
    assert "Saturday 28 Mar 3.4 h A long walk (2 h) 8.0 (8 check-ins)" in page
    assert "Saturday 28 Mar 3.4 h A long walk (2 h) 8.0 (8 check-ins) Heavy" not in page
    for gone in ("Side project", "Course", "Choir"):
        assert gone not in page
    assert "your average over all days is 6.0" in page


def test_the_heaviest_low_day_comes_first_with_one_move_to_ease_its_commitment(
    alice_client, planned
):
    commitments, _ = planned
    response = alice_client.get(URL)
    page = words(response)

    assert page.index("Wednesday : 7.4 hours planned") < page.index("Thursday : 3.4 hours")
    assert "on a day when your energy is usually 3.0 (against 6.0 on average)" in page
    assert "One move for Wednesday: Could “Board prep” wait until a lighter week" in page
    board = commitments["board"]
    link = reverse("audits:detail", args=[board.audit_id]) + f"#commitment-{board.pk}"
    assert (
        f'href="{link}">Postpone or delegate it in your energy audit' in response.content.decode()
    )


def test_the_chart_draws_both_columns_for_every_day_with_their_figures(alice_client, planned):
    content = alice_client.get(URL).content.decode()

    assert content.count('<rect class="bar ') == 14
    assert "<title>Wednesday: 7.4 hours planned</title>" in content
    assert "<title>Wednesday: usual energy 3.0 of 10</title>" in content


def test_with_too_few_check_ins_it_says_so_and_flags_nothing(alice_client, alice):
    for n in range(5):
        CheckIn.objects.create(user=alice, checked_in_on=TODAY - dt.timedelta(days=n), energy=3)
    audit_with_commitments(alice)

    page = words(alice_client.get(URL))

    assert "Not enough check-ins yet to say which days usually run low. You have 5 from" in page
    assert "Heavy day, lower energy" not in page
    assert "One move" not in page
    assert "Wednesday 25 Mar 7.4 h Board prep (6 h) only 1 check-in" in page


def test_check_ins_older_than_eight_weeks_do_not_count(alice_client, alice):
    eight_weeks_of_checkins(alice)
    CheckIn.objects.create(user=alice, checked_in_on=TODAY - dt.timedelta(weeks=8), energy=10)

    assert "Wednesday 25 Mar 0 h 3.0 (8 check-ins)" in words(alice_client.get(URL))


def test_with_nothing_planned_it_says_where_plans_come_from(alice_client, alice):
    eight_weeks_of_checkins(alice)
    page = words(alice_client.get(URL))

    assert "Nothing is planned for this week yet." in page
    assert "Plan the week" not in page


def test_audit_moments_show_energy_through_the_day(alice_client, alice):
    audit = EnergyAudit.objects.create(
        user=alice, starts_on=dt.date(2026, 3, 9), ends_on=dt.date(2026, 3, 15)
    )
    berlin = zone("Europe/Berlin")
    for day, hour, energy in [(9, 9, 8), (10, 9, 8), (9, 15, 3), (10, 15, 3), (11, 20, 1)]:
        EnergyMoment.objects.create(
            audit=audit,
            occurred_at=dt.datetime(2026, 3, day, hour, tzinfo=berlin),
            energy=energy,
            activity="Work",
            effect="drains",
        )

    page = words(alice_client.get(URL))

    # 20:00 has a single moment: too few to speak for the hour.
    assert "lowest around 15:00 (3.0) and highest around 09:00 (8.0)" in page
    assert "20:00" not in page


def test_a_week_is_planned_in_one_save(alice_client, planned):
    commitments, walk = planned
    team = commitments["team"]
    response = alice_client.post(
        URL,
        {
            f"commitment-{team.pk}-weekday": "0",
            f"commitment-{team.pk}-hours": "8",
            f"commitment-{commitments['board'].pk}-weekday": "",
            f"commitment-{commitments['board'].pk}-hours": "6",
            f"commitment-{commitments['volunteering'].pk}-weekday": "3",
            f"commitment-{commitments['volunteering'].pk}-hours": "2",
            f"action-{walk.pk}-weekday": "6",
            f"action-{walk.pk}-hours": "1.5",
        },
    )

    assert response.status_code == 302
    assert response["Location"] == URL
    team.refresh_from_db()
    commitments["board"].refresh_from_db()
    walk.refresh_from_db()
    assert (team.weekday, team.hours_per_week) == (0, Decimal("8.0"))
    assert commitments["board"].weekday is None
    assert (walk.weekday, walk.hours) == (6, Decimal("1.5"))


def test_when_the_actions_cannot_be_saved_no_commitment_is_moved_either(alice_client, planned):
    commitments, walk = planned
    team = commitments["team"]
    alice_client.raise_request_exception = False

    with statement_fails("UPDATE", "planning_weeklyaction") as ran:
        response = alice_client.post(
            URL,
            {
                f"commitment-{team.pk}-weekday": "0",
                f"commitment-{team.pk}-hours": "8",
                f"commitment-{commitments['board'].pk}-weekday": "4",
                f"commitment-{commitments['board'].pk}-hours": "6",
                f"commitment-{commitments['volunteering'].pk}-weekday": "3",
                f"commitment-{commitments['volunteering'].pk}-hours": "2",
                f"action-{walk.pk}-weekday": "6",
                f"action-{walk.pk}-hours": "1.5",
            },
        )

    assert any(sql.startswith('UPDATE "audits_commitment"') for sql in ran)  # it came first
    assert response.status_code == 503
    assert "What you just sent was not saved, not even in part" in response.text
    team.refresh_from_db()
    commitments["board"].refresh_from_db()
    assert (team.weekday, team.hours_per_week) == (None, Decimal("10.0"))
    assert commitments["board"].weekday == 2


def test_with_htmx_the_days_come_back_updated_in_place(alice_client, planned):
    _, walk = planned
    commitments = Commitment.objects.filter(decision__in=["", "keep", "postpone"]).order_by("pk")
    data = {f"action-{walk.pk}-weekday": "2", f"action-{walk.pk}-hours": "3"}
    for c in commitments:
        data[f"commitment-{c.pk}-weekday"] = "" if c.weekday is None else str(c.weekday)
        data[f"commitment-{c.pk}-hours"] = str(c.hours_per_week)

    response = alice_client.post(URL, data, headers=HTMX)

    assert response.status_code == 200
    page = words(response)
    assert page.startswith("Plan saved.")
    assert "<html" not in response.content.decode()
    assert "Wednesday 25 Mar 10.4 h Board prep (6 h) A long walk (3 h)" in page


def test_bad_hours_are_named_and_nothing_is_saved(alice_client, planned):
    commitments, walk = planned
    board = commitments["board"]
    response = alice_client.post(
        URL,
        {
            f"commitment-{board.pk}-weekday": "2",
            f"commitment-{board.pk}-hours": "",
            f"action-{walk.pk}-weekday": "8",
            f"action-{walk.pk}-hours": "-1",
        },
    )

    assert response.status_code == 422
    page = words(response)
    assert "Roughly how many hours a week? A guess is fine." in page
    assert "Choose a day of the week, or spread it." in page
    assert "Hours can't be negative." in page
    walk.refresh_from_db()
    assert (walk.weekday, walk.hours) == (5, Decimal("2.0"))


def test_a_day_cannot_hold_more_than_24_hours(alice_client, planned):
    commitments, walk = planned
    data = {f"action-{walk.pk}-weekday": "2", f"action-{walk.pk}-hours": "1"}
    for c in commitments.values():
        data[f"commitment-{c.pk}-weekday"] = "2"
        data[f"commitment-{c.pk}-hours"] = "10"

    response = alice_client.post(URL, data)

    assert response.status_code == 422
    assert "Wednesday would hold 31 hours, and a day has 24." in words(response)
    assert Commitment.objects.filter(weekday=2).count() == 1


def test_another_persons_commitments_are_neither_shown_nor_changed(alice_client, charlie, planned):
    theirs = audit_with_commitments(charlie)["team"]

    page = alice_client.get(URL).content.decode()
    alice_client.post(
        URL, {f"commitment-{theirs.pk}-weekday": "4", f"commitment-{theirs.pk}-hours": "1"}
    )

    assert f"commitment-{theirs.pk}" not in page
    theirs.refresh_from_db()
    assert (theirs.weekday, theirs.hours_per_week) == (None, Decimal("10.0"))


def test_a_signed_out_visitor_is_sent_to_sign_in(client):
    response = client.get(URL)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_the_rest_page_takes_the_suggested_start(alice_client):
    response = alice_client.get(reverse("planning:rest") + "?starts_on=2026-03-26")
    content = response.content.decode()

    assert 'value="2026-03-26"' in content
    assert 'value="18:00"' in content
    assert alice_client.get(reverse("planning:rest") + "?starts_on=soon").status_code == 200


# The suggestion on its own: which move for which day.
MONDAY = THIS_WEEK


def week_of(loads, usual=USUAL, *, rest=False):
    checkins = [(MONDAY - dt.timedelta(days=n), usual[(-n) % 7]) for n in range(1, 57)]
    return plan_week(MONDAY, loads, checkins, [], has_rest_window=rest)


def test_an_action_on_a_low_day_is_moved_to_the_best_lighter_day():
    walk = Load("action", 7, "Deep work", Decimal(5), weekday=2)

    capacity = week_of([walk])

    assert [day.name for day in capacity.flagged] == ["Wednesday"]
    assert capacity.move.text.startswith("“Deep work” could move to Saturday")
    assert capacity.move.url == "#id_action-7-weekday"


def test_where_no_lighter_better_day_exists_it_offers_rest_then_a_boundary():
    usual = (8, 8, 3, 8, 8, 8, 8)
    crowded = [Load("action", n, f"Step {n}", Decimal(8), weekday=n) for n in (0, 1, 3, 4, 5, 6)]
    crowded.append(Load("action", 9, "Offsite", Decimal(9), weekday=2))

    without_rest = week_of(crowded, usual).move
    with_rest = week_of(crowded, usual, rest=True).move

    assert without_rest.link_text == "Plan a rest window from Wednesday 25 March"
    assert without_rest.url == reverse("planning:rest") + "?starts_on=2026-03-25#plan-heading"
    assert with_rest.link_text == "Write a boundary for it"
    assert with_rest.url == reverse("planning:boundary-build") + "?template=work-capacity"


def test_hours_spread_evenly_flag_no_day():
    spread = [Load("commitment", 1, "Job", Decimal(40), weekday=None, audit_id=1)]

    capacity = week_of(spread)

    assert [day.hours for day in capacity.days] == [5.7] * 7
    assert capacity.flagged == []
    assert capacity.move is None


def test_hours_of_the_audit_feed_the_lowest_and_highest_hour():
    capacity = plan_week(
        MONDAY, [], [], [Hour(9, 7.5, 3), Hour(14, 3.0, 2), Hour(16, 3.0, 4)], has_rest_window=False
    )

    assert (capacity.lowest_hour.hour, capacity.highest_hour.hour) == (14, 9)
    assert capacity.enough_data is False


@pytest.mark.parametrize(
    ("window_starts", "move"),
    [
        (None, "Plan a rest window from Wednesday 25 March"),
        # Sunday evening last week into Monday: part of this week.
        (dt.datetime(2026, 3, 22, 20, tzinfo=BERLIN), "Write a boundary for it"),
        # Last week, over by Monday.
        (dt.datetime(2026, 3, 20, 18, tzinfo=BERLIN), "Plan a rest window from Wednesday 25 March"),
    ],
)
def test_a_rest_window_in_this_week_changes_the_move(alice_client, alice, window_starts, move):
    eight_weeks_of_checkins(alice, usual=(8, 8, 3, 8, 8, 8, 8))
    value = add_value(alice, "Work")
    for weekday in (0, 1, 3, 4, 5, 6):
        add_action(alice, value, f"Day {weekday}", weekday=weekday, hours=8)
    add_action(alice, value, "Offsite", weekday=2, hours=9)
    if window_starts:
        add_window(alice, window_starts)

    assert "One move for Wednesday" in words(alice_client.get(URL))
    assert move in words(alice_client.get(URL))


def test_the_page_runs_the_same_queries_with_a_week_or_two_years_of_history(client, alice, charlie):
    for user, days in ((alice, 7), (charlie, 730)):
        CheckIn.objects.bulk_create(
            CheckIn(user=user, checked_in_on=TODAY - dt.timedelta(days=n), energy=n % 10 + 1)
            for n in range(days)
        )
        for week in range(1, days // 7 + 1):
            start = THIS_WEEK - dt.timedelta(weeks=week)
            audit = EnergyAudit.objects.create(
                user=user, starts_on=start, ends_on=start + dt.timedelta(days=6)
            )
            Commitment.objects.create(audit=audit, title="Work", hours_per_week=9, weekday=2)
            EnergyMoment.objects.bulk_create(
                EnergyMoment(
                    audit=audit,
                    occurred_at=dt.datetime.combine(start, dt.time(9 + n), tzinfo=BERLIN),
                    energy=5,
                    activity="Work",
                    effect="drains",
                )
                for n in range(3)
            )
    counts = []
    for user in (alice, charlie):
        client.force_login(user)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(URL).status_code == 200
        counts.append(len(statements(queries)))

    assert counts[0] == counts[1] <= 8, counts
