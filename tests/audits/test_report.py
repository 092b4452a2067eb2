import datetime as dt
from decimal import Decimal

import pytest
from django.urls import reverse

from apps.audits.report import build_report
from apps.lib.dates import zone
from tests.audits.conftest import audit, commitment, day, moment, text, value, words

pytestmark = pytest.mark.django_db
BERLIN = zone("Europe/Berlin")


@pytest.fixture
def week(alice, running):
    """A crafted week in Berlin: the figures below are worked out by hand."""
    for on, at, energy, activity, effect in [
        (0, "08:10", 4, "Standup", "drains"),
        (0, "08:40", 7, "coffee with Sam", "recharges"),
        (1, "08:15", 2, "standup", "drains"),
        (2, "08:05", 3, " STANDUP ", "drains"),
        (2, "14:00", 9, "Walk in the park", "recharges"),
        (3, "14:30", 8, "walk in  the park", "recharges"),
        (3, "22:00", 1, "Email backlog", "drains"),
        (4, "05:30", 6, "Email backlog", "drains"),
        (4, "12:00", 10, "Climbing", "recharges"),
    ]:
        moment(running, day(on), at, energy, activity, effect)
    growth, family = value(alice, "Growth"), value(alice, "Family")
    commitment(running, "Team lead", "10", personal_value=growth, decision="keep")
    commitment(
        running,
        "Parents' visits",
        "4.5",
        personal_value=family,
        decision="postpone",
        postpone_until=dt.date(2027, 1, 10),
    )
    commitment(running, "Committee", "3", decision="delegate", delegate_to="Sam")
    commitment(running, "Side project", "2.5", decision="drop")
    commitment(running, "Newsletter", "1")
    return running


def report_of(audit):
    commitments = list(audit.commitments.select_related("personal_value__value"))
    return build_report(audit, list(audit.moments.all()), commitments, BERLIN)


def test_the_heatmap_averages_each_local_hour_of_each_day(week):
    heatmap = report_of(week).heatmap
    cells = {(c.day, c.hour): c for row in heatmap.rows for c in row.cells}

    assert [row.hour for row in heatmap.rows] == list(range(5, 23))
    assert [column.day for column in heatmap.columns] == [day(n) for n in range(7)]
    monday_8 = cells[day(0), 8]
    assert (monday_8.count, monday_8.average, monday_8.energy, monday_8.band) == (2, 5.5, 6, "mid")
    assert (cells[day(1), 8].energy, cells[day(1), 8].band) == (2, "low")
    assert (cells[day(4), 12].energy, cells[day(4), 12].band) == (10, "high")
    assert cells[day(4), 5].energy == 6
    assert cells[day(5), 8].count == 0
    assert cells[day(5), 8].energy is None


def test_highs_lows_and_the_average(week):
    report = report_of(week)

    assert [m.energy for m in report.highs] == [10, 9, 8]
    assert [m.energy for m in report.lows] == [1, 2, 3]
    assert (report.moments_count, report.days_logged, report.average_energy) == (9, 5, 5.6)
    assert (report.drains_count, report.recharges_count) == (5, 4)


def test_highs_and_lows_are_relative_to_the_persons_own_week(alice, running):
    for n, energy in enumerate([3, 2, 2, 1, 2, 1]):
        moment(running, day(n % 7), "09:00", energy, f"moment {n}", "drains")

    report = report_of(running)

    assert report.average_energy == 1.8
    assert [m.energy for m in report.highs] == [3, 2, 2]  # the top three above 1.8
    assert [m.energy for m in report.lows] == [1, 1]
    assert report.highs_note == ""


def test_too_few_moments_or_a_level_week_say_so_instead_of_listing_highs(alice, running):
    for n, energy in enumerate([6, 7, 6]):
        moment(running, day(n), "09:00", energy, f"moment {n}", "drains")
    few = report_of(running)
    for n, energy in enumerate([7, 6], start=3):
        moment(running, day(n), "09:00", energy, f"moment {n}", "drains")
    level = report_of(running)

    assert (few.highs, few.lows) == ([], [])
    assert few.highs_note == "Log at least 5 moments to see your highs and lows (so far 3)."
    assert (level.highs, level.lows) == ([], [])
    assert level.highs_note == "Your energy stayed between 6 and 7 all week: no moment stands out."


