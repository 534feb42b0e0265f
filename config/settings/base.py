"""Settings shared by every environment. Environment-specific files import from here."""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

from .search import (
    DEFAULT_INDEX_PREFIX,
    SEARCH_TIMEOUT_SECONDS,
    project_search_from_env,
    search_backends_from_env,
)

BASE_DIR = Path(__file__).resolve().parent.parent.parent
SITE_DIR = BASE_DIR / "site"


def env_list(name, default=""):
    """Split a comma-separated environment variable into a list of non-empty strings."""
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


INSTALLED_APPS = [
    "users",
    "core",
    "taxonomy",
    "home",
    "stories",
    "news",
    "programme",
    "learning",
    "projects",
    "intake",
    "alerts",
    "backoffice",
    "search",
    "demo",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.routable_page",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail.api.v2",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_tasks",
    "django_tasks_db",
    "rest_framework",
    # Only for its templates and static files: the search API's Swagger page then loads
    # everything from this site instead of a CDN (which the CSP would refuse).
    "ninja",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "axes",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Outside the session, CSRF and message middleware: it sees every cookie a response
    # sets, and a page served from the cache skips them all (core/page_cache.py).
    "core.page_cache.PageCacheMiddleware",
    "core.locales.LocaleCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "core.middleware.SiteLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "csp.middleware.CSPMiddleware",
    "config.middleware.SecurityHeadersMiddleware",
    # An oversized post is refused before a view (or CSRF's check) reads its body; placed
    # here so the refusal still gets the security headers and the CSP.
    "config.middleware.RequestSizeLimitMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into the lockout response.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [SITE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

WSGI_APPLICATION = "config.wsgi.application"

# SQLite is the embedded default; PostgreSQL comes in through DATABASE_URL.
# Connections are kept open for a minute; the health check tests a kept connection before a
# request reuses it, so a database restart costs a reconnect instead of a 500.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}", conn_max_age=60, conn_health_checks=True
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"


def caches_from_env():
    """The shared cache on Redis when REDIS_URL is set, else Django's per-process memory.

    Rate limits, one-use form tokens, the page cache and Wagtail's site paths live here: every
    worker must see the same ones, so production refuses a per-process cache (core/checks.py).
    """
    url = os.environ.get("REDIS_URL", "").strip()
    # Rendered parts of pages, per process by design: kept under the content generation in
    # the default cache, which all workers share (core/fragment_cache.py).
    fragments = {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "fragments",
        "OPTIONS": {"MAX_ENTRIES": 5000},
    }
    if not url:
        return {
            "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
            "fragments": fragments,
        }
    return {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": url,
            # A Redis that is down must not hang a request for long.
            "OPTIONS": {"socket_connect_timeout": 2, "socket_timeout": 2},
        },
        "fragments": fragments,
    }


CACHES = caches_from_env()

# Whole public pages for anonymous visitors are kept this long in the cache (0: off); any
# content change invalidates them at once (core/page_cache.py). Pages rendered within the
# settle time after a change are not stored: the search engine needs a second to show it.
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "300"))
PAGE_CACHE_SETTLE_SECONDS = 2
# Header, footer and cards are kept per worker this long under the same generation (0: off;
# core/fragment_cache.py).
FRAGMENT_CACHE_SECONDS = int(os.environ.get("FRAGMENT_CACHE_SECONDS", "300"))

AUTH_USER_MODEL = "users.User"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
# django-axes first: it refuses a login while the account is locked, before the password check.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "/"

# German is the site's default language; English is the second.
LANGUAGE_CODE = "de"
LANGUAGES = [("de", _("Deutsch")), ("en", _("Englisch"))]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
LOCALE_PATHS = [SITE_DIR / "locale"]
TIME_ZONE = "Europe/Berlin"
USE_I18N = True
# English dates in British style ("1 December 2026"), see config/formats/en/formats.py.
FORMAT_MODULE_PATH = ["config.formats"]
USE_TZ = True

