"""Property-based fuzzing: no query string makes the public GET endpoints answer 500.

Inputs are arbitrary text (control characters, very long values, unknown parameters,
repeated keys); whatever the visitor or a script sends, the answer is a page, an empty
result or a 4xx with a message, never a server error.
"""

from urllib.parse import urlencode

import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.security.demo import demo_content_for_module

pytestmark = pytest.mark.django_db

FUZZ = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

text = st.text(max_size=300)
# Values a real form would send, mixed with nonsense, so that valid branches run too.
numbers = st.one_of(st.integers(-(10**12), 10**12).map(str), text)
LISTING_PARAMS = ["bundesland", "topic", "competency", "status", "duration", "workload", "sort"]
API_PARAMS = [
    "type",
    "fields",
    "order",
    "limit",
    "offset",
    "search",
    "search_operator",
    "locale",
    "translation_of",
    "child_of",
    "descendant_of",
    "ancestor_of",
    "slug",
    "show_in_menus",
    "has_children",
    "bundesland",
    "topic",
    "status",
]
API_VALUES = st.one_of(
    text,
    numbers,
    st.sampled_from(
        ["projects.ProjectPage", "*", "-title", "title", "random", "de", "en", "_,title", "99"]
    ),
)


def query_strings(keys, values):
    """Lists of (key, value) pairs: known keys with fuzzed values, plus unknown keys."""
    pair = st.tuples(st.one_of(st.sampled_from(keys), text), values)
    return st.lists(pair, max_size=6)


@pytest.fixture(scope="module")
def demo_module(django_db_setup, django_db_blocker):
    with demo_content_for_module(django_db_blocker):
        yield


def _get(path, pairs):
    response = Client().get(f"{path}?{urlencode(pairs)}")
    assert response.status_code < 500, (path, pairs, response.status_code)
    return response


@FUZZ
@given(query=text, page=numbers, extra=query_strings(["q", "page"], text))
def test_site_search_never_fails(demo_module, db, query, page, extra):
    _get("/de/suche/", [("q", query), ("page", page), *extra])


@FUZZ
@given(query=text, extra=query_strings(["q"], text))
def test_autocomplete_never_fails(demo_module, db, query, extra):
    response = _get("/en/search/autocomplete/", [("q", query), *extra])
    assert response["Content-Type"].startswith("application/json")


@FUZZ
@given(
    pairs=query_strings(
        [*LISTING_PARAMS, "page"],
        st.one_of(numbers, st.sampled_from(["HE", "BY", "open", "6-9", "full_time", "newest"])),
    )
)
def test_project_listing_never_fails(demo_module, db, pairs):
    _get("/de/projekte/", pairs)


@FUZZ
@given(pairs=query_strings(API_PARAMS, API_VALUES))
def test_pages_api_never_fails(demo_module, db, pairs):
    response = _get("/api/v2/pages/", pairs)
    assert response["Content-Type"].startswith("application/json")


SEARCH_API_PARAMS = [*LISTING_PARAMS, "q", "start", "page", "locale"]


@FUZZ
@given(
    pairs=query_strings(
        SEARCH_API_PARAMS,
        st.one_of(
            numbers, st.sampled_from(["HE", "open", "6-9", "2027-Q1", "relevance", "de", "en"])
        ),
    )
)
def test_project_search_api_never_fails(demo_module, db, pairs):
    """Bad parameters are a 400 with a message, never a 500 (database path: no engine here)."""
    response = _get("/api/v2/projects/search/", pairs)
    assert response["Content-Type"].startswith("application/json")
    if response.status_code == 400:
        assert response.json().get("error")
