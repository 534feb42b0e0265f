"""Scaling out the search: a two-node OpenSearch cluster keeps answering when a node is down.

Two nodes of this test's own (scripts/search-up.sh with OPENSEARCH_CLUSTER_PORTS, each with its
own port and data directory) form a cluster; the project index is built with one replica
(SEARCH_INDEX_REPLICAS=1), so each node holds a full copy. The application knows both nodes
(OPENSEARCH_URL lists them). One node is stopped with scripts/search-down.sh, and the listing
and the API still answer from the engine, not from the database fallback, with the same
results.
"""

import os
import subprocess
import time
import uuid
from types import SimpleNamespace

import pytest
from django.core.management import call_command

from search.dsl import get_client
from taxonomy.models import Bundesland
from tests import factories
from tests.markup import card_titles
from tests.scripts import ROOT, free_ports

pytestmark = pytest.mark.django_db

NOTICE = "Die Suche ist gerade eingeschränkt"
QUERY = {"q": "Hochwasser", "bundesland": "HE"}


def _search_script(name, env):
    return subprocess.Popen(  # noqa: S603
        ["bash", f"scripts/{name}.sh"],  # noqa: S607
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def _finish(process):
    output, _ = process.communicate(timeout=300)
    assert process.returncode == 0, output
    return output


@pytest.fixture
def cluster(tmp_path):
    """Two nodes started together (the cluster forms once both are up); stopped afterwards.

    ``cluster.nodes`` has each node's ``url`` and ``down()``.
    """
    # HTTP ports below 9300 (the runner's limit); each node's transport port is HTTP + 100.
    ports = []
    for port in free_ports(10, first=9250, last=9299):
        if len(ports) < 2 and free_ports(1, first=port + 100, last=port + 100):
            ports.append(port)
    members = ",".join(str(port) for port in ports)
    envs = [
        {
            **os.environ,
            "OPENSEARCH_PORT": str(port),
            "OPENSEARCH_HOME": str(tmp_path / f"node-{port}"),
            "OPENSEARCH_CLUSTER_PORTS": members,
        }
        for port in ports
    ]
    starting = [_search_script("search-up", env) for env in envs]
    try:
        for process in starting:
            _finish(process)
        yield SimpleNamespace(
            nodes=[
                SimpleNamespace(
                    url=f"http://127.0.0.1:{port}",
                    down=lambda env=env: _finish(_search_script("search-down", env)),
                )
                for port, env in zip(ports, envs, strict=True)
            ]
        )
    finally:
        for process in starting:
            if process.poll() is None:
                process.kill()
        for env in envs:
            _finish(_search_script("search-down", env))


def _listing(client, site_tree):
    response = client.get(site_tree.projects.url, QUERY)
    assert response.status_code == 200
    html = response.content.decode()
    assert NOTICE not in html, "the listing fell back to the database"
    return card_titles(html)


def _api(client):
    response = client.get("/api/v2/projects/search/", QUERY)
    assert response.status_code == 200
    found = response.json()
    assert found["engine"] == "opensearch", "the API fell back to the database"
    return found["total"], [hit["title"] for hit in found["results"]]


def _health(client, index, reached, seconds=60):
    """The cluster health of ``index`` once ``reached(health)`` holds (the last one otherwise)."""
    deadline = time.monotonic() + seconds
    while True:
        health = client.cluster.health(index=index)
        if reached(health) or time.monotonic() > deadline:
            return health
        time.sleep(0.5)


def _cluster_manager_url(nodes):
    """The URL of the node the cluster elected as its manager."""
    client = get_client(nodes[0].url, timeout=30)
    manager_id = client.cluster.state(metric="cluster_manager_node")["cluster_manager_node"]
    for node in nodes:
        local = get_client(node.url, timeout=30).nodes.info(node_id="_local", metric="http")[
            "nodes"
        ]
        if manager_id in local:
            return node.url
    pytest.fail(f"No node is the elected cluster manager ({manager_id})")


def test_the_search_answers_from_the_engine_with_one_of_two_nodes_down(
    client, site_tree, cluster, settings
):
    first, second = cluster.nodes
    settings.PROJECT_SEARCH_URL = f"{first.url},{second.url}"
    settings.PROJECT_SEARCH_ENGINE = "opensearch"
    settings.SEARCH_INDEX_PREFIX = prefix = f"test_{uuid.uuid4().hex[:12]}"
    settings.SEARCH_INDEX_REPLICAS = 1
    for title, land in [
        ("Hochwasser am Deich melden", Bundesland.HESSEN),
        ("Hochwasser-Warnsystem für das Dorf", Bundesland.HESSEN),
        ("Hochwasserschutz im Landkreis", Bundesland.BAYERN),
        ("Radwege für die Schule", Bundesland.HESSEN),
    ]:
        factories.ProjectPageFactory(
            parent=site_tree.projects,
            title=title,
            municipality=factories.MunicipalityFactory(bundesland=land),
        )
    call_command("search_rebuild", verbosity=0)

    # The test's own look at the cluster, with time to wait (the search's client has 2 s).
    engine = get_client(settings.PROJECT_SEARCH_URL, timeout=90)
    health = _health(engine, f"{prefix}_*", lambda health: health["status"] == "green")
    # Green with two nodes and one replica: every shard has a copy on each node.
    assert (health["status"], health["number_of_nodes"]) == ("green", 2)
    copies = {}
    for shard in engine.cat.shards(index=f"{prefix}_*", format="json", h="index,state,id"):
        assert shard["state"] == "STARTED"
        copies.setdefault(shard["index"], set()).add(shard["id"])
    assert len(copies) == 2  # German and English
    assert all(len(nodes) == 2 for nodes in copies.values())
    before = _listing(client, site_tree)
    before_api = _api(client)
    assert sorted(before) == ["Hochwasser am Deich melden", "Hochwasser-Warnsystem für das Dorf"]

    # Stop the node that is not the cluster manager: with two nodes only one of them holds the
    # cluster's vote (docs/operations.md; three nodes survive the loss of any one).
    manager = _cluster_manager_url(cluster.nodes)
    stopped = next(node for node in cluster.nodes if node.url != manager)
    stopped.down()

    survivor = get_client(manager, timeout=90)
    health = _health(survivor, f"{prefix}_*", lambda health: health["number_of_nodes"] == 1)
    assert health["number_of_nodes"] == 1
    assert health["status"] in ("green", "yellow")  # every shard still has an active copy
    # Several requests: the client tries its nodes in turn and must step over the stopped one.
    for _ in range(3):
        assert _listing(client, site_tree) == before
        assert _api(client) == before_api
