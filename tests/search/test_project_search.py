"""The faceted project search on the real OpenSearch: facets, sorts, highlights, paging."""

import datetime

import pytest
from pytest_django.asserts import assertInHTML

from core.models.settings import SiteSettings
from projects.models import ProjectStatus
from projects.search_query import ProjectSearch, autocomplete_titles, similar_project_ids
from tests import factories
from tests.markup import card_titles, parse
from tests.search.helpers import days_ago

pytestmark = pytest.mark.django_db


def checkbox_label(html, name, value):
    """The visible label text of the checkbox ``name=value`` on the listing."""
    selector = f'input[type=checkbox][name="{name}"][value="{value}"]'
    return parse(html).select_one(selector).ancestor("label").text


@pytest.fixture
def taxonomy(db):
    return {
        "verwaltung": factories.TopicFactory(name="Verwaltung"),
        "bildung": factories.TopicFactory(name="Bildung"),
        "ux": factories.CompetencyFactory(name="UX-Design"),
    }


@pytest.fixture
def spread(site_tree, taxonomy, project_index):
    """Five projects in three states: Hessen 2, Bayern 2 (one about education), Sachsen 1."""
    verwaltung, bildung = taxonomy["verwaltung"], taxonomy["bildung"]
    parent = site_tree.projects
    projects = [
        factories.ProjectPageFactory(
            parent=parent,
            title="Digitale Akte Kassel",
            municipality__bundesland="HE",
            topics=[verwaltung],
        ),
        factories.ProjectPageFactory(
            parent=parent,
            title="Bürgerservice Fulda",
            municipality__bundesland="HE",
            topics=[verwaltung],
        ),
        factories.ProjectPageFactory(
            parent=parent,
            title="Schul-WLAN Passau",
            municipality__bundesland="BY",
            topics=[bildung],
        ),
        factories.ProjectPageFactory(
            parent=parent,
            title="Online-Antrag Erding",
            municipality__bundesland="BY",
            topics=[verwaltung],
        ),
        factories.ProjectPageFactory(
            parent=parent,
            title="Ratsinformation Pirna",
            municipality__bundesland="SN",
            topics=[verwaltung],
        ),
    ]
    project_index.add(*projects)
    return projects


def test_two_selected_states_keep_the_other_states_counts_and_narrow_the_topics(spread, taxonomy):
    result = ProjectSearch(filters={"bundesland": ["HE", "BY"]}).execute()

    assert result.total == 4
    # The Bundesland facet ignores its own filter: Sachsen still shows what adding it would add.
    assert result.facet_counts["bundesland"] == {"HE": 2, "BY": 2, "SN": 1}
    # The topic facet counts only projects in Hessen or Bayern.
    topics = result.facet_counts["topic"]
    assert topics[str(taxonomy["verwaltung"].pk)] == 3
    assert topics[str(taxonomy["bildung"].pk)] == 1


def test_listing_shows_counts_next_to_each_option(client, spread, taxonomy):
    response = client.get("/de/projekte/?bundesland=HE&bundesland=BY")
    html = response.content.decode()

    assert response.status_code == 200
    assert checkbox_label(html, "bundesland", "HE") == "Hessen (2)"
    assert checkbox_label(html, "bundesland", "SN") == "Sachsen (1)"
    assert checkbox_label(html, "bundesland", "BW") == "Baden-Württemberg (0)"
    assert checkbox_label(html, "topic", taxonomy["verwaltung"].pk) == "Verwaltung (3)"
    assert checkbox_label(html, "topic", taxonomy["bildung"].pk) == "Bildung (1)"
    assert parse(html).select_one("p.result-count").text == "4 Projekte gefunden"
    assert "Pirna" not in " ".join(card_titles(html))


