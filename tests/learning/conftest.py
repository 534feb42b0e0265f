"""Fixtures of the learning library and the expert pool."""

import functools

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.cache import cache

from tests import factories


@pytest.fixture
def resource_factory(site_tree):
    """LearningResourcePageFactory below the German library, published as the admin does
    (publishing applies the Macher:innen-only page privacy)."""
    return functools.partial(
        factories.LearningResourcePageFactory, parent=site_tree.learning, publish=True
    )


@pytest.fixture
def expert_pool(site_tree):
    """The German expert pool, below the learning library."""
    return factories.ExpertIndexPageFactory(parent=site_tree.learning, publish=True)


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
