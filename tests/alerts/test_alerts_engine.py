"""Search alerts answered by OpenSearch: the listing's engine query decides what is new."""

import pytest

from projects.models import ProjectStatus
from tests import factories
from tests.alerts.test_alerts import confirm_from_mail, run_digests, save_alert, titles_in
from tests.markup import card_titles

pytestmark = pytest.mark.django_db


def test_engine_finds_what_the_listing_finds_and_sends_it_once(
    client, listing, project_index, run_commit_hooks
):
    old = factories.ProjectPageFactory(parent=listing, title="Datenschutz in der Verwaltung")
    project_index.add(old)
    query = "q=Datenschutz&status=open"
    save_alert(client, listing, run_commit_hooks, query=query)
    confirm_from_mail(client, run_commit_hooks)

    new = factories.ProjectPageFactory(parent=listing, title="Datenschutz im Rathaus")
    other = factories.ProjectPageFactory(parent=listing, title="Radweg am Fluss")
    # Published but not yet in the index: the engine answers, so it is not sent yet.
    waiting = factories.ProjectPageFactory(parent=listing, title="Datenschutz für Vereine")
    project_index.add(new, other)

    # What the listing shows is what the digest brings.
    listed = card_titles(client.get(listing.url + "?" + query))
    assert sorted(listed) == ["Datenschutz im Rathaus", "Datenschutz in der Verwaltung"]

    [digest] = run_digests(run_commit_hooks)
    assert titles_in(digest) == ["Datenschutz im Rathaus"]

    project_index.add(waiting)
    [second] = run_digests(run_commit_hooks)
    assert titles_in(second) == ["Datenschutz für Vereine"]
    assert run_digests(run_commit_hooks) == []


def test_engine_alert_on_open_projects_gets_a_project_once_it_opens(
    client, listing, project_index, run_commit_hooks
):
    planned = factories.ProjectPageFactory(
        parent=listing, title="Bald ausgeschrieben", status=ProjectStatus.IN_PREPARATION
    )
    project_index.add(planned)
    save_alert(client, listing, run_commit_hooks, query="status=open")
    confirm_from_mail(client, run_commit_hooks)
    assert run_digests(run_commit_hooks) == []

    planned.status = ProjectStatus.OPEN
    planned.save()
    project_index.add(planned)
    [digest] = run_digests(run_commit_hooks)
    assert titles_in(digest) == ["Bald ausgeschrieben"]
    assert run_digests(run_commit_hooks) == []


def test_engine_down_falls_back_to_the_database(
    client, listing, settings, closed_port_url, run_commit_hooks
):
    settings.PROJECT_SEARCH_URL = closed_port_url
    save_alert(client, listing, run_commit_hooks, query="status=open")
    confirm_from_mail(client, run_commit_hooks)
    factories.ProjectPageFactory(parent=listing, title="Neu trotz Ausfall")
    [digest] = run_digests(run_commit_hooks)
    assert titles_in(digest) == ["Neu trotz Ausfall"]
