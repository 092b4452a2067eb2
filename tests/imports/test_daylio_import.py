"""Importing a Daylio export: the check of the whole file, the preview's mapping, the import
itself (idempotent, keeping days already checked in), and every kind of bad file refused whole."""

import datetime as dt
import io
import zipfile
from pathlib import Path

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from apps.checkins.models import CheckIn, JournalEntry, Tag
from apps.imports import daylio, jobs
from apps.imports.forms import DaylioMappingForm
from apps.imports.models import ImportJob
from tests.celery_smtp import running_worker, wait_for

pytestmark = pytest.mark.sqlite

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "daylio_two_years.csv"
UPLOAD = reverse("imports:upload")
HEADER = "full_date,date,weekday,time,mood,activities,note_title,note\n"
# Monday 1 June 2026, noon in Berlin: the fixture's last day is the day before.
NOW = dt.datetime(2026, 6, 1, 10, 0, tzinfo=dt.UTC)
# The fixture's every mood as calm, energy 5, and no activity as a tag.
MOODS = ("rad", "good", "meh", "bad", "awful", "super tired")
ALL_CALM = {"moods": {mood: ["calm", 5] for mood in MOODS}, "activities": {}}


@pytest.fixture(autouse=True)
def _first_of_june():
    with time_machine.travel(NOW, tick=False):
        yield


def upload(client, content: bytes, name: str = "daylio_export.csv"):
    return client.post(
        UPLOAD, {"kind": "daylio", "file": SimpleUploadedFile(name, content, "text/csv")}
    )


def csv_of(*rows: str) -> bytes:
    return (HEADER + "".join(f"{row}\n" for row in rows)).encode()


def mapping_post(**changes: tuple[str, str]) -> dict:
    """The preview's own choices, as its form would post them, with some changed."""
    job = ImportJob.objects.get(status="preview")
    parsed = daylio.parse(job.content, dt.date(2026, 6, 1))
    form = DaylioMappingForm(parsed=parsed, tags=list(Tag.objects.filter(user=job.user)))
    data = {name: form[name].initial for name in form.fields}
    data = {k: "" if v is None else str(v) for k, v in data.items()}
    for label, (word, energy) in changes.items():
        index = form.moods.index(label.replace("_", " "))
        data[f"mood-{index}-feeling"], data[f"mood-{index}-energy"] = word, energy
    return data


@pytest.fixture
def two_years(alice_client):
    response = upload(alice_client, FIXTURE.read_bytes())
    assert response.status_code == 302
    return ImportJob.objects.get()


# --- The check and the preview -----------------------------------------------------------
@pytest.mark.django_db
def test_a_two_year_file_is_previewed_with_its_moods_and_activities(alice_client, two_years):
    assert two_years.status == "preview"
    response = alice_client.get(reverse("imports:job", args=[two_years.pk]))
    page = response.content.decode()

    assert "758 entries over 699 days, from 1 May 2024 to 31 May 2026" in page
    for label in ("rad", "good", "meh", "bad", "awful", "super tired"):
        assert f"“{label}”" in page
    assert "A new tag, “movies &amp; series”" in page
    assert "A new tag, “Café”" in page
    # Daylio's own moods come mapped; a label of the person's own waits for a choice.
    assert '<option value="energised" selected>' in page
    assert CheckIn.objects.count() == 0


@pytest.mark.django_db
def test_an_activity_named_like_a_tag_goes_under_that_tag(alice_client, alice, two_years):
    work = Tag.objects.create(user=alice, name="Work")

    page = alice_client.get(reverse("imports:job", args=[two_years.pk])).content.decode()

    assert f'<option value="{work.pk}" selected>Work</option>' in page


@pytest.mark.django_db
def test_a_mood_of_their_own_must_be_given_a_feeling(alice_client, two_years):
    url = reverse("imports:job", args=[two_years.pk])
    response = alice_client.post(url, mapping_post())

    assert response.status_code == 422
    assert "Choose a feeling for “super tired”." in response.content.decode()
    assert CheckIn.objects.count() == 0


