"""Fixtures for the back office: the kinds of visitor, a project to apply to."""

from types import SimpleNamespace

import pytest
from django.conf import settings

from tests import factories


@pytest.fixture
def users(db):
    """A plain editor (admin access, not in the group) and a Matching-Team member.

    The team member has no Wagtail permission of its own: admin access comes from the group.
    """
    return SimpleNamespace(
        editor=factories.UserFactory(
            username="redakteurin", email="redaktion@example.org", groups=["Editors"]
        ),
        member=factories.UserFactory(
            username="matcherin",
            email="matching@example.org",
            first_name="Mia",
            last_name="Matcher",
            groups=[settings.MATCHING_TEAM_GROUP_NAME],
        ),
    )


@pytest.fixture
def team_client(client, users):
    """A browser signed in as the Matching-Team member."""
    client.force_login(users.member)
    return client


@pytest.fixture
def project(site_tree):
    """A live project to apply to."""
    return factories.ProjectPageFactory(parent=site_tree.projects, title="E-Akte Eschwege")
