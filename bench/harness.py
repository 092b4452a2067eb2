"""What every bench/bench_*.py script shares: services, data, a gunicorn server, a load client.

Scripts write progress to stderr and their figures to stdout, one `name: value` line each
(`figure()`); `python -m bench` collects those lines and prints them all at the end.

Environment (all optional):
  BENCH_DATABASE_URL  PostgreSQL database for the benchmarks, created and migrated when missing
                      (default postgres://postgres@127.0.0.1:5432/pacewise_bench). Deliberately
                      not DATABASE_URL: that one may point at a developer's own database.
  BENCH_REDIS_URL     broker URL the settings require (default redis://127.0.0.1:6379/12)
  BENCH_CACHE_URL     the Django cache (default redis://127.0.0.1:6379/13)
"""

import contextlib
import datetime as dt
import http.client
import os
import random
import signal
import socket
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VAR = ROOT / "var" / "bench"
SETTINGS = "config.settings.bench"
DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/pacewise_bench"
BENCH_EMAIL = "bench@pacewise.invalid"
BENCH_TIME_ZONE = "Europe/Berlin"
HISTORY_DAYS = 730


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def figure(name: str, value: object) -> None:
    """One figure, as `name: value` on stdout (the only thing a script writes there)."""
    print(f"{name}: {value}", flush=True)


def _terminate(signum: int, frame: object) -> None:
    # `python -m bench` ends an overrunning script with SIGTERM: unwind, so that every
    # `finally` (the gunicorn server's above all) runs.
    raise SystemExit(128 + signum)


# --- Services and Django ------------------------------------------------------------------
def setup() -> None:
    """Point the bench settings at the bench services, create and migrate the database, set up
    Django, collect the static files and check Redis. Call once, first, in every script."""
    signal.signal(signal.SIGTERM, _terminate)
    os.chdir(ROOT)
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    VAR.mkdir(parents=True, exist_ok=True)
    os.environ["DJANGO_SETTINGS_MODULE"] = SETTINGS
    os.environ["DATABASE_URL"] = os.environ.get("BENCH_DATABASE_URL", DEFAULT_DATABASE_URL)
    os.environ["REDIS_URL"] = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/12")
    os.environ["CACHE_URL"] = os.environ.get("BENCH_CACHE_URL", "redis://127.0.0.1:6379/13")
    _ensure_database(os.environ["DATABASE_URL"])

    import django
    from django.core.cache import cache
    from django.core.management import call_command

    django.setup()
    call_command("migrate", interactive=False, verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    try:
        cache.set("bench-ping", "pong", 10)
        ok = cache.get("bench-ping") == "pong"
    except Exception as exc:
        raise SystemExit(f"bench: Redis cache at {os.environ['CACHE_URL']} failed: {exc}") from exc
    if not ok:
        raise SystemExit(f"bench: Redis cache at {os.environ['CACHE_URL']} did not answer")


def _ensure_database(url: str) -> None:
    import dj_database_url
    import psycopg
    from psycopg import sql

    db = dj_database_url.parse(url)
    if db["ENGINE"] != "django.db.backends.postgresql":
        raise SystemExit(f"bench: BENCH_DATABASE_URL must be PostgreSQL, not {db['ENGINE']}")
    params = {
        "host": db["HOST"] or "127.0.0.1",
        "port": db["PORT"] or 5432,
        "user": db["USER"],
        "password": db["PASSWORD"] or None,
        "connect_timeout": 5,
    }
    try:
        with psycopg.connect(dbname="postgres", autocommit=True, **params) as conn:
            exists = conn.execute(
                "SELECT 1 FROM pg_database WHERE datname = %s", [db["NAME"]]
            ).fetchone()
            if not exists:
                log(f"bench: creating database {db['NAME']}")
                conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(db["NAME"])))
    except psycopg.OperationalError as exc:
        raise SystemExit(f"bench: PostgreSQL at {params['host']}:{params['port']}: {exc}") from exc


# --- Data ---------------------------------------------------------------------------------
FEELINGS = ("drained", "calm", "curious", "tense", "flat", "content", "anxious", "hopeful")
NEEDS = ("rest", "connection", "clarity", "boundary")
WORDS = (
    *("river", "morning", "meeting", "walk", "tired", "deadline", "friend", "quiet"),
    *("coffee", "inbox", "evening", "rest", "garden", "train", "call", "slow"),
    *("sunlight", "laundry", "promise", "enough"),
)


