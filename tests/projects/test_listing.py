"""The project listing: filters, sort orders, pagination, languages and query counts."""

import datetime
import functools
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from pytest_django.asserts import assertInHTML

from projects.models import ProjectStatus, Workload
from taxonomy.models import Bundesland
from tests import factories
from tests.markup import card_titles, parse

pytestmark = pytest.mark.django_db

LISTING = "/de/projekte/"


def result_count(response):
    """The listing's count of results ("3 Projekte")."""
    return parse(response).select_one("p.result-count").text


def checkbox(response, name, value):
    """The filter checkbox ``name=value`` of the listing's form."""
    return parse(response).select_one(f'input[type=checkbox][name="{name}"][value="{value}"]')


@pytest.fixture
def project_factory(site_tree):
    """ProjectPageFactory with the German listing as parent."""
    return functools.partial(factories.ProjectPageFactory, parent=site_tree.projects)


def test_listing_shows_live_projects_with_their_facts(client, site_tree, project_factory):
    topic = factories.TopicFactory(name="Digitale Verwaltung")
    municipality = factories.MunicipalityFactory(name="Eschwege", bundesland=Bundesland.HESSEN)
    project_factory(
        title="Papierlos im Rathaus",
        municipality=municipality,
        topics=[topic],
        start_date=datetime.date(2030, 10, 1),
        duration_months=6,
        application_deadline=datetime.date(2030, 6, 30),
    )
    project_factory(title="Entwurf ohne Freigabe", live=False)

    response = client.get(LISTING)

    assert response.status_code == 200
    html = response.content.decode()
    assert card_titles(response) == ["Papierlos im Rathaus"]
    assert "Eschwege, Hessen" in html
    assert "Oktober 2030" in html
    assert "6 Monate" in html
    assert "Vollzeit (ca. 40 Std./Woche)" in html
    assert "30. Juni 2030" in html
    assertInHTML('<span class="tag">Digitale Verwaltung</span>', html)
    assert parse(html).texts(".card .badge--open") == ["Ausgeschrieben"]
    assert result_count(response) == "1 Projekt gefunden"
    assert "X-Robots-Tag" not in response.headers


def test_listing_in_english_shows_translated_project_and_topic(
    client, site_tree, project_factory, locales
):
    topic = factories.TopicFactory(name="Integration")
    factories.translate_snippet(topic, locales.en, name="Inclusion of newcomers")
    project = project_factory(title="Kompass Kalletal", topics=[topic])

    index_en = factories.publish_translation(site_tree.projects, locales.en, title="Projects")
    factories.publish_translation(project, locales.en, title="Kalletal compass")

    response = client.get(f"/en/{index_en.slug}/")

    assert response.status_code == 200
    html = response.content.decode()
    assert card_titles(response) == ["Kalletal compass"]
    assert parse(html).select_one("html").get("lang") == "en"
    # The tag and the filter label show the English topic; the filter value stays the German pk.
    assertInHTML('<span class="tag">Inclusion of newcomers</span>', html)
    label = checkbox(response, "topic", topic.pk).ancestor("label").text
    assert label == "Inclusion of newcomers (1)"

    filtered = client.get(f"/en/{index_en.slug}/", {"topic": topic.pk})
    assert card_titles(filtered) == ["Kalletal compass"]


