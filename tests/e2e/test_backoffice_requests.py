"""A new team member finds a Kommune's request on the dashboard and turns it into a project."""

import re

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from playwright.sync_api import expect

from intake.models import MunicipalityRequest, RequestStatus
from tests import factories
from tests.e2e.helpers import E2E

pytestmark = E2E

PASSWORD = "matching-mit-langem-passwort"


def team_member_who_edits():
    """In the Matching-Team and allowed to edit pages, so the draft opens in the page editor.

    A superuser rather than a member of Wagtail's "Editors" group: that group is a row made by
    a migration, which the browser tests cannot count on after another test's flush. Who may
    see the panel and the records is tested in tests/backoffice/test_full_views.py.
    """
    user = get_user_model().objects.create_superuser(
        "kim", "kim@example.org", PASSWORD, first_name="Kim"
    )
    team, _ = Group.objects.get_or_create(name=settings.MATCHING_TEAM_GROUP_NAME)
    user.groups.add(team)
    return user


def test_team_opens_a_request_from_the_dashboard_and_creates_the_draft(page, demo):
    request = factories.MunicipalityRequestFactory(
        municipality_name="Kalletal",
        bundesland="NW",
        contact_name="Petra Rathaus",
        challenge="Neu Zugezogene finden sich im Amt schwer zurecht.",
    )
    team_member_who_edits()
    page.goto(demo.url("/admin/login/"))
    page.locator("#id_username").fill("kim")
    page.locator("#id_password").fill(PASSWORD)
    page.locator("form button[type=submit]").first.click()
    expect(page).to_have_url(re.compile(r"/admin/$"))

    panel = page.locator("section", has=page.get_by_role("heading", name="Neu eingegangen"))
    requests = panel.locator(
        "section", has=page.get_by_role("heading", name=re.compile("Anfragen von Kommunen"))
    )
    expect(requests.get_by_role("heading")).to_have_text("Anfragen von Kommunen: 1")
    requests.get_by_role("link", name="Kalletal (Nordrhein-Westfalen)").click()

    expect(page).to_have_url(
        re.compile(rf"/admin/matching/anfragen-kommunen/inspect/{request.pk}/$")
    )
    expect(page.get_by_role("heading", level=1)).to_have_text("Anfrage einer Kommune: Kalletal")
    main = page.locator("main")
    expect(main).to_contain_text("Neu Zugezogene finden sich im Amt schwer zurecht.")
    expect(main).to_contain_text("Petra Rathaus")
    expect(main).not_to_contain_text("None")
    expect(page.get_by_test_id("status")).to_have_text("Neu")

    create = page.get_by_role("link", name="Projektentwurf anlegen")
    expect(create).to_be_visible()
    create.click()

    expect(page).to_have_url(re.compile(r"/admin/pages/\d+/edit/$"))
    expect(page.locator("#id_title")).to_have_value("Projektskizze: Kalletal")
    request.refresh_from_db()
    assert request.status == RequestStatus.PROJECT_CREATED
    assert request.project.title == "Projektskizze: Kalletal"
    assert MunicipalityRequest.objects.count() == 1
    assert page.problems == []
