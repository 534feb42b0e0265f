"""Generations: a number in the shared cache (Redis) that changes whenever what it stands for
changes, so every worker process can tell that what it kept is out of date.

The value is the time of the last change in nanoseconds. The page cache (core/page_cache.py)
puts it into the key of every page; the lookup cache (core/lookup_cache.py) keeps rows under it.
"""

import logging
import time

from django.core.cache import cache
from django.db import transaction

logger = logging.getLogger(__name__)


def current(key):
    """The generation under ``key``; a new one if the cache has none (first use, emptied)."""
    generation = cache.get(key)
    if generation is None:
        now = time.time_ns()
        cache.add(key, now, timeout=None)  # the first writer wins
        generation = cache.get(key, now)
    return generation


def start_new(key):
    """Set a new generation under ``key``. Never raises: a change an editor saves must not fail
    for it (with Redis down, nothing is served from it either; docs/operations.md)."""
    try:
        cache.set(key, time.time_ns(), timeout=None)
    except Exception:  # the cache client's errors have no common base class
        logger.exception("Could not start a new generation of %s", key)


def start_new_now_and_at_commit(key):
    """A new generation now, and again when the current transaction commits: a request that
    read the new generation before the commit may have read the old content."""
    start_new(key)
    transaction.on_commit(lambda: start_new(key), robust=True)
