"""Django settings. Values a network may change are read through havza.config."""

from __future__ import annotations

import secrets
import sqlite3
from pathlib import Path

import dj_database_url

from havza import config, languages

BASE_DIR = Path(__file__).resolve().parent
DATA_DIR = Path(config.get("DATA_DIR")).resolve()
DATA_DIR.mkdir(parents=True, exist_ok=True)


def _secret_key() -> str:
    key = config.get("SECRET_KEY")
    if key:
        return key
    path = DATA_DIR / "secret_key"
    if not path.exists():
        path.write_text(secrets.token_urlsafe(50))
        path.chmod(0o600)
    return path.read_text().strip()


SECRET_KEY = _secret_key()
DEBUG = config.get("DEBUG")
ALLOWED_HOSTS = [h.strip() for h in config.get("ALLOWED_HOSTS").split(",") if h.strip()]
HAVZA_BASE_URL = config.get("BASE_URL").rstrip("/")
HAVZA_SITE_NAME = config.get("SITE_NAME")
HAVZA_SITE_LOGO = config.get("SITE_LOGO")
HAVZA_PAGE_SIZE = config.get("PAGE_SIZE")
HAVZA_FEED_SIZE = config.get("FEED_SIZE")
# Parts of the static export written by apps beside the export (see export/steps.py).
HAVZA_BUILD_STEPS = [
    "havza.search.export.build_step",
    "havza.media.export.build_step",
    "havza.publishing.pdf_cache.prune_unused",  # statement PDFs no build has used lately
]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "axes",
    "havza.accounts",
    "havza.network",
    "havza.media",
    "havza.publishing",
    "havza.signatures",
    "havza.translation",
    "havza.archive",
    "havza.search",
    "havza.export",
    "havza.serving",
    "havza.demo",
    "django_tasks",
    "havza.jobs.apps.TaskResultsConfig",
    "reversion",
    "havza.jobs",
    "havza.notifications",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "havza.publishing.middleware.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "havza.accounts.middleware.InterfaceLanguageMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "axes.middleware.AxesMiddleware",
    "havza.accounts.throttle.BusyLoginMiddleware",
]

ROOT_URLCONF = "havza.urls"
WSGI_APPLICATION = "havza.wsgi.application"

