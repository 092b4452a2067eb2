"""Production: everything from the environment, nothing embedded. Only tightens base."""

from django.core.exceptions import ImproperlyConfigured

from config.settings.base import *  # noqa: F403
from config.settings.base import env

DEBUG = False
if not SECRET_KEY or len(SECRET_KEY) < 50:  # noqa: F405
    raise ImproperlyConfigured("SECRET_KEY must be set to a random value of 50+ characters.")
SECRET_KEY_FALLBACKS = env.list("SECRET_KEY_FALLBACKS", [])
if not env.str("DATABASE_URL", ""):
    raise ImproperlyConfigured("DATABASE_URL must point at PostgreSQL in production.")
if not REDIS_URL:  # noqa: F405
    raise ImproperlyConfigured("REDIS_URL must be set in production (cache, rate limits, broker).")
if not env.str("EMAIL_URL", ""):
    raise ImproperlyConfigured("EMAIL_URL must be set in production (smtp:// or smtps://).")

SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
SESSION_COOKIE_NAME = "__Host-sessionid"
CSRF_COOKIE_SECURE = True
CSRF_COOKIE_NAME = "__Host-csrftoken"
CSRF_COOKIE_HTTPONLY = True
