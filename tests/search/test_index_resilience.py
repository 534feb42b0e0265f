"""Nothing is lost while the engine is down or slow; search_catch_up sends what was missed."""

import io
import socket

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.urls import reverse

from search.models import PendingIndexUpdate
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def silent_engine():
    """A local port that accepts connections but never answers: a hanging engine."""
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen(16)
        yield f"http://127.0.0.1:{server.getsockname()[1]}"


def catch_up():
    out = io.StringIO()
    call_command("search_catch_up", stdout=out)
    return out.getvalue()


def test_publish_while_engine_is_down_is_queued_and_caught_up(
    site_tree, project_index, settings, commit, closed_port_url
):
    settings.PROJECT_SEARCH_URL = closed_port_url
    with commit():
        page = factories.ProjectPageFactory(
            parent=site_tree.projects, title="Wochenmarkt beleben", publish=True
        )

    pending = PendingIndexUpdate.objects.get()
    assert pending.page_id == page.pk
    assert pending.attempts == 1
    assert "Connection refused" in pending.last_error or "ConnectionError" in pending.last_error
    with pytest.raises(CommandError, match="search engine failed"):
        catch_up()

    settings.PROJECT_SEARCH_URL = project_index.url
    assert project_index.titles("de", "Wochenmarkt") == []
    assert "1 pages synced, 0 still pending." in catch_up()

    assert project_index.titles("de", "Wochenmarkt") == ["Wochenmarkt beleben"]
    assert not PendingIndexUpdate.objects.exists()


def test_slow_engine_times_out_and_the_update_waits(
    site_tree, project_index, settings, commit, silent_engine
):
    settings.PROJECT_SEARCH_URL = silent_engine
    settings.SEARCH_TIMEOUT = 0.5
    with commit():
        factories.ProjectPageFactory(
            parent=site_tree.projects, title="Kita-Plätze online vergeben", publish=True
        )

    assert PendingIndexUpdate.objects.get().attempts == 1

    settings.PROJECT_SEARCH_URL = project_index.url
    catch_up()
    assert project_index.titles("de", "Kita") == ["Kita-Plätze online vergeben"]


def test_next_successful_task_works_off_the_backlog(
    site_tree, project_index, settings, commit, closed_port_url
):
    settings.PROJECT_SEARCH_URL = closed_port_url
    with commit():
        factories.ProjectPageFactory(
            parent=site_tree.projects, title="Leerstand nutzen", publish=True
        )
        factories.ProjectPageFactory(
            parent=site_tree.projects, title="Vereine vernetzen", publish=True
        )
    assert PendingIndexUpdate.objects.count() == 2

    settings.PROJECT_SEARCH_URL = project_index.url
    with commit():
        factories.ProjectPageFactory(
            parent=site_tree.projects, title="Bürgerhaushalt einführen", publish=True
        )

    assert project_index.count("de") == 3
    assert not PendingIndexUpdate.objects.exists()


def test_unpublish_in_the_admin_succeeds_while_the_engine_is_down(
    client, site_tree, project_index, settings, commit, closed_port_url
):
    with commit():
        page = factories.ProjectPageFactory(
            parent=site_tree.projects, title="Spielplätze erneuern", publish=True
        )
    assert project_index.titles("de", "Spielplätze") == ["Spielplätze erneuern"]
    editor = get_user_model().objects.create_superuser("redaktion", "r@example.org", "pw")
    client.force_login(editor)

    settings.PROJECT_SEARCH_URL = closed_port_url
    with commit():
        response = client.post(reverse("wagtailadmin_pages:unpublish", args=[page.pk]))

    assert response.status_code == 302
    page.refresh_from_db()
    assert not page.live
    assert PendingIndexUpdate.objects.filter(page_id=page.pk).exists()
    # The engine still shows the project: the removal is waiting, not lost.
    settings.PROJECT_SEARCH_URL = project_index.url
    assert project_index.titles("de", "Spielplätze") == ["Spielplätze erneuern"]

    catch_up()
    assert project_index.titles("de", "Spielplätze") == []


def test_several_queued_updates_of_one_page_are_synced_once(site_tree, project_index, commit):
    with commit():
        page = factories.ProjectPageFactory(
            parent=site_tree.projects, title="Fahrradstraßen", publish=True
        )
    PendingIndexUpdate.objects.create(page_id=page.pk, action="index")

    assert "1 pages synced" in catch_up()
    assert not PendingIndexUpdate.objects.exists()
