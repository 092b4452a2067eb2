"""Benchmarks (`make bench`): the production settings, served over plain HTTP on 127.0.0.1.

Only what plain HTTP on a loopback address needs is relaxed (no TLS redirect, HSTS or secure
cookies, Django's default cookie names so the bench client can find them); everything else, the
middleware, the database pool, the Redis cache and the static files storage, is production's.
The bench harness (bench/harness.py) sets DATABASE_URL, REDIS_URL and CACHE_URL; the defaults
below let a process started by hand (gunicorn, manage.py) find the same services.
"""

import os

# Production refuses to start without these; give it bench-only values before it is imported.
os.environ["SECRET_KEY"] = "bench-only-key-never-used-anywhere-else-0123456789-abcdefghijklmn"  # noqa: S105
os.environ["FIELD_ENCRYPTION_KEYS"] = "Qn_Pa21lb0kj9-NqNqxfD1kyvZxhROAsohVnd1yLxps="  # bench-only
os.environ.setdefault(
    "VAPID_PRIVATE_KEY", "lt2V4nBA-J4H2Dk4dSmNDC4TQfExRAZUIbqmk7PYZsk"
)  # bench-only
os.environ.setdefault(
    "VAPID_PUBLIC_KEY",
    "BO3ryt62mNpkd9eFAEsWFtjEdYfiuJokzhKBR-5CLc4hJ4p5gsmFuRkNaIJ0ASVbumhB1j4eTiU1woWrl0LlkWs",
)
os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/pacewise_bench")
os.environ.setdefault("REDIS_URL", "redis://127.0.0.1:6379/12")
os.environ.setdefault("CACHE_URL", "redis://127.0.0.1:6379/13")
os.environ.setdefault("EMAIL_URL", "console://")
# A web process, as in docker-compose.yml's web service.
os.environ.setdefault("DATABASE_POOL", "true")

from config.settings.production import *  # noqa: F403
from config.settings.production import CACHES, VAR_DIR

DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1"]
ROOT_URLCONF = "bench.urls"

SECURE_SSL_REDIRECT = False
SECURE_HSTS_SECONDS = 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = False
SECURE_HSTS_PRELOAD = False
SESSION_COOKIE_SECURE = False
SESSION_COOKIE_NAME = "sessionid"
CSRF_COOKIE_SECURE = False
CSRF_COOKIE_NAME = "csrftoken"

CACHES["default"]["KEY_PREFIX"] = "pacewise-bench"
# Collected (hashed and compressed) by the harness, away from a deployment's staticfiles/.
STATIC_ROOT = VAR_DIR / "bench" / "static"
