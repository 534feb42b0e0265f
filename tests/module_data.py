"""Content built once for all tests of a module, and rolled back after the module."""

import contextlib

from django.core.cache import cache
from django.db import transaction


@contextlib.contextmanager
def module_data(django_db_blocker, build):
    """Run ``build()`` inside an outer transaction, yield its result, roll everything back.

    Each test's own transaction nests inside it as a savepoint (like Django's
    ``setUpTestData``), so the content is built once per module, not per test, and no other
    module ever sees it. Use it in a module-scoped fixture that depends on
    ``django_db_setup``; tests still request ``db``.
    """
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            yield build()
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)
            # Caches may hold what the rolled-back content put there (site root paths).
            cache.clear()
