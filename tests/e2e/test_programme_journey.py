"""The Begleitprogramm walked in the browser: a Macher:in finds a full workshop from the home
page, lands on its waiting list, and moves up when someone cancels through the private link
from their mail. The team sees the names in the back office.
"""

import re

from django.core import mail
from playwright.sync_api import expect

from intake.tasks import deliver, pending_mail_ids
from programme.models import EventPage, Registration
from programme.registrations import register
from tests.e2e.helpers import E2E, axe_violations
from tests.e2e.test_backoffice_journey import admin_user, sign_in

pytestmark = E2E

WORKSHOP = "Workshop: Veränderung anstoßen, ohne anzuecken"


def deliver_outbox():
    """What the mail task or ``send_pending_mail`` does."""
    for mail_id in pending_mail_ids():
        deliver(mail_id)


def mails_to(address):
    return [message for message in mail.outbox if message.to == [address]]


def link_in(message, marker):
    return re.search(rf"^(http\S+{marker}\S*)$", message.body, re.MULTILINE)[1]


def test_macherin_moves_up_from_the_waiting_list(browser, page, demo, open_forms):
    # The demo workshop is nearly full (11 of 12); Kim takes the last place.
    workshop = EventPage.objects.get(title=WORKSHOP)
    assert workshop.places_left() == 1
    register(workshop, name="Kim Vorher", email="kim@example.org")
    deliver_outbox()
    [kim_confirmation] = mails_to("kim@example.org")
    assert kim_confirmation.subject == f"Anmeldung bestätigt: {WORKSHOP}"
    mail.outbox.clear()

    # The Macher:in, on her phone: home page -> footer -> programme -> the workshop.
    context = browser.new_context(viewport={"width": 390, "height": 900}, locale="de-DE")
    phone = context.new_page()
    phone.goto(demo.url("/de/"))
    phone.locator("footer").get_by_role("link", name="Begleitprogramm").click()
    expect(phone.get_by_role("heading", name="Begleitprogramm", level=1)).to_be_visible()
    assert axe_violations(phone) == []
    card = phone.locator(".card", has=phone.get_by_role("link", name=WORKSHOP))
    expect(card).to_contain_text("Ausgebucht – Anmeldung auf die Warteliste möglich")
    card.get_by_role("link", name=WORKSHOP).click()
    expect(phone.get_by_role("heading", name=WORKSHOP, level=1)).to_be_visible()
    expect(phone.get_by_text("Die Veranstaltung ist ausgebucht.")).to_be_visible()
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390
    assert axe_violations(phone) == []

    phone.get_by_label("Ihr Name").fill("Mara Macherin")
    phone.get_by_label("E-Mail-Adresse").fill("mara@example.org")
    phone.get_by_label("Organisation oder Kommune (freiwillig)").fill("Stadt Eschwege")
    phone.get_by_label(re.compile("Ich bin einverstanden")).check()
    phone.get_by_role("button", name="Auf die Warteliste setzen").click()
    expect(phone.get_by_text(re.compile("Sie stehen auf Platz 1 der Warteliste"))).to_be_visible()

    deliver_outbox()
    [waiting] = mails_to("mara@example.org")
    assert waiting.subject == f"Warteliste: {WORKSHOP}"
    mara_link = link_in(waiting, "/abmelden/")
    assert mara_link.startswith(demo.base)
    # Registering the same address again is refused, clearly, and nothing is lost.
    phone.get_by_label("Ihr Name").fill("Mara Macherin")
    phone.get_by_label("E-Mail-Adresse").fill("mara@example.org")
    phone.get_by_label(re.compile("Ich bin einverstanden")).check()
    phone.get_by_role("button", name="Auf die Warteliste setzen").click()
    expect(
        phone.get_by_text(re.compile("bereits jemand für diese Veranstaltung")).first
    ).to_be_visible()
    expect(phone.get_by_label("Ihr Name")).to_have_value("Mara Macherin")
    assert Registration.objects.filter(email="mara@example.org").count() == 1

    # Kim cannot come and cancels through the link in her confirmation.
    page.goto(link_in(kim_confirmation, "/abmelden/"))
    expect(page.get_by_role("heading", name="Ihre Anmeldung", level=1)).to_be_visible()
    expect(page.get_by_text("Angemeldet, Ihr Platz ist sicher")).to_be_visible()
    assert axe_violations(page) == []
    page.get_by_role("button", name="Von der Veranstaltung abmelden").click()
    expect(page.get_by_text(re.compile("Sie sind abgemeldet."))).to_be_visible()

    # Mara moved up on her own and is told so.
    deliver_outbox()
    moved = [
        m for m in mails_to("mara@example.org") if m.subject.startswith("Sie sind nachgerückt")
    ]
    assert len(moved) == 1
    phone.goto(mara_link)
    expect(phone.get_by_text("Angemeldet, Ihr Platz ist sicher")).to_be_visible()
    context.close()

    # The team finds the names in the back office (counts on the event: test_programme.py).
    admin_user("matchmaker", matching_team=True)
    sign_in(page, demo, "matchmaker")
    sidebar = page.locator("#wagtail-sidebar")
    sidebar.get_by_role("button", name="Matching", exact=True).click()
    sidebar.get_by_role("link", name="Anmeldungen Begleitprogramm").click()
    row = page.get_by_role("row", name=re.compile("Mara Macherin"))
    expect(row).to_contain_text("Angemeldet")
    expect(page.get_by_role("row", name=re.compile("Kim Vorher"))).to_contain_text("Abgemeldet")
