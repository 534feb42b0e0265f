"""Fixtures for the project search tests: a per-test project index on the real OpenSearch.

The indices are created with projects.search_document.index_settings and filled with
project_document_dict, exactly the pieces the real indexing uses, under a prefix of this
test's own; they are deleted afterwards. Import the fixtures into a test module with
``from tests.search.project_search_support import project_index  # noqa: F401``.
"""

import datetime
import socket
import uuid
from types import SimpleNamespace

import pytest
from django.utils import timezone

from projects.search_document import document_language, index_alias, index_settings
from projects.search_document import project_document_dict as document
from search.analysis import LANGUAGES
from search.dsl import get_client
from tests import factories


@pytest.fixture
def project_index(opensearch_url, settings):
    """Point the project search at the test engine with fresh, empty indices.

    Yields a helper: ``add(*pages)`` indexes pages as the real sync would and refreshes,
    ``client`` is the low-level client.
    """
    prefix = f"test_{uuid.uuid4().hex[:12]}"
    settings.SEARCH_INDEX_PREFIX = prefix
    settings.PROJECT_SEARCH_URL = opensearch_url
    settings.PROJECT_SEARCH_ENGINE = "opensearch"
    client = get_client(opensearch_url)
    for lang in LANGUAGES:
        alias = index_alias(lang)
        client.indices.create(
            index=f"{alias}_test", body={**index_settings(lang), "aliases": {alias: {}}}
        )

    def add(*pages):
        for page in pages:
            page.refresh_from_db()
            client.index(
                index=index_alias(document_language(page)),
                id=str(page.pk),
                body=document(page),
            )
        client.indices.refresh(index=f"{prefix}_*")

    yield SimpleNamespace(add=add, client=client, prefix=prefix)
    for name in client.indices.get(index=f"{prefix}_*"):
        client.indices.delete(index=name, ignore_unavailable=True)


@pytest.fixture
def closed_port_url():
    """The URL of a local port where nothing listens: an engine that is down."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}"


def make_project(parent, title, *, bundesland="HE", topics=(), competencies=(), **fields):
    """A published project in a municipality of ``bundesland`` with topics and competencies."""
    fields.setdefault("first_published_at", timezone.now())
    project = factories.ProjectPageFactory(
        parent=parent,
        title=title,
        municipality__bundesland=bundesland,
        municipality__name=fields.pop("municipality_name", f"Stadt {title}"),
        **fields,
    )
    if topics:
        project.topics.set(topics)
    for competency in competencies:
        factories.ProjectCompetencyFactory(project=project, competency=competency)
    project.save()
    return project


def days_ago(days):
    """An aware datetime ``days`` days before now (for first_published_at)."""
    return timezone.now() - datetime.timedelta(days=days)
