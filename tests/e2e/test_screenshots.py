"""The README's screenshots, taken on a walk: home, listing, project and its form, at 390 and
1280 px. Each stop is reached by a click and must fit the viewport's width."""

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.helpers import E2E, save_screenshot

pytestmark = E2E


@pytest.mark.parametrize("width", [390, 1280])
def test_walk_from_home_to_a_form_fits_and_is_photographed(page, demo, width):
    page.set_viewport_size({"width": width, "height": 900 if width > 390 else 844})

    def stop(name):
        page.wait_for_load_state("load")  # scripts have run (the listing opens its filters)
        assert page.evaluate("document.documentElement.scrollWidth") <= width, name
        save_screenshot(page, f"{name}-{width}")

    page.goto(demo.url("/de/"))
    stop("home")
    page.locator(".hero").get_by_role("link", name="Offene Projekte ansehen").click()
    expect(page.locator(".result-count")).to_contain_text("Projekte gefunden")
    stop("listing")
    first = page.locator(".card-grid .card").first
    expect(first).to_contain_text("Ausgeschrieben")  # open projects come first
    first.get_by_role("link").first.click()
    expect(page.get_by_role("link", name="Jetzt bewerben")).to_be_visible()
    stop("project")
    page.get_by_role("link", name="Jetzt bewerben").click()
    expect(page).to_have_url(re.compile(r"/bewerben/$"))
    stop("form")
    assert page.problems == []
