"""German and English analysis of the project index, on the real engine.

Projects are published as an editor does; the sync task puts them into the index at once
(immediate task backend) after the commit.
"""

import datetime

import pytest

from projects.filters import duration_bucket
from projects.models import ProjectStatus
from projects.search_document import index_alias, start_period
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def projects(site_tree, project_index, django_capture_on_commit_callbacks):
    """Four German projects with distinct vocabulary, published and indexed."""
    munich = factories.MunicipalityFactory(name="München", bundesland="BY")
    with django_capture_on_commit_callbacks(execute=True):
        factories.ProjectPageFactory(
            parent=site_tree.projects,
            title="Bürgerservice neu denken",
            challenge="<p>Die <b>digitale Verwaltung</b> soll Anträge schneller bearbeiten.</p>",
            publish=True,
        )
        factories.ProjectPageFactory(
            parent=site_tree.projects,
            title="Papierlos arbeiten",
            challenge="<p>Die Einführung der E-Akte im Bauamt begleiten.</p>",
            publish=True,
        )
        factories.ProjectPageFactory(
            parent=site_tree.projects,
            title="Radwege planen",
            municipality=munich,
            challenge="<p>Ein Konzept für sichere Schulwege mit dem Rad.</p>",
            publish=True,
        )
        factories.ProjectPageFactory(
            parent=site_tree.projects,
            title="Mobil auf dem Land",
            challenge="<p>Der öffentliche Nahverkehr fährt abends zu selten.</p>",
            publish=True,
        )
    return project_index


def test_digitalisierung_finds_a_project_about_digitale_verwaltung(projects):
    assert projects.titles("de", "Digitalisierung") == ["Bürgerservice neu denken"]


def test_akte_finds_the_e_akte_and_the_synonyms_find_it_too(projects):
    assert projects.titles("de", "Akte") == ["Papierlos arbeiten"]
    assert projects.titles("de", "elektronische Akte") == ["Papierlos arbeiten"]
    assert projects.titles("de", "eAkte") == ["Papierlos arbeiten"]


def test_muenchen_finds_muenchen_with_umlaut(projects):
    assert projects.titles("de", "Muenchen") == ["Radwege planen"]
    assert projects.titles("de", "münchen") == ["Radwege planen"]


def test_the_abbreviation_oepnv_finds_oeffentlicher_nahverkehr(projects):
    assert projects.titles("de", "ÖPNV") == ["Mobil auf dem Land"]


def test_title_autocomplete_matches_word_beginnings(projects):
    projects.refresh()
    body = {"query": {"match": {"title.suggest": "Bürgers"}}}
    hits = projects.client.search(index=index_alias("de"), body=body)["hits"]["hits"]
    assert [hit["_source"]["title"] for hit in hits] == ["Bürgerservice neu denken"]


def test_english_translation_is_analysed_with_english_stemming(
    site_tree,
    locales,
    project_index,
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        factories.publish_translation(site_tree.projects, locales.en, title="Projects")
        project = factories.ProjectPageFactory(
            parent=site_tree.projects,
            title="Kommunen vernetzen",
            challenge="<p>Kommunen teilen Wissen.</p>",
            publish=True,
        )
        factories.publish_translation(
            project,
            locales.en,
            title="Connecting municipalities",
            challenge="<p>Small municipalities share what they learn.</p>",
        )

    assert project_index.titles("en", "municipality") == ["Connecting municipalities"]
    assert project_index.titles("en", "AI") == []
    # The German index holds the German page only, and the English one only the translation.
    assert project_index.titles("de", "Kommune") == ["Kommunen vernetzen"]
    assert project_index.titles("de", "municipality") == []


def test_document_carries_the_facets_of_the_page(
    site_tree,
    project_index,
    django_capture_on_commit_callbacks,
):
    topic = factories.TopicFactory(name="Digitale Verwaltung")
    must = factories.CompetencyFactory(name="Prozessmanagement")
    nice = factories.CompetencyFactory(name="UX-Design")
    kassel = factories.MunicipalityFactory(name="Kassel", bundesland="HE")
    with django_capture_on_commit_callbacks(execute=True):
        page = factories.ProjectPageFactory(
            parent=site_tree.projects,
            title="Online-Terminvergabe",
            municipality=kassel,
            topics=[topic],
            profile=[(must, "must"), (nice, "nice")],
            status=ProjectStatus.OPEN,
            start_date=datetime.date(2027, 2, 1),
            duration_months=9,
            publish=True,
        )

    doc = project_index.document("de", page.pk)
    assert doc["bundesland"] == "HE"
    assert doc["municipality"] == "Kassel"
    assert doc["topics"] == [str(topic.pk)]
    assert doc["topic_names"] == ["Digitale Verwaltung"]
    assert doc["competencies"] == [str(must.pk), str(nice.pk)]
    assert doc["competencies_must"] == [str(must.pk)]
    assert doc["duration_bucket"] == "6-9"
    assert doc["start_period"] == "2027-Q1"
    assert doc["status"] == "open"
    assert doc["url"].endswith("/online-terminvergabe/")
    assert doc["challenge"] == "Die Kommune sucht Unterstützung."


def test_duration_buckets_match_the_listing_filter():
    from projects.filters import DURATION_BUCKETS

    for bucket, (low, high) in DURATION_BUCKETS.items():
        assert duration_bucket(low) == bucket
        assert duration_bucket(high) == bucket
    assert start_period(None) is None


def test_synonyms_from_the_file_connect_abbreviations_and_terms(
    site_tree, project_index, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        factories.ProjectPageFactory(
            parent=site_tree.projects,
            title="Chatbot fürs Bürgerbüro",
            challenge="<p>Künstliche Intelligenz beantwortet einfache Fragen.</p>",
            publish=True,
        )
        factories.ProjectPageFactory(
            parent=site_tree.projects,
            title="Stadtteil mitgestalten",
            challenge="<p>Mehr Partizipation bei der Planung des Marktplatzes.</p>",
            publish=True,
        )
        factories.ProjectPageFactory(
            parent=site_tree.projects,
            title="Azubis finden",
            challenge="<p>Die Personalgewinnung der Verwaltung modernisieren.</p>",
            publish=True,
        )

    assert project_index.titles("de", "KI") == ["Chatbot fürs Bürgerbüro"]
    assert project_index.titles("de", "Bürgerbeteiligung") == ["Stadtteil mitgestalten"]
    assert project_index.titles("de", "Fachkräfte") == ["Azubis finden"]
