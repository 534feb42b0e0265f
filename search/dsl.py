"""One small module that picks the client library for the project search.

OpenSearch (the engine that runs here and in CI) is spoken through ``opensearchpy``;
Elasticsearch 8 through ``elasticsearch`` and its bundled ``elasticsearch.dsl``. Both DSLs have
the same API (opensearch-py's DSL is the maintained fork of elasticsearch-dsl), so query code
written against ``get_dsl()`` serves both engines.

Settings (see config/settings/search.py): ``PROJECT_SEARCH_URL`` (None: database fallback),
``PROJECT_SEARCH_ENGINE`` ("opensearch" or "elasticsearch"), ``SEARCH_TIMEOUT`` (seconds).
Both client libraries are dependencies of the project, so both can be imported here.
"""

from functools import cache
from types import SimpleNamespace

import elastic_transport
import elasticsearch
import elasticsearch.dsl
import elasticsearch.helpers
import opensearchpy
import opensearchpy.exceptions
import opensearchpy.helpers
from django.conf import settings

OPENSEARCH = "opensearch"
ELASTICSEARCH = "elasticsearch"
LIBRARIES = (OPENSEARCH, ELASTICSEARCH)
# Connections kept per engine: a web process's threads and the bulk senders share a client.
POOL_SIZE = 8


def _configured_engine():
    return getattr(settings, "PROJECT_SEARCH_ENGINE", OPENSEARCH) or OPENSEARCH


def configured_url():
    """The engine URL from the settings, or None when the project search uses the database."""
    return getattr(settings, "PROJECT_SEARCH_URL", None) or None


def configured_timeout():
    """Seconds a request to the engine may take before it counts as failed."""
    return float(settings.SEARCH_TIMEOUT)


@cache
def get_dsl(library=None):
    """Return a namespace with the DSL pieces of ``library`` (default: from the settings).

    Attributes: ``name`` ("opensearch"/"elasticsearch"), ``Search``, ``Q``, ``A``,
    ``helpers`` (bulk, streaming_bulk) and ``errors`` (a tuple of the exceptions that mean
    "the engine failed"): what the project search and the indexing use.
    """
    library = library or _configured_engine()
    if library == OPENSEARCH:
        dsl, exceptions, helpers = opensearchpy, opensearchpy.exceptions, opensearchpy.helpers
        return SimpleNamespace(
            name=OPENSEARCH,
            Search=dsl.Search,
            Q=dsl.Q,
            A=dsl.A,
            helpers=helpers,
            errors=(exceptions.OpenSearchException, helpers.BulkIndexError),
        )
    if library == ELASTICSEARCH:
        dsl, helpers = elasticsearch.dsl, elasticsearch.helpers
        return SimpleNamespace(
            name=ELASTICSEARCH,
            Search=dsl.Search,
            Q=dsl.Q,
            A=dsl.A,
            helpers=helpers,
            errors=(
                elasticsearch.ApiError,
                elastic_transport.TransportError,
                helpers.BulkIndexError,
            ),
        )
    raise ValueError(f"Unknown search library {library!r}; expected one of {LIBRARIES}")


@cache
def _client(library, url, timeout):
    # Several comma-separated URLs are the nodes of one cluster. A node that refuses the
    # connection is set aside and the request goes to the next one; a slow answer is not
    # retried (the visitor's request must not wait twice).
    hosts = [part.strip() for part in url.split(",") if part.strip()]
    retries = len(hosts) - 1
    if library == OPENSEARCH:
        return opensearchpy.OpenSearch(
            hosts=hosts,
            timeout=timeout,
            max_retries=retries,
            retry_on_timeout=False,
            pool_maxsize=POOL_SIZE,
        )
    return elasticsearch.Elasticsearch(
        hosts,
        request_timeout=timeout,
        max_retries=retries,
        retry_on_timeout=False,
        connections_per_node=POOL_SIZE,
    )


def get_client(url=None, library=None, timeout=None):
    """A low-level client (OpenSearch or Elasticsearch) for ``url`` (default: the settings).

    ``url`` may list the nodes of a cluster, comma-separated. Short timeout (SEARCH_TIMEOUT,
    default 2 s) and no retries beyond trying the other nodes when one refuses the connection:
    a visitor's request must not hang on a sick engine, and whoever calls decides what to do
    on failure. Clients are cached
    per (library, url, timeout) so their connection pools are reused. Raises ValueError when no
    URL is given or configured.
    """
    url = url or configured_url()
    if not url:
        raise ValueError("No search engine URL: set OPENSEARCH_URL or ELASTICSEARCH_URL.")
    library = library or _configured_engine()
    timeout = float(timeout if timeout is not None else configured_timeout())
    return _client(library, url, timeout)


def engine_errors(library=None):
    """The exceptions that mean "the engine is down, slow or refused the request"."""
    return get_dsl(library).errors
