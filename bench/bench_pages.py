"""Page throughput under gunicorn, as ratios to an empty view in the same server and run.

A user with a two-year history (730 daily check-ins, a journal entry every third day) is signed
in with a real session cookie, and sends back the CSRF cookie the site gave it, as a browser
does. One gunicorn server (production settings via config.settings.bench, gthread workers,
the psycopg pool) serves the measurements, each a short warm-up and then a fixed number of
seconds of keep-alive clients sending requests back to back. Nothing is cached per person:
every page is rendered afresh.

  empty_rps     GET /bench/empty/: a tiny response behind the same middleware (signed in)
  today_rps     GET /today/ before today's check-in exists: the quick check-in (energy and
                "I need ..."), the week strip and the signal
  checkin_post_rps
                POST /checkins/<today>/ with a valid full check-in (two tags ticked) and the
                CSRF token;
                answers 302 to the Today page (redirects are not followed)
  today_checked_in_rps
                GET /today/ once today's check-in is saved: its summary, the exercises for
                its need, the week strip and the signal
  checkin_page_rps
                GET /checkins/<today>/: the full check-in form; reported for comparison only

The endpoints take turns (BENCH_ROUNDS rounds of SECONDS / ROUNDS each), so that other load on
the machine weighs on all of them alike. Every measured response must have the expected status
and content (200 with the form, 302 to /today/, ...), otherwise the script fails: a 302 to the
sign-in page would otherwise pass for a fast Today page.

Figures: today_rps_ratio = today_rps / empty_rps and checkin_post_rps_ratio = checkin_post_rps /
empty_rps (targets >= 0.5, docs/architecture.md), today_checked_in_rps_ratio (the other state of
the same page, held to the same target) and checkin_page_rps_ratio for comparison, plus the raw
requests/s. Nothing is asserted.

Environment: BENCH_SECONDS (5), BENCH_WARMUP (1), BENCH_CONNECTIONS (4), BENCH_WORKERS (2),
BENCH_THREADS (2), BENCH_ROUNDS (5), and those of bench/harness.py.
Run alone: .venv/bin/python -m bench.bench_pages
"""

import http.client
import os
import re
import sys
from http.cookies import SimpleCookie
from urllib.parse import urlencode

from bench import harness
from bench.harness import Request, figure, log

SECONDS = float(os.environ.get("BENCH_SECONDS", 5))
WARMUP = float(os.environ.get("BENCH_WARMUP", 1))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", 4))
WORKERS = int(os.environ.get("BENCH_WORKERS", 2))
THREADS = int(os.environ.get("BENCH_THREADS", 2))
ROUNDS = int(os.environ.get("BENCH_ROUNDS", 5))
TOKEN = re.compile(rb'name="csrfmiddlewaretoken" value="([^"]+)"')


def csrf(port: int, session: str) -> tuple[str, str]:
    """The csrftoken cookie and a form token, as a browser gets them from the Today page."""
    response = harness.one(port, Request("GET", "/today/", {"Cookie": f"sessionid={session}"}))
    if response.status != 200:
        raise RuntimeError(f"GET /today/ answered {response.status}, expected 200 (signed in)")
    cookies = SimpleCookie()
    for header in response.headers.get_all("Set-Cookie") or []:
        cookies.load(header)
    match = TOKEN.search(response.data)
    if "csrftoken" not in cookies or not match:
        raise RuntimeError("the Today page set no csrftoken cookie or has no form token")
    if b'name="quick_need"' not in response.data:
        raise RuntimeError("GET /today/ did not show the quick check-in")
    return cookies["csrftoken"].value, match.group(1).decode()


def check_once(port: int, req: Request) -> None:
    if req.prepare:
        req.prepare()
    response = harness.one(port, req)
    if problem := req.problem(response, response.data):
        raise RuntimeError(f"{req.method} {req.path}: {problem} (expected {req.status})")


