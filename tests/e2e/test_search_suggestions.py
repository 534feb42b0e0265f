"""The header search suggests page titles as the visitor types (a WAI-ARIA combobox).

At a phone's 390 px (the search sits behind "Menü") and a desktop's 1280 px: typing shows
suggestions, the arrow keys move through them and Enter opens the chosen page; Escape closes
the list; a click opens a page; the open combobox passes axe; without JavaScript the field is
a plain search box that submits to the search page.
"""

import pytest
from playwright.sync_api import expect

from tests.e2e.helpers import E2E, axe_violations

pytestmark = E2E

WIDTHS = [pytest.param(390, id="phone"), pytest.param(1280, id="desktop")]


def settle(page):
    """Wait until the browser's requests are answered: a request still running when the test
    ends would write to the database while it is reset for the next test."""
    page.wait_for_load_state("networkidle")


def header_search(page, demo, width):
    """The header's search field on the German home page, the menu opened on a phone."""
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(demo.url("/de/"))
    toggle = page.locator(".site-header summary")
    if toggle.is_visible():
        toggle.click()
    field = page.get_by_role("combobox", name="Website durchsuchen")
    expect(field).to_be_visible()
    return field


@pytest.mark.parametrize("width", WIDTHS)
def test_typing_suggests_titles_and_the_keyboard_opens_one(page, demo, width):
    field = header_search(page, demo, width)
    expect(field).to_have_attribute("aria-expanded", "false")

    field.press_sequentially("Bürgerbet", delay=40)

    listbox = page.get_by_role("listbox", name="Vorschläge")
    expect(listbox).to_be_visible()
    expect(field).to_have_attribute("aria-expanded", "true")
    options = listbox.get_by_role("option")
    first = options.first
    expect(first).to_contain_text("Bürgerbeteiligung")
    count = options.count()
    # The count is announced politely.
    status = page.locator(".site-search [aria-live=polite]")
    expect(status).to_contain_text(str(count) if count > 1 else "1 Vorschlag")

    field.press("ArrowDown")
    expect(first).to_have_attribute("aria-selected", "true")
    expect(field).to_have_attribute("aria-activedescendant", first.get_attribute("id"))
    assert axe_violations(page) == []
    title = first.inner_text()

    field.press("Enter")

    expect(page.locator("h1")).to_have_text(title)
    assert page.problems == []
    settle(page)


@pytest.mark.parametrize("width", WIDTHS)
def test_escape_closes_and_a_click_opens_a_suggestion(page, demo, width):
    field = header_search(page, demo, width)
    field.press_sequentially("Klima", delay=40)
    listbox = page.get_by_role("listbox", name="Vorschläge")
    expect(listbox).to_be_visible()

    field.press("Escape")

    expect(listbox).to_be_hidden()
    expect(field).to_have_attribute("aria-expanded", "false")
    expect(field).to_have_value("Klima")  # the text stays for the search page

    field.press("ArrowDown")  # opens the list again, on the first suggestion
    expect(listbox).to_be_visible()
    option = listbox.get_by_role("option").first
    title = option.inner_text()
    option.click()
    expect(page.locator("h1")).to_have_text(title)
    settle(page)


def test_enter_without_a_chosen_suggestion_searches_the_site(page, demo):
    field = header_search(page, demo, 1280)
    field.press_sequentially("Klima", delay=40)
    expect(page.get_by_role("listbox", name="Vorschläge")).to_be_visible()

    field.press("Enter")

    expect(page).to_have_url(demo.url("/de/suche/?q=Klima"))
    expect(page.locator(".result-count")).to_contain_text("Klima")
    settle(page)


def test_without_javascript_the_field_is_a_plain_search_box(browser, demo):
    context = browser.new_context(
        java_script_enabled=False, viewport={"width": 1280, "height": 900}
    )
    try:
        tab = context.new_page()
        tab.goto(demo.url("/de/"))
        field = tab.locator("#site-search-query")
        assert field.get_attribute("role") is None
        assert field.get_attribute("aria-expanded") is None
        field.fill("Klima")
        field.press("Enter")
        expect(tab).to_have_url(demo.url("/de/suche/?q=Klima"))
        settle(tab)
    finally:
        context.close()
