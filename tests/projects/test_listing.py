"""The project listing: filters, sort orders, pagination, languages and query counts."""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from projects.models import ProjectStatus, Workload
from taxonomy.models import Bundesland
from tests import factories

pytestmark = pytest.mark.django_db

LISTING = "/de/projekte/"


def card_titles(response):
    """Project titles on the listing, in the order shown."""
    html = response.content.decode()
    titles = []
    for chunk in html.split('class="card__link"')[1:]:
        titles.append(chunk.split(">", 1)[1].split("<", 1)[0])
    return titles


def test_listing_shows_live_projects_with_their_facts(client, site_tree, make_project):
    topic = factories.TopicFactory(name="Digitale Verwaltung")
    municipality = factories.MunicipalityFactory(name="Eschwege", bundesland=Bundesland.HESSEN)
    make_project(
        title="Papierlos im Rathaus",
        municipality=municipality,
        topics=[topic],
        start_date=datetime.date(2030, 10, 1),
        duration_months=6,
        application_deadline=datetime.date(2030, 6, 30),
    )
    make_project(title="Entwurf ohne Freigabe", live=False)

    response = client.get(LISTING)

    assert response.status_code == 200
    html = response.content.decode()
    assert card_titles(response) == ["Papierlos im Rathaus"]
    assert "Eschwege, Hessen" in html
    assert "Oktober 2030" in html
    assert "6 Monate" in html
    assert "Vollzeit (ca. 40 Std./Woche)" in html
    assert "30. Juni 2030" in html
    assert '<span class="tag">Digitale Verwaltung</span>' in html
    assert '<span class="badge badge--open">Ausgeschrieben</span>' in html
    assert "1 Projekt<" in html
    assert "X-Robots-Tag" not in response.headers


def test_listing_in_english_shows_translated_project_and_topic(
    client, site_tree, make_project, locales
):
    topic = factories.TopicFactory(name="Integration")
    topic_en = topic.copy_for_translation(locales.en)
    topic_en.name = "Inclusion of newcomers"
    topic_en.save()
    project = make_project(title="Kompass Kalletal", topics=[topic])

    index_en = site_tree.projects.copy_for_translation(locales.en)
    index_en.title = "Projects"
    index_en.save_revision().publish()
    project_en = project.copy_for_translation(locales.en)
    project_en.title = "Kalletal compass"
    project_en.save_revision().publish()

    response = client.get(f"/en/{index_en.slug}/")

    assert response.status_code == 200
    html = response.content.decode()
    assert card_titles(response) == ["Kalletal compass"]
    assert '<html lang="en">' in html
    # The tag and the filter label show the English topic; the filter value stays the German pk.
    assert '<span class="tag">Inclusion of newcomers</span>' in html
    assert f'value="{topic.pk}"' in html
    assert "Inclusion of newcomers</label>" in html

    filtered = client.get(f"/en/{index_en.slug}/", {"topic": topic.pk})
    assert card_titles(filtered) == ["Kalletal compass"]


