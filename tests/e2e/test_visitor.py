"""A visitor finds an open project through the facets and reaches its application step."""

import re

from playwright.sync_api import expect

from tests.e2e.helpers import E2E, main_menu, save_screenshot

pytestmark = E2E

PROJECT = "E-Akte im Bürgerbüro einführen"


def test_visitor_filters_projects_and_opens_one(page, demo):
    page.goto(demo.url("/de/"))
    expect(page.locator("h1")).to_contain_text("Macher:innen für Kommunen")

    main_menu(page).get_by_role("link", name="Projekte").click()
    expect(page).to_have_url(re.compile(r"/de/projekte/$"))
    unfiltered = page.locator(".result-count").inner_text()

    filters = page.get_by_role("search", name="Projekte suchen")
    filters.get_by_label("Hessen").check()
    filters.get_by_label("Digitale Verwaltung").check()
    filters.get_by_role("button", name="Suchen").click()

    expect(page).to_have_url(re.compile(r"bundesland=HE"))
    expect(page).to_have_url(re.compile(r"topic=\d+"))
    # The chosen facets stay ticked, and the result list shrinks to Hessian digital projects.
    expect(page.get_by_label("Hessen")).to_be_checked()
    expect(page.get_by_label("Digitale Verwaltung")).to_be_checked()
    assert page.locator(".result-count").inner_text() != unfiltered
    results = page.locator(".card-grid .card")
    expect(results.filter(has_text=PROJECT)).to_have_count(1)
    expect(results.filter(has_text="Klimaschutzkonzept")).to_have_count(0)

    results.filter(has_text=PROJECT).get_by_role("link").first.click()
    expect(page.locator("h1")).to_have_text(PROJECT)
    apply_link = page.get_by_role("link", name="Jetzt bewerben")
    expect(apply_link).to_be_visible()
    apply_link.click()
    expect(page).to_have_url(re.compile(r"/bewerben/$"))
    expect(page.locator("h1")).to_contain_text(PROJECT)
    # Nothing the pages need was blocked by the Content-Security-Policy.
    assert page.problems == []


def test_visitor_reads_a_story_and_the_expert_pool(page, demo):
    page.goto(demo.url("/de/erfolgsgeschichten/"))
    page.get_by_role("link", name=re.compile("Papierlos")).first.click()
    expect(page.locator("h1")).to_contain_text("Papierlos")
    save_screenshot(page, "story")

    page.goto(demo.url("/de/lernen/"))
    page.get_by_role("link", name=re.compile("Förderprogramme finden")).first.click()
    expect(page.locator("h1")).to_be_visible()
    save_screenshot(page, "learning-resource")

    page.goto(demo.url("/de/lernen/expertinnen/"))
    page.locator(".card-grid .card").first.get_by_role("link").first.click()
    expect(page.get_by_role("button", name="Nachricht senden")).to_be_visible()
    save_screenshot(page, "expert")
    assert page.problems == []
