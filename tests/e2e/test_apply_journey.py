"""A visitor applies to an open project with a CV, gets the confirmation mail and follows its
private link to the status page; a keyboard user completes the same form without a mouse."""

import re
from pathlib import Path

from django.conf import settings
from django.core import mail
from playwright.sync_api import expect

from intake.models import Application, PipelineStatus
from tests.e2e.helpers import E2E, complete_form_with_keyboard, save_screenshot

pytestmark = E2E

PROJECT = "E-Akte im Bürgerbüro einführen"
PROJECT_PATH = "/de/projekte/e-akte-im-buergerbuero-einfuehren-witzenhausen/"
# The smallest file the upload check accepts as a PDF (it looks at the content, not the name).
MINIMAL_PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def write_cv(tmp_path):
    """A real (minimal) PDF on disk, as a visitor would pick it in the file dialog."""
    cv = tmp_path / "Lebenslauf Alex Beispiel.pdf"
    cv.write_bytes(MINIMAL_PDF)
    return cv


def profile_names(project):
    """The competencies of a project's profile, by German name."""
    return [row.competency.name for row in project.specific.competence_profile.all()]


def find_open_project(page, demo):
    """From the listing, narrow down by two facets and open the project."""
    page.goto(demo.url("/de/projekte/"))
    filters = page.get_by_role("search", name="Projekte suchen")
    # The facet labels may carry their counts, e.g. "Hessen (3)".
    filters.get_by_role("checkbox", name=re.compile(r"^Hessen\b")).check()
    filters.get_by_role("checkbox", name=re.compile(r"^Digitale Verwaltung\b")).check()
    filters.get_by_role("button", name="Suchen").click()
    expect(page).to_have_url(re.compile(r"bundesland=HE.*topic=\d+|topic=\d+.*bundesland=HE"))
    page.locator(".card-grid .card").filter(has_text=PROJECT).get_by_role("link").first.click()
    expect(page.locator("h1")).to_have_text(PROJECT)


def status_link_from_mail(address):
    """The private status link from the confirmation mail sent to ``address``."""
    confirmations = [message for message in mail.outbox if address in message.to]
    assert len(confirmations) == 1, [message.to for message in mail.outbox]
    match = re.search(r"https?://\S+/de/bewerbung/[\w-]+/", confirmations[0].body)
    assert match, confirmations[0].body
    return match.group(0)


