"""The test suite: real PostgreSQL and Redis (see the Makefile's defaults); with
DATABASE_URL=sqlite:// (make test's second pass), a SQLite file instead of PostgreSQL."""

import os
from pathlib import Path
from tempfile import gettempdir

from apps.outbox import vapid
from config.settings.base import *  # noqa: F403
from config.settings.base import database, env

SECRET_KEY = "test-only-key-0123456789-abcdefghijklmnopqrstuvwxyz-ABCDEFGHIJ"  # noqa: S105
FIELD_ENCRYPTION_KEYS = FIELD_ENCRYPTION_KEYS or [DEVELOPMENT_ONLY_FIELD_ENCRYPTION_KEY]  # noqa: F405
DATABASES = {"default": database("postgres://postgres@127.0.0.1:5432/pacewise")}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # DATABASE_URL=sqlite:// (make test's second pass): a file, as `make run` has, so that a
    # worker thread sees the test's rows and waits for its locks as make run's processes do
    # (an in-memory database shared between threads refuses at once instead).
    # One per run: two runs at once (two checkouts) never share it; the run deletes it at the end.
    name = Path(gettempdir()) / f"pacewise-test-{os.getpid()}.sqlite3"
    DATABASES["default"]["TEST"] = {"NAME": str(name)}
REDIS_URL = env.str("REDIS_URL", "redis://127.0.0.1:6379/14")
CACHE_URL = env.str("CACHE_URL", "redis://127.0.0.1:6379/15")
CACHES = {
    "default": {
        "BACKEND": "apps.lib.cache.FailOpenRedisCache",
        "LOCATION": CACHE_URL,
        "KEY_PREFIX": "pacewise-test",
        # Generous under a loaded CI machine: a slow answer must not pass for an outage.
        "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 10},
    }
}
# Unit tests run tasks in-process; the worker tests start a real worker on Redis instead (in a
# thread, or as a process with CELERY_TASK_ALWAYS_EAGER=false in its environment).
CELERY_BROKER_URL = env.str("CELERY_BROKER_URL", REDIS_URL)
CELERY_BROKER_TRANSPORT_OPTIONS = REDIS_BROKER_OPTIONS  # noqa: F405
CELERY_TASK_ALWAYS_EAGER = env.bool("CELERY_TASK_ALWAYS_EAGER", True)
# The outbox's waits in tenths of seconds, not minutes, so that the retries, claim timeouts and
# sweeps the delivery and fault tests count on come round in a test's time. Worker and beat
# processes a test starts read these too (this settings module), unless their environment says
# otherwise. That production's own values keep the outbox's promises: tests/outbox/test_settings.
OUTBOX_SEND_BUDGET = env.float("OUTBOX_SEND_BUDGET", 1)
OUTBOX_CLAIM_TIMEOUT = env.float("OUTBOX_CLAIM_TIMEOUT", 4)
OUTBOX_QUEUE_GRACE = env.float("OUTBOX_QUEUE_GRACE", 2)
OUTBOX_SWEEP_SECONDS = env.float("OUTBOX_SWEEP_SECONDS", 0.5)
OUTBOX_BACKOFF = env.list("OUTBOX_BACKOFF", [0.2, 0.4, 0.8, 1.6, 3.2, 6.4, 12.8], subcast=float)
OUTBOX_SHORT_WAIT = env.float("OUTBOX_SHORT_WAIT", 1)
OUTBOX_RETRY_MARGIN = env.float("OUTBOX_RETRY_MARGIN", 0.05)
OUTBOX_RECORD_WAITS = env.list("OUTBOX_RECORD_WAITS", [0.05, 0.1, 0.2, 0.4], subcast=float)
CELERY_BEAT_SCHEDULE = {  # a new dict: base's schedule stays production's
    **CELERY_BEAT_SCHEDULE,  # noqa: F405
    "sweep-outbox": {**CELERY_BEAT_SCHEDULE["sweep-outbox"], "schedule": OUTBOX_SWEEP_SECONDS},  # noqa: F405
}
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {  # a new dict: base.STORAGES stays what production and the image use
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# WhiteNoise serves straight from the finders; nothing is collected for tests.
STATIC_ROOT = None
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# A key pair for this run, unless given (a worker process started by a test is given the
# test's own, so that the push service in the test can check its signature).
if not VAPID_PRIVATE_KEY:  # noqa: F405
    VAPID_PRIVATE_KEY, VAPID_PUBLIC_KEY = vapid.generate()
# The tests' push service listens on the loopback, over plain HTTP.
PUSH_SERVICE_HOSTS = [*PUSH_SERVICE_HOSTS, "127.0.0.1"]  # noqa: F405
PUSH_INSECURE_HOSTS = ["127.0.0.1"]
