"""The public site on KERN UX: everything from this site, a light page weight, a header in one
row on a desktop and a folded menu on a phone, the footer at the bottom, a printable project."""

import gzip
import re
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from projects.models import ProjectPage, ProjectStatus
from tests.e2e.helpers import E2E

pytestmark = E2E

BUDGET = 150_000  # bytes, compressed: CSS plus fonts of the project page


def a_project_path():
    """An open demo project with a competence profile (the richest project page)."""
    project = (
        ProjectPage.objects.live()
        .filter(locale__language_code="de", status=ProjectStatus.OPEN)
        .filter(competence_profile__isnull=False)
        .distinct()
        .order_by("path")
        .first()
    )
    return project.url


def test_home_listing_and_project_load_nothing_from_another_host(page, demo):
    site = urlsplit(demo.base).netloc
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    for path in ("/de/", "/de/projekte/", a_project_path()):
        page.goto(demo.url(path))
        page.wait_for_load_state("networkidle")
    elsewhere = [
        url for url in requests if not url.startswith("data:") and urlsplit(url).netloc != site
    ]
    assert requests and elsewhere == []
    # KERN's stylesheet and its fonts were among them, from this site.
    assert any(url.endswith("/kern/kern.min.css") for url in requests)
    assert any(url.endswith(".woff2") for url in requests)
    assert page.problems == []


def test_css_and_fonts_of_a_project_page_stay_within_150_kb_compressed(page, demo):
    loaded = {}

    def record(response):
        if response.request.resource_type in {"stylesheet", "font"}:
            loaded[response.url] = response.body()

    page.on("response", record)
    page.goto(demo.url(a_project_path()))
    page.wait_for_load_state("networkidle")
    # What a server that compresses (WhiteNoise in production) sends; woff2 is compressed
    # already and counts as it is.
    sizes = {
        url: len(body) if url.endswith(".woff2") else len(gzip.compress(body, 9))
        for url, body in loaded.items()
    }
    fonts = [url for url in sizes if url.endswith(".woff2")]
    assert 1 <= len(fonts) <= 2, fonts  # only the weights in use
    assert sum(sizes.values()) <= BUDGET, sizes


LAYOUT_SHIFT = """() => new Promise(resolve => {
    let shift = 0;
    new PerformanceObserver(list => {
        for (const entry of list.getEntries()) if (!entry.hadRecentInput) shift += entry.value;
    }).observe({type: 'layout-shift', buffered: true});
    setTimeout(() => resolve(shift), 300);
})"""


@pytest.mark.parametrize("width", [390, 1280])
def test_the_page_does_not_jump_when_fira_sans_arrives_late(page, demo, width):
    # A slow phone connection: the text is first set in the fallback face, then in Fira Sans.
    # The metric-matched fallback (and one-line breadcrumbs on phones) keep lines where they
    # are; Google counts a cumulative layout shift up to 0.1 as good, we ask for half of it.
    page.set_viewport_size({"width": width, "height": 844})

    def late(route):
        page.wait_for_timeout(800)
        route.continue_()

    page.route("**/*.woff2", late)
    for path in ("/de/", "/de/projekte/", a_project_path()):
        page.goto(demo.url(path), wait_until="load")
        assert page.evaluate(
            "document.fonts.ready.then(() => document.fonts.check('16px \"Fira Sans\"'))"
        )
        assert page.evaluate(LAYOUT_SHIFT) < 0.05, path


@pytest.mark.parametrize("language", ["de", "en"])
def test_the_header_is_one_row_at_1280_px(page, demo, language):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(demo.url(f"/{language}/"))
    middles = page.evaluate(
        """() => [...document.querySelectorAll(
            '.site-logo, .main-nav li, .site-search, .lang-switch li')]
            .map(el => { const box = el.getBoundingClientRect();
                         return Math.round(box.top + box.height / 2); })"""
    )
    assert len(middles) > 5 and max(middles) - min(middles) <= 2, middles
    assert page.evaluate("document.documentElement.scrollWidth") <= 1280
    expect(page.locator(".site-header summary")).to_be_hidden()


def test_on_a_phone_the_menu_folds_and_opens_with_the_keyboard(page, demo):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(demo.url("/de/"))
    nav = page.get_by_role("navigation", name="Hauptnavigation")
    expect(nav).to_be_hidden()
    header = page.locator(".site-header").bounding_box()
    assert header["height"] < 100, header  # logo and menu button: one row

    toggle = page.locator(".site-header summary")
    expect(toggle).to_have_text("Menü")
    toggle.focus()
    page.keyboard.press("Enter")
    expect(nav).to_be_visible()
    expect(page.get_by_role("search", name="Website-Suche")).to_be_visible()
    nav.get_by_role("link", name="Projekte", exact=True).focus()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/de/projekte/$"))


def test_the_footer_ends_the_window_on_a_short_page(page, demo):
    page.set_viewport_size({"width": 1280, "height": 2400})
    page.goto(demo.url("/de/mitmachen/"))
    inner_height = page.evaluate("window.innerHeight")
    assert page.evaluate("document.documentElement.scrollHeight") <= inner_height
    bottom = page.locator(".site-footer").bounding_box()
    assert abs(bottom["y"] + bottom["height"] - inner_height) <= 1, (bottom, inner_height)


def test_a_project_prints_as_a_sketch_of_at_most_two_pages(page, demo):
    page.goto(demo.url(a_project_path()))
    page.emulate_media(media="print")
    # Only the content: no menu, search, language switch, buttons or footer links.
    for hidden in (
        page.get_by_role("navigation", name="Hauptnavigation"),
        page.get_by_role("search", name="Website-Suche"),
        page.get_by_role("navigation", name="Sprache wählen"),
        page.get_by_role("navigation", name="Rechtliches"),
        page.get_by_role("link", name="Jetzt bewerben"),
    ):
        expect(hidden).to_be_hidden()
    expect(page.locator("dl.facts")).to_be_visible()
    expect(page.locator("table.competence-profile thead")).to_be_visible()
    expect(page.locator(".print-url")).to_contain_text(page.url)

    pdf = page.pdf(format="A4")
    pages = len(re.findall(rb"/Type\s*/Page(?!s)", pdf))
    assert 1 <= pages <= 2, pages
