"""Fixtures shared by the tests of the page cache and the fragment cache."""

import pytest

from tests import factories


@pytest.fixture
def project(site_tree):
    """One published project in the German listing."""
    return factories.ProjectPageFactory(
        parent=site_tree.projects, title="Kompass Kalletal", publish=True
    )


@pytest.fixture
def publish(django_capture_on_commit_callbacks):
    """Publish as the admin does: the change commits, and what waits for the commit runs."""

    def run(page):
        with django_capture_on_commit_callbacks(execute=True):
            return factories.publish(page)

    return run