TEMPLATES = [
    {
        # The public site: Jinja2, compiled once and fast enough for exports of 100k+ pages.
        "BACKEND": "django.template.backends.jinja2.Jinja2",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {"environment": "havza.publishing.jinja.environment"},
    },
    {
        # The admin and other Django-provided screens.
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]


# Counters are taken with INSERT ... ON CONFLICT ... RETURNING (sign-on limits, search index).
SQLITE_MINIMUM = (3, 35)


def require_sqlite(version: tuple[int, ...]) -> None:
    """Stops at start-up, saying what to do, when Python's SQLite is too old for havza."""
    if tuple(version[:2]) < SQLITE_MINIMUM:
        from django.core.exceptions import ImproperlyConfigured

        found = ".".join(str(part) for part in version)
        needed = ".".join(str(part) for part in SQLITE_MINIMUM)
        raise ImproperlyConfigured(
            f"havza needs SQLite {needed} or later; this Python has SQLite {found}. "
            "Use a newer Python build, or set HAVZA_DATABASE_URL to a PostgreSQL database."
        )


def _database() -> dict:
    url = config.get("DATABASE_URL")
    if url:
        db = dj_database_url.parse(url, conn_max_age=60, conn_health_checks=True)
    else:
        # Kept open between requests, as for PostgreSQL: opening SQLite with its pragmas costs
        # a few milliseconds, more than rendering a cached page or taking a signature.
        db = {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": str(DATA_DIR / "havza.sqlite3"),
            "CONN_MAX_AGE": 60,
            "CONN_HEALTH_CHECKS": True,
        }
    if db["ENGINE"] == "django.db.backends.sqlite3":
        require_sqlite(sqlite3.sqlite_version_info)
        db.setdefault("OPTIONS", {}).update(
            {
                # WAL lets readers go on while an import or an editor writes; the busy
                # timeout makes a second writer wait instead of failing at once.
                # Pages are read through memory mapping rather than a read() each: an
                # export reads the whole archive.
                "init_command": (
                    "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; "
                    "PRAGMA mmap_size=268435456;"
                ),
                "transaction_mode": "IMMEDIATE",
                "timeout": 20,
            }
        )
    return db


DATABASES = {"default": _database()}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# One cache for every process of every app server when HAVZA_CACHE_URL names a Redis server
# (HAVZA_REDIS_URL, its former name, is still read); else each process's own memory.
_cache_url = config.get("CACHE_URL") or config.get("REDIS_URL")
CACHES = {
    "default": (
        {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": _cache_url}
        if _cache_url
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    )
}
# The render cache of public pages (havza.serving, docs/deploy.md).
HAVZA_PAGE_CACHE = config.get("PAGE_CACHE")
HAVZA_PAGE_CACHE_MB = config.get("PAGE_CACHE_MB")

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]

# Interface languages: the site languages, named natively. Content languages are separate
# (havza.languages) and never follow the interface language.
LANGUAGES = [(lang.code, lang.native_name) for lang in languages.all_languages()]
LANGUAGE_CODE = languages.default().code if languages.all_languages() else "en"
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "UTC"

STATIC_URL = "/static/"
STATIC_ROOT = Path(config.get("STATIC_ROOT") or DATA_DIR / "static")
STATIC_ROOT.mkdir(parents=True, exist_ok=True)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True

# Images and attached files of the works (havza.media): only what havza made from a checked
# upload is kept here, under names that never change (docs/admin.md).
MEDIA_URL = "/media/"
MEDIA_ROOT = DATA_DIR / "media"
HAVZA_UPLOAD_MAX_BYTES = 20_000_000
HAVZA_IMAGE_MAX_PIXELS = 40_000_000
HAVZA_IMAGE_WIDTHS = (480, 960, 1600)
STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
    "havza.publishing.assets.FingerprintedFinder",  # the pages' fingerprinted names
]

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
HAVZA_HTTPS = config.get("HTTPS")
if HAVZA_HTTPS:
    SECURE_SSL_REDIRECT = True
    SECURE_HSTS_SECONDS = 365 * 24 * 3600
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
if config.get("TRUSTED_PROXY"):
    # Only behind a proxy that overwrites the header: anyone else could claim HTTPS with it.
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# Logins: wrong passwords are counted per account and per address (django-axes); the address
# is stored as a keyed hash (havza.accounts.throttle.hashed_address), never as typed.
AXES_FAILURE_LIMIT = config.get("LOGIN_ATTEMPTS")
AXES_COOLOFF_TIME = config.get("LOGIN_LOCKOUT_MINUTES") / 60  # hours
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_DISABLE_ACCESS_LOG = True
AXES_CLIENT_IP_CALLABLE = "havza.accounts.throttle.hashed_address"
AXES_LOCKOUT_CALLABLE = "havza.accounts.throttle.locked_out"
AXES_SENSITIVE_PARAMETERS = ["username", "password"]
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "havza.accounts.throttle.BoundedModelBackend",
]
HAVZA_PASSWORD_CHECKS = config.get("PASSWORD_CHECKS")
SESSION_COOKIE_SAMESITE = "Lax"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# Background jobs (havza.jobs): kept in the database, run by `havza worker` (docs/jobs.md).
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# Mail goes out through the worker: SMTP when a server is configured, else the console.
EMAIL_HOST = config.get("EMAIL_HOST")
EMAIL_BACKEND = (
    "django.core.mail.backends.smtp.EmailBackend"
    if EMAIL_HOST
    else "django.core.mail.backends.console.EmailBackend"
)
EMAIL_PORT = config.get("EMAIL_PORT")
EMAIL_HOST_USER = config.get("EMAIL_USER")
EMAIL_HOST_PASSWORD = config.get("EMAIL_PASSWORD")
EMAIL_USE_TLS = config.get("EMAIL_SECURITY") == "starttls"
EMAIL_USE_SSL = config.get("EMAIL_SECURITY") == "ssl"
EMAIL_TIMEOUT = 30
DEFAULT_FROM_EMAIL = config.get("MAIL_FROM")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Public sign-on (havza.signatures, docs/signon.md).
HAVZA_SIGNON_TRUSTED_PROXIES = [
    a.strip() for a in config.get("SIGNON_TRUSTED_PROXIES").split(",") if a.strip()
]
HAVZA_SIGNON_LIMITS = {
    "ip_burst": (config.get("SIGNON_IP_BURST"), 60),
    "ip_daily": (config.get("SIGNON_IP_DAILY"), 86400),
    "statement": (config.get("SIGNON_STATEMENT_HOURLY"), 3600),
    "domain": (config.get("SIGNON_DOMAIN_HOURLY"), 3600),
}
HAVZA_SIGNON_WORK = config.get("SIGNON_WORK")
HAVZA_SIGNON_LIVE_URL = (config.get("SIGNON_LIVE_URL") or HAVZA_BASE_URL).rstrip("/")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "loggers": {"havza": {"handlers": ["console"], "level": "INFO"}},
}
