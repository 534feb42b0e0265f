"""The site search page against the real OpenSearch node (OPENSEARCH_TEST_URL)."""

import pytest
from django.contrib.auth.models import Group
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import PageViewRestriction
from wagtail.rich_text import RichText

from tests import factories
from tests.markup import parse
from tests.search.helpers import promoted_titles, result_titles, standard_page, translate

pytestmark = pytest.mark.django_db


def search(client, query, language="de", **params):
    path = "/de/suche/" if language == "de" else "/en/search/"
    return client.get(path, {"q": query, **params})


def test_german_search_lists_german_pages_only_and_english_search_english_ones(
    client, opensearch, site_tree, locales
):
    page = standard_page(
        site_tree.home,
        "Bürgerservice digital",
        listing_summary="Wie eine Kommune ihre Formulare online anbietet.",
    )
    translate(
        page,
        locales.en,
        "Digital citizen services",
        listing_summary="How a municipality offers its forms online.",
    )
    opensearch.index()

    german = search(client, "digital")
    english = search(client, "digital", language="en")

    assert german.status_code == 200
    assert result_titles(german) == ["Bürgerservice digital"]
    assert "Wie eine Kommune ihre Formulare online anbietet." in german.content.decode()
    assert "Inhaltsseite" in german.content.decode()  # the page type's label
    assert result_titles(english) == ["Digital citizen services"]


def test_umlauts_match_their_transliteration_and_stems_match_plurals(client, opensearch, site_tree):
    standard_page(site_tree.home, "Digitales Rathaus in München")
    standard_page(
        site_tree.home,
        "Neue Wege",
        listing_summary="Die Verwaltung arbeitet papierlos und öffnet ihre Daten.",
    )
    standard_page(site_tree.home, "Straßenbeleuchtung smart steuern")
    opensearch.index()

    assert result_titles(search(client, "Muenchen")) == ["Digitales Rathaus in München"]
    assert result_titles(search(client, "münchen")) == ["Digitales Rathaus in München"]
    assert result_titles(search(client, "Verwaltungen")) == ["Neue Wege"]
    assert result_titles(search(client, "Strassenbeleuchtung")) == [
        "Straßenbeleuchtung smart steuern"
    ]


def test_compounds_synonyms_and_typos_on_the_engine(client, opensearch, site_tree):
    standard_page(site_tree.home, "Rufbus für die Dörfer")
    standard_page(site_tree.home, "Klimaschutz im Quartier")
    standard_page(site_tree.home, "Radwege planen")
    opensearch.index()

    assert result_titles(search(client, "Bus")) == ["Rufbus für die Dörfer"]  # a part
    assert result_titles(search(client, "Klimaanpassung")) == ["Klimaschutz im Quartier"]
    few = search(client, "Klimaschutz Radwegen")  # "Radwegen": no such word
    links = parse(few).select("p.search-suggestion a")
    assert [link.text for link in links] == ["Klimaschutz Radwege"]
    assert links[0].get("href") == "/de/suche/?q=Klimaschutz%20Radwege"


def test_project_is_found_by_its_municipality_and_challenge(client, opensearch, site_tree):
    municipality = factories.MunicipalityFactory(name="Mühlhausen")
    factories.ProjectPageFactory(
        parent=site_tree.projects,
        title="Bürgerportal",
        municipality=municipality,
        challenge="<p>Anträge kommen noch auf Papier.</p>",
    )
    opensearch.index()

    assert result_titles(search(client, "Muehlhausen")) == ["Bürgerportal"]
    assert result_titles(search(client, "Antrag")) == ["Bürgerportal"]