@pytest.fixture
def varied_projects(project_factory):
    """Four projects that differ in every filterable property."""
    digital = factories.TopicFactory(name="Digitalisierung")
    climate = factories.TopicFactory(name="Klimaschutz")
    data = factories.CompetencyFactory(name="Datenanalyse")
    ux = factories.CompetencyFactory(name="UX-Design")
    return {
        "hessen": project_factory(
            title="Hessenprojekt",
            municipality=factories.MunicipalityFactory(bundesland=Bundesland.HESSEN),
            topics=[digital],
            profile=[(data, "must", 2)],
            status=ProjectStatus.OPEN,
            duration_months=6,
            workload=Workload.FULL_TIME,
        ),
        "bayern": project_factory(
            title="Bayernprojekt",
            municipality=factories.MunicipalityFactory(bundesland=Bundesland.BAYERN),
            topics=[climate],
            profile=[(ux, "nice", 1)],
            status=ProjectStatus.OPEN,
            duration_months=12,
            workload=Workload.PART_TIME_20,
        ),
        "sachsen": project_factory(
            title="Sachsenprojekt",
            municipality=factories.MunicipalityFactory(bundesland=Bundesland.SACHSEN),
            topics=[digital, climate],
            profile=[(data, "nice", 1), (ux, "must", 3)],
            status=ProjectStatus.RUNNING,
            duration_months=18,
            workload=Workload.PART_TIME_30,
        ),
        "nrw": project_factory(
            title="NRW-Projekt",
            municipality=factories.MunicipalityFactory(bundesland=Bundesland.NORDRHEIN_WESTFALEN),
            status=ProjectStatus.COMPLETED,
            duration_months=9,
            workload=Workload.FULL_TIME,
        ),
        "digital": digital,
        "climate": climate,
        "data": data,
        "ux": ux,
    }


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"bundesland": "HE"}, {"Hessenprojekt"}),
        ({"bundesland": ["BY", "SN"]}, {"Bayernprojekt", "Sachsenprojekt"}),
        ({"topic": "digital"}, {"Hessenprojekt", "Sachsenprojekt"}),
        ({"topic": ["digital", "climate"]}, {"Hessenprojekt", "Bayernprojekt", "Sachsenprojekt"}),
        ({"competency": "data"}, {"Hessenprojekt", "Sachsenprojekt"}),
        ({"competency": "ux"}, {"Bayernprojekt", "Sachsenprojekt"}),
        ({"status": "open"}, {"Hessenprojekt", "Bayernprojekt"}),
        ({"status": ["running", "completed"]}, {"Sachsenprojekt", "NRW-Projekt"}),
        ({"duration": "6-9"}, {"Hessenprojekt", "NRW-Projekt"}),
        ({"duration": "10-12"}, {"Bayernprojekt"}),
        ({"duration": "13-18"}, {"Sachsenprojekt"}),
        ({"workload": "full_time"}, {"Hessenprojekt", "NRW-Projekt"}),
        ({"workload": ["part_time_20", "part_time_30"]}, {"Bayernprojekt", "Sachsenprojekt"}),
        ({"topic": "digital", "status": "open"}, {"Hessenprojekt"}),
        ({"competency": "ux", "duration": "13-18"}, {"Sachsenprojekt"}),
    ],
)
def test_each_filter_narrows_the_listing(client, varied_projects, params, expected):
    # Taxonomy filters take the pks of the German instances.
    query = {
        key: [
            str(varied_projects[v].pk) if key in ("topic", "competency") else v
            for v in (value if isinstance(value, list) else [value])
        ]
        for key, value in params.items()
    }
    response = client.get(LISTING, query)

    assert response.status_code == 200
    titles = card_titles(response)
    assert set(titles) == expected
    assert len(titles) == len(expected), "a project matching several values appears once"
    assert result_count(response) == (
        f"{len(expected)} Projekt{'' if len(expected) == 1 else 'e'} gefunden"
    )
    assert response.headers["X-Robots-Tag"] == "noindex"


@pytest.mark.parametrize(
    "params",
    [
        {"status": "unsinn"},
        {"bundesland": "XX"},
        {"topic": "abc"},
        {"topic": "999999"},
        {"duration": "1-2"},
        {"sort": "zufall"},
        {"page": "zwei"},
    ],
)
def test_invalid_filter_values_give_a_message_not_an_error(client, varied_projects, params):
    response = client.get(LISTING, params)

    assert response.status_code == 200
    html = response.content.decode()
    # The invalid value is ignored: all projects are listed.
    assert len(card_titles(response)) == 4
    if "page" not in params:
        assert "Einige Filterangaben sind ungültig" in html
        assert parse(html).select(".errorlist")


def test_invalid_value_does_not_cancel_the_valid_filters(client, varied_projects):
    response = client.get(LISTING, {"status": ["open", "unsinn"], "bundesland": "HE"})

    assert response.status_code == 200
    assert card_titles(response) == ["Hessenprojekt"]
    assert "Einige Filterangaben sind ungültig" in response.content.decode()


