"""A developer's machine: `make run`. Embedded defaults unless DATABASE_URL / REDIS_URL are set."""

import json

from config.settings.base import *  # noqa: F403
from config.settings.base import env

DEBUG = env.bool("DEBUG", True)
SECRET_KEY = SECRET_KEY or "local-development-only-key-not-for-production-use-0123456789"  # noqa: F405
FIELD_ENCRYPTION_KEYS = FIELD_ENCRYPTION_KEYS or [DEVELOPMENT_ONLY_FIELD_ENCRYPTION_KEY]  # noqa: F405
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"  # noqa: F405
STATIC_ROOT = None  # runserver serves from the finders; nothing is collected locally.
# Web push with the key pair `make run` keeps in var/ (manage.py vapid_keys --file).
if not VAPID_PRIVATE_KEY and (VAR_DIR / "vapid.json").exists():  # noqa: F405
    _pair = json.loads((VAR_DIR / "vapid.json").read_text())  # noqa: F405
    VAPID_PRIVATE_KEY, VAPID_PUBLIC_KEY = _pair["private"], _pair["public"]
