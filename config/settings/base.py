"""Settings shared by every environment.

Everything is read from the environment with strict parsing (a typo in a boolean fails loudly);
the defaults let a fresh clone run with no services at all. local/test/production only tighten.
"""

from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

from celery.schedules import crontab
from django.utils.csp import CSP
from environs import Env, validate

BASE_DIR = Path(__file__).resolve().parent.parent.parent

env = Env()

# What the embedded defaults of `make run` keep on disk: the SQLite file, the filesystem broker,
# beat's schedule and the web push key pair (local.py). `make run` creates it.
VAR_DIR = env.path("VAR_DIR", BASE_DIR / "var")

DEBUG = env.bool("DEBUG", False)
SECRET_KEY = env.str("SECRET_KEY", "")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", [])
ADMIN_URL = env.str("ADMIN_URL", "admin/")
SITE_URL = env.str("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
SITE_NAME = "Pacewise"

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.humanize",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "django_htmx",
    "django_countries",
    "apps.outbox",
    "apps.accounts",
    "apps.resources",
    "apps.checkins",
    "apps.planning",
    "apps.audits",
    "apps.reminders",
    "apps.overview",
    "apps.imports",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Outside the rest, so its headers reach even the error pages inner layers produce.
    "apps.accounts.middleware.private_pages",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "apps.accounts.middleware.user_time_zone",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.csp",
            ],
        },
    },
]

# --- Encryption at rest ----------------------------------------------------------------------
# Fernet keys for journal entries, notes, boundary statements and other free text (apps.lib.fields),
# comma-separated, newest first: the first encrypts, all decrypt. Independent of SECRET_KEY.
# local.py and test.py fall back to the development key below; production requires real keys.
FIELD_ENCRYPTION_KEYS = env.list("FIELD_ENCRYPTION_KEYS", [])
DEVELOPMENT_ONLY_FIELD_ENCRYPTION_KEY = "KjWW8zVyKiVR1qiVE5uymnwkIJL0ofN7Go3J3vD-zao="


# --- Database -------------------------------------------------------------------------------
def database(default_url: str) -> dict:
    """The database DATABASE_URL names (else default_url), with the app's PostgreSQL options."""
    db = env.dj_db_url("DATABASE_URL", default_url)
    # Each request's writes commit together or not at all (docs/architecture.md, "Writes").
    db["ATOMIC_REQUESTS"] = True
    if db["ENGINE"] == "django.db.backends.sqlite3":
        # The web server, the worker and beat of `make run` share one file. IMMEDIATE takes the
        # write lock when a transaction begins, so that two of them claiming the same rows take
        # turns (what SELECT ... FOR UPDATE does on PostgreSQL, and SQLite does not have) rather
        # than one failing with "database is locked". With ATOMIC_REQUESTS every request is such a
        # transaction, so requests take turns too: fine for `make run`, not for serving many.
        db.setdefault("OPTIONS", {}).update(
            transaction_mode="IMMEDIATE",
            timeout=20,
            init_command="PRAGMA journal_mode=WAL;",
        )
        return db
    if db["ENGINE"] != "django.db.backends.postgresql":
        return db
    options = db.setdefault("OPTIONS", {})
    # A psycopg pool only where the process serves requests (web); Celery prefork workers and
    # gunicorn --preload break a pool opened before fork, so it is opt-in per process.
    if env.bool("DATABASE_POOL", False):
        db["CONN_MAX_AGE"] = 0
        options["pool"] = {"min_size": 2, "max_size": 8}
    db["CONN_HEALTH_CHECKS"] = True
    # Short OLTP queries only: JIT compiling is for long analytic queries, and costs these.
    options["options"] = "-c jit=off"
    # Parameters bound by the server, so that psycopg prepares a statement a connection has run
    # five times and PostgreSQL plans it once per connection, not on every request (what it
    # buys: bench/README.md). A pooler in front must keep prepared statements per session
    # (PgBouncer >= 1.21 with max_prepared_statements, or none); Django disables them by
    # default for that reason.
    options["server_side_binding"] = True
    options["prepare_threshold"] = 5
    return db