def test_filter_form_keeps_the_chosen_values(client, varied_projects):
    response = client.get(LISTING, {"bundesland": "BY", "sort": "start"})

    assert checkbox(response, "bundesland", "BY").has("checked")
    assert not checkbox(response, "bundesland", "HE").has("checked")
    assert parse(response).select_one("select[name=sort] option[value=start]").has("selected")


def test_filter_form_preselects_the_default_sort(client, varied_projects):
    page = parse(client.get(LISTING))
    assert page.select_one("select[name=sort] option[value=open]").has("selected")


@pytest.fixture
def dated_projects(project_factory, today):
    tz = datetime.UTC
    return [
        project_factory(
            title="Frist bald",
            application_deadline=today + datetime.timedelta(days=10),
            start_date=today + datetime.timedelta(days=200),
            first_published_at=datetime.datetime(2024, 1, 1, tzinfo=tz),
        ),
        project_factory(
            title="Ohne Frist",
            application_deadline=None,
            start_date=today + datetime.timedelta(days=100),
            first_published_at=datetime.datetime(2025, 1, 1, tzinfo=tz),
        ),
        project_factory(
            title="Frist später",
            application_deadline=today + datetime.timedelta(days=40),
            start_date=today + datetime.timedelta(days=300),
            first_published_at=datetime.datetime(2023, 1, 1, tzinfo=tz),
        ),
    ]


@pytest.mark.parametrize(
    ("sort", "expected"),
    [
        ("deadline", ["Frist bald", "Frist später", "Ohne Frist"]),
        ("start", ["Ohne Frist", "Frist bald", "Frist später"]),
        ("newest", ["Ohne Frist", "Frist bald", "Frist später"]),
        ("open", ["Frist bald", "Frist später", "Ohne Frist"]),
        (None, ["Frist bald", "Frist später", "Ohne Frist"]),
    ],
)
def test_sort_orders(client, dated_projects, sort, expected):
    response = client.get(LISTING, {"sort": sort} if sort else {})
    assert card_titles(response) == expected


def test_by_default_open_projects_come_first_and_closed_ones_show_no_deadline(
    client, project_factory, today
):
    tz = datetime.UTC
    project_factory(
        title="Abgeschlossen, neu",
        status=ProjectStatus.COMPLETED,
        application_deadline=today - datetime.timedelta(days=300),
        first_published_at=datetime.datetime(2026, 6, 1, tzinfo=tz),
    )
    project_factory(
        title="Offen, alt",
        status=ProjectStatus.OPEN,
        application_deadline=today + datetime.timedelta(days=20),
        first_published_at=datetime.datetime(2023, 1, 1, tzinfo=tz),
    )
    project_factory(
        title="In Vorbereitung",
        status=ProjectStatus.IN_PREPARATION,
        application_deadline=None,
        first_published_at=datetime.datetime(2025, 1, 1, tzinfo=tz),
    )

    response = client.get(LISTING)

    assert card_titles(response) == ["Offen, alt", "Abgeschlossen, neu", "In Vorbereitung"]
    html = response.content.decode()
    cards = {card.select_one("h3").text: card for card in parse(html).select(".card-grid .card")}
    assert "Bewerbungsfrist" not in cards["Abgeschlossen, neu"].text
    assert "Bewerbungsfrist" in cards["Offen, alt"].text
    # Each status its own badge, named in words (not by colour alone).
    assert cards["Abgeschlossen, neu"].texts(".badge--completed") == ["Abgeschlossen"]
    assert cards["In Vorbereitung"].texts(".badge--in_preparation") == ["In Vorbereitung"]


def test_remote_work_filter_on_the_database(client, project_factory):
    project_factory(title="Meist mobil", remote_share=80)
    project_factory(title="Halb mobil", remote_share=30)
    project_factory(title="Vor Ort", remote_share=0)

    mostly = client.get(LISTING, {"remote": "mostly"})
    partly_or_on_site = client.get(LISTING, {"remote": ["partly", "on-site"]})

    assert card_titles(mostly) == ["Meist mobil"]
    assert sorted(card_titles(partly_or_on_site)) == ["Halb mobil", "Vor Ort"]
    assert "80 % der Zeit" in mostly.content.decode()