def test_engine_listing_shows_the_active_filters_as_chips_that_remove_one_each(
    client, spread, taxonomy
):
    verwaltung = taxonomy["verwaltung"].pk
    response = client.get(
        "/de/projekte/",
        {"q": "Akte", "bundesland": ["HE", "BY"], "topic": verwaltung, "sort": "newest", "page": 1},
    )
    page = parse(response)

    assert page.select_one("p.result-count").text == "1 Projekt gefunden"
    # The text without the "×", which is hidden from assistive technology.
    chips = {chip.text.removesuffix("×"): chip.get("href") for chip in page.select("ul.chips a")}
    assert list(chips) == [
        "Filter entfernen: Suche: „Akte“",
        "Filter entfernen: Bundesland: Bayern",
        "Filter entfernen: Bundesland: Hessen",
        "Filter entfernen: Themenfeld: Verwaltung",
        "Alle Filter entfernen",
    ]
    assert chips["Alle Filter entfernen"] == "/de/projekte/?sort=newest"

    without_text = client.get(chips["Filter entfernen: Suche: „Akte“"])
    # Kassel, Fulda and Erding: Hessen or Bayern, about administration; the order is kept.
    assert parse(without_text).select_one("p.result-count").text == "3 Projekte gefunden"
    assert card_titles(without_text) == [
        "Online-Antrag Erding",
        "Bürgerservice Fulda",
        "Digitale Akte Kassel",
    ]
    without_hessen = client.get(chips["Filter entfernen: Bundesland: Hessen"])
    assert card_titles(without_hessen) == []
    assert [chip.text.removesuffix("×") for chip in parse(without_hessen).select("ul.chips a")] == [
        "Filter entfernen: Suche: „Akte“",
        "Filter entfernen: Bundesland: Bayern",
        "Filter entfernen: Themenfeld: Verwaltung",
        "Alle Filter entfernen",
    ]


def test_filtering_by_topic_narrows_the_state_counts(spread, taxonomy):
    result = ProjectSearch(filters={"topic": [str(taxonomy["bildung"].pk)]}).execute()

    assert [hit.title for hit in result.hits] == ["Schul-WLAN Passau"]
    assert result.facet_counts["bundesland"] == {"BY": 1}


def test_text_query_finds_and_highlights_in_the_listing(client, spread):
    response = client.get("/de/projekte/?q=Akte")
    html = response.content.decode()

    assert card_titles(html) == ["Digitale Akte Kassel"]
    assertInHTML("Digitale <mark>Akte</mark> Kassel", parse(html).select_one("a.card__link").html)


def test_a_title_with_markup_is_escaped_in_the_highlight(client, site_tree, project_index):
    evil = factories.ProjectPageFactory(
        parent=site_tree.projects, title="<script>alert(1)</script> Akte im Rathaus"
    )
    project_index.add(evil)

    hit = ProjectSearch(query="Akte").execute().hits[0]
    html = client.get("/de/projekte/?q=Akte").content.decode()

    assert hit.title_highlight == (
        "&lt;script&gt;alert(1)&lt;/script&gt; <mark>Akte</mark> im Rathaus"
    )
    assert "<script>alert(1)" not in html
    link = parse(html).select_one("a.card__link")
    assert link.text == "<script>alert(1)</script> Akte im Rathaus"
    assert [element.tag for element in link.iter()] == ["mark"]
    assert link.texts("mark") == ["Akte"]


@pytest.fixture
def dated(site_tree, project_index):
    """Three projects whose publish, start and deadline orders all differ."""
    today = datetime.date.today()
    parent = site_tree.projects
    projects = {
        "a": factories.ProjectPageFactory(
            parent=parent,
            title="Projekt A",
            first_published_at=days_ago(1),
            start_date=today + datetime.timedelta(days=300),
            application_deadline=today + datetime.timedelta(days=20),
        ),
        "b": factories.ProjectPageFactory(
            parent=parent,
            title="Projekt B",
            first_published_at=days_ago(3),
            start_date=today + datetime.timedelta(days=100),
            application_deadline=None,
        ),
        "c": factories.ProjectPageFactory(
            parent=parent,
            title="Projekt C",
            first_published_at=days_ago(2),
            start_date=today + datetime.timedelta(days=200),
            application_deadline=today + datetime.timedelta(days=10),
        ),
    }
    project_index.add(*projects.values())
    return projects


@pytest.mark.parametrize(
    ("sort", "expected"),
    [
        ("newest", ["Projekt A", "Projekt C", "Projekt B"]),
        ("start", ["Projekt B", "Projekt C", "Projekt A"]),
        # Projects without a deadline come last.
        ("deadline", ["Projekt C", "Projekt A", "Projekt B"]),
    ],
)
def test_sorts(client, dated, sort, expected):
    html = client.get(f"/de/projekte/?sort={sort}").content.decode()

    assert card_titles(html) == expected


