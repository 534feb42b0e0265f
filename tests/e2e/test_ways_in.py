"""Ways in: from the home page to each public form by clicking only what a visitor sees.

Each journey starts at the home page (the only address typed), at a phone's 390 px and a
desktop's 1280 px, and counts the clicks it needs to reach the form.
"""

import re

import pytest
from playwright.sync_api import expect

from intake.models import Application, CompanyOffer, ContactRequest, MunicipalityRequest
from tests.e2e.helpers import E2E
from tests.e2e.test_apply_journey import MINIMAL_PDF, write_cv

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

    def main_menu(self):
        """The main navigation; on a phone the "Menü" button is clicked first (one click)."""
        self.page.wait_for_load_state()  # asked of the page navigated to, not the one before
        toggle = self.page.locator(".site-header summary")
        if toggle.is_visible():
            self.click(toggle)
        return self.page.get_by_role(
            "navigation", name=re.compile("Hauptnavigation|Main navigation")
        )


def start_at_home(page, demo, width, language="de"):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(demo.url(f"/{language}/"))
    return Walk(page)


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
    walk.click(walk.main_menu().get_by_role("link", name="Mitmachen"))

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
    assert walk.clicks == (3 if width < 1280 else 2)  # phones open the folded menu first


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
    walk.click(walk.main_menu().get_by_role("link", name="Get involved"))
    expect(page.locator("h1")).to_have_text("Get involved")
    expect(page.locator(".card-grid .card")).to_have_count(4)


@pytest.mark.parametrize("width", WIDTHS)
def test_a_ux_designer_finds_a_remote_project_in_nrw_and_applies_with_her_cv(
    page, demo, open_forms, tmp_path, width
):
    walk = start_at_home(page, demo, width)
    walk.click(page.locator(".hero").get_by_role("link", name="Offene Projekte ansehen"))

    # Phones keep the filters folded away below the search field; desktops show them.
    filters = page.get_by_role("search", name="Projekte suchen")
    panel = filters.locator("summary", has_text="Filter und Sortierung")
    nrw = filters.get_by_role("checkbox", name=re.compile(r"^Nordrhein-Westfalen \(\d+\)$"))
    expect(page).to_have_url(re.compile(r"/de/projekte/$"))
    page.wait_for_load_state("load")  # the panel's script has decided whether it is open
    if not panel.evaluate("summary => summary.parentElement.open"):
        walk.click(panel)
    nrw.check()
    filters.get_by_role("checkbox", name=re.compile(r"^überwiegend mobil")).check()
    filters.get_by_role("checkbox", name=re.compile(r"^UX\/UI-Design \(\d+\)$")).check()
    walk.click(filters.get_by_role("button", name=re.compile(r"^\d+ Projekte? anzeigen$")))

    # Every result is open, in NRW and mostly remote, and the card says so before a click.
    expect(page.get_by_role("link", name=re.compile("^Filter entfernen"))).to_have_count(3)
    cards = page.locator(".card-grid .card")
    expect(cards.first).to_be_visible()
    for card in cards.all():
        expect(card).to_contain_text("Nordrhein-Westfalen")
        remote = card.locator("dt:text-is('Mobiles Arbeiten') + dd").inner_text()
        assert int(re.match(r"\d+", remote).group(0)) >= 50, remote
    card = cards.filter(has_text="Onlinedienste, die Bürger:innen gern nutzen")
    expect(card).to_contain_text("Ausgeschrieben")
    walk.click(card.get_by_role("link").first)
    walk.click(page.get_by_role("link", name="Jetzt bewerben"))

    form = page.locator("main form[method=post]")
    form.get_by_label("Vorname").fill("Yasemin")
    form.get_by_label("Nachname").fill("Beispiel")
    form.get_by_label("E-Mail-Adresse").fill(f"yasemin{width}@example.org")
    form.get_by_label("Bundesland Ihres Wohnorts").select_option(label="Nordrhein-Westfalen")
    form.get_by_label("In meinem Bundesland").check()
    form.get_by_label("Verfügbar ab").fill("2027-03-01")
    form.get_by_label("Gewünschte Projektdauer").select_option(label="12 Monate")
    form.get_by_label("Ihre Motivation").fill("Ich gestalte seit zehn Jahren digitale Dienste.")
    form.get_by_label("Lebenslauf (freiwillig)").set_input_files(str(write_cv(tmp_path)))
    # The mistake: she forgets the consent box.
    walk.click(form.get_by_role("button", name="Bewerbung absenden"))

    expect(page.locator("#error-summary")).to_be_visible()
    expect(form.locator(".upload-kept")).to_contain_text(
        "Lebenslauf Alex Beispiel.pdf ist angehängt."
    )
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    form.get_by_label(re.compile("Ich bin einverstanden")).check()
    walk.click(form.get_by_role("button", name="Bewerbung absenden"))

    expect(page.locator("h1")).to_have_text("Vielen Dank!")
    application = Application.objects.select_related("candidate", "project").get(
        candidate__email=f"yasemin{width}@example.org"
    )
    assert application.project.title == "Onlinedienste, die Bürger:innen gern nutzen"
    assert application.candidate.cv.read() == MINIMAL_PDF
    assert page.problems == []