def seed_user():
    """A fresh user with a check-in on each of the 730 days before today (none today yet) and a
    journal entry every third day. Earlier bench users and every session are removed first."""
    from allauth.account.models import EmailAddress
    from django.contrib.sessions.models import Session

    from apps.accounts.models import User
    from apps.checkins.models import CheckIn, JournalEntry

    User.objects.filter(email=BENCH_EMAIL).delete()
    Session.objects.all().delete()  # the bench database's own sessions, nothing else's
    user = User.objects.create_user(
        email=BENCH_EMAIL, display_name="Bench", time_zone=BENCH_TIME_ZONE, country="DE"
    )
    EmailAddress.objects.create(user=user, email=BENCH_EMAIL, primary=True, verified=True)
    today = local_today(user)
    rng = random.Random(730)  # noqa: S311 - the same made-up history every run
    CheckIn.objects.bulk_create(
        CheckIn(
            user=user,
            checked_in_on=today - dt.timedelta(days=n),
            feeling=rng.choice(FEELINGS),
            energy=rng.randint(1, 10),
            need=rng.choice(NEEDS),
            drive=rng.randint(1, 5),
            sleep_hours=rng.choice((5, 5.5, 6, 6.5, 7, 7.5, 8, 8.5)),
            sleep_quality=rng.randint(1, 5),
            note=" ".join(rng.choices(WORDS, k=rng.randint(0, 30))),
        )
        for n in range(1, HISTORY_DAYS + 1)
    )
    JournalEntry.objects.bulk_create(
        JournalEntry(
            user=user,
            written_on=today - dt.timedelta(days=n),
            body=" ".join(rng.choices(WORDS, k=rng.randint(20, 400))),
        )
        for n in range(0, HISTORY_DAYS, 3)
    )
    return user


def local_today(user) -> dt.date:
    from apps.lib.dates import zone

    return dt.datetime.now(zone(user.time_zone)).date()


def session_cookie(user) -> str:
    """A real session for `user` in the bench database (Django's own login, via the test
    client), as the value of the `sessionid` cookie."""
    from django.conf import settings
    from django.test import Client

    client = Client()
    client.force_login(user)
    return client.cookies[settings.SESSION_COOKIE_NAME].value


# --- gunicorn -----------------------------------------------------------------------------
def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def gunicorn(workers: int = 2, threads: int = 2, ready_timeout: float = 30) -> Iterator[int]:
    """Serve config.wsgi with the bench settings on a free port of 127.0.0.1; yield the port.

    The server is stopped when the block ends, however it ends. It stays in this process's
    group, so whoever ends the group (`python -m bench` on a timeout) ends gunicorn with it.
    """
    port = free_port()
    log_path = VAR / "gunicorn.log"
    command = [
        sys.executable,
        "-m",
        "gunicorn",
        "config.wsgi",
        f"--bind=127.0.0.1:{port}",
        "--worker-class=gthread",
        f"--workers={workers}",
        f"--threads={threads}",
        "--keep-alive=10",
        "--graceful-timeout=5",
        "--timeout=30",
        "--log-level=warning",
    ]
    log(f"bench: gunicorn on 127.0.0.1:{port}, {workers} gthread workers x {threads} threads")
    with log_path.open("wb") as log_file:
        process = subprocess.Popen(  # noqa: S603 - our own interpreter, fixed arguments
            command, cwd=ROOT, env=os.environ.copy(), stdout=log_file, stderr=log_file
        )
    try:
        _wait_until_ready(process, port, ready_timeout, log_path)
        yield port
    finally:
        stop(process)
    if process.returncode not in (0, -signal.SIGTERM):
        log(f"bench: gunicorn exited with {process.returncode}; see {log_path}")


def _wait_until_ready(process: subprocess.Popen, port: int, timeout: float, log_path: Path) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"gunicorn exited with {process.returncode}:\n{tail(log_path)}")
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            conn.request("GET", "/bench/empty/")
            status = conn.getresponse().status
            conn.close()
        except OSError:
            time.sleep(0.1)
            continue
        if status == 403:  # the empty view, signed out: Django answers
            return
        raise RuntimeError(f"gunicorn answered {status} to /bench/empty/:\n{tail(log_path)}")
    raise RuntimeError(f"gunicorn not ready after {timeout:.0f} s:\n{tail(log_path)}")


