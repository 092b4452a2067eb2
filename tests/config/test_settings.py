import json
import os
import re
import subprocess
import sys

import pytest

from config.settings.base import mailer_from_url


def test_an_smtp_url_becomes_a_mailer_with_starttls_and_credentials():
    mailer = mailer_from_url("smtp://me%40example.com:s%3Acret@relay.example:587?tls=true")

    assert mailer["BACKEND"] == "django.core.mail.backends.smtp.EmailBackend"
    assert mailer["OPTIONS"] == {
        "host": "relay.example",
        "port": 587,
        "username": "me@example.com",
        "password": "s:cret",
        "use_ssl": False,
        "use_tls": True,
        "timeout": 10,
    }


def test_smtps_uses_implicit_tls_on_465_by_default():
    options = mailer_from_url("smtps://relay.example")["OPTIONS"]

    assert (options["port"], options["use_ssl"], options["use_tls"]) == (465, True, False)


def test_console_is_the_embedded_default():
    assert mailer_from_url("console://") == {
        "BACKEND": "django.core.mail.backends.console.EmailBackend"
    }


def test_an_unknown_scheme_is_refused():
    with pytest.raises(ValueError, match="unsupported scheme 'sendmail'"):
        mailer_from_url("sendmail://localhost")


def log_line(log_format: str) -> str:
    """What one warning looks like on the console under LOG_FORMAT."""
    code = (
        "import django, logging; django.setup(); "
        "logging.getLogger('apps.outbox.tasks').warning('Swept %d messages.', 3)"
    )
    env = {
        "PATH": os.environ["PATH"],
        "DJANGO_SETTINGS_MODULE": "config.settings.local",
        "LOG_FORMAT": log_format,
    }
    command = [sys.executable, "-c", code]
    result = subprocess.run(
        command, env=env, capture_output=True, text=True, timeout=60, check=True
    )
    return result.stderr.strip().splitlines()[-1]


def test_log_lines_carry_time_level_and_logger():
    line = log_line("text")

    assert re.fullmatch(
        r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3} WARNING apps\.outbox\.tasks: Swept 3 messages\.",
        line,
    )


def test_with_log_format_json_each_line_is_a_json_object():
    record = json.loads(log_line("json"))

    assert record["level"] == "WARNING"
    assert record["logger"] == "apps.outbox.tasks"
    assert record["message"] == "Swept 3 messages."
    assert re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3}", record["time"])
