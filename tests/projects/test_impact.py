"""The impact reached: on the page, in English and in the API, only once a project is finished."""

import pytest

from projects.models import ProjectStatus
from tests import factories
from tests.markup import parse

pytestmark = pytest.mark.django_db

FIGURES = [
    ("figure", {"value": "120", "label": "Vorgänge digital bearbeitet"}),
    ("figure", {"value": "1", "label": "neue Stelle in der Verwaltung"}),
]


def impact_project(site_tree, status, **extra):
    return factories.ProjectPageFactory(
        parent=site_tree.projects,
        title="Papierlos – aber richtig!",
        status=status,
        impact_reached="Die Steuerabteilung arbeitet mit der E-Akte.",
        impact_figures=FIGURES,
        maker_role="Informatikerin",
        **extra,
    )


def test_finished_project_shows_impact_reached_with_figures(client, site_tree):
    project = impact_project(site_tree, ProjectStatus.COMPLETED)

    page = parse(client.get(project.url).content)

    (section,) = page.select("section.impact-reached")
    assert section.select_one("h2").text == "Erreichte Wirkung"
    assert "Die Steuerabteilung arbeitet mit der E-Akte." in section.text
    assert [" ".join(li.text.split()) for li in section.select(".impact-figures li")] == [
        "120 Vorgänge digital bearbeitet",
        "1 neue Stelle in der Verwaltung",
    ]
    assert "Die Macher:in: Informatikerin" in " ".join(section.text.split())


def test_running_project_keeps_its_impact_to_itself(client, site_tree):
    project = impact_project(site_tree, ProjectStatus.RUNNING)

    html = client.get(project.url).content.decode()

    assert "Erreichte Wirkung" not in html
    assert "Vorgänge digital bearbeitet" not in html


def test_english_page_shows_the_translated_impact(client, site_tree, locales):
    project = impact_project(site_tree, ProjectStatus.COMPLETED)
    factories.publish_translation(site_tree.projects, locales.en)
    english = factories.publish_translation(
        project,
        locales.en,
        title="Paperless",
        impact_reached="The tax department works with electronic files.",
        impact_figures=[("figure", {"value": "120", "label": "cases handled digitally"})],
    )

    page = parse(client.get(english.url).content)

    (section,) = page.select("section.impact-reached")
    assert section.select_one("h2").text == "Impact reached"
    assert "The tax department works with electronic files." in section.text
    assert "cases handled digitally" in section.text


def test_api_carries_the_impact_of_finished_projects_only(client, site_tree):
    finished = impact_project(site_tree, ProjectStatus.COMPLETED)
    running = impact_project(site_tree, ProjectStatus.RUNNING, slug="laeuft")

    data = client.get(f"/api/v2/pages/{finished.pk}/").json()
    assert data["impact_data"] == {
        "text": "Die Steuerabteilung arbeitet mit der E-Akte.",
        "figures": [
            {"value": "120", "label": "Vorgänge digital bearbeitet"},
            {"value": "1", "label": "neue Stelle in der Verwaltung"},
        ],
        "maker_role": "Informatikerin",
    }
    assert client.get(f"/api/v2/pages/{running.pk}/").json()["impact_data"] is None


def test_the_editor_refuses_more_than_four_figures(site_tree):
    from django.core.exceptions import ValidationError

    from projects.models import ProjectPage

    block = ProjectPage._meta.get_field("impact_figures").stream_block
    four = block.to_python([{"type": t, "value": v} for t, v in FIGURES * 2])
    five = block.to_python([{"type": t, "value": v} for t, v in (FIGURES * 3)[:5]])

    block.clean(four)
    with pytest.raises(ValidationError):
        block.clean(five)