def stop(process: subprocess.Popen, grace: float = 10) -> None:
    """SIGTERM (a warm shutdown for gunicorn and Celery alike), then SIGKILL after `grace` s."""
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=grace)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=5)


def tail(path: Path, lines: int = 30) -> str:
    """The end of a server's log, for an error message."""
    try:
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return ""


# --- Load ---------------------------------------------------------------------------------
@dataclass
class Request:
    method: str
    path: str
    headers: dict[str, str]
    body: bytes | None = None
    status: int = 200
    # Text every response's body must contain (so that the right page was served).
    expect: bytes = b""
    # Extra check on each response (e.g. where a redirect goes); returns an error or None.
    check: Callable[[http.client.HTTPResponse], str | None] | None = None
    # Run before each measured stretch (e.g. to put the data in the state being measured).
    prepare: Callable[[], None] | None = None

    def problem(self, response: http.client.HTTPResponse, body: bytes) -> str | None:
        if response.status != self.status:
            return f"status {response.status}"
        if self.expect not in body:
            return f"no {self.expect.decode()!r} in the response"
        return self.check(response) if self.check else None


@dataclass
class Result:
    requests: int = 0
    seconds: float = 0.0
    statuses: Counter = field(default_factory=Counter)
    errors: Counter = field(default_factory=Counter)

    @property
    def rps(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0

    @property
    def failures(self) -> int:
        return sum(self.errors.values())


def one(port: int, req: Request) -> http.client.HTTPResponse:
    """A single request; the response is read (resp.data holds the body)."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        conn.request(req.method, req.path, body=req.body, headers=req.headers)
        response = conn.getresponse()
        response.data = response.read()
        return response
    finally:
        conn.close()


def load(port: int, req: Request, seconds: float, connections: int) -> Result:
    """`connections` keep-alive clients, one thread each, send `req` back to back for `seconds`
    (requests started before the end are finished and counted). Redirects are not followed."""
    if connections < 1 or seconds <= 0:
        raise RuntimeError("load needs at least one connection and a positive duration")
    result = Result()
    lock = threading.Lock()
    start = time.monotonic()
    end = start + seconds
    finished: list[float] = []

    def client() -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        done, statuses, errors = 0, Counter(), Counter()
        try:
            while time.monotonic() < end:
                try:
                    conn.request(req.method, req.path, body=req.body, headers=req.headers)
                    response = conn.getresponse()
                    body = response.read()
                except (OSError, http.client.HTTPException) as exc:
                    errors[type(exc).__name__] += 1
                    conn.close()
                    if sum(errors.values()) > 100:
                        break
                    continue
                done += 1
                statuses[response.status] += 1
                if problem := req.problem(response, body):
                    errors[problem] += 1
                if response.will_close:
                    conn.close()
        finally:
            conn.close()
            with lock:
                result.requests += done
                result.statuses.update(statuses)
                result.errors.update(errors)
                finished.append(time.monotonic())

    threads = [threading.Thread(target=client, daemon=True) for _ in range(connections)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=seconds + 30)
    if any(thread.is_alive() for thread in threads):
        raise RuntimeError(f"{req.method} {req.path}: load clients did not finish")
    result.seconds = max(finished) - start
    return result


# --- A large population (bench_dispatch, bench_summaries) ---------------------------------
POPULATION = 100_000
POPULATION_PREFIX = "bench-u"  # bench-u000001@pacewise.invalid ...
POPULATION_DOMAIN = "@pacewise.invalid"
# Created last, in the same transaction as everything else: it exists only when all of it does.
POPULATION_MARKER = f"bench-population-{POPULATION}-v1{POPULATION_DOMAIN}"
POPULATION_ZONES = (
    *("Europe/Berlin", "America/New_York", "Asia/Tokyo", "Australia/Sydney", "Europe/London"),
    *("America/Los_Angeles", "Asia/Kolkata", "America/Sao_Paulo", "Africa/Nairobi"),
    "Pacific/Auckland",
)


def copy_rows(model, rows) -> int:
    """Insert `rows` (dicts keyed by field attname) into `model`'s table with COPY. A field a
    row leaves out takes its model default (auto_now fields: now; else as Model() would); an
    auto-increment primary key is left to the database. Returns the number of rows.

    `rows` may be a generator, but it must not query the database: the connection is busy
    with the COPY while it runs. Equal strings of a text field are prepared once (an encrypted
    field then stores one token for them all: the same plaintext, harmless in a benchmark)."""
    from django.db import connection, models
    from django.utils import timezone

    now = timezone.now()
    fields = [
        f
        for f in model._meta.concrete_fields
        if not (f.primary_key and f.get_internal_type().endswith("AutoField"))
    ]
    columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
    sql = f"COPY {connection.ops.quote_name(model._meta.db_table)} ({columns}) FROM STDIN"

    prepared: dict[tuple[str, str], object] = {}

    def fill(field, row: dict):
        if field.attname in row:
            value = row[field.attname]
        elif getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
            return now
        elif field.has_default() or field.null or field.blank:
            value = field.get_default()  # as Model() would: the default, NULL or ""
        else:
            raise RuntimeError(f"copy_rows: no value for {model.__name__}.{field.attname}")
        if isinstance(value, str):
            value = str(value)  # TextChoices: a plain str
            if isinstance(field, models.TextField):  # the encrypted fields among them
                key = (field.attname, value)
                if key not in prepared:
                    prepared[key] = field.get_db_prep_save(value, connection)
                return prepared[key]
        # As the ORM stores it (encrypted fields encrypted, and so on).
        return field.get_db_prep_save(value, connection)

    count = 0
    with connection.cursor() as cursor, cursor.copy(sql) as copy:
        for row in rows:
            copy.write_row([fill(field, row) for field in fields])
            count += 1
    return count


def make_marker(email: str):
    """An inactive user no one can sign in as, whose existence records that data is complete."""
    from apps.accounts.models import User

    marker = User(email=email, display_name="Marker", is_active=False)
    marker.set_unusable_password()
    marker.save()
    return marker


def population_email(n: int) -> str:
    return f"{POPULATION_PREFIX}{n:06d}{POPULATION_DOMAIN}"


def population_users():
    """The population's users as a queryset (for filters and subqueries)."""
    from apps.accounts.models import User

    return User.objects.filter(
        email__startswith=POPULATION_PREFIX, email__endswith=POPULATION_DOMAIN
    )


def ensure_population() -> list[int]:
    """POPULATION users with unusable passwords, a verified primary email address, reminder
    preferences (daily check-in on) and a check-in schedule, parked (next_due_at NULL): made
    once (COPY, some 15-30 s) and reused while the marker user exists. Returns their ids,
    in order."""
    from allauth.account.models import EmailAddress
    from django.db import connection, transaction
    from django.utils import timezone

    from apps.accounts.models import User
    from apps.reminders.models import Kind, Preferences, Reminder

    if not User.objects.filter(email=POPULATION_MARKER).exists():
        started = time.monotonic()
        log(f"bench: creating {POPULATION:,} users (once; reused while {POPULATION_MARKER} exists)")
        now = timezone.now()
        with transaction.atomic():
            population_users().delete()  # a half-made population from another version
            copy_rows(
                User,
                (
                    {
                        "password": f"!bench{n}",  # unusable: no one signs in as them
                        "is_superuser": False,
                        "email": population_email(n),
                        "display_name": f"Bench {n}",
                        "time_zone": POPULATION_ZONES[n % len(POPULATION_ZONES)],
                        "country": "DE",
                        "is_active": True,
                        "is_staff": False,
                        "date_joined": now,
                    }
                    for n in range(1, POPULATION + 1)
                ),
            )
            users = list(population_users().order_by("pk").values_list("pk", "email"))
            copy_rows(
                EmailAddress,
                (
                    {"user_id": pk, "email": email, "verified": True, "primary": True}
                    for pk, email in users
                ),
            )
            copy_rows(Preferences, ({"user_id": pk, "checkin_enabled": True} for pk, _ in users))
            copy_rows(
                Reminder,
                ({"user_id": pk, "kind": Kind.CHECKIN, "next_due_at": None} for pk, _ in users),
            )
            make_marker(POPULATION_MARKER)
        with connection.cursor() as cursor:
            for table in (User, EmailAddress, Preferences, Reminder):
                cursor.execute(f"ANALYZE {connection.ops.quote_name(table._meta.db_table)}")
        log(f"bench: population created in {time.monotonic() - started:.1f} s")
    ids = list(population_users().order_by("pk").values_list("pk", flat=True))
    if len(ids) != POPULATION:
        raise RuntimeError(f"the bench population has {len(ids)} users, expected {POPULATION}")
    return ids