# --- The import --------------------------------------------------------------------------
@pytest.mark.django_db
def test_the_import_makes_a_check_in_a_day_with_its_tags_and_keeps_what_was_there(
    alice_client, alice, two_years, django_capture_on_commit_callbacks
):
    mine = CheckIn.objects.create(
        user=alice, checked_in_on=dt.date(2026, 5, 31), energy=4, need="rest", note="Mine."
    )
    url = reverse("imports:job", args=[two_years.pk])

    with django_capture_on_commit_callbacks(execute=True):
        response = alice_client.post(url, mapping_post(super_tired=("exhausted", "2")))

    assert response["Location"] == url
    two_years.refresh_from_db()
    assert two_years.status == "done"
    assert two_years.content == ""
    assert two_years.outcome["added"] == 698
    assert two_years.outcome["kept"] == ["2026-05-31"]
    mine.refresh_from_db()
    assert (mine.energy, mine.note) == (4, "Mine.")
    # 31 May 2026 was kept; the 30th, written as Daylio wrote it.
    day = CheckIn.objects.get(user=alice, checked_in_on=dt.date(2026, 5, 30))
    assert (day.feeling, day.energy, day.need, day.is_backfilled) == ("exhausted", 2, "", True)
    assert day.note == "- finished the report\n- called mum"
    assert sorted(day.tags.values_list("name", flat=True)) == [
        "family",
        "movies & series",
        "sleep early",
    ]
    assert Tag.objects.filter(user=alice, name__iexact="work").count() == 1
    page = alice_client.get(url).content.decode()
    assert "Done. 698 days imported as check-ins" in page
    assert "1 day already had a check-in, and it was kept as it was." in page


@pytest.mark.django_db
def test_a_day_of_two_entries_takes_the_latest_mood_and_both_notes(alice_client, alice):
    upload(
        alice_client,
        csv_of(
            "2026-05-20,May 20,Wednesday,9:30 pm,rad,walk,,Evening: better.",
            "2026-05-20,May 20,Wednesday,8:00 am,awful,work | walk,Rough start,Bad night.",
        ),
    )
    url = reverse("imports:job", args=[ImportJob.objects.get().pk])
    alice_client.post(url, mapping_post())

    day = CheckIn.objects.get(user=alice)
    assert (day.feeling, day.energy) == ("energised", 9)
    assert day.note == "Rough start\nBad night.\n\nEvening: better."
    assert sorted(day.tags.values_list("name", flat=True)) == ["walk", "work"]


@pytest.mark.django_db
def test_a_note_too_long_for_a_check_in_goes_to_the_journal(alice_client, alice):
    long = "Therapy today, and a lot came up. " * 20
    upload(alice_client, csv_of(f'2026-05-20,May 20,Wednesday,9:30 pm,meh,,Therapy,"{long}"'))
    url = reverse("imports:job", args=[ImportJob.objects.get().pk])
    alice_client.post(url, mapping_post())

    entry = JournalEntry.objects.get(user=alice)
    assert (entry.written_on, entry.prompt_text) == (dt.date(2026, 5, 20), "From Daylio")
    assert entry.body == f"Therapy\n{long.strip()}"
    assert CheckIn.objects.get(user=alice).note == ""


@pytest.mark.django_db
def test_importing_the_same_file_again_adds_nothing(
    alice_client, alice, django_capture_on_commit_callbacks
):
    for _ in range(2):
        upload(alice_client, FIXTURE.read_bytes())
        job = ImportJob.objects.filter(status="preview").get()
        url = reverse("imports:job", args=[job.pk])
        with django_capture_on_commit_callbacks(execute=True):
            alice_client.post(url, mapping_post(super_tired=("exhausted", "2")))
    first, second = ImportJob.objects.order_by("pk")

    assert first.outcome["added"] == 699
    assert second.outcome["added"] == 0
    assert len(second.outcome["kept"]) == 699
    assert CheckIn.objects.filter(user=alice).count() == 699
    assert CheckIn.tags.through.objects.filter(checkin__user=alice).count() == sum(
        len(d.activities)
        for d in daylio.parse(FIXTURE.read_text(), dt.date(2026, 6, 1)).days.values()
    )
    assert Tag.objects.filter(user=alice, name="Café").count() == 1


@pytest.mark.django_db(transaction=True)
def test_a_large_file_is_imported_by_the_worker_while_the_page_shows_progress(alice_client):
    upload(alice_client, FIXTURE.read_bytes())
    job = ImportJob.objects.get()
    url = reverse("imports:job", args=[job.pk])

    with running_worker():
        alice_client.post(url, mapping_post(super_tired=("exhausted", "2")))
        progress = alice_client.get(url, headers={"HX-Request": "true"}).content.decode()
        wait_for(lambda: ImportJob.objects.get().status == "done", "the import to finish")

    assert 'id="progress"' in progress
    assert "<html" not in progress
    assert CheckIn.objects.count() == 699
    done = alice_client.get(url, headers={"HX-Request": "true"}).content.decode()
    assert "hx-trigger" not in done  # finished: the polling stops
    assert "Done. 699 days imported" in done


