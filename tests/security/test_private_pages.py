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


# Workers keep which sections are restricted (core/request_memo.py) and skip Wagtail's two
# restriction queries for pages outside them; a change must reach the next request.


@pytest.mark.parametrize("kind", RESTRICTIONS)
def test_a_page_restricted_after_it_was_served_is_refused_at_once(client, site_tree, kind):
    story = factories.StoryPageFactory(parent=site_tree.stories, title=SECRET, publish=True)
    assert SECRET in client.get(story.url).content.decode()

    restrict(story, kind)
    response = client.get(story.url)

    assert SECRET not in response.content.decode()
    assert response.status_code == (200 if kind == PageViewRestriction.PASSWORD else 302)


def test_a_page_below_a_restricted_one_is_refused(client, site_tree):
    restrict(site_tree.stories, PageViewRestriction.LOGIN)
    story = factories.StoryPageFactory(parent=site_tree.stories, title=SECRET, publish=True)

    response = client.get(story.url)

    assert response.status_code == 302 and "?next=" in response["Location"]


def test_an_alias_is_refused_once_its_source_is_restricted(client, site_tree):
    story = factories.StoryPageFactory(parent=site_tree.stories, title=SECRET, publish=True)
    alias = story.create_alias(update_slug="kopie")
    assert client.get(alias.url).status_code == 200

    # The alias has no restriction of its own: Wagtail checks it by its source.
    restrict(story, PageViewRestriction.LOGIN)
    response = client.get(alias.url)

    assert alias.url.endswith("/kopie/")
    assert response.status_code == 302 and "?next=" in response["Location"]


def test_a_moved_page_takes_its_restriction_along(client, site_tree):
    story = factories.StoryPageFactory(parent=site_tree.stories, title=SECRET, publish=True)
    restrict(story, PageViewRestriction.LOGIN)
    assert client.get("/de/").status_code == 200

    story.move(site_tree.home, pos="last-child")
    story.refresh_from_db()
    response = client.get(story.url)

    assert response.status_code == 302 and "?next=" in response["Location"]
