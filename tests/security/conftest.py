"""Demo content for the security tests: every page type and every public form exists."""

import pytest

from tests.security.demo import demo_content_for_module


@pytest.fixture(scope="module")
def demo_module(django_db_setup, django_db_blocker):
    """The demo content, loaded once per module and rolled back after it."""
    with demo_content_for_module(django_db_blocker):
        yield


@pytest.fixture
def demo_site(demo_module, db):
    """The demo content for one test (inside the module's transaction)."""
