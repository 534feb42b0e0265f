"""Fixtures and helpers for the project index tests (tests/search/test_index_*.py).

The project index lives under a prefix of its own per test on the real node at
OPENSEARCH_TEST_URL (fixture ``opensearch_url`` in conftest.py); its indices are deleted after
the test. Import the fixture into a test module with ``from tests.search.index_fixtures import
project_index``.
"""

import datetime
import socket
import uuid
from types import SimpleNamespace

import pytest

from projects.search_document import index_alias
from search.dsl import get_client
from search.indexing import ensure_indices
from tests import factories

TEXT_FIELDS = [
    "title^3",
    "summary",
    "challenge",
    "intended_impact",
    "target_groups",
    "body",
    "municipality",
    "topic_names",
    "competency_names",
]


@pytest.fixture
def project_index(opensearch_url, settings):
    """Point the project search at the test node under a fresh prefix; clean up afterwards."""
    prefix = f"test_{uuid.uuid4().hex[:12]}"
    settings.PROJECT_SEARCH_URL = opensearch_url
    settings.PROJECT_SEARCH_ENGINE = "opensearch"
    settings.SEARCH_INDEX_PREFIX = prefix
    client = get_client(opensearch_url)
    # As after a deployment's first search_rebuild: both aliases exist, the indices are empty.
    ensure_indices(client)

    def refresh():
        client.indices.refresh(index=f"{prefix}_*", ignore_unavailable=True)

    def titles(lang, text):
        """Titles of the documents in the ``lang`` index that match ``text`` (like the listing)."""
        refresh()
        body = {"query": {"multi_match": {"query": text, "fields": TEXT_FIELDS}}, "size": 100}
        hits = client.search(index=index_alias(lang), body=body)["hits"]["hits"]
        return sorted(hit["_source"]["title"] for hit in hits)

    def document(lang, page_id):
        """The stored document of ``page_id`` in the ``lang`` index, or None."""
        refresh()
        found = client.search(
            index=index_alias(lang), body={"query": {"ids": {"values": [str(page_id)]}}}
        )["hits"]["hits"]
        return found[0]["_source"] if found else None

    def count(lang):
        refresh()
        return client.count(index=index_alias(lang))["count"]

    yield SimpleNamespace(
        client=client,
        prefix=prefix,
        url=opensearch_url,
        refresh=refresh,
        titles=titles,
        document=document,
        count=count,
    )
    for name in client.indices.get(index=f"{prefix}_*", expand_wildcards="open,closed"):
        client.indices.delete(index=name, ignore_unavailable=True)


def unreachable_url():
    """A URL on a local port where nothing listens: the engine is down."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"http://127.0.0.1:{port}"


def new_project(parent, title, *, topics=(), competencies=(), publish=True, **fields):
    """A ProjectPage under ``parent`` with topics and a competence profile, published by default.

    Published through a revision, as an editor does, so Wagtail's page_published signal fires.
    """
    defaults = {
        "challenge": "<p>Die Kommune sucht Unterstützung.</p>",
        "intended_impact": "<p>Bessere Angebote.</p>",
        "target_groups": "Bürger:innen",
        "start_date": datetime.date(2027, 2, 1),
        "duration_months": 12,
    }
    defaults.update(fields)
    if "municipality" not in defaults:
        defaults["municipality"] = factories.MunicipalityFactory()
    page = factories.ProjectPageFactory.build(title=title, live=False, **defaults)
    parent.add_child(instance=page)
    page.topics.set(topics)
    for competency, requirement in competencies:
        factories.ProjectCompetencyFactory(
            project=page, competency=competency, requirement=requirement
        )
    if publish:
        page.save_revision().publish()
        page.refresh_from_db()
    return page
