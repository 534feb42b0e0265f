"""System checks for a production deployment (run by ``manage.py check --deploy``)."""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.checks import Error, Tags, register

LOCAL_HOSTS = {"localhost", "127.0.0.1", "::1", "0.0.0.0", "testserver"}  # noqa: S104


@register(Tags.security, deploy=True)
def check_site_base_url(app_configs, **kwargs):
    """Refuse a missing, relative or local SITE_BASE_URL: status links in applicants' mails,
    the API, sitemap and feeds would point nowhere."""
    value = getattr(settings, "SITE_BASE_URL", "")
    parts = urlsplit(value)
    if not value:
        problem = "SITE_BASE_URL is not set."
    elif parts.scheme not in {"http", "https"} or not parts.hostname:
        problem = f"SITE_BASE_URL {value!r} is not an absolute http(s) URL."
    elif parts.hostname in LOCAL_HOSTS:
        problem = f"SITE_BASE_URL {value!r} points to this machine, not to the public site."
    elif parts.path.strip("/") or parts.query or parts.fragment:
        problem = f"SITE_BASE_URL {value!r} must be scheme and host only, without a path."
    else:
        return []
    return [
        Error(
            problem,
            hint=(
                "Set the environment variable SITE_BASE_URL to the public address of the "
                "site, e.g. https://lokalprojekte.example; then run `manage.py sync_site_url`."
            ),
            id="lokalprojekte.E001",
        )
    ]


# Caches that keep their entries in one process (or nowhere): each worker would count form
# submissions, remember used form tokens and cache pages on its own.
PER_PROCESS_CACHES = {
    "django.core.cache.backends.locmem.LocMemCache",
    "django.core.cache.backends.dummy.DummyCache",
}


@register(Tags.caches, deploy=True)
def check_shared_cache(app_configs, **kwargs):
    """Refuse a per-process cache in production: the form rate limit and the one-use form
    tokens must be shared by every worker, or each worker lets its own five posts through and
    accepts a token another worker has already used; and a publish must reach the cached
    pages of every worker (core/page_cache.py).

    The login lockout (django-axes, AxesDatabaseHandler) is kept in the database, not here.
    """
    backend = settings.CACHES.get("default", {}).get("BACKEND", "")
    if backend not in PER_PROCESS_CACHES:
        return []
    return [
        Error(
            f"The default cache ({backend}) is not shared between worker processes.",
            hint=(
                "Set the environment variable REDIS_URL (e.g. redis://127.0.0.1:6379/0): "
                "the form rate limit, the one-use form tokens and the page cache must be the "
                "same for every gunicorn worker."
            ),
            id="lokalprojekte.E002",
        )
    ]
