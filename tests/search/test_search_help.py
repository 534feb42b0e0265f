"""Help when a listing search finds little: "Meinten Sie …?" and relaxing to any word,
on the database listing and through OpenSearch, in German and English."""

import pytest

from tests import factories
from tests.markup import card_titles, parse

pytestmark = pytest.mark.django_db

RELAXED = "Keine Projekte enthalten alle Wörter Ihrer Suche"
RELAXED_EN = "No project contains all the words of your search"
CORRECTED = "Keine Projekte enthalten „{}“; gezeigt werden Projekte mit „{}“."
CORRECTED_EN = "No project contains “{}”; showing projects with “{}”."


def suggestion(response):
    """The "Meinten Sie …?" link as (text, href), or None."""
    links = parse(response).select("p.search-suggestion a")
    return (links[0].text, links[0].get("href")) if links else None


@pytest.fixture(params=["database", "opensearch"])
def backend(request, site_tree, settings):
    """The listing on the database (no engine URL) or on OpenSearch; ``add`` indexes pages."""
    if request.param == "database":
        settings.PROJECT_SEARCH_URL = None
        return lambda *pages: None
    index = request.getfixturevalue("project_index")
    return index.add


@pytest.fixture
def projects(site_tree, backend):
    """Three German projects, indexed where the engine is used."""
    made = [
        factories.ProjectPageFactory(
            parent=site_tree.projects,
            title="Fachkräfte für die Pflege gewinnen",
            listing_summary="Die Kommune sucht Wege gegen den Fachkräftemangel.",
        ),
        factories.ProjectPageFactory(
            parent=site_tree.projects,
            title="Radwege im Dorf",
            listing_summary="Sichere Radwege zwischen den Ortsteilen.",
        ),
        factories.ProjectPageFactory(
            parent=site_tree.projects,
            title="Dorfladen mit Zukunft",
            listing_summary="Ein Laden für das ganze Dorf.",
        ),
    ]
    backend(*made)
    return made


def test_a_misspelt_word_gets_a_suggestion_that_finds_projects(client, projects):
    response = client.get("/de/projekte/", {"q": "Fachkräfe", "sort": "newest"})

    # The engine may find it despite the typo (fuzzy matching); the suggestion comes anyway.
    assert len(card_titles(response)) <= 1
    text, href = suggestion(response)
    assert text == "Fachkräfte"
    assert href == "/de/projekte/?q=Fachkr%C3%A4fte&sort=newest"  # other parameters stay
    assert card_titles(client.get(href)) == ["Fachkräfte für die Pflege gewinnen"]


def test_a_query_that_finds_enough_gets_no_suggestion(client, projects):
    response = client.get("/de/projekte/", {"q": "Dorf"})

    assert len(card_titles(response)) == 2
    assert suggestion(response) is None
    assert RELAXED not in response.content.decode()


def test_all_words_finding_nothing_relaxes_to_any_word_and_says_so(client, projects):
    response = client.get("/de/projekte/", {"q": "Radwege für Dorf Seilbahn Gondel"})

    assert RELAXED in response.content.decode()
    titles = card_titles(response)
    # Two of the words rank above one ("Dorf" in "Dorfladen" at most); the stopword "für"
    # alone finds nothing, although the first project's title has it.
    assert titles[0] == "Radwege im Dorf"
    assert "Fachkräfte für die Pflege gewinnen" not in titles


def test_a_single_unknown_word_is_not_relaxed(client, projects):
    response = client.get("/de/projekte/", {"q": "Seilbahn"})

    assert card_titles(response) == []
    assert RELAXED not in response.content.decode()
    assert "Zu diesen Filtern gibt es gerade keine Projekte" in response.content.decode()


def test_english_listing_suggests_and_relaxes(client, site_tree, locales, backend, request):
    german = factories.ProjectPageFactory(parent=site_tree.projects, title="Radwege im Dorf")
    factories.publish_translation(site_tree.projects, locales.en, slug="projects")
    english = factories.publish_translation(
        german,
        locales.en,
        title="Cycle paths for the village",
        listing_summary="Safe cycle paths between the villages.",
    )
    backend(german, english)

    misspelt = client.get("/en/projects/", {"q": "vilage"})
    relaxed = client.get("/en/projects/", {"q": "village cable car"})

    if request.node.callspec.params["backend"] == "database":
        # Nothing has the typed word: the correction's projects are shown at once.
        assert card_titles(misspelt) == ["Cycle paths for the village"]
        assert CORRECTED_EN.format("vilage", "village") in misspelt.content.decode()
    else:
        # The engine finds the project despite the typo and offers the correction.
        assert suggestion(misspelt)[0] == "village"
    assert card_titles(relaxed) == ["Cycle paths for the village"]
    assert RELAXED_EN in relaxed.content.decode()


def test_a_typo_that_finds_nothing_on_the_database_shows_the_corrected_projects(
    client, site_tree, settings
):
    settings.PROJECT_SEARCH_URL = None
    factories.ProjectPageFactory(parent=site_tree.projects, title="Klimaschutz im Quartier")
    factories.ProjectPageFactory(parent=site_tree.projects, title="Radwege im Dorf")

    response = client.get("/de/projekte/", {"q": "Klimaschtz"})

    assert card_titles(response) == ["Klimaschutz im Quartier"]
    assert CORRECTED.format("Klimaschtz", "Klimaschutz") in response.content.decode()
    assert suggestion(response) is None  # already applied


def test_a_compound_that_finds_nothing_is_relaxed_to_its_parts(client, backend, site_tree):
    project = factories.ProjectPageFactory(
        parent=site_tree.projects,
        title="Impf- und Testlogistik für den Krisenfall",
        listing_summary="Aktionen binnen Tagen organisieren.",
    )
    other = factories.ProjectPageFactory(parent=site_tree.projects, title="Radwege im Dorf")
    backend(project, other)

    response = client.get("/de/projekte/", {"q": "Impfzentren"})

    assert card_titles(response) == ["Impf- und Testlogistik für den Krisenfall"]
