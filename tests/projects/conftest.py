"""Helpers for the project page tests: projects with topics and a competence profile."""

import datetime

import pytest

from projects.models import Requirement
from taxonomy.models import CompetencyLevel
from tests import factories


@pytest.fixture
def make_project(site_tree):
    """Create a live project under the German index; ``topics`` and ``profile`` are optional.

    ``profile`` is a list of (competency, requirement, level) triples.
    """

    def make(topics=(), profile=(), parent=None, **kwargs):
        project = factories.ProjectPageFactory(parent=parent or site_tree.projects, **kwargs)
        if topics:
            project.topics.set(topics)
            project.save()
        for sort_order, (competency, requirement, level) in enumerate(profile):
            factories.ProjectCompetencyFactory(
                project=project,
                competency=competency,
                requirement=requirement,
                level=level,
                sort_order=sort_order,
            )
        return project

    return make


@pytest.fixture
def today():
    return datetime.date.today()


MUST = Requirement.MUST
NICE = Requirement.NICE
BASIC = CompetencyLevel.BASIC
EXPERT = CompetencyLevel.EXPERT
