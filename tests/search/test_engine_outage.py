"""A real outage: an OpenSearch node of this test's own is stopped and started again.

The shared node at OPENSEARCH_TEST_URL must stay up for the other tests, so this test starts a
second node (own port and data directory, the same scripts as ``make search-up``), stops it
with ``scripts/search-down.sh`` while editors keep publishing and visitors keep searching, and
starts it again on the same data.
"""

import io
import os
import socket
import subprocess
import uuid
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.core.management import call_command

from config.settings.search import search_backends_from_env
from search.dsl import get_client
from search.indexing import ensure_indices
from search.models import PendingIndexUpdate
from tests import factories
from tests.markup import card_titles

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
NOTICE = "Die Suche ist gerade eingeschränkt"


def _free_port():
    # The runner only takes HTTP ports below 9300 (see scripts/search-up.sh).
    for port in range(9250, 9300):
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) != 0:
                return port
    pytest.fail("No free port between 9250 and 9299 for a second OpenSearch node")


def _script(name, env):
    result = subprocess.run(  # noqa: S603
        ["bash", f"scripts/{name}.sh"],  # noqa: S607
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, f"{name} failed:\n{result.stdout}\n{result.stderr}"
    return result.stdout


@pytest.fixture
def own_node(tmp_path):
    """A second node with ``up()`` and ``down()``; stopped at the end whatever happened."""
    port = _free_port()
    env = {
        **os.environ,
        "OPENSEARCH_PORT": str(port),
        "OPENSEARCH_HOME": str(tmp_path / "opensearch"),
    }
    node = SimpleNamespace(
        url=f"http://127.0.0.1:{port}",
        up=lambda: _script("search-up", env),
        down=lambda: _script("search-down", env),
    )
    node.up()
    yield node
    node.down()


@pytest.fixture
def search_on(own_node, settings):
    """Project search and Wagtail's site search both on the node, under a fresh prefix."""
    prefix = f"test_{uuid.uuid4().hex[:12]}"
    settings.PROJECT_SEARCH_URL = own_node.url
    settings.PROJECT_SEARCH_ENGINE = "opensearch"
    settings.SEARCH_INDEX_PREFIX = prefix
    settings.WAGTAILSEARCH_BACKENDS = search_backends_from_env(
        {"OPENSEARCH_URL": own_node.url, "SEARCH_INDEX_PREFIX": prefix}
    )
    ensure_indices()
    call_command("update_index", stdout=io.StringIO())
    # Searches in this test must see writes at once, not after the 1 s refresh interval.
    own_node.refresh = lambda: get_client(own_node.url).indices.refresh(index=f"{prefix}_*")
    return own_node


def _listing(client, site_tree, query):
    """The listing's HTML and the titles of its cards (highlight marks removed)."""
    response = client.get(site_tree.projects.url, {"q": query})
    assert response.status_code == 200
    return response.content.decode(), card_titles(response)


def test_stopping_the_engine_degrades_search_and_a_restart_catches_up(
    client, site_tree, search_on, commit
):
    with commit():
        old = factories.ProjectPageFactory(
            parent=site_tree.projects, title="Hochwasser am Deich melden", publish=True
        )
    search_on.refresh()
    html, titles = _listing(client, site_tree, "Hochwasser")
    assert titles == ["Hochwasser am Deich melden"]
    assert NOTICE not in html

    search_on.down()

    # Editors keep working: a new project, an old one taken offline.
    with commit():
        factories.ProjectPageFactory(
            parent=site_tree.projects, title="Hochwasser-Warnsystem für das Dorf", publish=True
        )
        old.unpublish()
    assert PendingIndexUpdate.objects.count() == 2

    # Visitors keep searching: the database answers, with a notice and the current state.
    html, titles = _listing(client, site_tree, "Hochwasser")
    assert NOTICE in html
    assert titles == ["Hochwasser-Warnsystem für das Dorf"]
    api = client.get("/api/v2/projects/search/", {"q": "Hochwasser"})
    assert api.status_code == 200
    assert api.json()["engine"] == "database"
    assert [hit["title"] for hit in api.json()["results"]] == ["Hochwasser-Warnsystem für das Dorf"]
    site_search = client.get("/de/suche/", {"q": "Hochwasser"})
    assert site_search.status_code == 200
    assert "eingeschränkt" in site_search.content.decode()

    search_on.up()  # the same data directory: the index is back as it was
    out = io.StringIO()
    call_command("search_catch_up", stdout=out)
    assert "2 pages synced, 0 still pending." in out.getvalue()
    assert not PendingIndexUpdate.objects.exists()
    search_on.refresh()

    api = client.get("/api/v2/projects/search/", {"q": "Hochwasser"}).json()
    assert api["engine"] == "opensearch"
    assert [hit["title"] for hit in api["results"]] == ["Hochwasser-Warnsystem für das Dorf"]
    html, titles = _listing(client, site_tree, "Hochwasser")
    assert NOTICE not in html
    assert titles == ["Hochwasser-Warnsystem für das Dorf"]
