"""The engine URL in the environment picks the client library of the project search."""

from config.settings.search import project_search_from_env
from search.dsl import ELASTICSEARCH, OPENSEARCH, get_client, get_dsl


def test_opensearch_url_selects_opensearch_py_and_wins_over_elasticsearch():
    env = {"OPENSEARCH_URL": "http://os:9200, http://os2:9200", "ELASTICSEARCH_URL": "http://es"}
    assert project_search_from_env(env) == (OPENSEARCH, "http://os:9200,http://os2:9200")


def test_the_client_of_a_cluster_knows_every_node():
    client = get_client("http://os1:9200,http://os2:9200", library=OPENSEARCH, timeout=1)
    hosts = [connection.host for connection in client.transport.connection_pool.connections]
    assert sorted(hosts) == ["http://os1:9200", "http://os2:9200"]


def test_elasticsearch_url_selects_the_elasticsearch_client():
    assert project_search_from_env({"ELASTICSEARCH_URL": "http://es:9200"}) == (
        ELASTICSEARCH,
        "http://es:9200",
    )
    client = get_client("http://es:9200", library=ELASTICSEARCH, timeout=1)
    assert type(client).__module__.startswith("elasticsearch")


def test_no_url_means_the_database():
    assert project_search_from_env({}) == (OPENSEARCH, None)


def test_both_dsls_build_the_same_query():
    bodies = []
    for library in (OPENSEARCH, ELASTICSEARCH):
        dsl = get_dsl(library)
        search = dsl.Search(index="x").query(dsl.Q("match", title="Akte"))
        search = search.filter("terms", bundesland=["HE"])
        search.aggs.bucket("topics", dsl.A("terms", field="topics"))
        bodies.append(search.to_dict())
    assert bodies[0] == bodies[1]
    assert bodies[0]["query"]["bool"]["filter"] == [{"terms": {"bundesland": ["HE"]}}]
