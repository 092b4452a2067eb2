"""`make run` as a newcomer gets it: Procfile.dev's web server, worker and beat on the local
settings' embedded defaults (SQLite, kombu's filesystem broker, mail printed on the console),
with nothing in their environment but a fresh VAR_DIR. Someone signs up with the code the worker
prints, checks in, sees it on Today, and the worker prints their weekly summary.

Real processes on their own SQLite file, so it runs on the first pass only (it is unmarked).
"""

import datetime as dt
import json
import re
from collections.abc import Iterator
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from tests.html_forms import form
from tests.make_run import STARTUP, WAIT, MakeRun, free_port

EMAIL = "alice@example.com"
PASSWORD = "a calm long password"
ZONE = "Pacific/Kiritimati"  # UTC+14: its day is the server's (UTC) day for 10 hours in 24
# What beat would do once the person's summary is due: make it due now, then send the
# dispatcher's task over the filesystem broker to the worker.
SUMMARY_DUE = f"""
from django.utils import timezone
from apps.reminders.models import Kind, Reminder
from apps.reminders.tasks import dispatch_due_reminders
summary = Reminder.objects.filter(user__email={EMAIL!r}, kind=Kind.SUMMARY)
assert summary.update(next_due_at=timezone.now()) == 1
dispatch_due_reminders.delay()
"""


def local_today() -> dt.date:
    return dt.datetime.now(ZoneInfo(ZONE)).date()


@pytest.fixture
def make_run(tmp_path: Path) -> Iterator[MakeRun]:
    run = MakeRun(tmp_path / "var", free_port())
    try:
        run.start()
        yield run
    finally:
        run.stop()
        for name in run.processes:  # shown when the test fails
            print(f"\n===== {name} =====\n{run.log(name)}")


def sign_up(run: MakeRun) -> None:
    page = run.get("/accounts/signup/")
    _, data = form(
        page.text,
        "/accounts/signup/",
        email=EMAIL,
        password1=PASSWORD,
        password2=PASSWORD,
        display_name="Alice",
        time_zone=ZONE,
    )
    page = run.post("/accounts/signup/", data)
    assert page.url == f"{run.url}/accounts/confirm-email/", page.text

    body = run.email(EMAIL, "Confirm Your Email").get_body(("plain",)).get_content()
    code = re.search(r"^\s*([A-Z0-9]{4,}(?:-[A-Z0-9]{4,})*)\s*$", body, re.MULTILINE)
    assert code, body
    action, data = form(page.text, "/accounts/confirm-email/", having="code", code=code[1])
    page = run.post(action, data)
    assert page.url == f"{run.url}/today/", page.text


def check_in(run: MakeRun) -> dt.date:
    """Today's quick check-in, as the form posts it without JavaScript; returns its day."""
    before = local_today()
    page = run.get("/today/")
    action, data = form(page.text, r"/checkins/\d{4}-\d\d-\d\d/", energy="4", quick_need="rest")
    day = dt.date.fromisoformat(action.split("/")[2])
    assert day in {before, local_today()}  # the person's own day, not the server's

    page = run.post(action, data)
    assert page.url == f"{run.url}/today/", page.text
    return day


@pytest.mark.timeout(300)  # beyond the waits above; 10 s when idle, 20 s with both cores busy
def test_a_newcomer_signs_up_checks_in_and_gets_a_weekly_summary_from_make_run(make_run):
    health = make_run.wait_for("answer from /healthz", make_run.health, STARTUP)
    assert health == {"database": "ok", "cache": "ok", "broker": "ok"}

    sign_up(make_run)
    day = check_in(make_run)
    today = make_run.get("/today/").text
    assert "Quick check-in: energy 4, need: rest." in today
    assert f"{day:%A} {day.day} {day:%B}: energy 4 of 10" in today  # the week strip's day

    page = make_run.get("/account/email/")
    public_key = json.loads((make_run.var / "vapid.json").read_text())["public"]
    assert f'data-push-key="{public_key}"' in page.text  # local.py read VAR_DIR's key pair
    _, data = form(page.text, "/account/email/", summary_enabled="on", summary_via="email")
    assert "Your reminder settings are saved." in make_run.post("/account/email/", data).text

    make_run.manage("shell", "-c", SUMMARY_DUE)
    # The summary tells of the last whole week in their zone, before they first checked in.
    monday = day - dt.timedelta(days=day.weekday() + 7)
    summary = make_run.email(EMAIL, "about your week of")
    assert summary["Subject"] == f"A gentle note about your week of {monday.day} {monday:%B}"
    assert summary["List-Unsubscribe"]

    make_run.wait_for(
        "beat's schedule in VAR_DIR", lambda: list(make_run.var.glob("celerybeat-schedule*")), WAIT
    )
    assert (make_run.var / "pacewise.sqlite3").is_file()
    assert list((make_run.var / "broker" / "control").iterdir())  # the broker's queue bindings
