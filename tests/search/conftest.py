"""Fixtures for the search tests: the real OpenSearch node at OPENSEARCH_TEST_URL.

A missing variable or an unreachable node fails the tests (never skips them): search that
was not tested against the engine is search that was not tested.

Two engines are under test: Wagtail's site search (fixture ``opensearch``) and the project
search with its own indices (fixture ``project_index``).
"""

import io
import json
import os
import socket
import uuid
from types import SimpleNamespace
from urllib.error import URLError
from urllib.request import urlopen

import pytest
from django.core.management import call_command
from wagtail.search.backends import get_search_backend

from config.settings.search import search_backends_from_env
from projects.search_document import document_language, index_alias, project_document_dict
from projects.search_query import TEXT_FIELDS
from search.dsl import get_client
from search.indexing import ensure_indices


def require_engine(url):
    """Return ``url`` when an OpenSearch node answers there; fail the test otherwise."""
    if not url:
        pytest.fail(
            "OPENSEARCH_TEST_URL is not set. Start a node with `bash scripts/search-up.sh` and "
            "export OPENSEARCH_TEST_URL=http://127.0.0.1:9201 (make test does both).",
            pytrace=False,
        )
    try:
        with urlopen(f"{url.rstrip('/')}/_cluster/health", timeout=5) as response:  # noqa: S310
            status = json.load(response).get("status")
    except (URLError, OSError, ValueError) as error:
        pytest.fail(f"OpenSearch at {url} is not reachable: {error}", pytrace=False)
    if status not in ("green", "yellow"):
        pytest.fail(f"OpenSearch at {url} is not healthy (status {status!r})", pytrace=False)
    return url


@pytest.fixture(scope="session")
def opensearch_url():
    """The test engine's URL, checked once per run."""
    return require_engine(os.environ.get("OPENSEARCH_TEST_URL", "").strip())


@pytest.fixture
def opensearch(opensearch_url, settings):
    """Point Wagtail at the test engine under an index prefix of this test's own.

    Yields a helper whose ``index()`` rebuilds the indices from the database (update_index)
    and ``refresh()`` makes recent writes visible; the indices are deleted afterwards.
    """
    prefix = f"test_{uuid.uuid4().hex[:12]}"
    settings.WAGTAILSEARCH_BACKENDS = search_backends_from_env(
        {"OPENSEARCH_URL": opensearch_url, "SEARCH_INDEX_PREFIX": prefix}
    )
    backend = get_search_backend()
    pattern = f"{prefix}_*"

    def refresh():
        backend.es.indices.refresh(index=pattern)

    def index():
        call_command("update_index", stdout=io.StringIO())
        refresh()

    # Create the indices with their mappings and analysers up front, so that pages saved
    # during the test (signal handlers) land in a correctly analysed index.
    index()
    yield SimpleNamespace(backend=backend, prefix=prefix, index=index, refresh=refresh)
    for name in backend.es.indices.get(index=pattern):
        backend.es.indices.delete(index=name, ignore_unavailable=True)


@pytest.fixture
def project_index(opensearch_url, settings):
    """Point the project search at the test node under an index prefix of this test's own.

    Both languages' aliases exist with empty indices, as after a deployment's first
    ``search_rebuild``. The helper has ``add(*pages)`` (index pages with the document the real
    sync writes, then refresh), ``titles(lang, text)`` (what a text query finds, like the
    listing), ``document(lang, page_id)``, ``count(lang)``, ``refresh()``, and ``client``,
    ``prefix``, ``url``. The indices are deleted afterwards.
    """
    prefix = f"test_{uuid.uuid4().hex[:12]}"
    settings.PROJECT_SEARCH_URL = opensearch_url
    settings.PROJECT_SEARCH_ENGINE = "opensearch"
    settings.SEARCH_INDEX_PREFIX = prefix
    client = get_client(opensearch_url)
    ensure_indices(client)

    def refresh():
        client.indices.refresh(index=f"{prefix}_*", ignore_unavailable=True)

    def add(*pages):
        for page in pages:
            page.refresh_from_db()
            client.index(
                index=index_alias(document_language(page)),
                id=str(page.pk),
                body=project_document_dict(page),
            )
        refresh()

    def titles(lang, text):
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
        add=add,
        refresh=refresh,
        titles=titles,
        document=document,
        count=count,
    )
    for name in client.indices.get(index=f"{prefix}_*", expand_wildcards="open,closed"):
        client.indices.delete(index=name, ignore_unavailable=True)


@pytest.fixture
def closed_port_url():
    """The URL of a local port where nothing listens: an engine that is down."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"http://127.0.0.1:{port}"


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    """Run the on-commit callbacks (the task enqueue) of a block, as a real commit would."""
    return lambda: django_capture_on_commit_callbacks(execute=True)