def test_without_a_query_open_projects_come_first_on_the_engine(client, site_tree, project_index):
    parent = site_tree.projects
    today = datetime.date.today()
    closed = factories.ProjectPageFactory(
        parent=parent,
        title="Abgeschlossen und neu",
        status=ProjectStatus.COMPLETED,
        first_published_at=days_ago(1),
        application_deadline=today - datetime.timedelta(days=200),
    )
    later = factories.ProjectPageFactory(
        parent=parent,
        title="Offen mit spaeter Frist",
        status=ProjectStatus.OPEN,
        first_published_at=days_ago(3),
        application_deadline=today + datetime.timedelta(days=40),
    )
    sooner = factories.ProjectPageFactory(
        parent=parent,
        title="Offen mit naher Frist",
        status=ProjectStatus.OPEN,
        first_published_at=days_ago(9),
        application_deadline=today + datetime.timedelta(days=5),
    )
    project_index.add(closed, later, sooner)

    html = client.get("/de/projekte/").content.decode()

    assert card_titles(html) == [
        "Offen mit naher Frist",
        "Offen mit spaeter Frist",
        "Abgeschlossen und neu",
    ]
    assert parse(html).select_one("select[name=sort] option[value=open]").has("selected")


def test_remote_work_is_a_facet_with_counts_on_the_engine(client, site_tree, project_index):
    parent = site_tree.projects
    mostly = factories.ProjectPageFactory(
        parent=parent, title="Mobil von zu Hause", remote_share=60
    )
    on_site = factories.ProjectPageFactory(parent=parent, title="Ganz im Rathaus", remote_share=10)
    project_index.add(mostly, on_site)

    html = client.get("/de/projekte/?remote=mostly").content.decode()

    assert card_titles(html) == ["Mobil von zu Hause"]
    assert "60 % der Zeit" in html
    # The other buckets still count under this filter's siblings: one on-site project.
    assert checkbox_label(html, "remote", "on-site") == "überwiegend vor Ort (bis 20 % mobil) (1)"


def test_relevance_is_the_default_with_a_query(client, site_tree, project_index):
    parent = site_tree.projects
    weak = factories.ProjectPageFactory(
        parent=parent,
        title="Wegweiser Rathaus",
        first_published_at=days_ago(1),
        challenge="<p>Auch der Breitbandausbau kommt vor.</p>",
    )
    strong = factories.ProjectPageFactory(
        parent=parent, title="Breitbandausbau im Landkreis", first_published_at=days_ago(5)
    )
    project_index.add(weak, strong)

    html = client.get("/de/projekte/?q=Breitbandausbau").content.decode()

    assert card_titles(html) == ["Breitbandausbau im Landkreis", "Wegweiser Rathaus"]
    assert parse(html).select_one("select[name=sort] option[value=relevance]").has("selected")


def test_pagination_twelve_per_page(client, site_tree, project_index):
    projects = [
        factories.ProjectPageFactory(
            parent=site_tree.projects, title=f"Projekt {n:02d}", first_published_at=days_ago(n)
        )
        for n in range(1, 15)
    ]
    project_index.add(*projects)

    first = client.get("/de/projekte/").content.decode()
    second = client.get("/de/projekte/?page=2").content.decode()
    beyond = client.get("/de/projekte/?page=99").content.decode()

    assert len(card_titles(first)) == 12
    assert card_titles(second) == ["Projekt 13", "Projekt 14"]
    assert "14 Projekte gefunden" in second
    assert parse(second).select_one("nav.pagination [aria-current=page]").text == "Seite 2"
    # Past the end the last page is shown, as on the database listing.
    assert card_titles(beyond) == ["Projekt 13", "Projekt 14"]


def test_similar_projects_on_the_project_page(client, site_tree, locales, project_index):
    parent = site_tree.projects
    akte = factories.ProjectPageFactory(
        parent=parent,
        title="Elektronische Akte im Bauamt",
        challenge="<p>Bauanträge sollen als elektronische Akte bearbeitet werden.</p>",
    )
    akte2 = factories.ProjectPageFactory(
        parent=parent,
        title="Elektronische Akte im Ordnungsamt",
        challenge="<p>Das Ordnungsamt führt die elektronische Akte ein.</p>",
    )
    other = factories.ProjectPageFactory(
        parent=parent,
        title="Jugendbeteiligung",
        challenge="<p>Jugendliche gestalten den Spielplatz mit.</p>",
        intended_impact="<p>Mehr Mitsprache.</p>",
        target_groups="Jugendliche",
    )
    project_index.add(akte, akte2, other)

    assert similar_project_ids(akte) == [akte2.pk]
    page = parse(client.get(akte.url))
    section = page.select_one('section[aria-labelledby="similar-heading"]')
    assert section.select_one("h2").text == "Ähnliche Projekte"
    assert section.texts("li a") == ["Elektronische Akte im Ordnungsamt"]
    assert "Jugendbeteiligung" not in page.text


