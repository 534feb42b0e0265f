"""Fixtures shared by the whole suite: a German site tree with its English home."""

import pytest

from tests.sites import build_site_tree, site_locales


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
