"""The team shortlists an application in the Wagtail admin; the applicant receives the mail,
follows its link and sees "Engere Wahl" as the current stage of the timeline, on a phone and
on a desktop."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from backoffice.privacy import pseudonym
from intake.tasks import deliver, pending_mail_ids
from tests.e2e.helpers import E2E, axe_violations
from tests.e2e.test_backoffice_journey import admin_user, sign_in, submit_application

pytestmark = E2E

SUBJECT = "Sie sind in der engeren Wahl: „E-Akte im Bürgerbüro einführen“"


def shortlist_in_the_admin(page, demo, application):
    """Sign in as a team member and move the application to the shortlist by clicking."""
    admin_user("matchmaker", matching_team=True)
    sign_in(page, demo, "matchmaker")
    sidebar = page.locator("#wagtail-sidebar")
    sidebar.get_by_role("button", name="Matching", exact=True).click()
    sidebar.get_by_role("link", name="Bewerbungen", exact=True).click()
    expect(page).to_have_url(re.compile(r"/admin/matching/bewerbungen/"))
    page.get_by_role("link", name=pseudonym(application.candidate_id), exact=True).click()
    steps = page.locator("section", has=page.get_by_role("heading", name="Nächster Schritt"))
    status = page.get_by_test_id("status")

    steps.get_by_role("button", name="In Sichtung").click()
    expect(status).to_have_text("In Sichtung")
    expect(page.get_by_text("bekommt dazu eine E-Mail")).to_have_count(0)
    steps.get_by_role("button", name="Engere Wahl").click()
    expect(status).to_have_text("Engere Wahl")
    expect(page.get_by_text("Die Bewerber:in bekommt dazu eine E-Mail.")).to_be_visible()


@pytest.fixture
def shortlisted_mail(page, demo, open_forms):
    """The mail the applicant got after the team shortlisted their application."""
    application = submit_application()
    mail.outbox.clear()  # the confirmation of the application itself

    shortlist_in_the_admin(page, demo, application)
    for mail_id in pending_mail_ids():  # what the task or send_pending_mail does
        deliver(mail_id)

    [message] = [m for m in mail.outbox if m.to == ["robin@example.org"]]
    assert message.subject == SUBJECT
    assert page.problems == []
    return message


@pytest.mark.parametrize("width", [390, 1280])
def test_applicant_follows_the_mail_to_the_timeline(browser, shortlisted_mail, demo, width):
    link = re.search(r"^(http\S+/bewerbung/\S+/)$", shortlisted_mail.body, re.MULTILINE)[1]
    assert link.startswith(demo.base)
    context = browser.new_context(viewport={"width": width, "height": 900}, locale="de-DE")
    applicant = context.new_page()

    applicant.goto(link)

    expect(applicant.get_by_role("heading", name="Stand: In der engeren Wahl")).to_be_visible()
    stages = applicant.locator("ol.timeline > li")
    expect(stages).to_have_count(5)
    current = applicant.locator('ol.timeline > li[aria-current="step"]')
    expect(current).to_have_count(1)
    expect(current).to_contain_text("Engere Wahl")
    expect(current).to_contain_text("aktueller Schritt")
    expect(stages.nth(1)).to_contain_text("erledigt")
    expect(stages.nth(3)).to_contain_text("noch offen")
    assert applicant.evaluate("document.documentElement.scrollWidth") <= width
    assert axe_violations(applicant) == []

    # The way on is the primary button; withdrawing is a plain secondary one further down.
    withdraw = applicant.get_by_role("link", name="Bewerbung zurückziehen …")
    expect(withdraw).to_have_class(re.compile(r"\bbutton--secondary\b"))
    applicant.get_by_role("link", name="Weitere offene Projekte ansehen").click()
    expect(applicant).to_have_url(re.compile(r"/de/projekte/\?status=open$"))
    context.close()
