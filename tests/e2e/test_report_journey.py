"""A report for a professional in the browser: from Insights, choose the days and one journal
entry, download the PDF and read it, then open the printable page."""

import datetime as dt
import re

from playwright.sync_api import expect
from pypdf import PdfReader

from apps.checkins.models import CheckIn, JournalEntry
from tests.conftest import make_user
from tests.e2e.conftest import sign_in, url_of
from tests.e2e.steps import BERLIN, assert_accessible, berlin_now


def test_mira_takes_a_report_with_one_journal_entry_to_her_therapist(new_page):
    mira = make_user("mira@example.com", display_name="Mira", time_zone=BERLIN)
    today = berlin_now().date()
    CheckIn.objects.bulk_create(
        CheckIn(
            user=mira, checked_in_on=today - dt.timedelta(days=n), energy=3 + n % 5, need="rest"
        )
        for n in range(60)
    )
    shared = JournalEntry.objects.create(
        user=mira, written_on=today - dt.timedelta(days=10), body="I said no to the offsite."
    )
    JournalEntry.objects.create(
        user=mira, written_on=today - dt.timedelta(days=5), body="Something only for me."
    )
    old = JournalEntry.objects.create(
        user=mira, written_on=today - dt.timedelta(days=200), body="Last spring, the move."
    )
    page = new_page()
    sign_in(page, mira.email)

    page.get_by_role("navigation", name="Main").get_by_role("link", name="Insights").click()
    page.get_by_role("link", name="Make a report").click()
    expect(page).to_have_url(url_of("overview:report"))
    assert_accessible(page)

    journal = page.get_by_role("group", name="Journal entries")
    expect(journal.get_by_text(old.body)).to_have_count(0)
    # A wider range brings its entries without a reload (htmx), and back again.
    page.get_by_label("From").fill((today - dt.timedelta(days=365)).isoformat())
    page.get_by_label("From").dispatch_event("change")
    expect(journal.get_by_text("Last spring, the move.")).to_have_count(1)
    page.get_by_label("From").fill((today - dt.timedelta(days=59)).isoformat())
    page.get_by_label("From").dispatch_event("change")
    expect(journal.get_by_text("Last spring, the move.")).to_have_count(0)
    journal.get_by_text("Or only these entries").click()
    journal.get_by_label(f"{shared.written_on:%-d %b %Y}: I said no to the offsite.").check()
    assert_accessible(page)

    with page.expect_download() as download:
        page.get_by_role("button", name="Download the PDF").click()
    pdf = PdfReader(download.value.path())
    text = " ".join(" ".join(p.extract_text().split()) for p in pdf.pages)
    assert download.value.suggested_filename.startswith("pacewise-report-")
    assert text.startswith(f"Pacewise Mira {today - dt.timedelta(days=59):%-d %B %Y} to")
    assert "It is not a clinical record" in text
    assert "Checked in on 60 of 60 days" in text
    assert "I said no to the offsite." in text
    assert "Something only for me." not in text

    page.get_by_role("button", name="Open a printable page").click()
    expect(page).to_have_url(re.compile(r"/report/print/\?first=[-0-9]+&last="))
    expect(page.get_by_role("heading", level=1)).to_have_text("Mira")
    expect(page.get_by_text("I said no to the offsite.")).to_be_visible()
    expect(page.get_by_text("Something only for me.")).to_have_count(0)
    assert_accessible(page)
    page.get_by_role("link", name="Back to the report's options").click()
    expect(page).to_have_url(url_of("overview:report"))
