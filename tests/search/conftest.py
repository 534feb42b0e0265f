"""Fixtures for the search tests: the real OpenSearch node at OPENSEARCH_TEST_URL.

A missing variable or an unreachable node fails the tests (never skips them): search that
was not tested against the engine is search that was not tested.
"""

import io
import json
import os
import uuid
from types import SimpleNamespace
from urllib.error import URLError
from urllib.request import urlopen

import pytest
from django.core.management import call_command
from wagtail.search.backends import get_search_backend

from config.settings.search import search_backends_from_env


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
