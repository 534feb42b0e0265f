"""Pages below a listing that holds one page type are found with that type in one query
(BasePage.route); everything else is routed as Wagtail does."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests import factories
from tests.markup import parse

pytestmark = pytest.mark.django_db


def lookups_by_slug(client, url, slug):
    """The response and the tables of each query that looked a page up by ``slug``."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    lookups = [
        q["sql"].split(" FROM ", 1)[1].split(" ", 1)[0]
        for q in queries
        if f"\"slug\" = '{slug}'" in q["sql"]
    ]
    return response, lookups


def test_a_project_is_read_as_a_project_in_one_query(client, site_tree):
    project = factories.ProjectPageFactory(parent=site_tree.projects, title="Kompass Kalletal")
    client.get(project.url)

    response, lookups = lookups_by_slug(client, project.url, project.slug)

    assert parse(response).select_one("h1").text == "Kompass Kalletal"
    # Wagtail's own routing reads the plain page row, then the project row by its key.
    assert lookups == ['"projects_projectpage"']


def test_a_page_of_another_type_below_a_listing_is_still_served(client, site_tree):
    # Editors cannot put it there (subpage_types), but code or an import can.
    other = factories.StandardPageFactory(parent=site_tree.projects, title="Hinweise zur Suche")

    response = client.get(other.url)

    assert response.status_code == 200
    assert parse(response).select_one("h1").text == "Hinweise zur Suche"


def test_unknown_and_unpublished_children_of_a_listing_are_not_found(client, site_tree):
    draft = factories.ProjectPageFactory(parent=site_tree.projects, title="Entwurf", live=False)

    assert client.get(f"{site_tree.projects.url}gibt-es-nicht/").status_code == 404
    assert client.get(f"{site_tree.projects.url}{draft.slug}/").status_code == 404


def test_a_project_s_own_routes_still_answer(client, site_tree):
    project = factories.ProjectPageFactory(parent=site_tree.projects, title="Kompass Kalletal")

    assert client.get(f"{project.url}bewerben/").status_code == 200
    assert client.get(f"{project.url}gibt-es-nicht/").status_code == 404
