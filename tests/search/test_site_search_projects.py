"""The site search finds projects by their competence profile, place, status and remote share,
and shows place and status on the result card: on the database backend and on OpenSearch."""

import io

import pytest
from django.core.management import call_command

from projects.models import ProjectStatus
from taxonomy.models import Bundesland
from tests import factories
from tests.markup import parse
from tests.search.helpers import result_titles

pytestmark = pytest.mark.django_db


@pytest.fixture(params=["database", "opensearch"])
def index(request, site_tree):
    """Reindex the pages (after their competence profiles were added) on either backend."""
    if request.param == "database":
        return lambda: call_command("update_index", stdout=io.StringIO())
    return request.getfixturevalue("opensearch").index


@pytest.fixture
def project(site_tree, locales):
    """A project in Eschwege (Hessen) that needs data protection, in German and English."""
    competency = factories.CompetencyFactory(name="Datenschutz")
    factories.translate_snippet(competency, locales.en, name="Data protection")
    municipality = factories.MunicipalityFactory(name="Eschwege", bundesland=Bundesland.HESSEN)
    german = factories.ProjectPageFactory(
        parent=site_tree.projects,
        title="Bürgerkonto einführen",
        municipality=municipality,
        status=ProjectStatus.OPEN,
        remote_share=60,
        profile=[competency],
    )
    factories.publish_translation(site_tree.projects, locales.en, slug="projects")
    factories.publish_translation(german, locales.en, title="Introducing a citizen account")
    factories.ProjectPageFactory(
        parent=site_tree.projects,
        title="Radwege im Dorf",
        municipality__bundesland=Bundesland.BAYERN,
        status=ProjectStatus.RUNNING,
    )
    return german


def test_projects_are_found_by_competency_place_and_status(client, project, index):
    index()

    for query in ("Datenschutz", "Hessen", "Ausgeschrieben"):
        assert result_titles(client.get("/de/suche/", {"q": query})) == ["Bürgerkonto einführen"], (
            query
        )
    for query in ("Data protection", "Eschwege"):
        assert result_titles(client.get("/en/search/", {"q": query})) == [
            "Introducing a citizen account"
        ], query


def test_projects_are_found_by_how_much_of_the_work_is_remote(client, project, index):
    index()

    # The other project is mostly on site (the default 20 %).
    for query in ("remote", "Homeoffice", "mobiles Arbeiten"):
        assert result_titles(client.get("/de/suche/", {"q": query})) == ["Bürgerkonto einführen"], (
            query
        )
    for query in ("remote", "working from home"):
        assert result_titles(client.get("/en/search/", {"q": query})) == [
            "Introducing a citizen account"
        ], query


def test_project_results_show_place_and_status(client, project, index):
    index()

    german = parse(client.get("/de/suche/", {"q": "Bürgerkonto"}))
    english = parse(client.get("/en/search/", {"q": "citizen account"}))

    assert german.texts(".card__fact") == ["Eschwege, Hessen", "Ausgeschrieben"]
    # The Bundesländer keep their German names.
    assert english.texts(".card__fact") == ["Eschwege, Hessen", "Open for applications"]