# The embedded defaults keep their files in var/, which `make run` creates: importing settings
# never writes to the disk (an image's code is read-only to the user it runs as).
DATABASES = {"default": database(f"sqlite:///{VAR_DIR / 'pacewise.sqlite3'}")}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache and broker ------------------------------------------------------------------------
REDIS_URL = env.str("REDIS_URL", "")
# Give the cache its own Redis database (CACHE_URL) in deployments: a cache flush must never
# touch the broker's queued tasks.
CACHE_URL = env.str("CACHE_URL", REDIS_URL)
# Short timeouts: when Redis is down, a request should notice within a second or two, not hang.
REDIS_CACHE_OPTIONS = {"socket_connect_timeout": 1, "socket_timeout": 2}
if CACHE_URL:
    CACHES = {
        "default": {
            "BACKEND": "apps.lib.cache.FailOpenRedisCache",
            "LOCATION": CACHE_URL,
            "KEY_PREFIX": "pacewise",
            "OPTIONS": REDIS_CACHE_OPTIONS,
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

CELERY_BROKER_URL = env.str("CELERY_BROKER_URL", REDIS_URL or "filesystem://")
REDIS_BROKER_OPTIONS = {
    # A message a worker has taken but not acknowledged comes back after this long: longer
    # than a task may run (CELERY_TASK_TIME_LIMIT) plus the longest retry countdown (a
    # minute), so that a running or waiting task is never handed to a second worker. What
    # a dead worker held is recovered sooner by the outbox's sweep, which does not wait.
    "visibility_timeout": 300,
    # Publishing tries once, quickly: with Redis down a request adds milliseconds, not the
    # seconds of retries, and the message waits in PostgreSQL for the sweep. (The worker's
    # own reconnecting follows CELERY_BROKER_CONNECTION_MAX_RETRIES, not this.)
    "max_retries": 0,
    "socket_connect_timeout": 0.5,
}
if CELERY_BROKER_URL.startswith(("redis://", "rediss://")):
    CELERY_BROKER_TRANSPORT_OPTIONS = REDIS_BROKER_OPTIONS
if CELERY_BROKER_URL == "filesystem://":
    # The embedded broker: kombu's filesystem transport needs no server and works across the
    # web, worker and beat processes of `make run`.
    _broker_dir = VAR_DIR / "broker"
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "data_folder_in": str(_broker_dir),
        "data_folder_out": str(_broker_dir),
        "control_folder": str(_broker_dir / "control"),
    }
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_TIME_LIMIT = 120
CELERY_TASK_SOFT_TIME_LIMIT = 100
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_BROKER_CONNECTION_MAX_RETRIES = None  # a worker waits for the broker, however long
# Web requests publish once and move on: a message waits in PostgreSQL for the outbox's sweep
# when the broker is down (apps/outbox/tasks.py), rather than the request retrying.
CELERY_TASK_PUBLISH_RETRY = False
CELERY_BROKER_CONNECTION_TIMEOUT = 2
CELERY_TIMEZONE = "UTC"
CELERY_BEAT_SCHEDULE_FILENAME = str(VAR_DIR / "celerybeat-schedule")
# The outbox (apps/outbox/tasks.py), all in seconds. A sender stops taking new messages after
# SEND_BUDGET, so a claim older than CLAIM_TIMEOUT is a dead sender's; a message due for more
# than QUEUE_GRACE and still unclaimed lost its task. The sweep, every SWEEP_SECONDS, queues both
# again, so a message stalls for at most CLAIM_TIMEOUT (or QUEUE_GRACE) + SWEEP_SECONDS.
OUTBOX_SEND_BUDGET = env.float("OUTBOX_SEND_BUDGET", 30)
OUTBOX_CLAIM_TIMEOUT = env.float("OUTBOX_CLAIM_TIMEOUT", 90)
OUTBOX_QUEUE_GRACE = env.float("OUTBOX_QUEUE_GRACE", 90)
OUTBOX_SWEEP_SECONDS = env.float("OUTBOX_SWEEP_SECONDS", 30)
# A message whose send failed (a temporary refusal, no answer) waits these before its attempt
# 2, 3, ... (comma-separated); its next failure after the last wait gives up on it.
OUTBOX_BACKOFF = env.list("OUTBOX_BACKOFF", [10, 30, 60, 300, 900, 1800, 3600], subcast=float)
# A retry due within SHORT_WAIT is published at once with a countdown; a later one waits in the
# database for the sweep, so that the broker never holds a task for long (visibility_timeout).
OUTBOX_SHORT_WAIT = env.float("OUTBOX_SHORT_WAIT", 60)
# A retry's countdown ends this long after its wait, more than two machines' clocks differ, so
# that the worker finds the message due.
OUTBOX_RETRY_MARGIN = env.float("OUTBOX_RETRY_MARGIN", 1)
# When recording a delivery fails (the database), the sender waits these between tries, the
# last again and again, for as long as its claim holds (CLAIM_TIMEOUT): until it is recorded,
# the sweep would send the message again.
OUTBOX_RECORD_WAITS = env.list("OUTBOX_RECORD_WAITS", [0.1, 0.5, 1, 2, 4], subcast=float)
CELERY_BEAT_SCHEDULE = {
    "sweep-outbox": {
        "task": "apps.outbox.tasks.sweep_messages",
        "schedule": OUTBOX_SWEEP_SECONDS,
    },
    "dispatch-due-reminders": {
        "task": "apps.reminders.tasks.dispatch_due_reminders",
        "schedule": 60.0,
    },
    "crisis-line-review": {
        "task": "apps.resources.tasks.send_crisis_line_review",
        "schedule": crontab(day_of_week="mon", hour=7, minute=0),
    },
}


# --- Email -----------------------------------------------------------------------------------
def mailer_from_url(url: str) -> dict:
    """Turn EMAIL_URL (smtp://user:pass@host:587?tls=1, smtps://…, console://) into a mailer."""
    parts = urlsplit(url)
    if parts.scheme == "console":
        return {"BACKEND": "django.core.mail.backends.console.EmailBackend"}
    if parts.scheme not in ("smtp", "smtps"):
        raise ValueError(f"EMAIL_URL: unsupported scheme {parts.scheme!r} (smtp, smtps, console)")
    query = {key: values[-1] for key, values in parse_qs(parts.query).items()}
    use_tls = query.get("tls", "0").lower() in ("1", "true", "yes")
    return {
        "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "OPTIONS": {
            "host": parts.hostname or "localhost",
            "port": parts.port or (465 if parts.scheme == "smtps" else 25),
            "username": unquote(parts.username or ""),
            "password": unquote(parts.password or ""),
            "use_ssl": parts.scheme == "smtps",
            "use_tls": use_tls,
            "timeout": 10,
        },
    }


