"""Production refuses to start without a working VAPID key pair, and says what is wrong."""

import json

import pytest
from django.core.management import call_command

from apps.outbox import vapid
from tests.config.test_deploy import PRODUCTION_ENV, manage

OTHER_PRIVATE, OTHER_PUBLIC = vapid.generate()


@pytest.mark.parametrize(
    ("change", "error"),
    [
        ({"VAPID_PRIVATE_KEY": ""}, "VAPID_PRIVATE_KEY, VAPID_PUBLIC_KEY and VAPID_SUBJECT must"),
        ({"VAPID_PUBLIC_KEY": ""}, "VAPID_PRIVATE_KEY, VAPID_PUBLIC_KEY and VAPID_SUBJECT must"),
        ({"VAPID_PRIVATE_KEY": "not-a-key"}, "VAPID_PRIVATE_KEY is not base64url"),
        ({"VAPID_PRIVATE_KEY": "c2hvcnQ"}, "VAPID_PRIVATE_KEY is not a 32-byte P-256"),
        ({"VAPID_PUBLIC_KEY": OTHER_PUBLIC}, "VAPID_PUBLIC_KEY is not the public half"),
        ({"VAPID_SUBJECT": "ops@example.com"}, "VAPID_SUBJECT must be a mailto:"),
    ],
)
def test_production_refuses_a_missing_or_mismatched_vapid_pair(change, error):
    result = manage("check", env={**PRODUCTION_ENV, **change})

    assert result.returncode != 0
    assert error in result.stderr
    assert PRODUCTION_ENV["VAPID_PRIVATE_KEY"] not in result.stderr


def test_the_command_prints_a_pair_that_production_accepts(capsys):
    call_command("vapid_keys")
    lines = dict(line.split("=", 1) for line in capsys.readouterr().out.split())

    assert set(lines) == {"VAPID_PRIVATE_KEY", "VAPID_PUBLIC_KEY"}
    assert (
        vapid.problem(lines["VAPID_PRIVATE_KEY"], lines["VAPID_PUBLIC_KEY"], "mailto:a@b.c") == ""
    )


def test_make_run_keeps_one_pair_in_var_and_never_replaces_it(tmp_path):
    keys = tmp_path / "var" / "vapid.json"
    call_command("vapid_keys", file=keys)
    first = json.loads(keys.read_text())
    call_command("vapid_keys", file=keys)

    assert json.loads(keys.read_text()) == first
    assert vapid.problem(first["private"], first["public"], "mailto:a@b.c") == ""
    assert keys.stat().st_mode & 0o077 == 0  # the private key is for its owner only
