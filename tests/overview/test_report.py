"""The report for a professional: the range and sections chosen, the journal only when ticked,
a PDF read back with pypdf, a printable page, and both never cached."""

import datetime as dt
import io
import re
from decimal import Decimal

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from pypdf import PdfReader

from apps.checkins.models import BurnoutCheck, CheckIn, JournalEntry
from apps.lib.dates import zone
from apps.overview.report import SECTIONS, Report
from apps.planning.models import BoundaryPractice, BoundaryStatement, RestWindow, WeeklyAction
from tests.queries import statements

pytestmark = [pytest.mark.django_db, pytest.mark.sqlite]
FORM, PRINT, PDF = (reverse(f"overview:{n}") for n in ("report", "report-print", "report-pdf"))
# Tuesday 1 December 2026, 11:00 in Berlin.
TODAY = dt.date(2026, 12, 1)
FIRST = dt.date(2026, 10, 1)
ALL_SECTIONS = [key for key, _ in SECTIONS]


@pytest.fixture(autouse=True)
def _first_of_december():
    with time_machine.travel(dt.datetime(2026, 12, 1, 10, 0, tzinfo=dt.UTC), tick=False):
        yield


def history(user, days: int = 62, first: dt.date = FIRST) -> None:
    """A check-in a day (energy running 3 to 8; pressure on low days), sleep, two self-checks,
    rest windows, a practised boundary and weekly actions."""
    CheckIn.objects.bulk_create(
        CheckIn(
            user=user,
            checked_in_on=first + dt.timedelta(days=n),
            energy=3 + n % 6,
            need=("rest", "connection", "clarity", "boundary")[n % 4],
            drive=5 if n % 6 == 0 else 2,
            sleep_hours=Decimal("5.5") if n % 6 == 0 else Decimal(8),
        )
        for n in range(days)
    )
    for taken_on, answer in ((first, 75), (first + dt.timedelta(days=28), 50)):
        answers = dict.fromkeys(("tired", "physically_exhausted", "worn_out"), answer)
        BurnoutCheck.objects.create(
            user=user, taken_on=taken_on, answers=answers, skipped_work=True
        )
    berlin = zone(user.time_zone)
    for week in range(days // 7):
        start = dt.datetime.combine(first + dt.timedelta(weeks=week), dt.time(9), tzinfo=berlin)
        RestWindow.objects.create(
            user=user, starts_at=start, ends_at=start + dt.timedelta(hours=24), rested=7
        )
    statement = BoundaryStatement.objects.create(user=user, area="work", text="Not after six.")
    for n, outcome in enumerate(("well", "well", "hard")):
        BoundaryPractice.objects.create(
            statement=statement,
            practised_on=first + dt.timedelta(days=n * 3),
            outcome=outcome,
            how_it_went="My manager sighed.",
        )
    WeeklyAction.objects.create(
        user=user, week_of=dt.date(2026, 10, 5), title="Lunch outside", status="done"
    )
    WeeklyAction.objects.create(
        user=user, week_of=dt.date(2026, 10, 12), title="Call Jo", status="not_done"
    )


@pytest.fixture
def entries(alice):
    made = {}
    for key, day, body in (
        ("early", dt.date(2026, 9, 1), "Before the range: the move."),
        ("kept", dt.date(2026, 10, 20), "The review went better than I feared."),
        ("private", dt.date(2026, 11, 3), "What I have not told anyone yet."),
    ):
        made[key] = JournalEntry.objects.create(user=alice, written_on=day, body=body)
    return made


def query(first=FIRST, last=TODAY, sections=ALL_SECTIONS, **extra) -> dict:
    return {"first": first.isoformat(), "last": last.isoformat(), "sections": sections, **extra}


def pdf_text(response) -> tuple[str, int]:
    reader = PdfReader(io.BytesIO(response.content))
    text = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
    return text, len(reader.pages)


def test_the_pdf_has_the_person_the_range_the_notice_and_every_section(alice_client, alice):
    history(alice)

    response = alice_client.get(PDF, query())

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == (
        'attachment; filename="pacewise-report-2026-10-01-to-2026-12-01.pdf"'
    )
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]
    text, pages = pdf_text(response)
    assert text.startswith("Pacewise Alice 1 October 2026 to 1 December 2026 (62 days)")
    assert "It is not a clinical record, an assessment or a diagnosis." in text
    for _, title in SECTIONS:
        assert title in text
    assert "Checked in on 62 of 62 days. Average energy 5.4 out of 10" in text
    assert "October 2026 31 5.4 6 6" in text  # month, days, energy, pressure, masked
    assert "Under 6 hours 11 3.0" in text  # the short nights came before the low days
    assert "1 Oct 2026 75 skipped" in text
    assert "8 rest windows planned; 8 looked back on afterwards" in text
    assert "“Not after six.”: practised 3 times (it went well 2, it was hard 1)" in text
    assert "Done: 1 · Not done: 1" in text
    assert re.search(rf"page 1 of {pages}\b", text)
    assert pages >= 2


def test_the_journal_stays_out_unless_ticked(alice_client, alice, entries):
    history(alice)

    text, _ = pdf_text(alice_client.get(PDF, query()))

    for entry in entries.values():
        assert entry.body not in text
    assert "Journal entries" not in text
    assert "My manager sighed." not in text  # how a practice went is never in the report


def test_ticked_entries_go_in_one_by_one(alice_client, alice, entries):
    text, _ = pdf_text(alice_client.get(PDF, query(entries=[entries["kept"].pk])))

    assert "Journal entries chosen to share Tuesday 20 October 2026" in text
    assert entries["kept"].body in text
    assert entries["private"].body not in text