MAILERS = {"default": mailer_from_url(env.str("EMAIL_URL", "console://"))}
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", "Pacewise <hello@pacewise.localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- Web push --------------------------------------------------------------------------------
# The VAPID key pair that signs push requests (`manage.py vapid_keys` makes one), base64url, and
# the contact push services may write to. Without a pair, reminders go by email only: local.py
# reads the pair `make run` keeps in var/, test.py makes one, production requires one.
VAPID_PRIVATE_KEY = env.str("VAPID_PRIVATE_KEY", "")
VAPID_PUBLIC_KEY = env.str("VAPID_PUBLIC_KEY", "")
VAPID_SUBJECT = env.str(
    "VAPID_SUBJECT", "mailto:" + DEFAULT_FROM_EMAIL.rpartition("<")[2].rstrip(">")
)
# Browsers' push services, by host (a subdomain counts): a subscription elsewhere is refused,
# so that the server never posts to an address a visitor chose. Always over https.
PUSH_SERVICE_HOSTS = env.list(
    "PUSH_SERVICE_HOSTS",
    [
        "fcm.googleapis.com",  # Chrome, Edge on Android, Opera, Samsung Internet
        "push.services.mozilla.com",  # Firefox
        "notify.windows.com",  # Edge on Windows
        "push.apple.com",  # Safari
    ],
)
PUSH_INSECURE_HOSTS: list[str] = []  # hosts posted to over plain http: only the tests' own

# --- Auth ------------------------------------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "checkins:today"

ACCOUNT_ADAPTER = "apps.accounts.adapter.AccountAdapter"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_SIGNUP_FORM_CLASS = "apps.accounts.forms.SignupForm"
ACCOUNT_FORMS = {"signup": "apps.accounts.signup.SiteSignupForm"}
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_EMAIL_VERIFICATION_BY_CODE_ENABLED = True
ACCOUNT_EMAIL_VERIFICATION_SUPPORTS_RESEND = True
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_EMAIL_NOTIFICATIONS = True
ACCOUNT_REAUTHENTICATION_REQUIRED = True
ACCOUNT_SESSION_REMEMBER = None
ACCOUNT_EMAIL_SUBJECT_PREFIX = "Pacewise: "
ACCOUNT_SIGNUP_FORM_HONEYPOT_FIELD = "phone_number"
ACCOUNT_LOGOUT_REDIRECT_URL = "accounts:landing"
# allauth's default rate limits (login, failed login, sign-up, password reset, code entry) are
# on; they count in the cache, which is the shared Redis when REDIS_URL is set.
ALLAUTH_TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", 0)

MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = SITE_NAME

# --- Internationalisation -------------------------------------------------------------------
# Country names as people write them, where django-countries uses an official form.
COUNTRIES_OVERRIDE = {
    "BS": "Bahamas",
    "FK": "Falkland Islands",
    "MF": "Saint Martin",
    "NR": "Nauru",
    "SX": "Sint Maarten",
    "US": "United States",
    "VG": "British Virgin Islands",
    "VI": "U.S. Virgin Islands",
}
LANGUAGE_CODE = "en"
# config/locale/en: allauth's page titles and buttons in the site's own words.
LOCALE_PATHS = [BASE_DIR / "config" / "locale"]
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

# --- Static files ----------------------------------------------------------------------------
STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
# Served at the site's root: robots.txt and favicon.ico.
WHITENOISE_ROOT = BASE_DIR / "static" / "root"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# --- Security --------------------------------------------------------------------------------
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
    "base-uri": [CSP.NONE],
    "object-src": [CSP.NONE],
}
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_AGE = 60 * 60 * 24 * 14
CSRF_FAILURE_VIEW = "apps.accounts.views.csrf_failure"
# A journal entry is at most 20,000 characters; anything far larger is refused with a 400.
DATA_UPLOAD_MAX_MEMORY_SIZE = 512 * 1024
PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()"

# One line per record with its time, level and logger: plain text, or JSON lines with
# LOG_FORMAT=json for a log collector. Messages carry ids and counts, never what people wrote.
LOG_FORMAT = env.str("LOG_FORMAT", "text", validate=validate.OneOf(["text", "json"]))
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "text": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"},
        "json": {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "format": "%(asctime)s %(levelname)s %(name)s %(message)s",
            "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"},
        },
    },
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": LOG_FORMAT}},
    "root": {"handlers": ["console"], "level": env.log_level("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        # WeasyPrint logs each layout step of every report at INFO.
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
    },
}
