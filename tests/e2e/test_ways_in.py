"""Ways in: from the home page to each public form by clicking only what a visitor sees.

Each journey starts at the home page (the only address typed), at a phone's 390 px and a
desktop's 1280 px, and counts the clicks it needs to reach the form.
"""

import re

import pytest
from playwright.sync_api import expect

from intake.models import CompanyOffer, ContactRequest, MunicipalityRequest
from tests.e2e.helpers import E2E

pytestmark = E2E

WIDTHS = [pytest.param(390, id="phone"), pytest.param(1280, id="desktop")]


class Walk:
    """A visitor's walk: every step is a click on a visible link or button."""

    def __init__(self, page):
        self.page = page
        self.clicks = 0

    def click(self, locator):
        expect(locator).to_be_visible()
        locator.click()
        self.clicks += 1


def start_at_home(page, demo, width, language="de"):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(demo.url(f"/{language}/"))
    return Walk(page)


def main_menu(page):
    return page.get_by_role("navigation", name=re.compile("Hauptnavigation|Main navigation"))


@pytest.mark.parametrize("width", WIDTHS)
def test_a_mayor_suggests_a_project_from_the_home_page(page, demo, open_forms, width):
    walk = start_at_home(page, demo, width)
    walk.click(page.locator(".hero").get_by_role("link", name="Projekt vorschlagen"))

    expect(page.locator("h1")).to_have_text("Projekt vorschlagen")
    assert walk.clicks <= 3
    # What happens next is said before anyone fills anything in.
    expect(page.get_by_text("Was danach passiert")).to_be_visible()
    expect(page.get_by_text("innerhalb einer Woche")).to_be_visible()

    form = page.locator("main form[method=post]")
    form.get_by_label("Kommune oder Behörde").fill("Gemeinde Musterhausen")
    form.get_by_label("Bundesland").select_option(label="Hessen")
    form.get_by_label("Ihr Name").fill("Maria Bürgermeisterin")
    form.get_by_label("E-Mail-Adresse").fill("buergermeisterin@musterhausen.example")
    form.get_by_label("Vor welcher Herausforderung stehen Sie?").fill(
        "Unsere Bürgerdienste sollen online erreichbar werden, uns fehlt dafür die Zeit."
    )
    form.get_by_role("checkbox", name=re.compile("Ich bin einverstanden")).check()
    walk.click(form.get_by_role("button", name="Absenden"))

    expect(page).to_have_url(re.compile(r"/projekt-vorschlagen/danke/$"))
    assert MunicipalityRequest.objects.filter(municipality_name="Gemeinde Musterhausen").exists()


@pytest.mark.parametrize("width", WIDTHS)
def test_the_get_involved_hub_in_the_menu_leads_to_every_form(page, demo, width):
    walk = start_at_home(page, demo, width)
    walk.click(main_menu(page).get_by_role("link", name="Mitmachen"))

    expect(page.locator("h1")).to_have_text("Mitmachen")
    cards = page.locator(".card-grid .card")
    expect(cards).to_have_count(4)
    for title in (
        "Initiativbewerbung für den Talentpool",
        "Projekt vorschlagen",
        "Mitarbeitende freistellen",
        "Lokalprojekte fördern",
    ):
        card = cards.filter(has_text=title)
        # Who it is for, how long it takes and what happens next, on every card.
        expect(card).to_contain_text("Für")
        expect(card).to_contain_text("Zeitaufwand")
        expect(card).to_contain_text("Danach")

    walk.click(cards.get_by_role("link", name="Mitarbeitende freistellen"))
    expect(page.locator("h1")).to_have_text("Mitarbeitende freistellen")
    assert walk.clicks == 2


@pytest.mark.parametrize("width", WIDTHS)
def test_a_company_offers_staff_from_its_audience_page(page, demo, open_forms, width):
    walk = start_at_home(page, demo, width)
    walk.click(page.locator("main").get_by_role("link", name="Für Unternehmen"))
    walk.click(page.locator("main").get_by_role("link", name="Mitarbeitende freistellen"))
    expect(page.locator("h1")).to_have_text("Mitarbeitende freistellen")

    form = page.locator("main form[method=post]")
    form.get_by_label("Unternehmen").fill("Beispiel AG")
    form.get_by_label("Ihr Name").fill("Kai Personal")
    form.get_by_label("E-Mail-Adresse").fill("kai@beispiel-ag.example")
    form.get_by_label("Wie viele Mitarbeitende könnten Sie freistellen?").fill("2")
    form.get_by_role("checkbox", name=re.compile("Ich bin einverstanden")).check()
    walk.click(form.get_by_role("button", name="Absenden"))

    expect(page).to_have_url(re.compile(r"/danke/$"))
    assert CompanyOffer.objects.filter(company_name="Beispiel AG").exists()
    assert walk.clicks <= 4


@pytest.mark.parametrize("width", WIDTHS)
def test_a_funder_gets_in_touch_from_its_audience_page(page, demo, open_forms, width):
    walk = start_at_home(page, demo, width)
    walk.click(page.locator("main").get_by_role("link", name="Für Förderer"))
    walk.click(page.locator("main").get_by_role("link", name="Kontakt aufnehmen"))

    form = page.locator("main form[method=post]")
    form.get_by_label("Ihr Name").fill("Frida Förderin")
    form.get_by_label("Stiftung, Unternehmen oder Institution").fill("Stiftung Beispiel")
    form.get_by_label("E-Mail-Adresse").fill("frida@stiftung.example")
    form.get_by_label("Ihre Nachricht").fill("Wir möchten zwei Projekte in Hessen fördern.")
    form.get_by_role("checkbox", name=re.compile("Ich bin einverstanden")).check()
    walk.click(form.get_by_role("button", name="Absenden"))

    expect(page).to_have_url(re.compile(r"/danke/$"))
    assert ContactRequest.objects.filter(organisation="Stiftung Beispiel").exists()
    assert walk.clicks <= 3


@pytest.mark.parametrize("width", WIDTHS)
def test_in_english_the_hero_leads_to_the_open_projects(page, demo, width):
    walk = start_at_home(page, demo, width, language="en")
    walk.click(page.locator(".hero").get_by_role("link", name="See open projects"))

    expect(page).to_have_url(re.compile(r"/en/projects/$"))
    walk.click(main_menu(page).get_by_role("link", name="Get involved"))
    expect(page.locator("h1")).to_have_text("Get involved")
    expect(page.locator(".card-grid .card")).to_have_count(4)