@pytest.mark.django_db
def test_the_page_shows_how_far_a_running_import_has_come_and_polls(alice_client, two_years):
    ImportJob.objects.update(status="running", done=200)
    url = reverse("imports:job", args=[two_years.pk])

    fragment = alice_client.get(url, headers={"HX-Request": "true"}).content.decode()
    page = alice_client.get(url).content.decode()

    assert fragment.lstrip().startswith('<section class="card" id="progress"')
    assert 'hx-trigger="every 1s"' in fragment
    assert '<progress id="import-progress" max="699" value="200">29%</progress>' in fragment
    assert "200 of 699 days" in page
    assert "Refresh</a> to see how far it has come" in page  # without JavaScript


@pytest.mark.django_db
def test_a_queued_import_whose_task_never_came_is_queued_again(alice_client, two_years):
    url = reverse("imports:job", args=[two_years.pk])
    two_years.mapping = ALL_CALM
    two_years.status = "queued"
    two_years.save()
    ImportJob.objects.update(updated_at=NOW - jobs.QUEUED_GRACE - dt.timedelta(seconds=1))

    alice_client.get(url)  # tasks run eagerly in these tests: the page's publish runs it

    assert ImportJob.objects.get().status == "done"
    assert CheckIn.objects.count() == 699


@pytest.mark.django_db
def test_a_run_that_stopped_half_way_resumes_without_doing_a_chunk_twice(alice, two_years):
    two_years.mapping = ALL_CALM
    two_years.status = "running"
    two_years.save()
    parsed = daylio.parse(two_years.content, dt.date(2026, 6, 1))
    days = sorted(parsed.days.values(), key=lambda d: d.date)
    jobs.import_days(two_years, days[: jobs.CHUNK], {})  # the first chunk, committed

    jobs.run(two_years.pk)

    two_years.refresh_from_db()
    assert (two_years.status, two_years.done) == ("done", 699)
    assert two_years.outcome["added"] == 699
    assert CheckIn.objects.filter(user=alice).count() == 699


@pytest.mark.django_db
def test_an_import_of_several_chunks_reads_its_file_from_the_database_once(two_years):
    two_years.mapping = ALL_CALM
    two_years.status = "queued"
    two_years.save()

    with CaptureQueriesContext(connection) as queries:
        jobs.run(two_years.pk)

    assert ImportJob.objects.get().done == 699  # two chunks, each claiming the job again
    reads = [q for q in queries if q["sql"].startswith("SELECT") and '."content"' in q["sql"]]
    assert len(reads) == 1


@pytest.mark.django_db
def test_another_persons_import_answers_404(alice_client, charlie):
    theirs = ImportJob.objects.create(user=charlie, kind="daylio", content=HEADER)

    for url in ("imports:job", "imports:cancel"):
        method = alice_client.get if url == "imports:job" else alice_client.post
        assert method(reverse(url, args=[theirs.pk])).status_code == 404


@pytest.mark.django_db
def test_calling_it_off_forgets_the_file(alice_client, two_years):
    response = alice_client.post(reverse("imports:cancel", args=[two_years.pk]))

    assert response["Location"] == reverse("imports:start")
    assert ImportJob.objects.count() == 0


# --- Bad files -----------------------------------------------------------------------------
def zipped(name: str, content: bytes) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(name, content)
    return buffer.getvalue()


ROW = "2026-05-20,May 20,Wednesday,9:30 pm,good,walk,,Fine."
BAD_FILES = [
    (
        b"date,mood,note\n2026-05-20,good,Fine.\n",
        "Line 1: this does not look like a Daylio export: it has no full_date, time, activities "
        "columns. A Daylio CSV starts with full_date,date,weekday,time,mood,activities,"
        "note_title,note.",
    ),
    (
        csv_of(ROW) + "2026-05-19,May 19,Tuesday,9:30 pm,bad,walk,,Café\n".encode("latin-1"),
        "Line 3 is not UTF-8 text, the encoding Daylio exports in.",
    ),
    (
        b"x" * (daylio.MAX_BYTES + 1),
        "The file is 10.0 MB; the most Pacewise can import at once is 10 MB.",
    ),
    (
        zipped("daylio.csv", HEADER.encode() + b"\n" * (daylio.MAX_BYTES + 10)),
        "The zip archive unpacks to more than 10 MB, more than Pacewise can import at once.",
    ),
    (
        csv_of(ROW, '2026-05-19,May 19,Tuesday,9:30 pm,bad,walk,,"=HYPERLINK(""http://x"")"'),
        "Line 3: the note starts with “=”, which a spreadsheet would run as a formula.",
    ),
    (
        csv_of(ROW, "2026-06-02,June 2,Tuesday,9:30 pm,bad,walk,,Tomorrow?"),
        "Line 3: 2 June 2026 is after today (1 June 2026, in your time zone).",
    ),
    (
        csv_of(ROW, "20/05/2026,May 20,Wednesday,9:30 pm,bad,,,"),
        "Line 3: “20/05/2026” is not a date",
    ),
    (csv_of(ROW, "2026-05-19,May 19,Tuesday,teatime,bad,,,"), "Line 3: “teatime” is not a time"),
    (HEADER.encode(), "The file has its columns but no entries."),
]


