"""What an operator relies on: production settings pass Django's deploy checks, the images and
compose file are valid, and the schema has no missing migration."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from django.conf import settings
from django.core.management import call_command

from apps.outbox import vapid

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "config.settings.production",
    "SECRET_KEY": "a-long-random-production-key-for-this-check-only-xq9rL2vN7pT4wZ8sK1mB",
    "ALLOWED_HOSTS": "pacewise.example",
    "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/postgres",
    "REDIS_URL": "redis://127.0.0.1:6379/14",
    "EMAIL_URL": "smtp://relay.example:587?tls=1",
    "FIELD_ENCRYPTION_KEYS": "LjdC3y97kICBqTXTcZqZbESjp4u2uOxIVIMl_Nlc-4g=",
    **dict(zip(("VAPID_PRIVATE_KEY", "VAPID_PUBLIC_KEY"), vapid.generate(), strict=True)),
}


def manage(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={"PATH": os.environ["PATH"], **env},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_check_deploy_with_production_settings_prints_no_warnings():
    result = manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION_ENV)

    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key():
    env = {**PRODUCTION_ENV, "SECRET_KEY": ""}

    result = manage("check", env=env)

    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_a_mistyped_boolean_setting_fails_loudly():
    result = manage("check", env={**PRODUCTION_ENV, "SECURE_SSL_REDIRECT": "ture"})

    assert result.returncode != 0
    assert "SECURE_SSL_REDIRECT" in result.stderr
    assert "Not a valid boolean" in result.stderr


@pytest.mark.django_db
def test_every_model_change_has_a_migration():
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)


def compose_config() -> dict:
    """docker-compose.yml as Compose reads it, with the variables it requires set."""
    compose = shutil.which("docker-compose")
    assert compose, "docker-compose is missing: .ci/run installs Debian's package"
    result = subprocess.run(
        [compose, "-f", str(ROOT / "docker-compose.yml"), "config"],
        env={
            "PATH": os.environ["PATH"],
            "SECRET_KEY": "x" * 50,
            "FIELD_ENCRYPTION_KEYS": PRODUCTION_ENV["FIELD_ENCRYPTION_KEYS"],
            "VAPID_PRIVATE_KEY": PRODUCTION_ENV["VAPID_PRIVATE_KEY"],
            "VAPID_PUBLIC_KEY": PRODUCTION_ENV["VAPID_PUBLIC_KEY"],
        },
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return yaml.safe_load(result.stdout)["services"]


APP_SERVICES = ("web", "worker", "beat")


def test_the_compose_file_migrates_once_before_any_app_service_starts():
    services = compose_config()

    assert services["migrate"]["command"] == ["python", "manage.py", "migrate", "--noinput"]
    assert services["migrate"]["restart"] == "no"
    for name in APP_SERVICES:
        service = services[name]
        after = service["depends_on"]["migrate"]["condition"]
        assert after == "service_completed_successfully", name
        assert "migrate" not in " ".join(service.get("command") or []), name


def test_the_image_is_built_once_and_every_app_service_runs_it_with_a_healthcheck():
    services = compose_config()

    built = [name for name, service in services.items() if "build" in service]
    assert built == ["migrate"]
    for name in APP_SERVICES:
        assert services[name]["image"] == services["migrate"]["image"], name
        assert services[name]["healthcheck"]["test"], name
    assert "/healthz" in " ".join(services["web"]["healthcheck"]["test"])
    assert "inspect ping --destination worker@" in services["worker"]["healthcheck"]["test"][1]
    assert "--hostname" in services["worker"]["command"]


def test_the_image_starts_no_migration_and_runs_as_a_user_who_cannot_change_the_code():
    dockerfile = (ROOT / "Dockerfile").read_text()

    assert "migrate" not in dockerfile.split("CMD", 1)[1]
    assert "--chown" not in dockerfile
    assert "USER 1000:1000" in dockerfile
    assert "--require-hashes" in dockerfile


def test_the_dockerfile_passes_hadolint():
    hadolint = Path(sys.executable).with_name("hadolint")

    result = subprocess.run(
        [str(hadolint), str(ROOT / "Dockerfile")],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )

    assert result.returncode == 0, result.stdout + result.stderr


def test_redis_is_the_cache_and_broker_under_test():
    assert settings.CACHES["default"]["BACKEND"].endswith("RedisCache")
    assert settings.CELERY_BROKER_URL.startswith("redis://")
    assert settings.DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"


NO_MKDIR = """
import os, pathlib
def refuse(*args, **kwargs):
    raise AssertionError(f"a folder was created on import: {args[:1]}")
pathlib.Path.mkdir = os.mkdir = os.makedirs = refuse
import importlib, sys
importlib.import_module(sys.argv[1])
"""


@pytest.mark.parametrize(
    ("module", "env"),
    [("config.settings.local", {}), ("config.settings.production", PRODUCTION_ENV)],
)
def test_importing_settings_creates_no_folders(module, env):
    """An image's code is read-only to its user; `make run` creates var/ for the embedded
    defaults."""
    result = subprocess.run(
        [sys.executable, "-c", NO_MKDIR, module],
        cwd=ROOT,
        env={"PATH": os.environ["PATH"], **env},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )

    assert result.returncode == 0, result.stderr
