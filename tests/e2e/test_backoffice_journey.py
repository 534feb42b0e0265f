"""The Matching-Team works through an application in the Wagtail admin; an editor outside
the team sees neither the menu nor the application."""

import re

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.test import Client
from playwright.sync_api import expect

from backoffice.privacy import pseudonym
from intake.models import Application, PipelineStatus
from intake.spam import issue_started_token
from taxonomy.models import Competency
from tests.e2e.helpers import E2E, save_screenshot

pytestmark = E2E

PASSWORD = "matching-mit-langem-passwort"
APPLY_PATH = "/de/projekte/e-akte-im-buergerbuero-einfuehren-witzenhausen/bewerben/"


def admin_user(username, *, matching_team):
    """A non-superuser who may use the admin; in the Matching-Team group if asked."""
    user = get_user_model().objects.create_user(
        username, f"{username}@example.org", PASSWORD, first_name=username.title()
    )
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    if matching_team:
        group, _ = Group.objects.get_or_create(name=settings.MATCHING_TEAM_GROUP_NAME)
        user.groups.add(group)
    return user


def sign_in(page, demo, username):
    """Sign in through the admin's login form and land on the dashboard."""
    page.goto(demo.url("/admin/login/"))
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("form button[type=submit]").first.click()
    expect(page).to_have_url(re.compile(r"/admin/$"))


def submit_application():
    """An application sent through the public form (by the test client: the browser part of
    applying is tested in test_apply_journey.py)."""
    competency = Competency.objects.canonical().get(name="E-Akte und Dokumentenmanagement")
    response = Client().post(
        APPLY_PATH,
        {
            "first_name": "Robin",
            "last_name": "Bewerberin",
            "email": "robin@example.org",
            "bundesland": "HE",
            "mobility": "state",
            "available_from": "2027-03-01",
            "preferred_duration_months": "12",
            "competency_1": str(competency.pk),
            "level_1": "3",
            "motivation": "Ich habe die E-Akte schon in zwei Kreisverwaltungen eingeführt.",
            "privacy_consent": "on",
            "website": "",
            "form_started": issue_started_token("application"),
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    return Application.objects.get(candidate__email="robin@example.org")


def test_matching_team_moves_an_application_and_adds_a_note(page, demo, open_forms):
    application = submit_application()
    admin_user("matchmaker", matching_team=True)
    sign_in(page, demo, "matchmaker")

    expect(
        page.locator("#wagtail-sidebar").get_by_role("button", name="Matching", exact=True)
    ).to_be_visible()
    # From the dashboard panel to the received applications, then to Robin's.
    panel = page.locator("section", has=page.get_by_role("heading", name="Bewerbungen nach Status"))
    panel.get_by_role("link", name="Eingegangen").click()
    expect(page).to_have_url(re.compile(r"/admin/matching/bewerbungen/"))
    # During screening the listing names the person by a pseudonym only (blind screening).
    expect(page.get_by_role("link", name=re.compile("Robin"))).to_have_count(0)
    page.get_by_role("link", name=pseudonym(application.candidate_id), exact=True).click()
    expect(page).to_have_url(re.compile(rf"/admin/matching/bewerbungen/inspect/{application.pk}/"))
    status = page.get_by_test_id("status")
    expect(status).to_have_text("Eingegangen")

    steps = page.locator("section", has=page.get_by_role("heading", name="Nächster Schritt"))
    steps.get_by_role("button", name="In Sichtung").click()
    expect(status).to_have_text("In Sichtung")
    steps.get_by_label("Kommentar (optional)").fill("Passt fachlich sehr gut.")
    steps.get_by_role("button", name="Engere Wahl").click()
    expect(status).to_have_text("Engere Wahl")

    notes = page.locator("section", has=page.get_by_role("heading", name="Notizen"))
    notes.get_by_label("Neue Notiz").fill("Gespräch am Dienstag vereinbart.")
    notes.get_by_role("button", name="Notiz hinzufügen").click()
    expect(notes.locator("article")).to_contain_text("Gespräch am Dienstag vereinbart.")
    expect(notes.locator("article")).to_contain_text("Matchmaker")

    # The history shows both steps, who made them and the comment.
    history = page.locator("section", has=page.get_by_role("heading", name="Verlauf"))
    rows = history.locator("tbody tr")
    expect(rows.filter(has_text="In Sichtung").filter(has_text="Matchmaker")).not_to_have_count(0)
    expect(rows.filter(has_text="Engere Wahl")).to_contain_text("Passt fachlich sehr gut.")
    save_screenshot(page, "backoffice-application")

    application.refresh_from_db()
    assert application.status == PipelineStatus.SHORTLISTED
    assert application.notes.get().text == "Gespräch am Dienstag vereinbart."
    assert page.problems == []


def test_editor_outside_the_team_sees_no_matching_menu_and_gets_403(page, demo, open_forms):
    application = submit_application()
    admin_user("redakteurin", matching_team=False)
    sign_in(page, demo, "redakteurin")

    # The sidebar is drawn by script: wait until it shows its links, then look for the menu.
    sidebar = page.locator("#wagtail-sidebar")
    expect(sidebar.locator("a").first).to_be_visible()
    expect(sidebar.get_by_role("button", name="Matching", exact=True)).to_have_count(0)
    expect(page.get_by_role("heading", name="Bewerbungen nach Status")).to_have_count(0)

    response = page.goto(demo.url(f"/admin/matching/bewerbungen/inspect/{application.pk}/"))
    assert response.status == 403
    expect(page.locator("body")).not_to_contain_text("Robin")
