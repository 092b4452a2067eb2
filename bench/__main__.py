"""`make bench`: run every bench/bench_*.py, then print all their figures, last.

Each script runs in its own process (`python -m bench.<name>`) with a time limit; it writes
progress to stderr, which passes straight through, and figures to stdout, one `name: value`
line each, which are collected. After the last script the figures are printed together, in
script order, as the final lines of the output, so a program can read them. A script that fails
or overruns makes the exit status non-zero; the figures gathered so far are still printed.

Environment: BENCH_SCRIPT_TIMEOUT (seconds per script, default 150), BENCH_ONLY (run only the
scripts whose names contain this text), and those of bench/harness.py and the scripts.
"""

import contextlib
import os
import re
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
FIGURE = re.compile(r"^(?P<name>[A-Za-z_][^\s:]*): (?P<value>\S+)$")
TIMEOUT = float(os.environ.get("BENCH_SCRIPT_TIMEOUT", 150))


def run(script: Path, figures: list[str]) -> str | None:
    """Run one script; collect its figures; return what went wrong, if anything."""
    name = script.stem
    print(f"bench: == {name} ==", file=sys.stderr, flush=True)
    started = time.monotonic()
    process = subprocess.Popen(  # noqa: S603 - our own interpreter and scripts
        [sys.executable, "-m", f"bench.{name}"],
        cwd=HERE.parent,
        stdout=subprocess.PIPE,
        text=True,
        start_new_session=True,  # its own group, gunicorn included: ended together below
    )
    others: list[str] = []

    def read() -> None:
        for line in process.stdout:
            line = line.rstrip("\n")
            if FIGURE.match(line):
                figures.append(line)
            elif line:
                others.append(line)

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    problem = None
    try:
        process.wait(timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        problem = f"{name} still running after {TIMEOUT:.0f} s, stopped"
    finally:
        end(process)
        reader.join(timeout=5)
    for line in others:
        print(f"bench: {name} printed: {line}", file=sys.stderr)
    if problem is None and process.returncode != 0:
        problem = f"{name} failed (exit status {process.returncode})"
    print(f"bench: {name} took {time.monotonic() - started:.1f} s", file=sys.stderr, flush=True)
    return problem


def end(process: subprocess.Popen) -> None:
    """SIGTERM lets the script stop its gunicorn; then whatever is left of its group goes."""
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        with contextlib.suppress(subprocess.TimeoutExpired):
            process.wait(timeout=20)
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(process.pid, signal.SIGKILL)  # the group this script led, and only it
    process.wait()


def main() -> int:
    only = os.environ.get("BENCH_ONLY", "")
    scripts = [s for s in sorted(HERE.glob("bench_*.py")) if only in s.stem]
    if not scripts:
        print(f"bench: no bench/bench_*.py matches {only!r}", file=sys.stderr)
        return 2
    figures: list[str] = []
    problems = [problem for script in scripts if (problem := run(script, figures))]
    for problem in problems:
        print(f"bench: FAILED: {problem}", file=sys.stderr, flush=True)
    sys.stderr.flush()
    print("== figures ==")
    for line in figures:
        print(line)
    sys.stdout.flush()
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