def test_every_page_type_can_be_indexed_and_found(client, opensearch, site_tree, locales):
    topic = factories.TopicFactory(name="Klimaschutz")
    factories.ProjectPageFactory(
        parent=site_tree.projects, title="Wärmeplanung Musterdorf", topics=[topic], publish=True
    )
    factories.StoryPageFactory(
        parent=site_tree.stories, title="Wärmepumpen im Kalletal", outcome="Wärmeplanung steht."
    )  # found through its outcome
    factories.LearningResourcePageFactory(
        parent=site_tree.learning,
        title="Leitfaden Energie",
        body=[("rich_text", RichText("<p>Schritt für Schritt zur kommunalen Wärmeplanung.</p>"))],
    )
    opensearch.index()

    titles = result_titles(search(client, "Waermeplanung"))
    assert sorted(titles) == [
        "Leitfaden Energie",  # found through its StreamField body
        "Wärmeplanung Musterdorf",
        "Wärmepumpen im Kalletal",
    ]
    # The topic (a ParentalManyToManyField) is indexed with the project.
    assert result_titles(search(client, "Klimaschutz")) == ["Wärmeplanung Musterdorf"]


def test_drafts_and_private_pages_are_not_found(client, opensearch, site_tree):
    standard_page(site_tree.home, "Radverkehr öffentlich")
    draft = standard_page(site_tree.home, "Radverkehr Entwurf")
    draft.unpublish()
    restricted = factories.LearningResourcePageFactory(
        parent=site_tree.learning, title="Radverkehr für Macher:innen"
    )
    restriction = PageViewRestriction.objects.create(
        page=restricted, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.get_or_create(name="Macher:innen")[0])
    opensearch.index()

    assert result_titles(search(client, "Radverkehr")) == ["Radverkehr öffentlich"]


def test_publishing_and_unpublishing_reach_the_index_through_signals(client, opensearch, site_tree):
    page = standard_page(site_tree.home, "Glasfaserausbau im Landkreis")
    opensearch.refresh()  # no update_index: the save signal indexed the page
    assert result_titles(search(client, "Landkreis")) == ["Glasfaserausbau im Landkreis"]

    page.unpublish()
    opensearch.refresh()
    assert result_titles(search(client, "Landkreis")) == []


def test_editors_pick_comes_first_and_only_once(client, opensearch, site_tree, locales):
    standard_page(
        site_tree.home, "Förderung beantragen: Tipps", listing_summary="Förderung Förderung."
    )
    picked = standard_page(site_tree.home, "Förderprogramme im Überblick")
    translate(picked, locales.en, "Funding programmes at a glance")
    SearchPromotion.objects.create(
        query=Query.get("Förderung"),
        page=picked,
        description="Alle Programme auf einer Seite.",
        sort_order=0,
    )
    SearchPromotion.objects.create(
        query=Query.get("funding"), page=picked, description="All programmes.", sort_order=0
    )
    opensearch.index()

    response = search(client, "Förderung")
    html = response.content.decode()

    assert promoted_titles(response) == ["Förderprogramme im Überblick"]
    assert "Alle Programme auf einer Seite." in html
    assert parse(html).texts("a.card__link") == [
        "Förderprogramme im Überblick",
        "Förderung beantragen: Tipps",
    ]
    assert result_titles(response) == ["Förderung beantragen: Tipps"]
    # The pick points at the German page; English visitors get its translation.
    assert promoted_titles(search(client, "funding", language="en")) == [
        "Funding programmes at a glance"
    ]


def test_search_counts_the_query_for_the_editors_statistics(client, opensearch, site_tree):
    search(client, "Breitband")
    search(client, "  breitband ")

    assert Query.objects.get(query_string="breitband").hits == 2


def test_results_are_paginated_ten_per_page(client, opensearch, site_tree):
    for number in range(12):
        standard_page(site_tree.home, f"Ehrenamt stärken {number:02d}")
    opensearch.index()

    first = search(client, "Ehrenamt")
    second = search(client, "Ehrenamt", page=2)
    beyond = search(client, "Ehrenamt", page="nonsense")

    assert len(result_titles(first)) == 10
    assert len(result_titles(second)) == 2
    assert set(result_titles(first)).isdisjoint(result_titles(second))
    first_page = parse(first)
    assert first_page.select_one("p.result-count").text == "12 Ergebnisse für „Ehrenamt“"
    assert first_page.select('nav.pagination a[href="?q=Ehrenamt&page=2"]')
    assert beyond.status_code == 200
    assert result_titles(beyond) == result_titles(first)


