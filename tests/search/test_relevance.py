"""What a visitor's words find: cross-field matching, compounds, synonyms, umlaut spellings.

On the real OpenSearch with the project search the listing uses, and on the database path
that answers without an engine (``make run``).
"""

import pytest

from projects.search_help import engine_search
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


@pytest.fixture
def database_projects(site_tree, settings):
    """Projects for the database listing (no engine): what a visitor's words find there."""
    settings.PROJECT_SEARCH_URL = None
    parent = site_tree.projects
    return {
        "title": factories.ProjectPageFactory(
            parent=parent,
            title="Mobilität im ländlichen Raum",
            listing_summary="Wege zum Arzt und zur Schule.",
            municipality__bundesland="BY",
            remote_share=10,
        ),
        # Published later: the date alone would put it first.
        "summary": factories.ProjectPageFactory(
            parent=parent,
            title="Rufbus vernetzen",
            listing_summary="Mehr Mobilität für Dörfer ohne Bahnhof.",
            municipality__bundesland="SH",
            remote_share=60,
        ),
        "data": factories.ProjectPageFactory(
            parent=parent,
            title="Offene Daten für alle",
            listing_summary="Ein Portal für die Daten der Verwaltung.",
            municipality__bundesland="NI",
            remote_share=0,
        ),
    }


def test_the_database_ranks_a_title_match_above_a_summary_match(client, database_projects):
    url = database_projects["title"].get_parent().url

    titles = card_titles(client.get(url, {"q": "Mobilität"}).content)

    assert titles == ["Mobilität im ländlichen Raum", "Rufbus vernetzen"]


def test_the_database_uses_synonyms_stems_and_the_mode_of_work(client, database_projects):
    url = database_projects["title"].get_parent().url

    def found(query):
        return card_titles(client.get(url, {"q": query}).content)

    assert found("Open Data") == ["Offene Daten für alle"]  # a multi-word synonym
    assert found("ländlicher Raum") == ["Mobilität im ländlichen Raum"]  # a light stem
    # 60 % mobile work first ("mobil" also occurs in "Mobilität" on the database).
    assert found("Homeoffice")[0] == "Rufbus vernetzen"
    assert found("Schleswig-Holstein") == ["Rufbus vernetzen"]  # one hyphenated name


def test_a_compound_finds_a_project_naming_its_parts_on_the_engine(site_tree, project_index):
    page = factories.ProjectPageFactory(
        parent=site_tree.projects, title="Impf- und Testlogistik für den Krisenfall"
    )
    other = factories.ProjectPageFactory(parent=site_tree.projects, title="Radwege im Dorf")
    project_index.add(page, other)

    assert found("Impfzentren") == []  # no word of the project is the compound
    # The listing's second try splits it: "impf" is a word of the project.
    result, help, _search = engine_search(ProjectSearch(lang="de", query="Impfzentren"))
    assert [hit.title for hit in result.hits] == ["Impf- und Testlogistik für den Krisenfall"]
    assert help.relaxed


@pytest.fixture
def worded_projects(site_tree):
    """Projects whose texts use gender forms, a sponsor role, a district and mobile work."""
    parent = site_tree.projects
    return [
        factories.ProjectPageFactory(
            parent=parent,
            title="Älter werden im Quartier",
            challenge="<p>Angebote für Senior:innen im Ort ausbauen.</p>",
            municipality__name="Wunsiedel",
            municipality__bundesland="BY",
            remote_share=30,
        ),
        factories.ProjectPageFactory(
            parent=parent,
            title="Krisenstab digital",
            sponsor_role="Leitung Brand- und Katastrophenschutz",
            municipality__name="Weißenfels",
            municipality__bundesland="ST",
            remote_share=0,
        ),
        factories.ProjectPageFactory(
            parent=parent,
            title="Läden wieder öffnen",
            challenge="<p>Leere Geschäfte in der Innenstadt beleben.</p>",
            municipality__name="Pirmasens",
            municipality__bundesland="RP",
            remote_share=0,
        ),
        factories.ProjectPageFactory(
            parent=parent,
            title="Neue Leute für das Rathaus",
            challenge="<p>Die Stadt sucht Fachkräfte für ihre Verwaltung.</p>",
            municipality__name="Prenzlau",
            municipality__district="Landkreis Uckermark",
            municipality__bundesland="BB",
            remote_share=60,
        ),
    ]


@pytest.fixture
def indexed_worded_projects(worded_projects, project_index):
    project_index.add(*worded_projects)
    return worded_projects


def test_gender_forms_meet_the_other_forms_of_the_word(indexed_worded_projects):
    assert found("Senioren") == ["Älter werden im Quartier"]
    assert found("Seniorinnen") == ["Älter werden im Quartier"]


def test_the_sponsor_role_and_the_district_are_searched(indexed_worded_projects):
    assert found("Katastrophenschutz") == ["Krisenstab digital"]
    assert found("Uckermark") == ["Neue Leute für das Rathaus"]


def test_abbreviations_of_bundeslaender_beyond_nrw_find_their_projects(indexed_worded_projects):
    assert found("RLP") == ["Läden wieder öffnen"]
    assert found("LSA") == ["Krisenstab digital"]


def test_a_synonym_rule_serves_the_other_forms_of_its_words(indexed_worded_projects):
    # The rule names "fachkräftemangel"; the genitive meets it through the stemmer.
    assert found("Fachkräftemangels") == ["Neue Leute für das Rathaus"]


def test_a_typo_is_not_matched_against_a_stem_of_another_word(indexed_worded_projects):
    # "Lehrer" is stemmed to "lehr", one letter from "leer" (Leere Geschäfte): not a typo.
    assert found("Lehrer") == []


def test_remote_work_ranks_mostly_remote_projects_first(indexed_worded_projects):
    assert found("Homeoffice") == ["Neue Leute für das Rathaus", "Älter werden im Quartier"]


def test_the_database_knows_the_same_places_gender_forms_and_synonym_forms(
    client, worded_projects, settings
):
    settings.PROJECT_SEARCH_URL = None
    url = worded_projects[0].get_parent().url

    def found_there(query):
        return card_titles(client.get(url, {"q": query}).content)

    assert found_there("Senior:innen") == ["Älter werden im Quartier"]
    assert found_there("Katastrophenschutz") == ["Krisenstab digital"]
    assert found_there("Uckermark") == ["Neue Leute für das Rathaus"]
    assert found_there("RLP") == ["Läden wieder öffnen"]
    assert found_there("Sachsen-Anhalt") == ["Krisenstab digital"]
    assert found_there("Fachkräftemangels") == ["Neue Leute für das Rathaus"]
