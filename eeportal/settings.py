"""Settings for the Express Entry draws site, in one file, read from the environment.

Every value has a safe development default except the secret key: with debug off the
site refuses to start without a real one (see `eeportal.wsgi`). README.md lists every
environment variable.
"""

import datetime as dt
import os
from pathlib import Path

import dj_database_url

from eeportal.alerts import email_url

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DJANGO_DEBUG", False)

# The development key is public; eeportal.wsgi refuses to serve with it while DEBUG is off.
DEVELOPMENT_SECRET_KEY = "development-only-insecure-key-never-use-in-production"
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY") or DEVELOPMENT_SECRET_KEY

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")

# The public origin, e.g. https://eerounds.ca, for canonical links, feeds and card URLs.
# Empty: taken from each request (fine behind a proxy that passes the Host header).
SITE_URL = os.environ.get("DJANGO_SITE_URL", "").rstrip("/")

# Where the admin lives; a less guessable path keeps most login-form noise away.
ADMIN_URL = os.environ.get("DJANGO_ADMIN_URL", "admin/").strip("/") + "/"

INSTALLED_APPS = [
    "eeportal.apps.EditorsAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    # Django's own widget templates, for the form renderer below, which reads TEMPLATES.
    "django.forms",
    "django_filters",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "axes",
    "reversion",
    "reversion_compare",
    "draws",
    "eeportal.pagecache",
    "eeportal.scores",
    "eeportal.sync",
    "eeportal.timeline",
    "django_tasks",
    "django_tasks_db",
    "eeportal.alerts",
    "eeportal.i18n",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Before the page cache and the 503 page: both answer in the address's language, and
    # the cache stores each page under its own address, /fr/... apart from the English.
    "eeportal.i18n.middleware.PathLanguageMiddleware",
    # Outside the page cache and the views, so any failure to reach the database
    # (including the cache's own version check) becomes a 503 page.
    "eeportal.middleware.DatabaseUnavailableMiddleware",
    "eeportal.pagecache.middleware.PublicPageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into its lockout response.
    "axes.middleware.AxesMiddleware",
]

# Fields drawn from templates/forms/field.html: see eeportal/forms.py.
FORM_RENDERER = "eeportal.forms.SiteFormRenderer"

ROOT_URLCONF = "eeportal.urls"
WSGI_APPLICATION = "eeportal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "OPTIONS": {
            # Django's cached loader, one copy per language with the fixed phrases translated
            # once (eeportal/i18n/loaders.py), over the project's and the apps' templates.
            "loaders": [
                (
                    "eeportal.i18n.loaders.Loader",
                    [
                        "django.template.loaders.filesystem.Loader",
                        "django.template.loaders.app_directories.Loader",
                    ],
                )
            ],
            # Django's `date` filter replaced, in every template, by one that writes "1er" for
            # the first of a month in French (eeportal/i18n/templatetags/dates.py).
            "builtins": ["eeportal.i18n.templatetags.dates"],
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "eeportal.context_processors.site",
                "eeportal.i18n.context_processors.languages",
                "draws.context_processors.guide_menu",
                "eeportal.sync.context_processors.feed_check",
            ],
        },
    },
]

# SQLite in the project by default; production sets DATABASE_URL=postgres://...
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Transactions take the write lock when they begin, so two writers queue up instead of
    # deadlocking (each holding a read lock the other's commit waits for), as two runs of
    # the IRCC sync would; a command waits up to 30 s for its turn (web requests less:
    # eeportal.request_timeouts).
    DATABASES["default"].setdefault("OPTIONS", {}).update(transaction_mode="IMMEDIATE", timeout=30)
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # An unreachable database must fail fast, so visitors get the 503 page in seconds:
    # connect_timeout bounds a new connection; tcp_user_timeout (milliseconds) drops an
    # open one whose server stops acknowledging what is sent, as when its host vanishes,
    # instead of retransmitting for a quarter of an hour; keepalives find such a
    # connection while it sits idle between requests.
    DATABASE_TIMEOUT = int(os.environ.get("DATABASE_CONNECT_TIMEOUT", "2"))
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        connect_timeout=DATABASE_TIMEOUT,
        tcp_user_timeout=DATABASE_TIMEOUT * 1000,
        keepalives=1,
        keepalives_idle=30,
        keepalives_interval=5,
        keepalives_count=3,
    )
# Web requests give up on a database lock or a long statement after these many seconds and
# answer 503 (eeportal.request_timeouts); manage.py commands are not limited.
DATABASE_LOCK_TIMEOUT = float(os.environ.get("DATABASE_LOCK_TIMEOUT", "3"))
DATABASE_STATEMENT_TIMEOUT = float(os.environ.get("DATABASE_STATEMENT_TIMEOUT", "5"))
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    # A Redis on the same network answers in a millisecond; one that is down or hung must
    # not hold a visitor's request for longer than this (pages are then made without it).
    REDIS_TIMEOUT = float(os.environ.get("REDIS_TIMEOUT", "0.5"))
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "OPTIONS": {"socket_connect_timeout": REDIS_TIMEOUT, "socket_timeout": REDIS_TIMEOUT},
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# django-axes first: it refuses a locked-out username before any password is checked.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Dates and figures go through Django's localization, in the forms eeportal/formats gives.
# English at the addresses people already share, French under /fr/ (eeportal/urls.py).
LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English"), ("fr", "Français")]
USE_I18N = True
LOCALE_PATHS = [BASE_DIR / "locale"]
FORMAT_MODULE_PATH = ["eeportal.formats"]
# Stored in UTC and shown in UTC: IRCC states every round time and tie-break in UTC.
TIME_ZONE = "UTC"
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

