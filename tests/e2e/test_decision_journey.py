"""From the shortlist to a running project, walked in the browser.

The Matching-Team sends the municipality's decision-maker the private link from the back
office; the decision-maker opens it from the mail on a phone, sees only the candidate who
agreed to be shown, and chooses her; the applicant gets the mail; the team records the
Pat:in and the period; the public project page says "Läuft".
"""

import datetime
import re

from django.core import mail
from django.test import Client
from playwright.sync_api import expect

from intake.models import Application, PipelineStatus
from intake.spam import issue_started_token
from intake.tasks import deliver, pending_mail_ids
from taxonomy.models import Competency
from tests.e2e.helpers import E2E, axe_violations
from tests.e2e.test_backoffice_journey import APPLY_PATH, admin_user, sign_in

pytestmark = E2E

PROJECT_TITLE = "E-Akte im Bürgerbüro einführen"


def apply(first_name, email, *, agree_to_municipality):
    """An application sent through the public form (the browser part of applying is tested
    in test_apply_journey.py)."""
    competency = Competency.objects.canonical().get(name="E-Akte und Dokumentenmanagement")
    data = {
        "first_name": first_name,
        "last_name": "Bewerberin",
        "email": email,
        "bundesland": "HE",
        "mobility": "state",
        "available_from": "2027-03-01",
        "preferred_duration_months": "12",
        "competency_1": str(competency.pk),
        "level_1": "3",
        "motivation": f"{first_name} hat die E-Akte schon in zwei Kreisverwaltungen eingeführt.",
        "privacy_consent": "on",
        "website": "",
        "form_started": issue_started_token("application"),
    }
    if agree_to_municipality:
        data["municipality_consent"] = "on"
    response = Client().post(APPLY_PATH, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    application = Application.objects.get(candidate__email=email)
    # Screening and shortlisting happen in the admin (test_backoffice_journey.py).
    application.transition_to(PipelineStatus.SCREENING)
    application.transition_to(PipelineStatus.SHORTLISTED)
    return application


def deliver_outbox():
    """What the mail task or ``send_pending_mail`` does."""
    for mail_id in pending_mail_ids():
        deliver(mail_id)


def mails_to(address):
    return [message for message in mail.outbox if message.to == [address]]


def test_municipality_chooses_and_the_project_runs(browser, page, demo, open_forms):
    robin = apply("Robin", "robin@example.org", agree_to_municipality=True)
    sam = apply("Sam", "sam@example.org", agree_to_municipality=False)
    deliver_outbox()
    mail.outbox.clear()

    # The team: from the menu to the project's matching page, and the link sent from there.
    admin_user("matchmaker", matching_team=True)
    sign_in(page, demo, "matchmaker")
    sidebar = page.locator("#wagtail-sidebar")
    sidebar.get_by_role("button", name="Matching", exact=True).click()
    sidebar.get_by_role("link", name="Matching nach Projekt").click()
    page.get_by_role("row", name=re.compile("Witzenhausen")).get_by_role(
        "link", name=PROJECT_TITLE
    ).click()
    decision = page.locator("section", has=page.get_by_role("heading", name="Entscheidung"))
    expect(decision).to_contain_text("1 Person in der engeren Wahl hat der Weitergabe")
    decision.get_by_role("link", name="Entscheidungslink an die Kommune senden").click()

    page.get_by_label("Name der Empfänger:in").fill("Bürgermeisterin Berta")
    page.get_by_label("E-Mail der Empfänger:in").fill("berta@witzenhausen.example")
    # Robin agreed to be shown and is offered, ticked; Sam is not offered at all.
    expect(page.get_by_label("Robin Bewerberin (Engere Wahl)")).to_be_checked()
    expect(page.get_by_label(re.compile("Sam Bewerberin"))).to_have_count(0)
    page.get_by_role("button", name="Link senden").click()
    expect(
        page.get_by_text("Der Entscheidungslink ist an berta@witzenhausen.example")
    ).to_be_visible()
    links = page.get_by_role("table", name="Gesendete Entscheidungslinks")
    expect(links.get_by_test_id("link-state")).to_have_text("gültig")

    deliver_outbox()
    [invitation] = mails_to("berta@witzenhausen.example")
    url = re.search(r"^(http\S+/entscheidung/\S+/)$", invitation.body, re.MULTILINE)[1]
    assert url.startswith(demo.base)

    # The decision-maker opens the mail's link on her phone, without an account.
    context = browser.new_context(viewport={"width": 390, "height": 900}, locale="de-DE")
    mayor = context.new_page()
    response = mayor.goto(url)
    assert response.headers["x-robots-tag"].startswith("noindex")
    assert response.headers["referrer-policy"] == "no-referrer"
    expect(mayor.get_by_role("heading", name="Ihre Entscheidung", level=1)).to_be_visible()
    candidates = mayor.locator("article")
    expect(candidates).to_have_count(1)
    expect(candidates.get_by_role("heading", level=3)).to_have_text("Robin Bewerberin")
    expect(mayor.get_by_text("Sam Bewerberin")).to_have_count(0)
    expect(candidates).to_contain_text("von 100 Punkten")
    expect(candidates.get_by_role("table")).to_contain_text("E-Akte und Dokumentenmanagement")
    assert mayor.evaluate("document.documentElement.scrollWidth") <= 390
    assert axe_violations(mayor) == []

    candidates.get_by_role("link", name="Robin Bewerberin auswählen").click()
    expect(mayor.get_by_role("heading", level=1)).to_have_text("Auswählen: Robin Bewerberin")
    assert axe_violations(mayor) == []
    mayor.get_by_role("button", name="Verbindlich auswählen").click()
    expect(mayor.get_by_text("Sie haben Robin Bewerberin ausgewählt. Wir sagen zu")).to_be_visible()
    expect(mayor.get_by_test_id("decision-state")).to_contain_text("von Ihnen ausgewählt")
    expect(mayor.get_by_role("link", name=re.compile("auswählen"))).to_have_count(0)
    context.close()

    deliver_outbox()
    [good_news] = mails_to("robin@example.org")
    assert good_news.subject == f"Zusage für das Projekt „{PROJECT_TITLE}“"
    [notice] = mails_to(open_forms.MATCHING_TEAM_EMAIL)
    assert notice.subject.startswith("Entscheidung der Kommune: Robin Bewerberin – ausgewählt")

    # The team records the Pat:in and the agreed period from the matching page.
    page.reload()
    decision = page.locator("section", has=page.get_by_role("heading", name="Entscheidung"))
    decision.get_by_role("link", name="Projektstart festhalten").click()
    start = datetime.date.today() + datetime.timedelta(days=60)
    page.get_by_label("Name der Pat:in").fill("Paula Pat")
    page.get_by_label("Funktion der Pat:in").fill("Fachbereichsleitung Bürgerservice")
    page.get_by_label("Dienststelle der Pat:in").fill("Rathaus Witzenhausen")
    page.get_by_label("Vereinbarter Start").fill(start.isoformat())
    page.get_by_label("Vereinbartes Ende").fill(start.replace(year=start.year + 1).isoformat())
    expect(page.get_by_label(re.compile("freundlich absagen"))).to_be_checked()
    page.get_by_role("button", name="Speichern und Projekt starten").click()
    expect(page.get_by_text("Die Projektseite steht jetzt auf „Läuft“")).to_be_visible()
    expect(page.get_by_test_id("status")).to_have_text("Angenommen")

    deliver_outbox()
    [decline] = mails_to("sam@example.org")
    assert "leider keine Zusage" in decline.subject
    sam.refresh_from_db()
    robin.refresh_from_db()
    assert (robin.status, sam.status) == (PipelineStatus.ACCEPTED, PipelineStatus.DECLINED)

    # Any visitor now sees the project running, with its start; the Pat:in stays private.
    visitor = browser.new_context(viewport={"width": 1280, "height": 900}, locale="de-DE")
    public = visitor.new_page()
    public.goto(demo.url(APPLY_PATH.removesuffix("bewerben/")))
    header = public.locator("header.page-header")
    expect(header.locator(".badge")).to_have_text("Läuft")
    facts = public.locator("dl.facts")
    month = ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August"]
    month += ["September", "Oktober", "November", "Dezember"]
    expect(facts).to_contain_text(f"{month[start.month - 1]} {start.year}")
    expect(public.get_by_text("Paula Pat")).to_have_count(0)
    visitor.close()
    assert page.problems == []
