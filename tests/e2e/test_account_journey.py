"""A Chromium journey: export data, delete account, and fail to sign in afterwards."""

import csv
import datetime as dt
import io
import json
import re
import zipfile
from zoneinfo import ZoneInfo

from allauth.account.models import EmailAddress
from django.core import mail
from django.urls import reverse
from django.utils.http import urlencode
from playwright.sync_api import Download, Page, expect

from apps.accounts.models import User
from apps.checkins.models import CheckIn, JournalEntry, Need
from tests.e2e.conftest import PASSWORD, assert_accessible, sign_in, url_of

BERLIN = "Europe/Berlin"
EMAIL = "alice@example.com"
NOTE = "Tired, but the walk helped."
PROMPT = "What gave you energy this week?"
BODY = "Saying no to the Friday call. It felt strange, then light."
GOODBYE = "Your account and everything in it have been deleted. Take good care of yourself."
PHRASE_ERROR = 'To delete your account, type "delete my account" exactly as shown.'
SIGN_IN_ERROR = "The email address and/or password you specified are not correct."


def berlin_today() -> dt.date:
    return dt.datetime.now(ZoneInfo(BERLIN)).date()


def download(page: Page, button: str) -> tuple[Download, bytes]:
    with page.expect_download() as info:
        page.get_by_role("button", name=button).click()
    saved = info.value
    assert saved.failure() is None, saved.failure()
    return saved, saved.path().read_bytes()


def csv_rows(archive: zipfile.ZipFile, name: str) -> list[dict[str, str]]:
    text = archive.read(name).decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text)))


def test_alice_exports_her_data_deletes_her_account_and_cannot_sign_in_again(new_page, alice):
    today = berlin_today()
    CheckIn.objects.create(
        user=alice, checked_in_on=today, feeling="tired", energy=4, need=Need.REST, note=NOTE
    )
    JournalEntry.objects.create(user=alice, written_on=today, prompt_text=PROMPT, body=BODY)
    page = new_page(timezone_id=BERLIN)
    main = page.get_by_role("main")
    nav = page.get_by_role("navigation", name="Main")

    # 1. Sign in through the real form, then open her account.
    sign_in(page, EMAIL)
    nav.get_by_role("link", name="Account", exact=True).click()
    expect(page).to_have_url(url_of("accounts:account"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Your account")
    assert_accessible(page)

    # 2. Downloading her data asks for her password again first (a sign-in is not a re-auth).
    main.get_by_role("link", name="Download your data").click()
    next_export = urlencode({"next": reverse("accounts:export")})
    expect(page).to_have_url(url_of("account_reauthenticate", query=next_export))
    expect(page.get_by_role("heading", level=1)).to_have_text("Confirm it's you")
    expect(main.get_by_text("Enter your password:")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Password").fill(PASSWORD)
    main.get_by_role("button", name="Confirm").click()

    expect(page).to_have_url(url_of("accounts:export"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Download your data")
    assert_accessible(page)

    # 3a. JSON: her check-in and her journal entry, in full.
    saved, content = download(page, "Download as JSON")
    assert saved.suggested_filename == f"pacewise-export-{today.isoformat()}.json"
    data = json.loads(content)
    assert (data["format"], data["version"]) == ("pacewise-export", 1)
    assert data["profile"]["email"] == EMAIL
    [checkin] = data["check_ins"]
    assert checkin["checked_in_on"] == today.isoformat()
    assert (checkin["feeling"], checkin["energy"], checkin["need"], checkin["note"]) == (
        "tired",
        4,
        Need.REST.value,
        NOTE,
    )
    [entry] = data["journal_entries"]
    assert (entry["written_on"], entry["prompt_text"], entry["body"]) == (
        today.isoformat(),
        PROMPT,
        BODY,
    )

    # 3b. CSV: a zip with one file per kind of thing, the same rows.
    expect(page).to_have_url(url_of("accounts:export"))
    saved, content = download(page, "Download as CSV files (zip)")
    assert saved.suggested_filename == f"pacewise-export-{today.isoformat()}.zip"
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        assert archive.testzip() is None
        names = set(archive.namelist())
        assert {"README.txt", "check_ins.csv", "journal_entries.csv"} <= names
        [checkin_row] = csv_rows(archive, "check_ins.csv")
        [entry_row] = csv_rows(archive, "journal_entries.csv")
    assert checkin_row["checked_in_on"] == today.isoformat()
    assert (checkin_row["energy"], checkin_row["need"], checkin_row["note"]) == (
        "4",
        Need.REST.value,
        NOTE,
    )
    assert (entry_row["written_on"], entry_row["prompt_text"], entry_row["body"]) == (
        today.isoformat(),
        PROMPT,
        BODY,
    )

    # 4. Account → Delete. She re-authenticated a moment ago, so no second password prompt.
    nav.get_by_role("link", name="Account", exact=True).click()
    expect(page).to_have_url(url_of("accounts:account"))
    main.get_by_role("link", name="Delete your account").click()
    expect(page).to_have_url(url_of("accounts:delete"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Delete your account")
    expect(main.get_by_text(f"We send one last email to {EMAIL}")).to_be_visible()
    assert_accessible(page)

    # 4a. The wrong phrase: an error tied to the field, and nothing deleted.
    confirmation = page.get_by_label('Type "delete my account" to confirm')
    delete = main.get_by_role("button", name="Delete my account and all my data")
    confirmation.fill("delete my acount")
    delete.click()
    expect(page).to_have_url(url_of("accounts:delete"))
    expect(main.get_by_text(PHRASE_ERROR)).to_be_visible()
    expect(confirmation).to_have_attribute("aria-invalid", "true")
    expect(confirmation).to_have_accessible_description(re.compile(re.escape(PHRASE_ERROR)))
    assert_accessible(page)
    assert User.objects.filter(pk=alice.pk).exists()
    assert CheckIn.objects.for_user(alice).count() == 1
    assert JournalEntry.objects.for_user(alice).count() == 1
    assert mail.outbox == []

    # 4b. The right phrase: she is signed out on the landing page, with a kind word.
    confirmation.fill("delete my account")
    delete.click()
    expect(page).to_have_url(url_of("accounts:landing"))
    expect(main.get_by_role("status")).to_have_text(GOODBYE)
    expect(nav.get_by_role("link", name="Sign in")).to_be_visible()
    expect(nav.get_by_role("link", name="Account", exact=True)).to_have_count(0)
    assert_accessible(page)

    # Gone from the database, and the goodbye email sent to the address she had.
    assert not User.objects.filter(pk=alice.pk).exists()
    assert not User.objects.filter(email__iexact=EMAIL).exists()
    assert not EmailAddress.objects.filter(email__iexact=EMAIL).exists()
    assert not CheckIn.objects.filter(user_id=alice.pk).exists()
    assert not JournalEntry.objects.filter(user_id=alice.pk).exists()
    [goodbye] = mail.outbox
    assert goodbye.to == [EMAIL]
    assert goodbye.subject == "Your Pacewise account has been deleted"
    assert "has been deleted, as you asked" in goodbye.body

    # 5. Her old password no longer signs her in: the ordinary sign-in error, nothing more.
    sign_in(page, EMAIL, lands_on=None)
    expect(page).to_have_url(url_of("account_login"))
    expect(main.get_by_text(SIGN_IN_ERROR)).to_be_visible()
    expect(nav.get_by_role("link", name="Sign in")).to_be_visible()
    assert_accessible(page)
    assert not User.objects.filter(email__iexact=EMAIL).exists()
