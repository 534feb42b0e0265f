"""A Macher:in signs in and opens a learning resource that only Macher:innen may see."""

import re

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from playwright.sync_api import expect

from tests.e2e.helpers import E2E

pytestmark = E2E

RESOURCE = "/de/lernen/widerstaende-verstehen/"
PASSWORD = "macherin-im-programm-2026"


def test_anonymous_visitor_is_asked_to_sign_in(page, demo):
    page.goto(demo.url(RESOURCE))
    expect(page).to_have_url(re.compile(r"/de/anmelden/\?next="))
    expect(page.locator("h1")).to_have_text("Anmelden")


def test_macherin_signs_in_and_reads_a_private_resource(page, demo):
    user = get_user_model().objects.create_user("mia", "mia@example.org", PASSWORD)
    user.groups.add(Group.objects.get(name=settings.MACHERINNEN_GROUP_NAME))

    page.goto(demo.url("/de/lernen/"))
    private = page.locator(".card").filter(has=page.locator(".badge--restricted")).first
    private.get_by_role("link").first.click()
    expect(page).to_have_url(re.compile(r"/de/anmelden/"))
    page.get_by_label("Benutzername").fill("mia")
    page.get_by_label("Passwort").fill(PASSWORD)
    page.get_by_role("main").get_by_role("button", name="Anmelden").click()

    expect(page).to_have_url(re.compile(r"/de/lernen/[\w-]+/$"))
    expect(page.locator("h1")).to_be_visible()
    expect(page.get_by_role("heading", name="Anmelden")).to_have_count(0)
    assert page.problems == []
