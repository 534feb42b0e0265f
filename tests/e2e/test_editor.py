"""An editor creates and publishes a project in the Wagtail admin, finds it on the site and
translates it to English with wagtail-localize."""

import re

from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from projects.models import ProjectIndexPage, ProjectPage
from tests.e2e.helpers import E2E, save_screenshot

pytestmark = E2E

TITLE = "Verwaltung ohne Warteschlange"
PASSWORD = "redaktion-mit-langem-passwort"


def sign_in_to_admin(page, demo, username="redaktion"):
    """Create an editor account and sign in through the admin's login form."""
    get_user_model().objects.create_superuser(username, f"{username}@example.org", PASSWORD)
    page.goto(demo.url("/admin/login/"))
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("form button[type=submit]").first.click()
    expect(page).to_have_url(re.compile(r"/admin/$"))


def type_rich_text(page, field_name, text):
    """Type into a Draftail rich-text field of the page editor."""
    editor = page.locator(f"[data-contentpath='{field_name}'] [contenteditable='true']").first
    editor.click()
    page.keyboard.type(text)


def choose_in_chooser(page, field_name, item_text):
    """Open a chooser (snippet/page) next to a field and pick the item with that text."""
    page.locator(f"[data-contentpath='{field_name}'] button[data-chooser-action-choose]").click()
    modal = page.locator(".modal-dialog")
    expect(modal).to_be_visible()
    search = modal.locator("input[name='q']")
    if search.count():
        search.fill(item_text)
    modal.get_by_role("link", name=re.compile(item_text)).first.click()
    expect(modal).to_be_hidden()


def publish_from_editor(page):
    """Use the editor footer's Publish action (behind the 'more actions' toggle)."""
    publish = page.locator("button[name='action-publish']")
    if not publish.is_visible():
        page.locator("footer [data-w-dropdown-target='toggle']").first.click()
    publish.click()


def test_editor_creates_publishes_and_translates_a_project(page, demo):
    sign_in_to_admin(page, demo)
    index = ProjectIndexPage.objects.get(locale__language_code="de")

    page.goto(demo.url(f"/admin/pages/{index.pk}/"))
    page.locator(f"a[href*='/admin/pages/{index.pk}/add_subpage/']").first.click()
    expect(page).to_have_url(re.compile(r"/admin/pages/add/projects/projectpage/"))
    page.locator("#id_title").fill(TITLE)
    choose_in_chooser(page, "municipality", "Eschwege")
    type_rich_text(page, "challenge", "Im Bürgerbüro warten Menschen zu lange auf Termine.")
    type_rich_text(page, "intended_impact", "Termine sind online buchbar, Wartezeiten sinken.")
    choose_in_chooser(page, "competency", "Prozessautomatisierung")
    page.locator("#id_target_groups").fill("Bürger:innen, Verwaltung")
    page.locator("#id_start_date").fill("2027-03-01")
    page.locator("#id_duration_months").fill("12")
    page.locator("#id_remote_share").fill("20")
    save_screenshot(page, "admin-page-editor")
    publish_from_editor(page)

    expect(page.locator(".messages")).to_contain_text(TITLE)
    project = ProjectPage.objects.get(title=TITLE)
    assert project.live

    # The visitor's side: the listing (newest first; by default open projects lead, and this
    # one is in preparation) and the site search show it.
    page.goto(demo.url("/de/projekte/?sort=newest"))
    expect(page.get_by_role("link", name=TITLE)).to_be_visible()
    page.goto(demo.url("/de/"))
    page.get_by_role("search").get_by_role("combobox").fill("Warteschlange")
    page.get_by_role("search").get_by_role("button").click()
    expect(page).to_have_url(re.compile(r"/de/suche/\?q=Warteschlange"))
    expect(page.get_by_role("link", name=TITLE)).to_be_visible()

    # Translate with wagtail-localize: the "Translate" action, then publish in English.
    page.goto(demo.url(f"/admin/pages/{project.pk}/edit/"))
    page.locator("header [data-w-dropdown-target='toggle']").first.click()
    page.get_by_role("link", name=re.compile("Translate this page|Seite übersetzen")).click()
    expect(page).to_have_url(re.compile(r"/admin/localize/submit/page/\d+/"))
    page.locator("main input[type=checkbox]").first.check()
    page.get_by_role("button", name=re.compile("^(Submit|Absenden)$")).click()
    expect(page).to_have_url(re.compile(r"/admin/pages/\d+/edit/"))
    page.get_by_role(
        "button", name=re.compile("Publish in English|Veröffentlichen in Englisch")
    ).click()
    # Untranslated fields fall back to the German text until a translator fills them in.
    expect(page.locator(".messages")).to_contain_text(re.compile("Englisch|English"))

    english = ProjectPage.objects.get(
        translation_key=project.translation_key, locale__language_code="en"
    )
    assert english.live
    page.goto(demo.url(english.url))
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator("h1")).to_have_text(TITLE)
