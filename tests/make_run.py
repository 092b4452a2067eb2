"""make run's processes as a newcomer gets them, each in a process group of its own, in a
VAR_DIR of their own: make run's steps before honcho, then each line of Procfile.dev."""

import contextlib
import os
import re
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable
from email import message_from_string, policy
from email.message import EmailMessage
from pathlib import Path

import pytest
import requests

ROOT = Path(__file__).resolve().parents[1]
STARTUP = 90  # seconds: a loaded 2-core machine starting three Django processes at once
WAIT = 60  # seconds for an email to go through the broker and the worker


class MakeRun:
    """What `make run` does in a VAR_DIR of its own, Procfile.dev's web server on `port`."""

    def __init__(self, var: Path, port: int) -> None:
        self.var, self.url, self.logs = var, f"http://127.0.0.1:{port}", var.parent
        # Nothing else: no DATABASE_URL, REDIS_URL, EMAIL_URL, nor DJANGO_SETTINGS_MODULE, which
        # manage.py and config/celery_app.py set to the local settings, as for a newcomer.
        self.env = {
            "PATH": os.environ["PATH"],
            "VAR_DIR": str(var),
            "PORT": str(port),  # as honcho sets it for Procfile.dev's web
            "PYTHONUNBUFFERED": "1",  # logs reach their files as they are written
        }
        self.processes: dict[str, subprocess.Popen] = {}
        self.browser = requests.Session()
        self.browser.trust_env = False  # no proxy between the test and 127.0.0.1

    def manage(self, *args: str) -> None:
        result = subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=STARTUP,
            check=False,
        )
        assert result.returncode == 0, f"manage.py {args[0]}:\n{result.stdout}{result.stderr}"

    def start(self) -> None:
        """make run's steps before honcho, then each line of Procfile.dev as honcho runs it."""
        (self.var / "broker" / "control").mkdir(parents=True)
        self.manage("migrate", "--noinput")
        self.manage("vapid_keys", "--file", str(self.var / "vapid.json"))
        for line in (ROOT / "Procfile.dev").read_text().splitlines():
            name, colon, command = line.partition(":")
            if not colon or line.startswith("#"):
                continue
            with (self.logs / f"{name}.log").open("w") as log:
                self.processes[name] = subprocess.Popen(
                    ["sh", "-c", command.strip()],
                    cwd=ROOT,
                    env=self.env,
                    stdout=log,
                    stderr=subprocess.STDOUT,
                    start_new_session=True,  # a group of its own, children included, to stop
                )

    def stop(self) -> None:
        for process in self.processes.values():
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGTERM)
        for process in self.processes.values():
            with contextlib.suppress(subprocess.TimeoutExpired):
                process.wait(timeout=15)
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)  # whatever is left of the group
            process.wait()

    def log(self, name: str) -> str:
        return (self.logs / f"{name}.log").read_text(errors="replace")

    def wait_for[T](self, what: str, found: Callable[[], T], timeout: float) -> T:
        deadline = time.monotonic() + timeout
        while not (result := found()):
            for name, process in self.processes.items():
                if process.poll() is not None:
                    pytest.fail(f"{name} exited ({process.returncode}) before {what}")
            if time.monotonic() > deadline:
                pytest.fail(f"no {what} within {timeout} s")
            time.sleep(0.2)
        return result

    def email(self, to: str, subject: str) -> EmailMessage:
        """The first email to `to` whose subject holds `subject` that the worker prints."""

        def printed() -> EmailMessage | None:
            return next(
                (
                    m
                    for m in printed_emails(self.log("worker"))
                    if m["To"] == to and subject in m["Subject"]
                ),
                None,
            )

        return self.wait_for(f"email {subject!r} to {to} from the worker", printed, WAIT)

    def health(self) -> dict | None:
        try:
            answer = self.browser.get(f"{self.url}/healthz", timeout=10)
        except requests.RequestException:  # not listening yet, or too busy starting to answer
            return None
        return answer.json() if answer.status_code == 200 else None

    def get(self, path: str) -> requests.Response:
        return self.browser.get(self.url + path, timeout=30)

    def post(self, path: str, data: list[tuple[str, str]]) -> requests.Response:
        return self.browser.post(self.url + path, data=data, timeout=30)


def printed_emails(log: str) -> list[EmailMessage]:
    """The emails Django's console backend printed, each followed by a line of 79 dashes, from
    a log in which Celery starts each thing a task prints with "[time: LEVEL/process] "."""
    text = re.sub(r"^\[[^\]\n]*\] ", "", log, flags=re.MULTILINE)
    emails = []
    for chunk in text.split("\n" + "-" * 79 + "\n")[:-1]:
        if start := re.search(r"^(MIME-Version|Content-Type): ", chunk, flags=re.MULTILINE):
            emails.append(message_from_string(chunk[start.start() :], policy=policy.default))
    return emails


def free_port() -> int:
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        return listener.getsockname()[1]
