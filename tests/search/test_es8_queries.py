"""The same ProjectSearch query built with opensearch-py's DSL and with elasticsearch.dsl.

No Elasticsearch server runs here; what is tested is that both client libraries generate the
same request body, with the structure the faceting relies on.
"""

import pytest

from projects.search_query import FACET_FIELDS, SORTS, ProjectSearch
from search.dsl import get_dsl

INDEX = "lokalprojekte_projects_de"


def body(library, **kwargs):
    return ProjectSearch(dsl=get_dsl(library), **kwargs).build(index=INDEX).to_dict()


@pytest.mark.parametrize(
    "kwargs",
    [
        {},
        {"query": "E-Akte", "filters": {"bundesland": ["HE", "BY"], "competency": ["7"]}},
        {"filters": {"duration": ["6-9"], "start": ["2026-Q3"]}, "sort": "deadline", "page": 3},
    ],
)
def test_both_libraries_generate_the_same_body(kwargs):
    assert body("opensearch", **kwargs) == body("elasticsearch", **kwargs)


def test_generated_body_has_post_filter_filtered_aggregations_and_highlights():
    generated = body(
        "elasticsearch",
        query="E-Akte",
        filters={"bundesland": ["HE", "BY"], "competency": ["7"]},
        page=2,
    )

    assert generated["post_filter"] == {
        "bool": {
            "filter": [
                {"terms": {"bundesland": ["HE", "BY"]}},
                {"terms": {"competencies": ["7"]}},
            ]
        }
    }
    # Each facet counts under all the other active filters, never its own.
    assert generated["aggs"]["bundesland"]["filter"] == {
        "bool": {"filter": [{"terms": {"competencies": ["7"]}}]}
    }
    assert generated["aggs"]["competency"]["filter"] == {
        "bool": {"filter": [{"terms": {"bundesland": ["HE", "BY"]}}]}
    }
    assert generated["aggs"]["topic"]["filter"]["bool"]["filter"] == [
        {"terms": {"bundesland": ["HE", "BY"]}},
        {"terms": {"competencies": ["7"]}},
    ]
    assert set(generated["aggs"]) == set(FACET_FIELDS)
    assert generated["aggs"]["start"]["aggs"]["values"]["terms"]["field"] == "start_period"
    cross_fields = generated["query"]["bool"]["should"][0]["multi_match"]
    assert cross_fields["query"] == "E-Akte"
    assert cross_fields["type"] == "cross_fields"
    assert "title^3" in cross_fields["fields"]
    assert set(generated["highlight"]["fields"]) == {"title", "challenge"}
    assert generated["highlight"]["pre_tags"] != ["<em>"]
    assert generated["from"] == 12
    assert generated["size"] == 12
    assert generated["sort"][0] == "_score"


def test_without_filters_every_facet_counts_everything():
    generated = body("opensearch")

    assert "post_filter" not in generated
    assert "highlight" not in generated
    assert all(agg["filter"] == {"match_all": {}} for agg in generated["aggs"].values())
    # Without a text the open projects come first (the default sort).
    assert generated["sort"] == SORTS["open"]
