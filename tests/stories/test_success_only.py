"""Only stories of finished projects are listed as success stories."""

import datetime

import pytest

from tests import factories
from tests.markup import card_titles, parse

pytestmark = pytest.mark.django_db


@pytest.fixture
def stories(site_tree):
    """Stories about a completed, a running and a prepared project, and two without project."""
    today = datetime.date.today()

    def story(title, status=None, **fields):
        if status:
            fields["project"] = factories.ProjectPageFactory(
                parent=site_tree.projects, title=f"Projekt {title}", status=status
            )
        return factories.StoryPageFactory(
            parent=site_tree.stories, title=title, publish=True, **fields
        )

    return {
        "completed": story("Abgeschlossen", "completed"),
        "running": story("Läuft", "running", period_end=None),
        "preparing": story(
            "Vorbereitung", "in_preparation", period_start=today.replace(year=today.year + 1)
        ),
        "ended": story("Ohne Projekt, beendet"),
        "ongoing": story("Ohne Projekt, läuft", period_end=today + datetime.timedelta(days=30)),
    }


def test_listing_shows_only_stories_of_finished_projects(client, stories):
    response = client.get("/de/geschichten/")

    assert sorted(card_titles(response)) == ["Abgeschlossen", "Ohne Projekt, beendet"]
    assert "2 Geschichten" in response.content.decode()


def test_feed_leaves_out_stories_of_unfinished_projects(client, stories):
    feed = client.get("/de/geschichten/feed/rss/").content.decode()

    assert "Abgeschlossen" in feed
    assert "Vorbereitung" not in feed
    assert "Läuft" not in feed


def test_unfinished_story_says_so_on_its_own_page(client, stories):
    preparing = parse(client.get(stories["preparing"].url)).select_one("header .notice").text
    running = parse(client.get(stories["running"].url)).select_one("header .notice").text
    ongoing = parse(client.get(stories["ongoing"].url)).select_one("header .notice").text

    assert preparing.startswith("Projekt in Vorbereitung")
    assert running.startswith("Das Projekt läuft noch.")
    assert ongoing.startswith("Das Projekt läuft noch.")
    assert parse(client.get(stories["completed"].url)).select("header .notice") == []
