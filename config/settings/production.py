"""Production: everything from the environment, nothing embedded. Only tightens base."""

from cryptography.fernet import Fernet
from django.core.exceptions import ImproperlyConfigured

from apps.outbox import vapid
from config.settings.base import *  # noqa: F403
from config.settings.base import env

DEBUG = False
if not SECRET_KEY or len(SECRET_KEY) < 50:  # noqa: F405
    raise ImproperlyConfigured("SECRET_KEY must be set to a random value of 50+ characters.")
SECRET_KEY_FALLBACKS = env.list("SECRET_KEY_FALLBACKS", [])
if not FIELD_ENCRYPTION_KEYS:  # noqa: F405
    raise ImproperlyConfigured(
        "FIELD_ENCRYPTION_KEYS must be set in production: Fernet keys, newest first."
    )
if DEVELOPMENT_ONLY_FIELD_ENCRYPTION_KEY in FIELD_ENCRYPTION_KEYS:  # noqa: F405
    raise ImproperlyConfigured("FIELD_ENCRYPTION_KEYS must not include the development-only key.")
for _position, _key in enumerate(FIELD_ENCRYPTION_KEYS, start=1):  # noqa: F405
    try:
        Fernet(_key)
    except ValueError:
        raise ImproperlyConfigured(
            f"FIELD_ENCRYPTION_KEYS: key {_position} is not a Fernet key (32 url-safe "
            "base64-encoded bytes; see the README for how to generate one)."
        ) from None
if _vapid_problem := vapid.problem(VAPID_PRIVATE_KEY, VAPID_PUBLIC_KEY, VAPID_SUBJECT):  # noqa: F405
    raise ImproperlyConfigured(
        f"{_vapid_problem} in production (web push; `manage.py vapid_keys` makes a pair)."
    )
if not env.str("DATABASE_URL", ""):
    raise ImproperlyConfigured("DATABASE_URL must point at PostgreSQL in production.")
if not REDIS_URL:  # noqa: F405
    raise ImproperlyConfigured("REDIS_URL must be set in production (cache, rate limits, broker).")
if not env.str("EMAIL_URL", ""):
    raise ImproperlyConfigured("EMAIL_URL must be set in production (smtp:// or smtps://).")

SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", True)
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]  # probes from inside the network speak plain HTTP
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
SESSION_COOKIE_NAME = "__Host-sessionid"
CSRF_COOKIE_SECURE = True
CSRF_COOKIE_NAME = "__Host-csrftoken"
CSRF_COOKIE_HTTPONLY = True