def test_every_entry_of_the_range_and_none_outside_it(alice_client, alice, entries):
    text, _ = pdf_text(alice_client.get(PDF, query(all_entries="on")))

    assert entries["kept"].body in text
    assert entries["private"].body in text
    assert entries["early"].body not in text


def test_someone_elses_entry_cannot_be_asked_for(alice_client, charlie):
    theirs = JournalEntry.objects.create(user=charlie, written_on=TODAY, body="Charlie's secret.")

    response = alice_client.get(PDF, query(entries=[theirs.pk]))

    assert response.status_code == 422
    assert "Choose entries from the list for this range." in response.content.decode()
    assert "Charlie" not in response.content.decode()


def test_only_the_sections_chosen_are_in_it(alice_client, alice):
    history(alice)

    text, _ = pdf_text(alice_client.get(PDF, query(sections=["needs", "rest"])))

    needs = "Needs How often each need was named Need named Days Rest 16 Connection 16 Clarity 15"
    assert f"{needs} A boundary 15" in text
    assert "Rest windows" in text
    for absent in ("Masked-ambition days", "Burnout self-check", "Values-based actions"):
        assert absent not in text


@pytest.mark.parametrize(
    ("data", "error"),
    [
        (query(last=TODAY + dt.timedelta(days=1)), "The report can run up to today"),
        (query(first=TODAY, last=FIRST), "The first day comes before the last one."),
        (query(first=dt.date(2023, 1, 1)), "Choose at most three years."),
        (query(sections=[]), "Tick at least one part to include."),
        ({**query(), "first": "yesterday"}, "Enter a date like 2026-01-31."),
    ],
)
def test_a_bad_choice_is_named_and_no_report_is_made(alice_client, data, error):
    response = alice_client.get(PDF, data)

    assert response.status_code == 422
    assert response["Content-Type"].startswith("text/html")
    assert error in response.content.decode()


def test_the_options_start_at_the_last_90_days_with_every_part_but_the_journal(
    alice_client, entries
):
    content = alice_client.get(FORM).content.decode()

    assert 'name="first" value="2026-09-03"' in content
    assert 'name="last" value="2026-12-01"' in content
    assert content.count('name="sections"') == len(SECTIONS)
    assert len(re.findall(r'name="sections" value="\w+"[^>]*checked', content)) == len(SECTIONS)
    assert "20 Oct 2026: The review went better than I feared." in content
    assert "the move" not in content  # September 1st is before the range
    assert not re.search(r'name="entries"[^>]*checked', content)
    assert not re.search(r'name="all_entries"[^>]*checked', content)


def test_a_new_range_brings_its_entries_with_htmx(alice_client, entries):
    response = alice_client.get(
        FORM,
        {"first": "2026-08-01", "last": "2026-09-30", "sections": ALL_SECTIONS},
        headers={"HX-Request": "true", "HX-Target": "journal-choices"},
    )

    content = response.content.decode()
    assert content.lstrip().startswith('<fieldset class="field" id="journal-choices">')
    assert "Before the range: the move." in content
    assert "The review went better" not in content


def test_the_printable_page_is_the_same_report_never_cached(alice_client, alice, entries):
    history(alice)

    response = alice_client.get(PRINT, query(entries=[entries["kept"].pk]))

    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    content = response.content.decode()
    assert "<h1>Alice</h1>" in content
    assert "It is not a clinical record" in content
    assert entries["kept"].body in content
    assert entries["private"].body not in content
    assert "css/report" in content


def test_signed_out_visitors_are_sent_to_sign_in(client):
    for url in (FORM, PRINT, PDF):
        response = client.get(url, query())
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("account_login"))


def test_masked_ambition_holds_from_the_fourth_low_pressured_day_to_the_window_end(alice):
    low = [FIRST + dt.timedelta(days=n) for n in range(1, 6)]
    CheckIn.objects.bulk_create(
        CheckIn(user=alice, checked_in_on=d, energy=3, need="rest", drive=5) for d in low
    )

    report = Report(alice, FIRST, TODAY, ["masked"])

    assert report.masked_days == low
    [period] = report.masked_periods
    # Day 4 brings the fourth; days 1-5 stay within the 7-day window until day 8.
    assert (period.first, period.last) == (
        FIRST + dt.timedelta(days=4),
        FIRST + dt.timedelta(days=8),
    )


def test_the_pages_run_the_same_queries_with_two_months_or_two_years(client, alice, charlie):
    history(alice, days=62, first=dt.date(2026, 10, 1))
    history(charlie, days=730, first=TODAY - dt.timedelta(days=729))
    for user in (alice, charlie):
        JournalEntry.objects.bulk_create(
            JournalEntry(user=user, written_on=TODAY - dt.timedelta(days=n), body=f"Day {n}")
            for n in range(0, 60, 3)
        )

    counts = {}
    for user in (alice, charlie):
        client.force_login(user)
        first = TODAY - dt.timedelta(days=729)
        counts[user.email] = []
        for url in (FORM, PRINT):
            with CaptureQueriesContext(connection) as queries:
                response = client.get(url, query(first=first, all_entries="on"))
            assert response.status_code == 200
            counts[user.email].append(len(statements(queries)))

    assert counts[alice.email] == counts[charlie.email]
    assert max(counts[charlie.email]) <= 10, counts


def test_without_javascript_the_button_shows_the_new_ranges_entries(alice_client, entries):
    response = alice_client.get(FORM, query(first=dt.date(2026, 8, 1), last=dt.date(2026, 9, 30)))

    content = response.content.decode()
    assert response.status_code == 200
    assert "<html" in content
    assert 'name="first" value="2026-08-01"' in content
    assert "Before the range: the move." in content
    assert "The review went better" not in content