def test_no_results_message(client, opensearch, site_tree):
    response = search(client, "Quantencomputer")

    assert response.status_code == 200
    assert "haben wir leider nichts gefunden" in response.content.decode()


@pytest.mark.parametrize(
    "query",
    ['"', "(", 'Verwaltung AND "', "*", "\\", "a:b", "-", "~1", "ä" * 200, "\x00Rathaus", "🙂"],
)
def test_odd_queries_never_fail(client, opensearch, site_tree, query):
    standard_page(site_tree.home, "Rathaus")
    opensearch.refresh()

    assert search(client, query).status_code == 200


def test_too_long_query_is_rejected_with_a_message(client, opensearch, site_tree):
    response = search(client, "x" * 201)

    assert response.status_code == 400
    assert "höchstens 200 Zeichen" in response.content.decode()


def test_autocomplete_suggests_titles_in_the_current_language(
    client, opensearch, site_tree, locales
):
    page = standard_page(site_tree.home, "Digitalisierung der Bauämter")
    translate(page, locales.en, "Digitalising building authorities")
    standard_page(site_tree.home, "Radwege planen")
    opensearch.index()

    german = client.get("/de/suche/autocomplete/", {"q": "Dig"})
    english = client.get("/en/search/autocomplete/", {"q": "Dig"})

    assert german.status_code == 200
    assert german.json() == {
        "results": [{"title": "Digitalisierung der Bauämter", "url": page.url}]
    }
    assert [r["title"] for r in english.json()["results"]] == ["Digitalising building authorities"]


def test_autocomplete_folds_umlauts_and_returns_at_most_eight(client, opensearch, site_tree):
    for number in range(10):
        standard_page(site_tree.home, f"München {number}")
    opensearch.index()

    for query in ("Mün", "Mue", "mun"):
        results = client.get("/de/suche/autocomplete/", {"q": query}).json()["results"]
        assert len(results) == 8, query
        assert all(r["title"].startswith("München") for r in results)


@pytest.mark.parametrize("params", [{}, {"q": ""}, {"q": "   "}, {"q": "x" * 201}])
def test_autocomplete_rejects_missing_or_too_long_queries(client, opensearch, params):
    response = client.get("/de/suche/autocomplete/", params)

    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert response.json()["error"]


def test_unreachable_engine_degrades_to_a_title_search_with_a_notice(client, site_tree, settings):
    standard_page(site_tree.home, "Schulwegsicherung")
    # A real connection attempt to a port nothing listens on (the discard port).
    settings.WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "wagtail.search.backends.opensearch3",
            "URLS": ["http://127.0.0.1:9"],
            "TIMEOUT": 1,
            "OPTIONS": {"max_retries": 0},
        }
    }

    response = search(client, "Schulweg")
    suggestions = client.get("/de/suche/autocomplete/", {"q": "Schul"})

    assert response.status_code == 200
    assert "eingeschränkt" in response.content.decode()
    assert result_titles(response) == ["Schulwegsicherung"]
    assert suggestions.status_code == 200
    assert suggestions.json() == {"results": []}


def test_topics_changed_in_the_published_revision_are_searchable(
    client, opensearch, site_tree, django_capture_on_commit_callbacks
):
    # modelsearch indexes on save, before modelcluster stores the new topics; the page is
    # indexed once more after the commit.
    old_topic = factories.TopicFactory(name="Tourismus")
    new_topic = factories.TopicFactory(name="Wasserwirtschaft")
    page = factories.ProjectPageFactory(
        parent=site_tree.projects, title="Pegel im Blick", topics=[old_topic], publish=True
    )

    page.topics.set([new_topic])
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    opensearch.refresh()

    assert result_titles(search(client, "Wasserwirtschaft")) == ["Pegel im Blick"]
    assert result_titles(search(client, "Tourismus")) == []