def test_visitor_applies_with_a_cv_and_follows_the_status_link(page, demo, open_forms, tmp_path):
    find_open_project(page, demo)
    page.get_by_role("link", name="Jetzt bewerben").click()
    expect(page).to_have_url(re.compile(r"/bewerben/$"))
    expect(page.locator("h1")).to_contain_text(PROJECT)

    form = page.locator("main form[method=post]")
    form.get_by_label("Vorname").fill("Alex")
    form.get_by_label("Nachname").fill("Beispiel")
    form.get_by_label("E-Mail-Adresse").fill("alex@example.org")
    form.get_by_label("Bundesland Ihres Wohnorts").select_option(label="Hessen")
    form.get_by_label("In meinem Bundesland").check()
    form.get_by_label("Verfügbar ab").fill("2027-03-01")
    form.get_by_label("Gewünschte Projektdauer").select_option(label="12 Monate")
    # The rows start with the project's competence profile; the visitor adjusts them: the
    # level of the first to their own, the second (which they do not bring) set back.
    first = form.get_by_label("Kompetenz 1", exact=True)
    expect(first.locator("option:checked")).to_have_text("E-Akte und Dokumentenmanagement")
    form.get_by_label("Ihr Niveau in Kompetenz 1").select_option(label="Grundkenntnisse")
    dropped = form.get_by_label("Kompetenz 2", exact=True).locator("option:checked").inner_text()
    form.get_by_label("Kompetenz 2", exact=True).select_option(label="Kompetenz wählen")
    form.get_by_label("Ihre Motivation").fill(
        "Ich habe in zwei Landkreisen die E-Akte eingeführt und möchte das Bürgerbüro dabei "
        "begleiten, ohne dass die Beschäftigten den Überblick verlieren."
    )
    form.get_by_label("Lebenslauf (freiwillig)").set_input_files(str(write_cv(tmp_path)))
    form.get_by_label(re.compile("Ich bin einverstanden")).check()
    # The screenshot shows the top of the filled-in form, not the page's introduction.
    form.evaluate("form => form.scrollIntoView({block: 'start'})")
    save_screenshot(page, "application-form")
    form.get_by_role("button", name="Bewerbung absenden").click()

    expect(page.locator("h1")).to_have_text("Vielen Dank!")
    expect(page.get_by_role("status")).to_contain_text("Ihre Bewerbung ist bei uns angekommen")
    expect(page).to_have_url(re.compile(r"/bewerben/danke/$"))

    application = Application.objects.select_related("candidate", "project").get()
    assert application.project.title == PROJECT
    assert application.status == PipelineStatus.RECEIVED
    candidate = application.candidate
    assert (candidate.first_name, candidate.email) == ("Alex", "alex@example.org")
    assert sorted(c.competency.name for c in candidate.competencies.all()) == sorted(
        set(profile_names(application.project)) - {dropped}
    )
    assert candidate.competencies.get(competency__name__startswith="E-Akte").level == 1
    # The CV lies under PRIVATE_MEDIA_ROOT (never under the public MEDIA_ROOT) with its content.
    cv_path = Path(candidate.cv.path)
    assert cv_path.is_relative_to(Path(settings.PRIVATE_MEDIA_ROOT))
    assert not cv_path.is_relative_to(Path(settings.MEDIA_ROOT))
    assert cv_path.read_bytes() == MINIMAL_PDF
    assert "Alex" not in cv_path.name  # the sender's file name is not kept

    status_url = status_link_from_mail("alex@example.org")
    page.goto(status_url)
    expect(page.locator("h1")).to_have_text("Ihre Bewerbung")
    expect(page.locator(".page-header .lead")).to_contain_text(PROJECT)
    expect(page.locator('ol.timeline > li[aria-current="step"]')).to_contain_text("Eingegangen")
    assert page.problems == []


def test_keyboard_user_completes_the_application_form(page, demo, open_forms, tmp_path):
    page.goto(demo.url(f"{PROJECT_PATH}bewerben/"))

    reached = complete_form_with_keyboard(
        page,
        "main form[method=post]",
        {
            "first_name": "Kim",
            "last_name": "Tastatur",
            "email": "kim@example.org",
            # Selects take type-ahead: typing an option's beginning chooses it.
            "bundesland": "Hessen",
            # Tab reaches the group's checked option; the arrow keys move the choice.
            "mobility": "Bundesweit",
            # Chromium's date field takes the digits segment by segment, in the order of the
            # browser's UI language (TT.MM.JJJJ or MM/DD/YYYY): day = month fits both.
            "available_from": "03032027",
            "preferred_duration_months": "12",
            "competency_1": "E-Akte",
            "level_1": "Fortgeschritten",
            "motivation": "Ich möchte die E-Akte im Bürgerbüro mit einführen.",
            # Space on the focused file input opens the file dialog. A real keyboard user picks
            # the file in the operating system's dialog, which a headless browser does not
            # show; Playwright catches the dialog's opening and hands it the file instead.
            "cv": write_cv(tmp_path),
            "privacy_consent": True,
        },
    )

    assert reached == [
        "first_name",
        "last_name",
        "email",
        "bundesland",
        "mobility",
        "available_from",
        "preferred_duration_months",
        "competency_1",
        "level_1",
        "motivation",
        "cv",
        "privacy_consent",
    ]
    expect(page.locator("h1")).to_have_text("Vielen Dank!")
    application = Application.objects.select_related("candidate").get()
    candidate = application.candidate
    assert candidate.email == "kim@example.org"
    assert candidate.bundesland == "HE"
    assert candidate.mobility == "nationwide"
    assert candidate.available_from.isoformat() == "2027-03-03"
    assert candidate.preferred_duration_months == 12
    # The rows the keyboard user did not touch keep the project's profile.
    assert sorted(c.competency.name for c in candidate.competencies.all()) == sorted(
        profile_names(application.project)
    )
    assert candidate.competencies.get(competency__name__startswith="E-Akte").level == 2
    assert candidate.cv.read() == MINIMAL_PDF
