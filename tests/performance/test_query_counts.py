"""The number of database queries per page does not grow with the amount of content.

Each test builds a site with N items, counts the queries of one request, adds 2N more
items and counts again; a count that grows means a query per item (an N+1 problem).
"""

from types import SimpleNamespace

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from projects.models import Requirement
from tests import factories

pytestmark = pytest.mark.django_db

N = 4


@pytest.fixture
def content(site_tree, locales):
    """``content.add(n)`` adds n projects (with topics, profile rows, translated taxonomies,
    an English translation) and n stories linked to them; ``content.site`` is the tree."""
    projects_en = factories.publish_translation(
        site_tree.projects, locales.en, slug="projects", title="Projects"
    )
    created = {"projects": [], "stories": []}

    def add(count):
        for _ in range(count):
            topics = [factories.TopicFactory() for _ in range(2)]
            for topic in topics:
                factories.translate_snippet(topic, locales.en, name=f"{topic.name} (en)")
            municipality = factories.MunicipalityFactory()
            factories.translate_snippet(municipality, locales.en)
            competencies = [factories.CompetencyFactory() for _ in range(3)]
            for competency in competencies:
                factories.translate_snippet(competency, locales.en, name=f"{competency.name} en")
            project = factories.ProjectPageFactory(
                parent=site_tree.projects,
                municipality=municipality,
                topics=topics,
                profile=[
                    (competency, Requirement.MUST if order == 0 else Requirement.NICE)
                    for order, competency in enumerate(competencies)
                ],
                publish=True,
            )
            factories.publish_translation(project, locales.en, slug=f"{project.slug}-en")
            story = factories.StoryPageFactory(
                parent=site_tree.stories,
                municipality=municipality,
                project=project,
                topics=topics,
                publish=True,
            )
            created["projects"].append(project)
            created["stories"].append(story)

    class Content:
        site = site_tree

        @staticmethod
        def first(kind):
            return created[kind][0]

    Content.add = staticmethod(add)
    Content.projects_en = projects_en
    return Content


@pytest.fixture
def library(site_tree, locales):
    """``library.add(n)`` adds n learning resources and n experts in both languages, each with
    two translated topics or competencies, to a library and an expert pool."""
    pool = factories.ExpertIndexPageFactory(parent=site_tree.learning, publish=True)
    pages = {
        "learning": {"de": site_tree.learning},
        "experts": {"de": pool},
    }
    pages["learning"]["en"] = factories.publish_translation(site_tree.learning, locales.en)
    pages["experts"]["en"] = factories.publish_translation(pool, locales.en)

    def translated(factory):
        item = factory()
        factories.translate_snippet(item, locales.en, name=f"{item.name} (en)")
        return item

    def add(count):
        for _ in range(count):
            resource = factories.LearningResourcePageFactory(
                parent=site_tree.learning,
                topics=[translated(factories.TopicFactory) for _ in range(2)],
                publish=True,
            )
            factories.publish_translation(resource, locales.en)
            expert = factories.ExpertFactory(
                expertise=[translated(factories.CompetencyFactory) for _ in range(2)]
            )
            factories.translate_snippet(expert, locales.en)

    return SimpleNamespace(add=add, pages=pages)


def count_queries(client, url):
    """Queries of one GET (after a warm-up request that fills the per-process caches)."""
    assert client.get(url).status_code == 200, url
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


def assert_constant(client, content, url_for):
    """Count at N and at 3N items; the count must not grow."""
    content.add(N)
    small = count_queries(client, url_for(content))
    content.add(2 * N)
    large = count_queries(client, url_for(content))
    assert large <= small, f"{url_for(content)}: {small} queries at {N} items, {large} at {3 * N}"
    return small


def test_home_page(client, content):
    assert_constant(client, content, lambda c: c.site.home.url)


def test_project_listing(client, content):
    assert_constant(client, content, lambda c: c.site.projects.url)


def test_project_listing_with_facets(client, content):
    assert_constant(client, content, lambda c: c.site.projects.url + "?status=open&duration=10-12")


def test_english_project_listing(client, content):
    assert_constant(client, content, lambda c: c.projects_en.url)


def test_project_page(client, content):
    assert_constant(client, content, lambda c: c.first("projects").url)


def test_story_page(client, content):
    assert_constant(client, content, lambda c: c.first("stories").url)


def test_story_index(client, content):
    assert_constant(client, content, lambda c: c.site.stories.url)


def test_pages_api_with_all_fields(client, content):
    assert_constant(client, content, lambda c: "/api/v2/pages/?type=projects.ProjectPage&fields=*")


@pytest.mark.parametrize("language", ["de", "en"])
def test_learning_library(client, library, language):
    assert_constant(client, library, lambda c: c.pages["learning"][language].url)


@pytest.mark.parametrize("language", ["de", "en"])
def test_expert_pool(client, library, language):
    assert_constant(client, library, lambda c: c.pages["experts"][language].url)


def test_project_page_does_not_query_per_profile_row(client, site_tree, locales):
    """A project with six competencies costs no more queries than one with two."""

    def project_with(rows):
        return factories.ProjectPageFactory(
            parent=site_tree.projects,
            profile=[factories.CompetencyFactory() for _ in range(rows)],
            topics=[factories.TopicFactory() for _ in range(rows)],
            publish=True,
        )

    small = count_queries(client, project_with(2).url)
    large = count_queries(client, project_with(6).url)
    assert large <= small, f"{small} queries with 2 rows, {large} with 6"


@pytest.mark.parametrize("language", ["de", "en"])
def test_listing_reads_each_language_once(client, content, language):
    # Routing (Wagtail's own lookup), then ours, cached for the request: the active language
    # and the other one for the language switcher. Without the cache every helper read again.
    content.add(N)
    listing = content.site.projects if language == "de" else content.projects_en
    topic = content.first("projects").topics.first()
    url = f"{listing.url}?q=Projekt&topic={topic.pk}&status=open"
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    locale_reads = [q["sql"] for q in queries if 'FROM "wagtailcore_locale"' in q["sql"]]
    assert len(locale_reads) <= 3, "\n".join(locale_reads)