@pytest.mark.django_db
@pytest.mark.parametrize(("content", "error"), BAD_FILES)
def test_a_bad_file_is_refused_with_its_line_and_nothing_is_saved(alice_client, content, error):
    response = upload(alice_client, content)

    assert response.status_code == 422
    assert error in response.content.decode().replace("&#x27;", "'")
    assert ImportJob.objects.count() == 0
    assert CheckIn.objects.count() == 0


@pytest.mark.django_db
def test_a_zip_holding_the_csv_is_read(alice_client):
    response = upload(alice_client, zipped("daylio_export.csv", csv_of(ROW)), name="export.zip")

    assert response.status_code == 302
    assert ImportJob.objects.get().total == 1


@pytest.mark.django_db
def test_signed_out_visitors_are_sent_to_sign_in(client):
    response = client.get(reverse("imports:start"))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


@pytest.mark.django_db
def test_a_second_go_ahead_changes_nothing(alice_client, alice):
    upload(alice_client, csv_of(ROW))
    url = reverse("imports:job", args=[ImportJob.objects.get().pk])
    data = mapping_post()
    alice_client.post(url, data)

    response = alice_client.post(url, data)

    assert response["Location"] == url
    job = ImportJob.objects.get()
    assert (job.status, job.outcome["added"]) == ("done", 1)
    assert CheckIn.objects.filter(user=alice).count() == 1


@pytest.mark.django_db
def test_an_import_that_breaks_stops_once_forgets_the_file_and_says_so(alice_client, two_years):
    two_years.mapping = {"moods": {"rad": ["calm", 5]}, "activities": {}}  # the others missing
    two_years.status = "queued"
    two_years.save()

    jobs.run(two_years.pk)

    two_years.refresh_from_db()
    assert (two_years.status, two_years.content) == ("failed", "")
    assert two_years.error.startswith("Something went wrong on our side while importing.")
    page = alice_client.get(reverse("imports:job", args=[two_years.pk])).content.decode()
    assert "Something went wrong on our side" in page
    assert "hx-trigger" not in page


@pytest.mark.django_db
def test_notes_that_only_look_like_formulas_are_ordinary_text(alice_client, alice):
    response = upload(
        alice_client,
        csv_of(
            "2026-05-20,May 20,Wednesday,9:30 pm,good,walk,,+1 run this week",
            "2026-05-19,May 19,Tuesday,9:30 pm,good,walk,,@home all day",
        ),
    )

    assert response.status_code == 302


@pytest.mark.django_db
def test_a_broken_zip_is_refused_kindly(alice_client):
    broken = zipped("daylio.csv", csv_of(ROW))
    broken = broken[:40] + b"\x00" * 20 + broken[60:]

    response = upload(alice_client, broken, name="export.zip")

    assert response.status_code == 422
    assert "The file looks like a zip archive but cannot be opened." in response.content.decode()


@pytest.mark.django_db
def test_the_import_pages_run_the_same_queries_with_no_history_or_two_years(client, alice, charlie):
    CheckIn.objects.bulk_create(
        CheckIn(user=charlie, checked_in_on=dt.date(2026, 5, 31) - dt.timedelta(days=n), energy=5)
        for n in range(730)
    )
    counts = []
    for user in (alice, charlie):
        client.force_login(user)
        upload(client, FIXTURE.read_bytes())
        job = ImportJob.objects.get(user=user)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(reverse("imports:start")).status_code == 200
            assert client.get(reverse("imports:job", args=[job.pk])).status_code == 200
        counts.append(len(queries))

    assert counts[0] == counts[1] <= 12, counts


@pytest.mark.parametrize(
    ("written", "time"),
    [
        ("20:30", dt.time(20, 30)),
        ("7:05", dt.time(7, 5)),
        ("20:30:15", dt.time(20, 30, 15)),
        ("8:30 pm", dt.time(20, 30)),
        ("8:30PM", dt.time(20, 30)),
        ("12:05 am", dt.time(0, 5)),
        ("12:05 pm", dt.time(12, 5)),
        (" 9:30 am ", dt.time(9, 30)),
    ],
)
def test_a_time_is_read_as_the_phone_wrote_it(written, time):
    assert daylio.parse_time(written, 2) == time


@pytest.mark.parametrize("written", ["13:30 pm", "0:30 am", "24:00", "9:60", "9:30:00 pm", "9"])
def test_a_time_that_is_no_time_names_its_line(written):
    with pytest.raises(daylio.BadFile, match=f"Line 7: “{written}” is not a time"):
        daylio.parse_time(written, 7)
