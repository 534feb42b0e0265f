"""What a visitor's words find: cross-field matching, compounds, synonyms, umlaut spellings.

On the real OpenSearch with the project search the listing uses, and on the database path
that answers without an engine (``make run``).
"""

import pytest

from projects.search_query import ProjectSearch
from tests import factories
from tests.markup import card_titles

pytestmark = pytest.mark.django_db


def found(query, lang="de"):
    """The titles the project search finds for ``query``, best first."""
    return [hit.title for hit in ProjectSearch(lang=lang, query=query).execute().hits]


@pytest.fixture
def projects(site_tree, project_index):
    """Four indexed projects that share few words."""
    parent = site_tree.projects
    pages = [
        factories.ProjectPageFactory(
            parent=parent,
            title="Neue Leute gewinnen",
            topics=[factories.TopicFactory(name="Personal")],
            municipality__name="Meschede",
            municipality__bundesland="NW",
        ),
        factories.ProjectPageFactory(
            parent=parent,
            title="Rufbus vernetzen",
            municipality__name="Prenzlau",
            municipality__bundesland="BB",
        ),
        factories.ProjectPageFactory(
            parent=parent,
            title="Ankommen leicht gemacht",
            municipality__name="Görlitz",
            municipality__bundesland="SN",
            remote_share=0,
        ),
        factories.ProjectPageFactory(
            parent=parent,
            title="Formulare als Onlinedienst",
            municipality__name="Olpe",
            municipality__bundesland="NW",
            remote_share=60,
            profile=[factories.CompetencyFactory(name="UX/UI-Design")],
        ),
    ]
    project_index.add(*pages)
    return pages


def test_words_spread_over_topic_and_title_find_the_project(projects):
    assert found("Personal gewinnen") == ["Neue Leute gewinnen"]


def test_a_part_of_a_compound_finds_the_compound(projects):
    assert found("Bus") == ["Rufbus vernetzen"]


def test_an_abbreviation_of_a_bundesland_finds_its_projects(projects):
    assert sorted(found("NRW")) == ["Formulare als Onlinedienst", "Neue Leute gewinnen"]


def test_transliterated_umlauts_find_the_place(projects):
    assert found("Goerlitz") == ["Ankommen leicht gemacht"]


def test_remote_work_finds_the_mostly_remote_project(projects):
    assert found("Homeoffice") == ["Formulare als Onlinedienst"]


def test_a_small_typo_still_finds_the_project(projects):
    assert found("Rufbuss") == ["Rufbus vernetzen"]


def test_a_competency_name_finds_the_project_needing_it(projects):
    assert found("UX") == ["Formulare als Onlinedienst"]


def test_the_database_listing_finds_projects_by_competency_and_bundesland(
    client, site_tree, settings
):
    settings.PROJECT_SEARCH_URL = None
    parent = site_tree.projects
    factories.ProjectPageFactory(
        parent=parent,
        title="Formulare als Onlinedienst",
        municipality__bundesland="NW",
        profile=[factories.CompetencyFactory(name="UX/UI-Design")],
    )
    factories.ProjectPageFactory(
        parent=parent, title="Rufbus vernetzen", municipality__name="Görlitz"
    )
    url = parent.url
    assert card_titles(client.get(url, {"q": "UX"}).content) == ["Formulare als Onlinedienst"]
    assert card_titles(client.get(url, {"q": "NRW"}).content) == ["Formulare als Onlinedienst"]
    assert card_titles(client.get(url, {"q": "Goerlitz"}).content) == ["Rufbus vernetzen"]
