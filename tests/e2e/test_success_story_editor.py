"""An editor writes down what a finished project reached and turns it into a success story
with "Erfolgsgeschichte anlegen"; the visitor follows the link from project to story."""

import re

from playwright.sync_api import expect

from projects.models import ProjectPage, ProjectStatus
from stories.models import StoryPage
from tests.e2e.helpers import E2E, axe_violations
from tests.e2e.test_editor import publish_from_editor, sign_in_to_admin

pytestmark = E2E

IMPACT = "Krisenpläne liegen jetzt digital vor und sind in jeder Lage schnell zur Hand."


def open_header_actions(page):
    """Open the page header's "more actions" menu of the page editor."""
    page.locator("header [data-w-dropdown-target='toggle']").first.click()


def test_editor_creates_the_story_of_a_finished_project(page, demo):
    project = (
        ProjectPage.objects.filter(status=ProjectStatus.COMPLETED, stories__isnull=True)
        .order_by("pk")
        .first()
    )
    sign_in_to_admin(page, demo)

    # The editor writes down the impact reached, in the project's closing panel.
    page.goto(demo.url(f"/admin/pages/{project.pk}/edit/"))
    impact = page.locator("#id_impact_reached")
    if not impact.is_visible():
        # The closing panel starts collapsed: it matters only at the end of a project.
        page.locator("[data-panel]", has_text="Abschluss: erreichte Wirkung").locator(
            "[data-panel-toggle]"
        ).first.click()
    impact.fill(IMPACT)
    page.locator("#id_maker_role").fill("Logistikerin aus dem Katastrophenschutz")
    publish_from_editor(page)
    expect(page.locator(".messages")).to_contain_text(project.title)

    # Back in the project, the header menu offers the success story.
    page.goto(demo.url(f"/admin/pages/{project.pk}/edit/"))
    open_header_actions(page)
    page.get_by_role("link", name="Erfolgsgeschichte anlegen").click()

    # The editor lands in the draft's editor, with the project's facts filled in.
    story = StoryPage.objects.get(project=project)
    expect(page).to_have_url(re.compile(rf"/admin/pages/{story.pk}/edit/$"))
    expect(page.locator(".messages")).to_contain_text("Entwurf der Erfolgsgeschichte")
    expect(page.locator("#id_subject")).to_have_value(project.title)
    expect(page.locator("#id_outcome")).to_have_value(IMPACT)
    expect(page.locator("#id_maker_role")).to_have_value("Logistikerin aus dem Katastrophenschutz")
    expect(page.locator("#id_period_start")).to_have_value(re.compile(str(project.start_date.year)))
    assert not story.live

    # Clicking the action again (here: from the project) opens this draft, not a second one.
    page.goto(demo.url(f"/admin/pages/{project.pk}/edit/"))
    open_header_actions(page)
    page.get_by_role("link", name="Erfolgsgeschichte bearbeiten (Entwurf)").click()
    expect(page).to_have_url(re.compile(rf"/admin/pages/{story.pk}/edit/$"))
    assert StoryPage.objects.filter(project=project).count() == 1


def test_visitor_reads_the_success_story_from_the_finished_project(page, demo):
    for width in (390, 1280):
        page.set_viewport_size({"width": width, "height": 900})
        page.goto(demo.url("/de/projekte/papierlos-aber-richtig-eschwege/"))

        impact = page.locator("section.impact-reached")
        expect(impact.get_by_role("heading", name="Erreichte Wirkung")).to_be_visible()
        expect(impact.locator(".impact-figures li")).to_have_count(3)
        assert axe_violations(page) == []
        # Nothing of the section sticks out sideways on a phone.
        assert page.evaluate("document.documentElement.scrollWidth") <= width

    impact.get_by_role("link", name=re.compile("^Erfolgsgeschichte lesen")).click()
    expect(page).to_have_url(re.compile(r"/de/erfolgsgeschichten/eschwege-papierlos-aber-richtig/"))
    # And back from the story to its project.
    page.get_by_role("link", name=re.compile("Zum Projekt")).click()
    expect(page).to_have_url(re.compile(r"/de/projekte/papierlos-aber-richtig-eschwege/"))