# Behind a TLS-terminating proxy that sets X-Forwarded-Proto.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# How many proxies in front of the app append to X-Forwarded-For (0: use the socket's
# address). Only these entries are trusted; a client can forge the rest.
TRUSTED_PROXY_COUNT = int(os.environ.get("DJANGO_TRUSTED_PROXY_COUNT", "0"))
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS", "")
CSRF_FAILURE_VIEW = "eeportal.views.csrf_failure"

# HTTPS only in production. Local measurements over plain HTTP (make lighthouse) turn the
# redirect off; the health check answers over plain HTTP for load balancers.
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", not DEBUG)
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", "0" if DEBUG else "63072000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DJANGO_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("DJANGO_HSTS_PRELOAD", True)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_SECURE = not DEBUG
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_HTTPONLY = True
CSRF_COOKIE_SAMESITE = "Strict"
if not DEBUG:
    # The __Host- prefix pins cookies to this host and to HTTPS.
    SESSION_COOKIE_NAME = "__Host-sessionid"
    CSRF_COOKIE_NAME = "__Host-csrftoken"

# Nothing is loaded from elsewhere and nothing runs inline: scripts, styles, images and
# fonts come from this site only. JSON-LD <script> blocks are data, not scripts.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'none'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "manifest-src": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "base-uri": ["'none'"],
        "object-src": ["'none'"],
    }
}
# No page uses these browser features; say so, so embedded content cannot either.
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "autoplay",
        "camera",
        "display-capture",
        "encrypted-media",
        "fullscreen",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "picture-in-picture",
        "publickey-credentials-get",
        "screen-wake-lock",
        "sync-xhr",
        "usb",
        "xr-spatial-tracking",
    )
}