def test_pagination_shows_twelve_projects_per_page(client, project_factory):
    for number in range(13):
        project_factory(title=f"Projekt Nummer {number:02d}")

    first = client.get(LISTING)
    second = client.get(LISTING, {"page": 2})

    assert len(card_titles(first)) == 12
    assert len(card_titles(second)) == 1
    assert result_count(first) == "13 Projekte gefunden"
    assert result_count(second) == "13 Projekte gefunden"
    assert set(card_titles(first)).isdisjoint(card_titles(second))
    assert parse(first).select('nav.pagination a[href="?page=2"]')
    # The plain first page may be indexed, the second page is a variant of it.
    assert "X-Robots-Tag" not in first.headers
    assert second.headers["X-Robots-Tag"] == "noindex"


def test_a_project_in_two_chosen_topics_is_listed_and_counted_once(client, project_factory):
    digital, mobility = factories.TopicFactory(), factories.TopicFactory()
    for number in range(12):
        project_factory(title=f"Digital {number:02d}", topics=[digital])
    project_factory(title="Beides", topics=[digital, mobility])
    chosen = {"topic": [str(digital.pk), str(mobility.pk)]}

    first = client.get(LISTING, chosen)
    second = client.get(LISTING, {**chosen, "page": 2})

    assert result_count(first) == "13 Projekte gefunden"
    titles = card_titles(first) + card_titles(second)
    assert sorted(titles) == sorted({*titles}) and len(titles) == 13


def test_a_page_past_the_end_shows_the_last_page(client, project_factory):
    for number in range(13):
        project_factory(title=f"Projekt Nummer {number:02d}")

    last = client.get(LISTING, {"page": 2})
    past_the_end = client.get(LISTING, {"page": 9})

    assert past_the_end.status_code == 200
    assert card_titles(past_the_end) == card_titles(last)
    assert len(card_titles(past_the_end)) == 1
    assert result_count(past_the_end) == "13 Projekte gefunden"


def test_pagination_links_keep_the_filters(client, project_factory):
    for number in range(13):
        project_factory(title=f"Offen {number:02d}", status=ProjectStatus.OPEN)
    page = parse(client.get(LISTING, {"status": "open"}))
    assert page.select('nav.pagination a[href="?status=open&page=2"]')


def test_query_count_does_not_grow_with_the_number_of_projects(
    client, site_tree, project_factory, django_assert_max_num_queries
):
    topics = [factories.TopicFactory() for _ in range(3)]
    competency = factories.CompetencyFactory()

    def add_projects(count):
        for _ in range(count):
            project_factory(topics=topics, profile=[(competency, "must", 2)])

    add_projects(5)
    filtered = {"competency": competency.pk, "topic": topics[0].pk, "sort": "deadline"}
    client.get(LISTING)  # warm caches (site root paths, content types)
    with CaptureQueriesContext(connection) as plain_five:
        assert len(card_titles(client.get(LISTING))) == 5
    with CaptureQueriesContext(connection) as filtered_five:
        assert len(card_titles(client.get(LISTING, filtered))) == 5

    add_projects(20)
    with django_assert_max_num_queries(len(plain_five)):
        assert len(card_titles(client.get(LISTING))) == 12
    with django_assert_max_num_queries(len(filtered_five)):
        assert len(card_titles(client.get(LISTING, filtered))) == 12


def chips(response):
    """The active-filter chips above the results: {accessible name: link}.

    The name is the text without the "×", which is hidden from assistive technology.
    """
    links = parse(response).select("ul.chips a")
    return {chip.text.removesuffix("×"): chip.get("href") for chip in links}


