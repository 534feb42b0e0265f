"""Choosing the search backend from the environment, and the test engine guard."""

import pytest

from config.settings.search import GERMAN_INDEX_SETTINGS, search_backends_from_env
from tests.search.conftest import require_engine


def test_without_an_engine_url_the_database_backend_is_used():
    assert search_backends_from_env({}) == {
        "default": {"BACKEND": "wagtail.search.backends.database"}
    }


def test_opensearch_url_selects_opensearch_with_prefix_timeout_and_german_analysis():
    backend = search_backends_from_env({"OPENSEARCH_URL": "http://127.0.0.1:9201"})["default"]

    assert backend["BACKEND"] == "wagtail.search.backends.opensearch3"
    assert backend["URLS"] == ["http://127.0.0.1:9201"]
    assert backend["INDEX_PREFIX"] == "lokalprojekte_"
    assert backend["TIMEOUT"] <= 5
    assert backend["INDEX_SETTINGS"] is GERMAN_INDEX_SETTINGS


def test_opensearch_wins_over_elasticsearch_and_prefix_comes_from_the_environment():
    environ = {
        "OPENSEARCH_URL": "http://a:9200, http://b:9200",
        "ELASTICSEARCH_URL": "http://es:9200",
        "SEARCH_INDEX_PREFIX": "staging",
    }
    backend = search_backends_from_env(environ)["default"]

    assert backend["URLS"] == ["http://a:9200", "http://b:9200"]
    assert backend["INDEX_PREFIX"] == "staging_"


def test_elasticsearch_url_selects_elasticsearch8():
    backend = search_backends_from_env({"ELASTICSEARCH_URL": "https://es.example:9243"})

    assert backend["default"]["BACKEND"] == "wagtail.search.backends.elasticsearch8"
    assert backend["default"]["URLS"] == ["https://es.example:9243"]


@pytest.mark.parametrize("url", ["", "http://127.0.0.1:9"])
def test_a_missing_or_unreachable_test_engine_fails_instead_of_skipping(url):
    with pytest.raises(pytest.fail.Exception):
        require_engine(url)