STATICFILES_DIRS = [SITE_DIR / "static"]
STATIC_ROOT = BASE_DIR / "static_collected"
STATIC_URL = "/static/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
MEDIA_URL = "/media/"
# Uploads with personal data (CVs) live outside MEDIA_ROOT and are never served directly.
PRIVATE_MEDIA_ROOT = Path(os.environ.get("PRIVATE_MEDIA_ROOT", BASE_DIR / "private_media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
# Request size: the non-file part of a post (Django's default, named here; a 400 above it),
# and the whole body including files, just above the 10 MB CV limit (a 413 above it,
# config.middleware.RequestSizeLimitMiddleware). nginx: client_max_body_size 11m.
DATA_UPLOAD_MAX_MEMORY_SIZE = int(2.5 * 1024 * 1024)
REQUEST_BODY_MAX_BYTES = 11 * 1024 * 1024

# Background work (search index updates, e-mails) goes through django-tasks.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEFAULT_FROM_EMAIL = os.environ.get(
    "DEFAULT_FROM_EMAIL", "Lokalprojekte <hallo@lokalprojekte.example>"
)
MATCHING_TEAM_EMAIL = os.environ.get("MATCHING_TEAM_EMAIL", "matching@lokalprojekte.example")

# Public forms (intake/forms.py): which privacy text a consent refers to (change it with the
# Datenschutzerklärung), CV uploads, spam defence and how long the talent pool keeps people.
PRIVACY_VERSION = os.environ.get("PRIVACY_VERSION", "2026-11")
APPLICATION_CV_MAX_BYTES = 10 * 1024 * 1024
# A CV sent with a form that had other mistakes is kept this long (seconds) for the next try;
# `manage.py purge_pending_uploads` deletes older ones.
PENDING_UPLOAD_MAX_AGE = 24 * 60 * 60
# Posts sent sooner after the form was handed out are dropped silently (intake/spam.py).
FORM_MIN_FILL_SECONDS = 2
FORM_RATE_LIMIT = {"submissions": 5, "seconds": 600}
TALENT_POOL_MONTHS = 12
# The municipality's private decision link (backoffice/decisions.py) is valid this many days
# unless the team chooses otherwise when sending it; views within this many minutes of the
# last one are not written to the history again (reloads, the page after each decision).
DECISION_LINK_VALID_DAYS = int(os.environ.get("DECISION_LINK_VALID_DAYS", "30"))
DECISION_LINK_VIEW_NOTE_MINUTES = 60
# A mail that failed is retried (by its task on the database queue, and by
# `manage.py send_pending_mail`, e.g. from cron) until this many attempts.
OUTGOING_MAIL_MAX_ATTEMPTS = 10

WAGTAIL_SITE_NAME = "Lokalprojekte"
# The one public address of the site (scheme and host, no path). Links in mails, the API, the
# sitemap, feeds, hreflang and JSON-LD all start with it; `manage.py sync_site_url` gives the
# Wagtail Site record the same host. Production has no default (core/checks.py).
SITE_BASE_URL = os.environ.get("SITE_BASE_URL", "http://127.0.0.1:8000").rstrip("/")
WAGTAILADMIN_BASE_URL = SITE_BASE_URL
WAGTAILIMAGES_IMAGE_MODEL = "core.CustomImage"
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "txt", "xlsx"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
WAGTAILAPI_BASE_URL = SITE_BASE_URL
WAGTAILAPI_LIMIT_MAX = 100
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = None

# Wagtail's database search unless an engine URL is configured (see config/settings/search.py).
WAGTAILSEARCH_BACKENDS = search_backends_from_env()

# The project search (faceted listing, API, feeds) talks to the engine directly
# (search/dsl.py, projects/search_query.py).
# No URL: the listing filters on the database. The index sync runs as django-tasks tasks.
PROJECT_SEARCH_ENGINE, PROJECT_SEARCH_URL = project_search_from_env()
SEARCH_INDEX_PREFIX = os.environ.get("SEARCH_INDEX_PREFIX", DEFAULT_INDEX_PREFIX)
SEARCH_TIMEOUT = float(os.environ.get("SEARCH_TIMEOUT", SEARCH_TIMEOUT_SECONDS))
# Copies of each project index shard on other nodes: 0 on a single node, 1 or more on a cluster
# so that the search keeps answering while a node is down. Applies to indices built from now on
# (search_rebuild).
SEARCH_INDEX_REPLICAS = int(os.environ.get("SEARCH_INDEX_REPLICAS", "0"))

# The group whose members may open Macher:innen-only learning resources.
MACHERINNEN_GROUP_NAME = "Macher:innen"
# The group that sees applications and other personal data.
MATCHING_TEAM_GROUP_NAME = "Matching-Team"
# Applications closed longer than this are anonymised (manage.py anonymise_applications).
ANONYMISE_AFTER_DAYS = int(os.environ.get("ANONYMISE_AFTER_DAYS", "180"))

REST_FRAMEWORK = {
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        "django_tasks": {"level": "WARNING"},
        "wagtail": {"level": "WARNING"},
        "opensearch": {"level": "WARNING"},
    },
}
WAGTAIL_FRONTEND_LOGIN_URL = "login"

# --- Security ---
# Content-Security-Policy (django-csp 4): public pages need no inline script or style; the
# JSON-LD blocks are data, not script, so CSP does not apply to them. config.middleware
# relaxes the policy for the Wagtail admin only, which relies on inline styles.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        # Nothing is embedded: videos of the learning library are plain links.
        "frame-src": ["'none'"],
        "frame-ancestors": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
    },
}
# Django's SecurityMiddleware sends these (stated here so they are not left to defaults).
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# Wagtail's preview views allow same-origin framing themselves; nothing else may be framed.
X_FRAME_OPTIONS = "DENY"
# Sent by config.middleware.SecurityHeadersMiddleware: browser features the site never uses.
PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()"
# The admin loads nothing from third parties either (the CSP would block it anyway):
# no Gravatar images of editors, no check for new Wagtail releases.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False

# Reverse proxies in front of the site that each append the address they saw to
# X-Forwarded-For (nginx with proxy_add_x_forwarded_for: 1). With 0, REMOTE_ADDR is the
# visitor. Read by core.visitor.visitor_address: the form rate limit and django-axes.
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))

# django-axes: five failed logins for one user name from one address lock it for 15 minutes.
AXES_CLIENT_IP_CALLABLE = "core.visitor.visitor_address"
AXES_VERBOSE = False
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
