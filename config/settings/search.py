"""Search settings from the environment: the site search backend and the project search engine.

``OPENSEARCH_URL`` selects OpenSearch (2.x is what CI and ``make run-full`` start),
``ELASTICSEARCH_URL`` selects Elasticsearch 8, and without either the site uses Wagtail's
database backend and the project listing filters on the database, so ``make run`` needs no
engine at all. Plain data only: the settings import no app.
"""

import os
from pathlib import Path

DEFAULT_INDEX_PREFIX = "lokalprojekte"
# A visitor's project search: a slow engine must not hold the request (the view degrades).
SEARCH_TIMEOUT_SECONDS = 2
# Wagtail's site-search backend also indexes pages on publish, which may take longer.
SITE_SEARCH_TIMEOUT_SECONDS = 5


# The word lists the project index uses too (search/synonyms/): read as plain files, the
# settings import no app.
WORD_LISTS_DIR = Path(__file__).resolve().parents[2] / "search" / "synonyms"


def word_list(name):
    """The non-empty, non-comment lines of search/synonyms/<name> (empty if missing)."""
    path = WORD_LISTS_DIR / name
    if not path.exists():
        return []
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


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
                # Compounds indexed with their parts as well ("Rufbus" also as "bus"), so a
                # part finds the compound, as in the project index.
                "site_decompounder": {
                    "type": "dictionary_decompounder",
                    "word_list": word_list("compounds_de.txt") or ["-"],
                    "min_word_size": 6,
                    "min_subword_size": 3,
                    "only_longest_match": False,
                },
                # The field's synonyms (both languages share the page index), at query time
                # only: a multi-word synonym at index time would be flattened wrongly.
                "site_synonyms": {
                    "type": "synonym_graph",
                    "synonyms": word_list("de.txt") + word_list("en.txt"),
                    "lenient": True,
                },
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
                        "site_decompounder",
                        "german_normalization",
                        "asciifolding",
                        "german_light_stemmer",
                    ],
                },
                # Query time: the same chain with the synonyms instead of the decompounder.
                "default_search": {
                    "type": "custom",
                    "tokenizer": "standard",
                    "filter": [
                        "lowercase",
                        "site_synonyms",
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
    urls = [u.strip() for u in url.split(",") if u.strip()]
    return {
        "BACKEND": backend,
        "URLS": urls,
        "INDEX_PREFIX": index_prefix(environ),
        "TIMEOUT": SITE_SEARCH_TIMEOUT_SECONDS,
        # Fail fast instead of retrying against a node that is down; the caller decides. With
        # several nodes (a cluster) a refused connection moves on to the next node.
        "OPTIONS": {"max_retries": len(urls) - 1, "retry_on_timeout": False},
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


def project_search_from_env(environ=None):
    """Return ``(engine, urls)`` for the project search from OPENSEARCH_URL / ELASTICSEARCH_URL.

    OPENSEARCH_URL wins when both are set (as for the site search); with neither the result is
    ``("opensearch", None)``, which means "use the database". A comma-separated list names the
    nodes of a cluster; it is kept as one comma-separated string (search/dsl.py splits it).
    """
    environ = os.environ if environ is None else environ
    for engine, name in (("opensearch", "OPENSEARCH_URL"), ("elasticsearch", "ELASTICSEARCH_URL")):
        urls = [u.strip() for u in environ.get(name, "").split(",") if u.strip()]
        if urls:
            return engine, ",".join(urls)
    return "opensearch", None
