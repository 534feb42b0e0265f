"""Forms can be completed with the keyboard alone (Tab, typing, Space, Enter).

The expert contact form stands in for the application form until that exists; the helper
``complete_form_with_keyboard`` handles text, checkboxes and file inputs (the CV upload).
"""

import re

from playwright.sync_api import expect

from intake.models import ContactRequest
from learning.models import Expert
from tests.e2e.helpers import E2E, complete_form_with_keyboard

pytestmark = E2E


def test_expert_contact_form_with_the_keyboard_only(page, demo, open_forms):
    expert = Expert.objects.filter(locale__language_code="de").order_by("name").first()
    page.goto(demo.url(f"/de/lernen/expertinnen/{expert.slug}/"))

    reached = complete_form_with_keyboard(
        page,
        "form[method=post]",
        {
            "name": "Kim Tastatur",
            "email": "kim@example.org",
            "message": "Wir planen ein Beteiligungsverfahren und hätten gern Ihren Rat.",
            "privacy_consent": True,
        },
    )

    assert reached == ["name", "email", "message", "privacy_consent"]
    expect(page).to_have_url(re.compile(rf"/expertinnen/{expert.slug}/$"))
    expect(page.get_by_role("status")).to_contain_text(expert.name)
    assert ContactRequest.objects.filter(email="kim@example.org").count() == 1


def test_keyboard_user_sees_the_errors_and_can_correct_them(page, demo):
    expert = Expert.objects.filter(locale__language_code="de").order_by("name").first()
    page.goto(demo.url(f"/de/lernen/expertinnen/{expert.slug}/"))

    complete_form_with_keyboard(page, "form[method=post]", {"name": "Kim"})

    expect(page.get_by_role("alert")).to_contain_text("Bitte prüfen Sie Ihre Angaben")
    assert ContactRequest.objects.count() == 0
