"""Every back-office URL: anonymous visitors go to the login, editors get 403, the team 200."""

import pytest
from django.urls import reverse

from intake.models import (
    Application,
    ApplicationNote,
    Candidate,
    ContactRequest,
    MunicipalityRequest,
    PipelineStatus,
)
from tests import factories


@pytest.fixture
def records(site_tree):
    project = factories.ProjectPageFactory(parent=site_tree.projects)
    candidate = factories.CandidateFactory(cv=True)
    application = factories.ApplicationFactory(candidate=candidate, project=project)
    request = factories.MunicipalityRequestFactory(
        municipality_name="Kalletal",
        bundesland="NW",
        contact_name="Bürgermeister",
        email="rathaus@kalletal.example",
        challenge="Integration neu Zugezogener.",
    )
    offer = factories.CompanyOfferFactory(
        company_name="Beispiel AG",
        contact_name="Personalabteilung",
        email="hr@beispiel.example",
        staff_count=2,
    )
    contact = factories.ContactRequestFactory(
        kind=ContactRequest.Kind.FUNDER,
        name="Stiftung",
        email="stiftung@example.org",
        message="Wir möchten fördern.",
    )
    return {
        "project": project,
        "candidate": candidate,
        "application": application,
        "request": request,
        "offer": offer,
        "contact": contact,
    }


def get_urls(r):
    """(name, url) of every page of the back office a browser can open."""
    app, cand = r["application"].pk, r["candidate"].pk
    return [
        ("applications", reverse("backoffice_applications:index")),
        ("applications csv", reverse("backoffice_applications:index") + "?export=csv"),
        ("applications xlsx", reverse("backoffice_applications:index") + "?export=xlsx"),
        ("application", reverse("backoffice_applications:inspect", args=[app])),
        ("bulk status", reverse("backoffice_bulk_status")),
        ("candidates", reverse("backoffice_candidates:index")),
        ("candidates csv", reverse("backoffice_candidates:index") + "?export=csv"),
        ("candidate", reverse("backoffice_candidates:inspect", args=[cand])),
        ("cv", reverse("backoffice_cv_download", args=[cand])),
        ("person export", reverse("backoffice_candidate_export", args=[cand])),
        ("person delete", reverse("backoffice_candidate_delete", args=[cand])),
        ("suggested projects", reverse("backoffice_candidate_projects", args=[cand])),
        ("requests", reverse("backoffice_requests:index")),
        ("request", reverse("backoffice_requests:inspect", args=[r["request"].pk])),
        ("request edit", reverse("backoffice_requests:edit", args=[r["request"].pk])),
        ("offers", reverse("backoffice_offers:index")),
        ("offers xlsx", reverse("backoffice_offers:index") + "?export=xlsx"),
        ("offer", reverse("backoffice_offers:inspect", args=[r["offer"].pk])),
        ("contacts", reverse("backoffice_contacts:index")),
        ("contact", reverse("backoffice_contacts:inspect", args=[r["contact"].pk])),
        ("matching", reverse("backoffice_matching_projects")),
        ("ranking", reverse("backoffice_project_ranking", args=[r["project"].pk])),
    ]


def post_actions(r):
    """(name, url, data) of every action that changes something."""
    app, cand = r["application"].pk, r["candidate"].pk
    return [
        ("transition", reverse("backoffice_transition", args=[app]), {"status": "screening"}),
        ("note", reverse("backoffice_add_note", args=[app]), {"text": "Heimlich"}),
        ("assign", reverse("backoffice_assign", args=[app]), {"assignee": ""}),
        (
            "bulk",
            reverse("backoffice_bulk_status"),
            {"applications": [app], "status": "screening"},
        ),
        ("delete person", reverse("backoffice_candidate_delete", args=[cand]), {"confirm": "yes"}),
        (
            "request to project",
            reverse("backoffice_request_to_project", args=[r["request"].pk]),
            {},
        ),
    ]


def test_anonymous_visitors_are_sent_to_the_login(client, records):
    for name, url in get_urls(records):
        response = client.get(url)
        assert response.status_code == 302, name
        assert "/admin/login/" in response["Location"], name
    for name, url, data in post_actions(records):
        assert client.post(url, data).status_code == 302, name
    assert Application.objects.get().status == PipelineStatus.RECEIVED


def test_editors_without_the_group_get_403_everywhere(client, users, records):
    client.force_login(users.editor)
    for name, url in get_urls(records):
        response = client.get(url)
        assert response.status_code == 403, name
        assert b"Erika" not in response.content, name
    for name, url, data in post_actions(records):
        assert client.post(url, data).status_code == 403, name
    application = Application.objects.get()
    assert application.status == PipelineStatus.RECEIVED
    assert not ApplicationNote.objects.exists()
    assert Candidate.objects.exists()
    assert MunicipalityRequest.objects.get().project is None


def test_matching_team_opens_every_page(client, users, records):
    client.force_login(users.member)
    for name, url in get_urls(records):
        if name == "request edit":
            continue
        response = client.get(url)
        assert response.status_code == 200, name


def test_team_may_change_a_request_status_but_not_edit_applications(client, users, records):
    client.force_login(users.member)
    request_edit = reverse("backoffice_requests:edit", args=[records["request"].pk])
    assert client.get(request_edit).status_code == 200
    # Applications and candidates change only through the pipeline actions, never the form.
    app_edit = reverse("backoffice_applications:edit", args=[records["application"].pk])
    assert client.get(app_edit).status_code == 403
    cand_delete = reverse("backoffice_candidates:delete", args=[records["candidate"].pk])
    assert client.get(cand_delete).status_code == 403


def test_only_the_team_sees_the_menu_and_the_dashboard_panel(client, users, records):
    client.force_login(users.editor)
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    assert b"/admin/matching/bewerbungen/" not in response.content
    assert "Bewerbungen nach Status" not in response.content.decode()

    client.force_login(users.member)
    response = client.get(reverse("wagtailadmin_home"))
    html = response.content.decode()
    assert "/admin/matching/bewerbungen/" in html
    assert "/admin/matching/projekte/" in html
    assert "Bewerbungen nach Status" in html


def test_superusers_see_the_back_office(client, records, django_user_model):
    admin = django_user_model.objects.create_superuser("admin", "admin@example.org", "x")
    client.force_login(admin)
    assert client.get(reverse("backoffice_applications:index")).status_code == 200


def test_inactive_team_members_do_not_get_in(client, users, records):
    users.member.is_active = False
    users.member.save()
    client.force_login(users.member)
    response = client.get(reverse("backoffice_applications:index"))
    assert response.status_code != 200
