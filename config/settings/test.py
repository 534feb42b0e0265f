"""Test settings: fast hashing, tasks run at once, mail to the outbox."""

import os

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-key"  # noqa: S105
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Off for the suite (tests publish and read back at once); tests/core/test_page_cache.py
# switches it on.
PAGE_CACHE_SECONDS = 0
FRAGMENT_CACHE_SECONDS = 0  # tests/core/test_fragment_cache.py switches it on
# The cache is Redis when REDIS_URL is set (make test does, with a database of its own), else
# per-process memory (base.caches_from_env); tests/conftest.py empties it before every test.
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
MEDIA_ROOT = BASE_DIR / ".cache" / "test-media"  # noqa: F405
PRIVATE_MEDIA_ROOT = BASE_DIR / ".cache" / "test-private-media"  # noqa: F405
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
SITE_BASE_URL = WAGTAILADMIN_BASE_URL = WAGTAILAPI_BASE_URL = "http://testserver"

if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
    # make test always passes a PostgreSQL URL; a bare pytest run falls back to SQLite.
    DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}}

# The suite defaults to the database backend whatever OPENSEARCH_URL says, so no test ever
# writes into a developer's index; tests/search points Wagtail at OPENSEARCH_TEST_URL with an
# index prefix of its own per run ("test_<random>_"), and deletes those indices afterwards.
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
# The same for the project search: tests that need the engine set PROJECT_SEARCH_URL and a
# SEARCH_INDEX_PREFIX of their own.
PROJECT_SEARCH_URL = None

# django-axes stays off for the suite (Django's test client logs in without a request, which
# axes refuses); tests/security switches it on where login throttling is what they test.
AXES_ENABLED = False