def test_similar_projects_are_hidden_when_the_engine_is_down(
    client, site_tree, settings, closed_port_url
):
    settings.PROJECT_SEARCH_URL = closed_port_url
    project = factories.ProjectPageFactory(parent=site_tree.projects, title="Elektronische Akte")

    response = client.get(project.url)

    assert response.status_code == 200
    assert "Ähnliche Projekte" not in response.content.decode()


def test_autocomplete_completes_title_words(spread):
    titles = [item["title"] for item in autocomplete_titles("Digi")]
    assert titles == ["Digitale Akte Kassel"]
    assert [item["title"] for item in autocomplete_titles("akte kas")] == ["Digitale Akte Kassel"]


def test_listing_falls_back_to_the_database_with_a_notice(
    client, site_tree, settings, closed_port_url
):
    factories.ProjectPageFactory(
        parent=site_tree.projects, title="Digitale Akte", municipality__bundesland="HE"
    )
    factories.ProjectPageFactory(
        parent=site_tree.projects, title="Schul-WLAN", municipality__bundesland="BY"
    )
    settings.PROJECT_SEARCH_URL = closed_port_url

    response = client.get("/de/projekte/?bundesland=HE&q=Akte")
    html = response.content.decode()

    assert response.status_code == 200
    assert "Die Suche ist gerade eingeschränkt" in html
    assert card_titles(html) == ["Digitale Akte"]


def test_without_an_engine_there_is_no_notice(client, site_tree, settings):
    settings.PROJECT_SEARCH_URL = None
    factories.ProjectPageFactory(parent=site_tree.projects, title="Digitale Akte")

    html = client.get("/de/projekte/?q=akte").content.decode()

    assert card_titles(html) == ["Digitale Akte"]
    assert "eingeschränkt" not in html


def test_english_listing_searches_the_english_index(client, site_tree, locales, project_index):
    german = factories.ProjectPageFactory(parent=site_tree.projects, title="Digitale Akte")
    factories.publish_translation(site_tree.projects, locales.en, slug="projects")
    english = factories.publish_translation(german, locales.en, title="Digital records")
    project_index.add(german, english)

    html = client.get("/en/projects/?q=records").content.decode()

    assert card_titles(html) == ["Digital records"]


def test_start_period_facet_counts_and_filters(client, site_tree, project_index, settings):
    parent = site_tree.projects
    spring = factories.ProjectPageFactory(
        parent=parent, title="Frühjahrsprojekt", start_date=datetime.date(2027, 2, 1)
    )
    summer = factories.ProjectPageFactory(
        parent=parent, title="Sommerprojekt", start_date=datetime.date(2027, 7, 1)
    )
    project_index.add(spring, summer)

    engine_html = client.get("/de/projekte/?start=2027-Q3").content.decode()
    settings.PROJECT_SEARCH_URL = None
    database_html = client.get("/de/projekte/?start=2027-Q3").content.decode()

    assert card_titles(engine_html) == ["Sommerprojekt"]
    assert checkbox_label(engine_html, "start", "2027-Q1") == "1. Quartal 2027 (1)"
    assert checkbox_label(engine_html, "start", "2027-Q3") == "3. Quartal 2027 (1)"
    assert card_titles(database_html) == ["Sommerprojekt"]
    # The database counts the same way as the engine.
    assert checkbox_label(database_html, "start", "2027-Q1") == "1. Quartal 2027 (1)"
    assert checkbox_label(database_html, "start", "2027-Q3") == "3. Quartal 2027 (1)"


def test_similar_projects_come_back_with_the_engine_when_fragments_are_kept(
    client, site_tree, locales, project_index, settings, redis_cache, closed_port_url
):
    SiteSettings.for_site(site_tree.home.get_site())
    settings.FRAGMENT_CACHE_SECONDS = 300
    parent = site_tree.projects
    akte = factories.ProjectPageFactory(parent=parent, title="Elektronische Akte im Bauamt")
    akte2 = factories.ProjectPageFactory(parent=parent, title="Elektronische Akte im Ordnungsamt")
    project_index.add(akte, akte2)

    settings.PROJECT_SEARCH_URL = closed_port_url
    assert "Ähnliche Projekte" not in client.get(akte.url).content.decode()
    # The empty section showed a failure: it must not be kept until the next content change.
    settings.PROJECT_SEARCH_URL = project_index.url

    section = parse(client.get(akte.url)).select_one('section[aria-labelledby="similar-heading"]')
    assert section.texts("li a") == ["Elektronische Akte im Ordnungsamt"]
