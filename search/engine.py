"""The search engine connection: which Wagtail search backend runs, chosen from the environment.

``OPENSEARCH_URL`` selects OpenSearch (2.x is what CI and ``make run-full`` start),
``ELASTICSEARCH_URL`` selects Elasticsearch 8, and without either the site uses Wagtail's
database backend, so ``make run`` needs no engine at all.
"""

import os
from functools import cache

from django.db import DatabaseError

DEFAULT_INDEX_PREFIX = "lokalprojekte"
# Short: a slow engine must not hold a visitor's request for long (the view then degrades).
DEFAULT_TIMEOUT_SECONDS = 5

# The index settings modelsearch merges into its own (``INDEX_SETTINGS`` is deep-updated into
# the backend's ``settings``). Its mappings give text fields no analyzer of their own, so they
# all use the index's ``default`` analyzer; redefining that one makes every page field
# German-aware without touching the models. The content is German first.
GERMAN_INDEX_SETTINGS = {
    "settings": {
        "analysis": {
            "filter": {
                "german_stop": {"type": "stop", "stopwords": "_german_"},
                # The light stemmer keeps words readable (Verwaltungen -> verwaltung) and
                # conflates fewer unrelated words than the aggressive Snowball one.
                "german_light_stemmer": {"type": "stemmer", "language": "light_german"},
            },
            "analyzer": {
                # The built-in German analyzer's chain (stop words before normalisation,
                # since the list holds "für", "über"), plus asciifolding for other accents.
                # german_normalization folds ä/ö/ü/ß and also ae/oe/ue, so "Muenchen" and
                # "München" meet at the same token.
                "default": {
                    "type": "custom",
                    "tokenizer": "standard",
                    "filter": [
                        "lowercase",
                        "german_stop",
                        "german_normalization",
                        "asciifolding",
                        "german_light_stemmer",
                    ],
                },
                # Autocomplete fields are indexed with modelsearch's edgengram_analyzer and
                # queried with the analyzer named "standard" (hard-wired in its mapping).
                # Both get the same umlaut folding, so "Mün" and "Mue" complete "München".
                "edgengram_analyzer": {
                    "type": "custom",
                    "tokenizer": "standard",
                    "filter": ["lowercase", "german_normalization", "asciifolding", "edgengram"],
                },
                "standard": {
                    "type": "custom",
                    "tokenizer": "standard",
                    "filter": ["lowercase", "german_normalization", "asciifolding"],
                },
            },
        }
    }
}


def index_prefix(environ):
    """The prefix for index names (``<prefix>_wagtailcore_page``), from SEARCH_INDEX_PREFIX.

    Separate prefixes let several sites or test runs share one engine.
    """
    prefix = environ.get("SEARCH_INDEX_PREFIX", DEFAULT_INDEX_PREFIX).strip().rstrip("_")
    return f"{prefix}_" if prefix else ""


def _engine_backend(backend, url, environ):
    return {
        "BACKEND": backend,
        "URLS": [u.strip() for u in url.split(",") if u.strip()],
        "INDEX_PREFIX": index_prefix(environ),
        "TIMEOUT": DEFAULT_TIMEOUT_SECONDS,
        # Fail fast instead of retrying against a node that is down; the caller decides.
        "OPTIONS": {"max_retries": 0, "retry_on_timeout": False},
        "INDEX_SETTINGS": GERMAN_INDEX_SETTINGS,
    }


def search_backends_from_env(environ=None):
    """Return the WAGTAILSEARCH_BACKENDS setting for the engine the environment names.

    ``OPENSEARCH_URL`` wins over ``ELASTICSEARCH_URL``; both accept a comma-separated list.
    """
    environ = os.environ if environ is None else environ
    if url := environ.get("OPENSEARCH_URL", "").strip():
        # "opensearch3" names the client generation, not the server: it is modelsearch's
        # backend for opensearch-py 3.x (our pin), and talks to OpenSearch 2.x servers fine.
        # Its "opensearch2" backend passes positional arguments that opensearch-py 3 refuses.
        backend = _engine_backend("wagtail.search.backends.opensearch3", url, environ)
    elif url := environ.get("ELASTICSEARCH_URL", "").strip():
        # Configured only: needs the `elasticsearch` client, which is not installed here.
        backend = _engine_backend("wagtail.search.backends.elasticsearch8", url, environ)
    else:
        backend = {"BACKEND": "wagtail.search.backends.database"}
    return {"default": backend}


@cache
def search_engine_errors():
    """The exceptions that mean "the search failed", for whichever client libraries exist.

    Resolved on first use, so that importing the settings does not load the clients.
    """
    errors = [DatabaseError]  # e.g. a query the database backend cannot run
    try:
        from opensearchpy.exceptions import OpenSearchException

        errors.append(OpenSearchException)
    except ImportError:  # pragma: no cover - opensearch-py is a project dependency
        pass
    try:
        from elastic_transport import TransportError as ElasticTransportError
        from elasticsearch import ApiError

        errors.extend([ApiError, ElasticTransportError])
    except ImportError:
        pass
    return tuple(errors)