# Admin sign-in: five failures for a username from one address lock it for a while.
AXES_FAILURE_LIMIT = int(os.environ.get("DJANGO_LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = dt.timedelta(minutes=int(os.environ.get("DJANGO_LOGIN_COOLOFF_MINUTES", "30")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
# The lockout page says when sign-in opens again; tries during the pause do not move that.
AXES_LOCKOUT_CALLABLE = "eeportal.admin_site.locked_out"
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_CLIENT_IP_CALLABLE = "eeportal.security.client_ip"
AXES_SENSITIVE_PARAMETERS = ["password", "otp_token"]
# Not its start-up banner on every manage.py command; lockouts are still logged.
AXES_VERBOSE = False

# Two-factor sign-in (TOTP) for the admin; on by default in production.
ADMIN_REQUIRE_OTP = env_bool("DJANGO_ADMIN_REQUIRE_OTP", not DEBUG)
OTP_TOTP_ISSUER = "Express Entry rounds"

# Rendered public pages are cached until an editor changes something (eeportal.pagecache).
PAGE_CACHE = env_bool("DJANGO_PAGE_CACHE", True)
# Saving or deleting any of these retires every cached page.
PAGE_CACHE_WATCHED_MODELS = [
    "draws.Draw",
    "draws.PoolBand",
    "draws.Stream",
    "draws.RoundName",
    "draws.Guide",
    "draws.GuideSource",
    "draws.Correction",
    "timeline.TimelineEvent",
]
# Never cached: the editors' admin, the health check, static files (whitenoise's own).
PAGE_CACHE_SKIP_PATHS = ["/" + ADMIN_URL, "/healthz", "/" + STATIC_URL]
# How long a process trusts the content version it last read before asking the database
# again: an edit shows at once in the process that made it, within this on the others.
PAGE_CACHE_RECHECK_SECONDS = float(os.environ.get("DJANGO_PAGE_CACHE_RECHECK_SECONDS", "1"))
# Browsers always revalidate public pages; a CDN may keep one this many seconds, and serve
# it stale as long again while it refetches (eeportal.pagecache.headers). 0: CDNs ask too.
PUBLIC_CDN_MAX_AGE = int(os.environ.get("DJANGO_CDN_MAX_AGE", "30"))
# Pages are made afresh at least this often, so "checked 4 minutes ago" stays near the truth.
PAGE_CACHE_MAX_AGE = int(os.environ.get("DJANGO_PAGE_CACHE_MAX_AGE", "300"))
# Each process keeps its own copy of recent pages, up to this many bytes, in front of Redis.
PAGE_CACHE_LOCAL_BYTES = int(os.environ.get("DJANGO_PAGE_CACHE_LOCAL_MB", "64")) * 1024 * 1024
# Pages are shared between app servers through Redis when there is one.
PAGE_CACHE_SHARED = bool(REDIS_URL)
# After the shared cache failed to answer, pages are made without it for this long.
PAGE_CACHE_RETRY_SECONDS = float(os.environ.get("DJANGO_PAGE_CACHE_RETRY_SECONDS", "5"))

# The sync with IRCC's feed (eeportal.sync, `manage.py sync_ircc`).
IRCC_FEED_URL = os.environ.get(
    "IRCC_FEED_URL",
    "https://www.canada.ca/content/dam/ircc/documents/json/ee_rounds_123_en.json",
)
# New rounds from the feed are published at once (IRCC's figures are the source), or drafts.
# IRCC's French feed, read after the English one for the rounds' French names; empty: not read.
IRCC_FEED_URL_FR = os.environ.get(
    "IRCC_FEED_URL_FR",
    "https://www.canada.ca/content/dam/ircc/documents/json/ee_rounds_123_fr.json",
)
IRCC_SYNC_PUBLISH = env_bool("IRCC_SYNC_PUBLISH", True)
IRCC_FEED_TIMEOUT = float(os.environ.get("IRCC_FEED_TIMEOUT", "20"))
IRCC_FEED_MAX_BYTES = int(os.environ.get("IRCC_FEED_MAX_MB", "10")) * 1024 * 1024
# The admin and /healthz/sync call the sync stale when no check succeeded for this long.
IRCC_SYNC_STALE_AFTER = int(os.environ.get("IRCC_SYNC_STALE_AFTER_MINUTES", "120")) * 60

# Round alerts by email (eeportal.alerts). Mail goes through EMAIL_URL
# (smtp://user:password@host:587/?tls=true); without it, messages are printed to the console.
DEFAULT_FROM_EMAIL = os.environ.get(
    "DJANGO_DEFAULT_FROM_EMAIL", "Express Entry rounds <alerts@eerounds.ca>"
)
SERVER_EMAIL = DEFAULT_FROM_EMAIL
_mail = email_url.parse(os.environ.get("EMAIL_URL", ""))
EMAIL_BACKEND = _mail.backend
EMAIL_HOST, EMAIL_PORT = _mail.host, _mail.port
EMAIL_HOST_USER, EMAIL_HOST_PASSWORD = _mail.user, _mail.password
EMAIL_USE_TLS, EMAIL_USE_SSL = _mail.use_tls, _mail.use_ssl
EMAIL_TIMEOUT = float(os.environ.get("EMAIL_TIMEOUT", "20"))
# Where the tasks that send mail run: "immediate" runs them in the process that asks (a fresh
# machine, `make run`), "database" queues them in the database for `manage.py db_worker`
# processes, on this machine or others (README, Round alerts).
TASKS_BACKENDS = {
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
    "database": "django_tasks_db.DatabaseBackend",
}
TASKS = {
    "default": {"BACKEND": TASKS_BACKENDS[os.environ.get("DJANGO_TASKS_BACKEND", "immediate")]}
}
# A round is announced when first published if it is dated within this many days of today in
# Ottawa: loading the history or a sync catching up never mails about old rounds.
ALERTS_NEW_ROUND_DAYS = int(os.environ.get("ALERTS_NEW_ROUND_DAYS", "3"))
# How many delivery tasks each round's fan-out queues: as many workers as this can send at
# once, and a worker killed mid-way leaves the others to finish its share.
ALERTS_DELIVERY_TASKS = int(os.environ.get("ALERTS_DELIVERY_TASKS", "4"))
# Subscriptions asked per hour from one client address, and for one email address.
ALERTS_SUBSCRIBE_LIMIT_PER_CLIENT = int(os.environ.get("ALERTS_SUBSCRIBE_LIMIT_PER_CLIENT", "10"))
ALERTS_SUBSCRIBE_LIMIT_PER_EMAIL = int(os.environ.get("ALERTS_SUBSCRIBE_LIMIT_PER_EMAIL", "3"))

# Errors at these addresses are JSON, like their answers (the API page itself is for people).
JSON_ERROR_PATHS = [
    "/api/",
    "/draws/export.",
    "/healthz",
    "/fr/api/",
    "/fr/rondes/export.",
]
JSON_ERROR_EXCEPT_PATHS = ["/api/", "/fr/api/"]

# For /.well-known/security.txt.
SECURITY_CONTACT = os.environ.get("DJANGO_SECURITY_CONTACT", "mailto:security@eerounds.ca")

# One line per event on standard output: JSON in production for the log collector,
# plain text when developing.
LOG_FORMAT = os.environ.get("DJANGO_LOG_FORMAT", "plain" if DEBUG else "json")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
        "json": {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "format": "%(asctime)s %(levelname)s %(name)s %(message)s",
            "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"},
        },
    },
    "handlers": {"stdout": {"class": "logging.StreamHandler", "formatter": LOG_FORMAT}},
    "root": {"handlers": ["stdout"], "level": os.environ.get("DJANGO_LOG_LEVEL", "INFO")},
    # Django's own default sends its records to a console handler when DEBUG is on and then
    # on to the root: every 404 was printed twice. Here they reach the root's handler only.
    "loggers": {"django": {"handlers": [], "level": "INFO", "propagate": True}},
}
