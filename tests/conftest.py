"""Fixtures shared by the whole suite: a German site tree with its English home."""

import os

import pytest
from django.conf import settings
from django.core.cache import cache

from tests.sites import build_site_tree, site_locales


@pytest.fixture(autouse=True)
def _empty_cache():
    """Every test starts with an empty cache.

    With Redis (REDIS_URL) the cache outlives the test process and every rolled-back test:
    counters, used form tokens and Wagtail's cached site paths of one test must not leak into
    the next, whose database has other pages.
    """
    cache.clear()


@pytest.fixture
def locales(db):
    """Both site languages (the data migration creates them; this returns them)."""
    return site_locales()


@pytest.fixture
def site_tree(locales):
    """A German home page with one index page per section, served as the default site.

    The English home page is a translation of the German one, as wagtail-localize makes it.
    """
    return build_site_tree(locales)


@pytest.fixture
def redis_cache():
    """The default cache, which must be the Redis server at REDIS_URL (make test starts one).

    A missing variable or an unreachable server fails the test instead of skipping it: a
    cache shared by the workers that was not tested against Redis was not tested.
    """
    url = os.environ.get("REDIS_URL", "").strip()
    backend = settings.CACHES["default"]["BACKEND"]
    if not url or backend != "django.core.cache.backends.redis.RedisCache":
        pytest.fail(
            "REDIS_URL is not set. Start Redis with `bash scripts/redis-up.sh` and export "
            "REDIS_URL=redis://127.0.0.1:6390/1 (make test does both).",
            pytrace=False,
        )
    try:
        cache.set("redis-cache-fixture", 1, timeout=5)
    except Exception as error:  # the client's connection errors have no common base we import
        pytest.fail(f"Redis at {url} is not reachable: {error}", pytrace=False)
    return cache