def measure(port: int, requests: dict[str, Request]) -> dict[str, float]:
    """Requests/s for each request: after a warm-up, ROUNDS rounds that each give every request
    an equal share of SECONDS, so a change in the machine's load affects all of them alike."""
    for req in requests.values():
        check_once(port, req)
        harness.load(port, req, WARMUP, CONNECTIONS)
    results = {name: harness.Result() for name in requests}
    for _ in range(ROUNDS):
        for name, req in requests.items():
            if req.prepare:
                req.prepare()
            part = harness.load(port, req, SECONDS / ROUNDS, CONNECTIONS)
            total = results[name]
            total.requests += part.requests
            total.seconds += part.seconds
            total.statuses.update(part.statuses)
            total.errors.update(part.errors)
    for name, result in results.items():
        req = requests[name]
        log(
            f"bench: {name}: {result.requests} requests in {result.seconds:.2f} s = "
            f"{result.rps:.1f}/s, {1000 * CONNECTIONS / max(result.rps, 1e-9):.2f} ms each "
            f"({CONNECTIONS} connections), statuses {dict(result.statuses)}"
        )
        if result.failures or not result.requests:
            raise RuntimeError(
                f"{req.method} {req.path}: {result.failures} unexpected responses of "
                f"{result.requests}: {dict(result.errors)}"
            )
    return {name: result.rps for name, result in results.items()}


def main() -> None:
    harness.setup()
    from apps.checkins.models import CheckIn, Tag

    user = harness.seed_user()
    two_tags = [tag.pk for tag in Tag.objects.create_defaults(user)[:2]]
    session = harness.session_cookie(user)
    today = harness.local_today(user)
    fields = {
        "feeling": "calm",
        "energy": "5",
        "need": "rest",
        "drive": "2",
        "sleep_hours": "7",
        "sleep_quality": "4",
        "note": "bench",
        "tags": two_tags,  # as a person ticks two of their tags
    }

    def not_checked_in() -> None:
        CheckIn.objects.filter(user=user, checked_in_on=today).delete()

    def checked_in() -> None:
        CheckIn.objects.update_or_create(
            user=user,
            checked_in_on=today,
            defaults={key: value for key, value in fields.items() if key not in {"tags"}},
        )

    day_page = f"/checkins/{today.isoformat()}/"
    # A day that ends mid-run makes today's check-in yesterday's: then the day page.
    saved_to = {"/today/", day_page}

    def redirects_to_today(response: http.client.HTTPResponse) -> str | None:
        location = response.headers.get("Location", "")
        return None if location in saved_to else f"redirect to {location}"

    with harness.gunicorn(workers=WORKERS, threads=THREADS) as port:
        not_checked_in()
        csrftoken, form_token = csrf(port, session)
        signed_in = {"Cookie": f"sessionid={session}; csrftoken={csrftoken}"}
        rps = measure(
            port,
            {
                "empty": Request("GET", "/bench/empty/", signed_in, expect=b"ok"),
                "today": Request(
                    "GET",
                    "/today/",
                    signed_in,
                    expect=b'name="quick_need"',
                    prepare=not_checked_in,
                ),
                "checkin_post": Request(
                    "POST",
                    day_page,
                    {
                        **signed_in,
                        "Content-Type": "application/x-www-form-urlencoded",
                        "Origin": f"http://127.0.0.1:{port}",
                    },
                    urlencode({"csrfmiddlewaretoken": form_token, **fields}, doseq=True).encode(),
                    status=302,
                    check=redirects_to_today,
                ),
                "today_checked_in": Request(
                    "GET",
                    "/today/",
                    signed_in,
                    expect=b"Thank you for checking in today",
                    prepare=checked_in,
                ),
                "checkin_page": Request("GET", day_page, signed_in, expect=b"Save check-in"),
            },
        )

    empty = rps["empty"]
    for name, value in rps.items():
        figure(f"{name}_rps", f"{value:.1f}")
    figure("today_rps_ratio", f"{rps['today'] / empty:.2f}")
    figure("checkin_post_rps_ratio", f"{rps['checkin_post'] / empty:.2f}")
    figure("today_checked_in_rps_ratio", f"{rps['today_checked_in'] / empty:.2f}")
    figure("checkin_page_rps_ratio", f"{rps['checkin_page'] / empty:.2f}")


if __name__ == "__main__":
    try:
        main()
    except RuntimeError as exc:
        sys.exit(f"bench_pages: {exc}")
