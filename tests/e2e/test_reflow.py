"""Reflow (WCAG 1.4.10): at 320 px no public page scrolls sideways, in German and English."""

import pytest
from wagtail.models import Locale

from home.models import HomePage, StandardPage
from intake.models import FormPage
from learning.models import Expert, ExpertIndexPage, LearningIndexPage, LearningResourcePage
from projects.models import ProjectIndexPage, ProjectPage, ProjectStatus
from stories.models import StoryIndexPage, StoryPage
from tests.e2e.helpers import E2E

pytestmark = E2E

PAGE_TYPES = [
    HomePage,
    StandardPage,
    FormPage,
    ProjectIndexPage,
    ProjectPage,
    StoryIndexPage,
    StoryPage,
    LearningIndexPage,
    LearningResourcePage,
    ExpertIndexPage,
]
# Elements wider than the viewport, with what they are, for a readable failure.
OVERFLOW = """() => {
    const width = document.documentElement.clientWidth;
    const wide = [];
    for (const el of document.querySelectorAll("body *")) {
        const box = el.getBoundingClientRect();
        if (box.width > 0 && box.right > width + 1) wide.push(`${el.tagName}.${el.className}`);
    }
    return {scrollWidth: document.documentElement.scrollWidth, width, wide: wide.slice(0, 5)};
}"""


def public_paths(language):
    """One live, public page of every type in ``language``, plus the pages behind routes."""
    locale = Locale.objects.get(language_code=language)
    paths = []
    for model in PAGE_TYPES:
        pages = model.objects.live().public().filter(locale=locale).order_by("path")
        if model is LearningResourcePage:
            pages = pages.filter(macherinnen_only=False)
        page = pages.first()
        assert page is not None, f"no {model.__name__} in {language}"
        paths.append(page.url)
    open_project = ProjectPage.objects.live().filter(locale=locale, status=ProjectStatus.OPEN)
    paths.append(f"{open_project.order_by('path').first().url}bewerben/")
    pool = ExpertIndexPage.objects.live().filter(locale=locale).first()
    expert = Expert.objects.filter(locale=locale).order_by("name").first()
    paths.append(f"{pool.url}{expert.slug}/")
    paths.append("/de/suche/?q=Verwaltung" if language == "de" else "/en/search/?q=digital")
    paths.append(f"/{language}/gibt-es-nicht/")
    return paths


@pytest.mark.parametrize("language", ["de", "en"])
def test_no_public_page_scrolls_sideways_at_320_px(page, demo, language):
    page.set_viewport_size({"width": 320, "height": 800})
    too_wide = {}
    for path in public_paths(language):
        page.goto(demo.url(path))
        measured = page.evaluate(OVERFLOW)
        if measured["scrollWidth"] > measured["width"]:
            too_wide[path] = measured

    assert too_wide == {}
