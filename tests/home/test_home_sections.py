"""The home page: newest open projects, success stories and the editors' key figures."""

import datetime

import pytest

from tests import factories
from tests.markup import parse

pytestmark = pytest.mark.django_db


def section(response, heading_id):
    """The ``<section>`` labelled by the heading with ``heading_id``, or None."""
    found = parse(response).select(f'section[aria-labelledby="{heading_id}"]')
    return found[0] if found else None


def test_home_shows_the_newest_open_projects_and_links_to_all(client, site_tree):
    today = datetime.date.today()
    for number in range(4):
        factories.ProjectPageFactory(parent=site_tree.projects, title=f"Offen {number}")
    factories.ProjectPageFactory(parent=site_tree.projects, title="Im Matching", status="matching")
    factories.ProjectPageFactory(
        parent=site_tree.projects, title="Abgeschlossen", status="completed"
    )
    factories.ProjectPageFactory(
        parent=site_tree.projects,
        title="Frist vorbei",
        application_deadline=today - datetime.timedelta(days=1),
    )

    projects = section(client.get("/de/"), "open-projects-heading")

    # Three cards, newest first; neither closed projects nor a passed deadline.
    assert projects.texts(".card__link") == ["Offen 3", "Offen 2", "Offen 1"]
    more = projects.select_one("a.button")
    assert more.text == "Alle offenen Projekte"
    assert more.get("href") == "/de/projekte/?status=open"


def test_home_shows_open_projects_of_its_own_language_only(client, site_tree, locales):
    german_only = factories.ProjectPageFactory(parent=site_tree.projects, title="Nur deutsch")
    translated = factories.ProjectPageFactory(parent=site_tree.projects, title="Übersetzt")
    factories.publish_translation(site_tree.projects, locales.en, title="Projects")
    factories.publish_translation(translated, locales.en, title="Translated")

    german = section(client.get("/de/"), "open-projects-heading")
    english = section(client.get("/en/"), "open-projects-heading")

    assert german.texts(".card__link") == ["Übersetzt", german_only.title]
    assert english.texts(".card__link") == ["Translated"]
    assert english.select_one("a.button").text == "All open projects"


def test_home_shows_success_stories_of_finished_projects(client, site_tree):
    completed = factories.ProjectPageFactory(parent=site_tree.projects, status="completed")
    preparing = factories.ProjectPageFactory(parent=site_tree.projects, status="in_preparation")
    for number in range(3):
        factories.StoryPageFactory(
            parent=site_tree.stories,
            title=f"Geschichte {number}",
            period_start=datetime.date(2021 + number, 1, 1),
            publish=True,
        )
    factories.StoryPageFactory(
        parent=site_tree.stories,
        title="Abgeschlossenes Projekt",
        project=completed,
        period_start=datetime.date(2024, 1, 1),
        publish=True,
    )
    factories.StoryPageFactory(
        parent=site_tree.stories,
        title="Projekt in Vorbereitung",
        project=preparing,
        period_start=datetime.date(2027, 1, 1),
        period_end=None,
        publish=True,
    )

    stories = section(client.get("/de/"), "stories-heading")

    assert stories.texts(".card__link") == [
        "Abgeschlossenes Projekt",
        "Geschichte 2",
        "Geschichte 1",
    ]
    more = stories.select_one("a.button")
    assert (more.text, more.get("href")) == ("Alle Geschichten", "/de/geschichten/")


def test_home_without_open_projects_or_stories_has_no_empty_sections(client, site_tree):
    response = client.get("/de/")

    assert section(response, "open-projects-heading") is None
    assert section(response, "stories-heading") is None


def test_key_figures_are_what_the_editors_entered(client, site_tree):
    home = site_tree.home
    home.key_figures = [
        ("figure", {"value": "6–18", "label": "Monate vor Ort"}),
        ("figure", {"value": "4–5", "label": "Monate bis zum Start"}),
    ]
    factories.publish(home)

    figures = section(client.get("/de/"), "key-figures-heading")
    assert figures.texts("li") == ["6–18 Monate vor Ort", "4–5 Monate bis zum Start"]

    home.key_figures = [("figure", {"value": "25", "label": "Kommunen dabei"})]
    factories.publish(home)

    figures = section(client.get("/de/"), "key-figures-heading")
    assert figures.texts("li") == ["25 Kommunen dabei"]


def test_home_without_key_figures_shows_no_heading_for_them(client, site_tree):
    assert section(client.get("/de/"), "key-figures-heading") is None
