"""Load the demo content once for a whole test module and roll it back afterwards."""

from django.core.management import call_command

from tests.module_data import module_data


def demo_content_for_module(django_db_blocker):
    """The demo content (``seed_demo``), built once for the module: the ten seconds of
    seeding are paid once per module, not per test (see tests/module_data.py)."""
    return module_data(django_db_blocker, lambda: call_command("seed_demo", verbosity=0))
