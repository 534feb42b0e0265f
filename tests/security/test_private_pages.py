"""Pages behind page privacy stay out of every list: listings, feeds, home, sitemap, API.

A password, a login or a group restriction hides a page's title and summary everywhere an
anonymous visitor could read them, not only on the page itself.
"""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import PageViewRestriction

from tests import factories

pytestmark = pytest.mark.django_db

SECRET = "Verschlusssache Nordhausen"


def restrict(page, kind):
    """Put ``page`` behind a restriction of ``kind`` ("password", "login" or "groups")."""
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=kind, password="geheim" if kind == "password" else ""
    )
    if kind == PageViewRestriction.GROUPS:
        restriction.groups.add(Group.objects.get_or_create(name="Redaktion intern")[0])
    return restriction


RESTRICTIONS = [
    PageViewRestriction.PASSWORD,
    PageViewRestriction.LOGIN,
    PageViewRestriction.GROUPS,
]


@pytest.fixture(params=RESTRICTIONS)
def private_story(request, site_tree):
    story = factories.StoryPageFactory(
        parent=site_tree.stories, title=SECRET, listing_summary="Geheime Zusammenfassung"
    )
    story.save_revision().publish()
    restrict(story, request.param)
    return story


@pytest.fixture(params=RESTRICTIONS)
def private_project(request, site_tree):
    project = factories.ProjectPageFactory(parent=site_tree.projects, title=SECRET)
    project.save_revision().publish()
    restrict(project, request.param)
    return project


@pytest.mark.parametrize(
    "url", ["/de/geschichten/", "/de/geschichten/feed/rss/", "/de/geschichten/feed/atom/", "/de/"]
)
def test_private_story_is_not_listed(client, private_story, url):
    response = client.get(url)

    assert response.status_code == 200
    assert SECRET not in response.content.decode()
    assert "Geheime Zusammenfassung" not in response.content.decode()


@pytest.mark.parametrize(
    "url", ["/de/projekte/", "/de/projekte/feed/rss/", "/de/projekte/feed/atom/", "/de/"]
)
def test_private_project_is_not_listed(client, private_project, url):
    response = client.get(url)

    assert response.status_code == 200
    assert SECRET not in response.content.decode()


def test_private_pages_are_not_in_the_sitemap_or_the_api(client, private_story, private_project):
    sitemap = client.get("/sitemap.xml").content.decode()
    api = client.get("/api/v2/pages/", {"fields": "title", "limit": 50}).content.decode()

    assert private_story.slug not in sitemap and private_project.slug not in sitemap
    assert SECRET not in api


@pytest.mark.parametrize("kind", RESTRICTIONS)
def test_privately_restricted_resource_is_not_in_the_library(client, site_tree, kind):
    resource = factories.LearningResourcePageFactory(
        parent=site_tree.learning, title=SECRET, publish=True
    )
    restrict(resource, kind)
    factories.LearningResourcePageFactory(
        parent=site_tree.learning, title="Für Macher:innen", macherinnen_only=True, publish=True
    )

    html = client.get("/de/lernen/").content.decode()

    assert SECRET not in html
    # The switch's own restriction keeps a resource listed, with its badge.
    assert "Für Macher:innen" in html
