"""Forms that forgive: a CV attached before a mistake is still attached afterwards, and a
person who fills the form at autofill speed never hears that it went too fast."""

import re
import time

from playwright.sync_api import expect

from intake.models import Application
from tests.e2e.helpers import E2E
from tests.e2e.test_apply_journey import MINIMAL_PDF, PROJECT_PATH, write_cv

pytestmark = E2E

PHONE = {"width": 390, "height": 844}
TOO_FAST = "Das ging sehr schnell"


def fill_application(form, first_name="Alex", email="alex@example.org"):
    """Everything the application form needs, except the CV and the consent tick."""
    form.get_by_label("Vorname").fill(first_name)
    form.get_by_label("Nachname").fill("Beispiel")
    form.get_by_label("E-Mail-Adresse").fill(email)
    form.get_by_label("Bundesland Ihres Wohnorts").select_option(label="Hessen")
    form.get_by_label("In meinem Bundesland").check()
    form.get_by_label("Verfügbar ab").fill("2027-03-01")
    form.get_by_label("Gewünschte Projektdauer").select_option(label="12 Monate")
    # The competency rows come pre-filled from the project's profile.
    form.get_by_label("Ihre Motivation").fill("Ich möchte die E-Akte im Bürgerbüro einführen.")


def test_cv_stays_attached_after_a_mistake_on_a_phone(page, demo, open_forms, tmp_path):
    page.set_viewport_size(PHONE)
    page.goto(demo.url(PROJECT_PATH))
    page.get_by_role("link", name="Jetzt bewerben").click()
    form = page.locator("main form[method=post]")
    fill_application(form)
    form.get_by_label("Lebenslauf (freiwillig)").set_input_files(str(write_cv(tmp_path)))
    # The mistake: the consent box stays empty.
    form.get_by_role("button", name="Bewerbung absenden").click()

    summary = page.locator("#error-summary")
    expect(summary).to_contain_text("Bitte stimmen Sie der Verarbeitung Ihrer Angaben zu.")
    notice = form.locator(".upload-kept")
    expect(notice).to_contain_text("Lebenslauf Alex Beispiel.pdf ist angehängt.")
    expect(form.get_by_label("Angehängte Datei entfernen")).not_to_be_checked()
    # The notice fits the phone's width.
    box = notice.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]

    form.get_by_label(re.compile("Ich bin einverstanden")).check()
    form.get_by_role("button", name="Bewerbung absenden").click()

    expect(page.locator("h1")).to_have_text("Vielen Dank!")
    candidate = Application.objects.select_related("candidate").get().candidate
    assert candidate.cv.read() == MINIMAL_PDF
    assert page.problems == []


def test_autofill_speed_never_sees_the_timing_message(page, demo, open_forms, settings):
    settings.FORM_MIN_FILL_SECONDS = 2  # the production value, not the tests' 0
    url = demo.url(f"{PROJECT_PATH}bewerben/")

    # Everything filled the moment the page is there, sent at once: no message, whatever
    # the outcome (a script this fast is what the check is for, and it learns nothing).
    page.goto(url)
    form = page.locator("main form[method=post]")
    fill_application(form, first_name="Schnell", email="schnell@example.org")
    form.get_by_label(re.compile("Ich bin einverstanden")).check()
    form.get_by_role("button", name="Bewerbung absenden").click()
    expect(page.locator("h1")).to_have_text("Vielen Dank!")
    assert TOO_FAST not in page.content()

    # Autofill, then the moment a person needs to find the button: accepted.
    page.goto(url)
    loaded = time.monotonic()
    form = page.locator("main form[method=post]")
    fill_application(form, first_name="Auto", email="auto@example.org")
    form.get_by_label(re.compile("Ich bin einverstanden")).check()
    time.sleep(max(0, settings.FORM_MIN_FILL_SECONDS + 0.5 - (time.monotonic() - loaded)))
    form.get_by_role("button", name="Bewerbung absenden").click()
    expect(page.locator("h1")).to_have_text("Vielen Dank!")
    assert TOO_FAST not in page.content()
    assert Application.objects.filter(candidate__email="auto@example.org").exists()

    # A bot that fills the hidden honeypot gets the same page, and nothing is kept.
    page.goto(url)
    form = page.locator("main form[method=post]")
    fill_application(form, first_name="Bot", email="bot@example.org")
    form.get_by_label(re.compile("Ich bin einverstanden")).check()
    page.evaluate("document.querySelector('input[name=website]').value = 'http://spam'")
    time.sleep(settings.FORM_MIN_FILL_SECONDS + 0.5)
    form.get_by_role("button", name="Bewerbung absenden").click()
    expect(page.locator("h1")).to_have_text("Vielen Dank!")
    assert not Application.objects.filter(candidate__email="bot@example.org").exists()
