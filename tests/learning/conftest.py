"""Fixtures of the learning library and the expert pool."""

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.cache import cache

from tests import factories


def publish(page):
    """Publish a factory-made page the way the admin does (signals, publication dates)."""
    page.save_revision().publish()
    page.refresh_from_db()
    return page


@pytest.fixture
def resource_factory(site_tree):
    """Create published learning resources below the German library."""

    def create(**kwargs):
        return publish(factories.LearningResourcePageFactory(parent=site_tree.learning, **kwargs))

    return create


@pytest.fixture
def expert_pool(site_tree):
    """The German expert pool, below the learning library."""
    return publish(factories.ExpertIndexPageFactory(parent=site_tree.learning))


@pytest.fixture
def macherinnen_group(db):
    group, _created = Group.objects.get_or_create(name=settings.MACHERINNEN_GROUP_NAME)
    return group


@pytest.fixture(autouse=True)
def _fresh_rate_limit():
    """The contact form counts submissions per address; every test starts from zero."""
    cache.clear()
    yield
    cache.clear()
