"""A search alert in the browser: from a filtered listing to the confirmed alert and back out.

The visitor starts at the home page, filters the projects, saves the search as an alert,
confirms it with the link of the mail (Django's mail outbox stands in for the mailbox), gets
a digest once a matching project is published, and unsubscribes with the digest's link.
"""

import datetime
import io
import re

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from playwright.sync_api import expect

from alerts.models import SearchAlert
from projects.models import ProjectIndexPage, ProjectStatus
from taxonomy.models import Bundesland, Municipality
from tests import factories
from tests.e2e.helpers import E2E, main_menu

pytestmark = E2E

WIDTHS = [pytest.param(390, id="phone"), pytest.param(1280, id="desktop")]


def link_in(message, marker):
    return next(w for w in message.body.split() if w.startswith("http") and marker in w)


@pytest.mark.parametrize("width", WIDTHS)
def test_save_confirm_and_unsubscribe_an_alert(page, demo, open_forms, width):
    address = f"alert-{width}@example.org"
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(demo.url("/de/"))
    main_menu(page).get_by_role("link", name="Projekte", exact=True).click()
    # Whether the panel is folded is asked of the listing, not of the home page still shown
    # while the browser navigates (clicking the summary there would fold an open panel).
    expect(page).to_have_url(re.compile(r"/de/projekte/$"))
    page.wait_for_load_state()

    filters = page.get_by_role("search", name="Projekte suchen")
    hessen = filters.get_by_role("checkbox", name=re.compile(r"^Hessen \(\d+\)$"))
    if not hessen.is_visible():
        filters.locator("summary", has_text="Filter und Sortierung").click()
    hessen.check()
    filters.get_by_role("checkbox", name=re.compile(r"^Ausgeschrieben \(\d+\)$")).check()
    filters.get_by_role("button", name=re.compile(r"Projekte? anzeigen$")).click()
    expect(page).to_have_url(re.compile(r"bundesland=HE"))

    offer = page.get_by_role("link", name="Per E-Mail benachrichtigen", exact=True)
    expect(offer).to_be_visible()
    offer.click()

    expect(page.locator("h1")).to_have_text("Per E-Mail benachrichtigen")
    # The visitor sees in words what will be saved.
    expect(page.locator(".alert-summary")).to_have_text(
        "Bundesland: Hessen · Status: Ausgeschrieben"
    )
    form = page.locator("main form[method=post]")
    form.get_by_label("Ihre E-Mail-Adresse").fill(address)
    form.get_by_label("Täglich").check()
    form.get_by_role("checkbox", name=re.compile("Ich bin einverstanden")).check()
    form.get_by_role("button", name="Benachrichtigung speichern").click()
    expect(page.locator("h1")).to_have_text("Bitte bestätigen Sie Ihre E-Mail-Adresse")
    assert page.evaluate("document.documentElement.scrollWidth") <= width

    alert = SearchAlert.objects.get(email=address)
    assert alert.confirmed_at is None
    [confirmation] = [m for m in mail.outbox if address in m.to]
    page.goto(link_in(confirmation, "/bestaetigen/"))
    page.get_by_role("button", name="Ja, Benachrichtigung aktivieren").click()
    expect(page.locator("h1")).to_have_text("Benachrichtigung ist aktiv")
    alert.refresh_from_db()
    assert alert.confirmed_at is not None

    # A new open project in Hessen is published; the daily cron run mails it.
    listing = ProjectIndexPage.objects.get(locale__language_code="de")
    municipality = Municipality.objects.filter(
        bundesland=Bundesland.HESSEN, locale__language_code="de"
    ).first()
    factories.ProjectPageFactory(
        parent=listing,
        title="Neues Projekt für die Benachrichtigung",
        municipality=municipality,
        status=ProjectStatus.OPEN,
    )
    SearchAlert.objects.filter(pk=alert.pk).update(
        last_sent_at=timezone.now() - datetime.timedelta(days=1)
    )
    call_command("send_alerts", stdout=io.StringIO())
    [digest] = [m for m in mail.outbox if address in m.to and m is not confirmation]
    assert "Neues Projekt für die Benachrichtigung" in digest.body
    assert digest.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"

    page.goto(link_in(digest, "/abbestellen/"))
    unsubscribe = page.get_by_role("button", name="Ja, abbestellen")
    expect(unsubscribe).to_be_visible()
    unsubscribe.click()
    expect(page.locator("h1")).to_have_text("Benachrichtigung abbestellt")
    assert not SearchAlert.objects.filter(email=address).exists()
    assert page.problems == []
