"""The project listing on a phone: projects first, filters in a panel, targets big enough.

At 390 px the first project must not hide behind the filters; the panel opens with a click on
its summary, and its button says how many projects it shows. Every interactive target of the
listing is at least 24 × 24 CSS px (WCAG 2.2, 2.5.8 Target Size Minimum) at 390 and 1280 px.
"""

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.helpers import E2E, main_menu

pytestmark = E2E

PHONE = {"width": 390, "height": 844}
MIN_TARGET = 24


def count_in(text):
    """The number at the start of "23 Projekte gefunden" or in "Hessen (4)"."""
    return int(re.search(r"\d+", text).group(0))


def test_on_a_phone_projects_come_first_and_the_filter_panel_filters(page, demo):
    page.set_viewport_size(PHONE)
    page.goto(demo.url("/de/"))
    main_menu(page).get_by_role("link", name="Projekte", exact=True).click()
    expect(page).to_have_url(re.compile(r"/de/projekte/$"))

    # The first project starts within one and a half screens, not after 3,000 px of filters.
    first_card = page.locator(".card-grid .card").first.bounding_box()
    assert first_card["y"] < 1.5 * PHONE["height"], first_card
    total = count_in(page.locator(".result-count").inner_text())

    filters = page.get_by_role("search", name="Projekte suchen")
    hessen = filters.get_by_role("checkbox", name=re.compile(r"^Hessen \(\d+\)$"))
    expect(hessen).to_be_hidden()
    filters.locator("summary", has_text="Filter und Sortierung").click()
    expect(hessen).to_be_visible()

    in_hessen = count_in(hessen.evaluate("box => box.closest('label').innerText"))
    assert 0 < in_hessen < total
    hessen.check()
    show = filters.get_by_role("button", name=re.compile(r"^\d+ Projekte anzeigen$"))
    expect(show).to_have_text(f"{total} Projekte anzeigen")  # what the page shows right now
    show.click()

    expect(page).to_have_url(re.compile(r"bundesland=HE"))
    expect(page.locator(".result-count")).to_have_text(f"{in_hessen} Projekte gefunden")
    expect(page.locator(".card-grid .card")).to_have_count(min(in_hessen, 12))
    for card in page.locator(".card-grid .card").all():
        expect(card).to_contain_text("Hessen")
    # The panel closes again so that the results come first; its summary counts the filters.
    expect(hessen).to_be_hidden()
    expect(filters.locator("summary")).to_have_text("Filter und Sortierung (1 aktiv)")
    filters.locator("summary").click()
    expect(hessen).to_be_checked()
    expect(show).to_have_text(f"{in_hessen} Projekte anzeigen")

    # The chip above the results takes the filter away again.
    chip = page.get_by_role("link", name="Filter entfernen: Bundesland: Hessen")
    expect(chip).to_be_visible()
    chip.click()
    expect(page.locator(".result-count")).to_have_text(f"{total} Projekte gefunden")
    expect(page.get_by_role("link", name=re.compile("^Filter entfernen"))).to_have_count(0)
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert page.problems == []


# Everything a visitor can click, tap or focus. A label is a target too: it toggles its box.
_TARGETS = """() => {
    const selector = "a[href], button, input:not([type=hidden]), select, textarea, summary, label";
    return [...document.querySelectorAll(selector)].flatMap((element) => {
        // A card's title link stretches over the whole card (its ::after): the card is the target.
        const area = element.classList.contains("card__link") ? element.closest(".card") : element;
        const box = area.getBoundingClientRect();
        const hidden = box.width === 0 || box.height === 0
            // e.g. the header menu's links while the phone's menu is folded (closed <details>)
            || !element.checkVisibility({visibilityProperty: true})
            || element.closest(".visually-hidden")
            // The skip link waits above the page until it is focused.
            || box.bottom + window.scrollY <= 0;
        if (hidden) return [];
        const name = (element.getAttribute("name") || "") + " "
            + (element.innerText || element.value || "").trim().slice(0, 50);
        return [{tag: element.tagName.toLowerCase(), name, width: box.width, height: box.height}];
    });
}"""


def small_targets(page):
    """The visible interactive elements smaller than 24 × 24 px, described for the message."""
    return [
        target
        for target in page.evaluate(_TARGETS)
        if target["width"] < MIN_TARGET or target["height"] < MIN_TARGET
    ]


@pytest.mark.parametrize("width", [390, 1280])
def test_every_target_on_the_listing_is_at_least_24_px(page, demo, width):
    page.set_viewport_size({"width": width, "height": 900})
    # Filters active (chips), more than one page (pagination), the panel as it first shows.
    page.goto(demo.url("/de/projekte/?status=open&remote=partly&remote=mostly&remote=on-site"))
    expect(page.locator(".chips")).to_be_visible()
    expect(page.locator("nav.pagination")).to_be_visible()
    measured = page.evaluate(_TARGETS)
    assert len(measured) > 20
    assert small_targets(page) == []

    panel = page.locator("details.filter-panel")
    if not panel.evaluate("details => details.open"):
        panel.locator("summary").click()
    expect(page.get_by_role("checkbox", name=re.compile(r"^Hessen"))).to_be_visible()
    assert small_targets(page) == []
