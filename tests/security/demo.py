"""Load the demo content once for a whole test module and roll it back afterwards."""

import contextlib

from django.core.management import call_command
from django.db import transaction


@contextlib.contextmanager
def demo_content_for_module(django_db_blocker):
    """Seed the demo content inside an outer transaction that is rolled back at the end.

    Each test's own transaction nests inside it as a savepoint (like Django's
    ``setUpTestData``), so the ten seconds of seeding are paid once per module, not per test,
    and no other module ever sees the content.
    """
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            call_command("seed_demo", verbosity=0)
            yield
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)