@pytest.fixture
def varied_projects(make_project):
    """Four projects that differ in every filterable property."""
    digital = factories.TopicFactory(name="Digitalisierung")
    climate = factories.TopicFactory(name="Klimaschutz")
    data = factories.CompetencyFactory(name="Datenanalyse")
    ux = factories.CompetencyFactory(name="UX-Design")
    return {
        "hessen": make_project(
            title="Hessenprojekt",
            municipality=factories.MunicipalityFactory(bundesland=Bundesland.HESSEN),
            topics=[digital],
            profile=[(data, "must", 2)],
            status=ProjectStatus.OPEN,
            duration_months=6,
            workload=Workload.FULL_TIME,
        ),
        "bayern": make_project(
            title="Bayernprojekt",
            municipality=factories.MunicipalityFactory(bundesland=Bundesland.BAYERN),
            topics=[climate],
            profile=[(ux, "nice", 1)],
            status=ProjectStatus.OPEN,
            duration_months=12,
            workload=Workload.PART_TIME_20,
        ),
        "sachsen": make_project(
            title="Sachsenprojekt",
            municipality=factories.MunicipalityFactory(bundesland=Bundesland.SACHSEN),
            topics=[digital, climate],
            profile=[(data, "nice", 1), (ux, "must", 3)],
            status=ProjectStatus.RUNNING,
            duration_months=18,
            workload=Workload.PART_TIME_30,
        ),
        "nrw": make_project(
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
    assert f"{len(expected)} Projekt" in response.content.decode()
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
        assert 'class="errorlist' in html


def test_invalid_value_does_not_cancel_the_valid_filters(client, varied_projects):
    response = client.get(LISTING, {"status": ["open", "unsinn"], "bundesland": "HE"})

    assert response.status_code == 200
    assert card_titles(response) == ["Hessenprojekt"]
    assert "Einige Filterangaben sind ungültig" in response.content.decode()


def test_filter_form_keeps_the_chosen_values(client, varied_projects):
    html = client.get(LISTING, {"bundesland": "BY", "sort": "start"}).content.decode()

    assert re.search(r'<input type="checkbox" name="bundesland" value="BY"[^>]*checked>', html)
    assert not re.search(r'<input type="checkbox" name="bundesland" value="HE"[^>]*checked>', html)
    assert '<option value="start" selected>' in html


def test_filter_form_preselects_the_default_sort(client, varied_projects):
    html = client.get(LISTING).content.decode()
    assert '<option value="open" selected>' in html


@pytest.fixture
def dated_projects(make_project, today):
    tz = datetime.UTC
    return [
        make_project(
            title="Frist bald",
            application_deadline=today + datetime.timedelta(days=10),
            start_date=today + datetime.timedelta(days=200),
            first_published_at=datetime.datetime(2024, 1, 1, tzinfo=tz),
        ),
        make_project(
            title="Ohne Frist",
            application_deadline=None,
            start_date=today + datetime.timedelta(days=100),
            first_published_at=datetime.datetime(2025, 1, 1, tzinfo=tz),
        ),
        make_project(
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
    client, make_project, today
):
    tz = datetime.UTC
    make_project(
        title="Abgeschlossen, neu",
        status=ProjectStatus.COMPLETED,
        application_deadline=today - datetime.timedelta(days=300),
        first_published_at=datetime.datetime(2026, 6, 1, tzinfo=tz),
    )
    make_project(
        title="Offen, alt",
        status=ProjectStatus.OPEN,
        application_deadline=today + datetime.timedelta(days=20),
        first_published_at=datetime.datetime(2023, 1, 1, tzinfo=tz),
    )
    make_project(
        title="In Vorbereitung",
        status=ProjectStatus.IN_PREPARATION,
        application_deadline=None,
        first_published_at=datetime.datetime(2025, 1, 1, tzinfo=tz),
    )

    response = client.get(LISTING)

    assert card_titles(response) == ["Offen, alt", "Abgeschlossen, neu", "In Vorbereitung"]
    html = response.content.decode()
    past = (today - datetime.timedelta(days=300)).year
    closed_card = html.split("Abgeschlossen, neu", 1)[1].split("</article>", 1)[0]
    assert "Bewerbungsfrist" not in closed_card
    assert str(past) not in closed_card.split("Start", 1)[0]
    assert '<span class="badge badge--completed">Abgeschlossen</span>' in html
    assert '<span class="badge badge--in_preparation">In Vorbereitung</span>' in html


def test_remote_work_filter_on_the_database(client, make_project):
    make_project(title="Meist mobil", remote_share=80)
    make_project(title="Halb mobil", remote_share=30)
    make_project(title="Vor Ort", remote_share=0)

    mostly = client.get(LISTING, {"remote": "mostly"})
    partly_or_on_site = client.get(LISTING, {"remote": ["partly", "on-site"]})

    assert card_titles(mostly) == ["Meist mobil"]
    assert sorted(card_titles(partly_or_on_site)) == ["Halb mobil", "Vor Ort"]
    assert "80 % der Zeit" in mostly.content.decode()


def test_pagination_shows_twelve_projects_per_page(client, make_project):
    for number in range(13):
        make_project(title=f"Projekt Nummer {number:02d}")

    first = client.get(LISTING)
    second = client.get(LISTING, {"page": 2})

    assert len(card_titles(first)) == 12
    assert len(card_titles(second)) == 1
    assert "13 Projekte" in first.content.decode()
    assert "13 Projekte" in second.content.decode()
    assert set(card_titles(first)).isdisjoint(card_titles(second))
    assert 'href="?page=2"' in first.content.decode()
    # The plain first page may be indexed, the second page is a variant of it.
    assert "X-Robots-Tag" not in first.headers
    assert second.headers["X-Robots-Tag"] == "noindex"


def test_pagination_links_keep_the_filters(client, make_project):
    for number in range(13):
        make_project(title=f"Offen {number:02d}", status=ProjectStatus.OPEN)
    html = client.get(LISTING, {"status": "open"}).content.decode()
    assert "?status=open&amp;page=2" in html


def test_query_count_does_not_grow_with_the_number_of_projects(
    client, site_tree, make_project, django_assert_max_num_queries
):
    topics = [factories.TopicFactory() for _ in range(3)]
    competency = factories.CompetencyFactory()

    def add_projects(count):
        for _ in range(count):
            make_project(topics=topics, profile=[(competency, "must", 2)])

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