def test_active_filters_appear_as_chips_that_each_remove_one_filter(client, varied_projects):
    digital = varied_projects["digital"].pk
    response = client.get(
        LISTING,
        {"q": "projekt", "bundesland": ["HE", "BY"], "topic": digital, "sort": "start", "page": 1},
    )

    assert card_titles(response) == ["Hessenprojekt"]
    assert result_count(response) == "1 Projekt gefunden"
    links = chips(response)
    assert list(links) == [
        "Filter entfernen: Suche: „projekt“",
        "Filter entfernen: Bundesland: Bayern",
        "Filter entfernen: Bundesland: Hessen",
        "Filter entfernen: Themenfeld: Digitalisierung",
        "Alle Filter entfernen",
    ]
    # Each chip drops exactly its own value, keeps the rest and the sort, and the page number.
    assert links["Filter entfernen: Bundesland: Bayern"] == (
        f"{LISTING}?q=projekt&bundesland=HE&topic={digital}&sort=start"
    )
    assert links["Alle Filter entfernen"] == f"{LISTING}?sort=start"

    without_topic = client.get(links["Filter entfernen: Themenfeld: Digitalisierung"])
    assert card_titles(without_topic) == ["Hessenprojekt", "Bayernprojekt"]
    assert result_count(without_topic) == "2 Projekte gefunden"
    assert list(chips(without_topic)) == [
        "Filter entfernen: Suche: „projekt“",
        "Filter entfernen: Bundesland: Bayern",
        "Filter entfernen: Bundesland: Hessen",
        "Alle Filter entfernen",
    ]
    everything = client.get(links["Alle Filter entfernen"])
    assert len(card_titles(everything)) == 4
    assert chips(everything) == {}


def test_chips_name_competencies_and_remote_work_in_words(client, varied_projects, locales):
    response = client.get(LISTING, {"competency": varied_projects["ux"].pk, "remote": "mostly"})

    assert list(chips(response)) == [
        "Filter entfernen: Kompetenz: UX-Design",
        "Filter entfernen: Mobiles Arbeiten: überwiegend mobil (ab 50 %)",
        "Alle Filter entfernen",
    ]


def test_no_chips_without_filters_and_invalid_values_get_none(client, varied_projects):
    assert chips(client.get(LISTING)) == {}
    assert chips(client.get(LISTING, {"sort": "newest"})) == {}
    # A facet with an invalid value is ignored as a whole (and reported): no chip claims it.
    assert list(chips(client.get(LISTING, {"bundesland": ["XX", "SN"], "status": "open"}))) == [
        "Filter entfernen: Status: Ausgeschrieben",
        "Alle Filter entfernen",
    ]


def facet_counts_on_page(response):
    """{(param, value): count} as the checkbox labels show them ("Hessen (1)")."""
    counts = {}
    for box in parse(response).select(".filter-panel input[type=checkbox]"):
        label = box.ancestor("label").text
        match = re.fullmatch(r".* \((\d+)\)", label)
        assert match, f"no count in {label!r}"
        counts[(box.get("name"), box.get("value"))] = int(match.group(1))
    return counts


@pytest.mark.parametrize(
    "chosen",
    [
        {},
        {"topic": ["digital"], "status": ["open"]},
        {"bundesland": ["HE", "SN"], "competency": ["ux"], "q": ["projekt"]},
    ],
)
def test_database_facet_counts_equal_the_results_of_choosing_the_option(
    client, varied_projects, chosen
):
    """Disjunctive facets: an option counts what the listing shows with that facet set to it."""
    params = {
        key: [str(varied_projects[v].pk) if key in ("topic", "competency") else v for v in values]
        for key, values in chosen.items()
    }
    counts = facet_counts_on_page(client.get(LISTING, params))

    facets = {param for param, _value in counts}
    assert facets == {
        "bundesland",
        "topic",
        "competency",
        "status",
        "duration",
        "workload",
        "remote",
        "start",
    }
    for (param, value), count in counts.items():
        shown = len(card_titles(client.get(LISTING, {**params, param: value})))
        assert count == shown, (param, value)
    assert sum(n for (param, _value), n in counts.items() if param == "status") == len(
        card_titles(client.get(LISTING, {k: v for k, v in params.items() if k != "status"}))
    )


def test_empty_results_offer_the_talent_pool(client, site_tree, project_factory):
    project_factory(
        title="Rufbus für das Umland",
        municipality=factories.MunicipalityFactory(bundesland=Bundesland.HESSEN),
    )
    talent_pool = factories.FormPageFactory(
        parent=site_tree.home, title="Initiativbewerbung", slug="talentpool"
    )

    found = parse(client.get(LISTING, {"bundesland": "HE"}))
    nothing = parse(client.get(LISTING, {"bundesland": "BY"}))

    assert found.select(".talent-pool-offer") == []
    offer = nothing.select_one(".talent-pool-offer a")
    assert offer.text.strip() == "In den Talentpool"
    assert offer.get("href") == talent_pool.url