def test_the_report_page_says_what_its_highs_are_measured_against(alice_client, week):
    html = alice_client.get(reverse("audits:report", args=[week.pk])).text

    assert "Against your own average this week, 5.6 out of 10" in html
    assert "Your highest energy" in html


def test_drains_and_rechargers_are_grouped_whatever_the_case_or_spacing(week):
    report = report_of(week)

    assert [(a.name, a.count, a.average_energy) for a in report.top_drains] == [
        ("Standup", 3, 3.0),
        ("Email backlog", 2, 3.5),
    ]
    assert [(a.name, a.count, a.average_energy) for a in report.top_rechargers] == [
        ("Walk in the park", 2, 8.5),
        ("Climbing", 1, 10.0),
        ("coffee with Sam", 1, 7.0),
    ]


def test_hours_on_values_aligned_and_other_commitments(week):
    hours = report_of(week).hours

    assert (hours.aligned, hours.other, hours.total) == (Decimal("14.5"), Decimal("6.5"), 21)
    assert hours.aligned_share == 69
    assert hours.by_value == [("Growth", Decimal(10)), ("Family", Decimal("4.5"))]


def test_decisions_are_grouped_by_kind(week):
    report = report_of(week)

    assert [(g.label, [c.title for c in g.commitments]) for g in report.decisions] == [
        ("Keep", ["Team lead"]),
        ("Delegate", ["Committee"]),
        ("Postpone", ["Parents' visits"]),
        ("Drop", ["Side project"]),
        ("Not decided yet", ["Newsletter"]),
    ]
    assert report.decisions_count == 4


def test_the_report_page_draws_the_heatmap_with_a_table_alternative(alice_client, week):
    response = alice_client.get(reverse("audits:report", args=[week.pk]))
    page = text(response)

    assert 'role="img" aria-labelledby="heatmap-title"' in page
    assert "<title>Monday 23 November, 08:00: average energy 5.5 from 2 moments</title>" in page
    assert 'class="heat-cell energy--mid"' in page
    assert "<summary>Show the heatmap as a table</summary>" in page
    assert '<tr><th scope="row">08:00</th><td>6</td><td>2</td><td>3</td>' in page
    seen = words(response)
    assert "9 moments over 5 days, with an average energy of 5.6 out of 10." in seen
    assert "Standup · 3 times, average energy 3" in seen
    assert "14.5 on commitments that serve one of your values, 6.5 on the others" in seen
    assert "Committee (3 h a week) · to Sam" in seen
    assert "Parents' visits (4.5 h a week) · until 10 January 2027" in seen
    assert "Low energy is information, not failure." in seen


def test_the_heatmap_uses_the_persons_own_hours(client, charlie):
    theirs = audit(charlie)
    moment(theirs, day(2), "22:30", energy=2)  # 04:30 UTC on Thursday
    client.force_login(charlie)

    page = client.get(reverse("audits:report", args=[theirs.pk])).text

    assert "Wednesday 25 November, 22:00: average energy 2 from 1 moment" in page


def test_a_past_audit_stays_readable_without_the_moment_form(alice_client, alice):
    past = audit(alice, starts_on=day(-14))
    moment(past, day(-13), "10:00", energy=7, activity="Reading")

    page = alice_client.get(reverse("audits:report", args=[past.pk])).text

    assert 'id="moment-form"' not in page
    assert "Reading" in page


def test_a_running_audit_offers_the_moment_form_on_the_report(alice_client, running):
    page = alice_client.get(reverse("audits:report", args=[running.pk])).text

    assert 'id="moment-form"' in page
    assert 'name="return_to" value="report"' in page
    assert "No moments logged yet." in page
