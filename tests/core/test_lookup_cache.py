"""Locales and taxonomy rows kept across requests (core/lookup_cache.py) never go stale."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from core import generations, lookup_cache
from taxonomy.models import Topic
from tests import factories
from tests.markup import parse

pytestmark = pytest.mark.django_db


def topic_labels(client, url="/de/projekte/"):
    """The topic checkboxes' labels on a listing, without their counts."""
    response = client.get(url)
    assert response.status_code == 200
    boxes = parse(response).select('.filter-panel input[type=checkbox][name="topic"]')
    return {box.ancestor("label").text.rsplit(" (", 1)[0].strip() for box in boxes}


@pytest.fixture
def topic(site_tree, redis_cache):
    topic = factories.TopicFactory(name="Mobilität")
    factories.ProjectPageFactory(parent=site_tree.projects, topics=[topic])
    return topic


def test_a_renamed_topic_shows_its_new_name_on_the_next_request(client, topic):
    assert "Mobilität" in topic_labels(client)
    topic.name = "Verkehr und Mobilität"
    topic.save()  # as the snippet editor saves it
    labels = topic_labels(client)
    assert "Verkehr und Mobilität" in labels
    assert "Mobilität" not in labels


def test_a_new_and_a_deleted_topic_show_on_the_next_request(client, topic):
    assert topic_labels(client) == {"Mobilität"}
    factories.TopicFactory(name="Wohnen")
    assert topic_labels(client) == {"Mobilität", "Wohnen"}
    Topic.objects.filter(name="Wohnen").delete()
    assert topic_labels(client) == {"Mobilität"}


def test_a_renamed_translation_shows_in_english_on_the_next_request(
    client, topic, site_tree, locales
):
    english = factories.translate_snippet(topic, locales.en, name="Mobility")
    index = factories.publish_translation(site_tree.projects, locales.en, title="Projects")
    url = f"/en/{index.slug}/"
    assert "Mobility" in topic_labels(client, url)
    english.name = "Transport"
    english.save()
    assert topic_labels(client, url) == {"Transport"}


def test_another_worker_reads_the_rows_anew_after_a_change_elsewhere(client, topic):
    """A change saved by another process moves the generation in Redis; this process's
    kept rows are then read again, although no signal ran here."""
    assert "Mobilität" in topic_labels(client)
    Topic.objects.filter(pk=topic.pk).update(name="Nahverkehr")  # no signal in this process
    generations.start_new(lookup_cache.GENERATION_KEY)  # the other process's signal
    assert "Nahverkehr" in topic_labels(client)


def test_the_search_api_reads_no_locale_or_topic_rows_once_they_are_kept(client, topic):
    url = f"/api/v2/projects/search/?topic={topic.pk}"
    assert client.get(url).json()["total"] == 1
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).json()["total"] == 1
    lookups = [
        query["sql"]
        for query in queries.captured_queries
        if 'FROM "wagtailcore_locale"' in query["sql"] or 'FROM "taxonomy_topic"' in query["sql"]
    ]
    assert lookups == []


def test_outside_a_request_every_call_computes(db):
    calls = []
    for _ in range(2):
        lookup_cache.remember_shared(("probe",), lambda: calls.append(1))
    assert calls == [1, 1]
