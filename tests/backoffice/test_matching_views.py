"""Rankings in the admin (per project, per candidate) and turning a request into a project."""

import datetime

import pytest
from django.urls import reverse
from wagtail.models import Page

from intake.models import ConsentRecord, MunicipalityRequest, PipelineStatus, RequestStatus
from projects.models import ProjectPage, ProjectStatus
from taxonomy.models import Municipality
from tests import factories

from .conftest import make_application, make_candidate


@pytest.fixture
def team_client(client, users):
    client.force_login(users.member)
    return client


@pytest.fixture
def scenario(site_tree):
    """One project in Hesse needing two must-competencies; three people, easy to rank."""
    automation = factories.CompetencyFactory(name="Prozessautomatisierung")
    software = factories.CompetencyFactory(name="Softwareentwicklung")
    start = datetime.date.today() + datetime.timedelta(days=90)
    project = factories.ProjectPageFactory(
        parent=site_tree.projects,
        title="E-Akte Eschwege",
        start_date=start,
        duration_months=12,
        municipality=factories.MunicipalityFactory(name="Eschwege", bundesland="HE"),
    )
    for competency in (automation, software):
        factories.ProjectCompetencyFactory(
            project=project, competency=competency, requirement="must", level=2
        )
    project.save_revision().publish()
    common = {"available_from": datetime.date.today(), "preferred_duration_months": 12}
    perfect = make_candidate("Perfekt", "Passend", {automation: 3, software: 2}, **common)
    no_software = make_candidate("Ohne", "Software", {automation: 3}, **common)
    bavaria = make_candidate("Weit", "Weg", {automation: 2, software: 2}, bundesland="BY", **common)
    withdrawn = make_candidate("Zurück", "Gezogen", {automation: 3, software: 3}, **common)
    make_application(withdrawn, project, status=PipelineStatus.WITHDRAWN)
    for person in (perfect, no_software, bavaria):
        make_application(person, None, status=PipelineStatus.SHORTLISTED)  # names visible
    return project, perfect, no_software, bavaria, withdrawn


def test_project_ranking_orders_the_pool_and_explains_each_competency(team_client, scenario):
    project, perfect, no_software, bavaria, withdrawn = scenario
    html = team_client.get(
        reverse("backoffice_project_ranking", args=[project.pk])
    ).content.decode()
    positions = [html.index(f'data-candidate="{c.pk}"') for c in (perfect, bavaria, no_software)]
    assert positions == sorted(positions)
    assert f'data-candidate="{withdrawn.pk}"' not in html
    assert "Perfekt Passend</a>: 100 Punkte" in html
    assert "Weit Weg</a>: 85 Punkte" in html
    assert "Ohne Software</a>: 60 Punkte" in html
    missing_row = html[html.index(f'data-candidate="{no_software.pk}"') :]
    assert "Softwareentwicklung" in missing_row
    assert 'data-match-status="missing">fehlt' in missing_row
    assert "Eine Muss-Kompetenz fehlt" in missing_row
    # The project's own applications are listed too.
    assert "Zurückgezogen" in html


def test_candidate_sees_open_projects_best_first(team_client, scenario, site_tree):
    project, perfect, *_ = scenario
    other = factories.ProjectPageFactory(
        parent=site_tree.projects,
        title="Fernes Projekt",
        municipality=factories.MunicipalityFactory(name="Passau", bundesland="BY"),
    )
    factories.ProjectCompetencyFactory(project=other, requirement="must", level=3)
    other.save_revision().publish()
    closed = factories.ProjectPageFactory(
        parent=site_tree.projects, title="Fertiges Projekt", status=ProjectStatus.COMPLETED
    )
    closed.save_revision().publish()
    html = team_client.get(
        reverse("backoffice_candidate_projects", args=[perfect.pk])
    ).content.decode()
    assert html.index("E-Akte Eschwege") < html.index("Fernes Projekt")
    assert "Fertiges Projekt" not in html


def test_application_detail_shows_the_match_for_its_project(team_client, scenario):
    project, perfect, *_ = scenario
    application = make_application(perfect, project, status=PipelineStatus.SCREENING)
    html = team_client.get(
        reverse("backoffice_applications:inspect", args=[application.pk])
    ).content.decode()
    assert "Passung: 100 von 100" in html


def test_municipality_request_becomes_a_draft_project(team_client, users, site_tree):
    from django.contrib.auth.models import Group

    # To land in the page editor the team member must also be an editor.
    users.member.groups.add(Group.objects.get(name="Editors"))
    existing = factories.MunicipalityFactory(name="Kalletal", bundesland="NW")
    request = MunicipalityRequest.objects.create(
        municipality_name="Kalletal",
        bundesland="NW",
        contact_name="Bürgermeister",
        email="rathaus@kalletal.example",
        challenge="Neu Zugezogene finden sich schwer zurecht.\n\nEine App soll helfen.",
        intended_impact="Schnelleres Ankommen.",
        target_groups="Neu Zugezogene",
        desired_start=datetime.date(2027, 3, 1),
        duration_months=9,
        consent=ConsentRecord.objects.create(purpose="request", privacy_version="2026-01"),
    )
    inspect = team_client.get(reverse("backoffice_requests:inspect", args=[request.pk]))
    assert "Projektentwurf aus dieser Anfrage anlegen" in inspect.content.decode()
    response = team_client.post(reverse("backoffice_request_to_project", args=[request.pk]))
    request.refresh_from_db()
    page = request.project
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=[page.pk])
    assert request.status == RequestStatus.PROJECT_CREATED
    page = ProjectPage.objects.get(pk=page.pk)
    assert not page.live
    assert page.get_parent().specific == site_tree.projects
    assert page.municipality == existing
    assert "<p>Eine App soll helfen.</p>" in page.challenge
    assert page.target_groups == "Neu Zugezogene"
    assert (page.start_date, page.duration_months) == (datetime.date(2027, 3, 1), 9)
    assert team_client.get(response["Location"]).status_code == 200
    # A second click does not create a second page.
    team_client.post(reverse("backoffice_request_to_project", args=[request.pk]))
    assert ProjectPage.objects.count() == 1


def test_unknown_municipality_is_created_as_snippet(team_client, site_tree):
    request = MunicipalityRequest.objects.create(
        municipality_name="Neudorf",
        bundesland="SN",
        contact_name="Amt",
        email="amt@neudorf.example",
        challenge="Fachkräfte fehlen.",
        consent=ConsentRecord.objects.create(purpose="request", privacy_version="2026-01"),
    )
    response = team_client.post(reverse("backoffice_request_to_project", args=[request.pk]))
    # Not an editor: back to the request, where the link to the draft is shown.
    assert response["Location"] == reverse("backoffice_requests:inspect", args=[request.pk])
    municipality = Municipality.objects.get(name="Neudorf")
    assert municipality.bundesland == "SN"
    page = Page.objects.get(pk=MunicipalityRequest.objects.get().project_id).specific
    assert page.municipality == municipality
    assert page.duration_months == 12


def test_project_page_editor_links_to_the_ranking_for_the_team_only(client, users, scenario):
    from django.contrib.auth.models import Group

    project = scenario[0]
    editors = Group.objects.get(name="Editors")
    users.member.groups.add(editors)
    ranking_url = reverse("backoffice_project_ranking", args=[project.pk])
    edit_url = reverse("wagtailadmin_pages:edit", args=[project.pk])
    client.force_login(users.member)
    assert ranking_url in client.get(edit_url).content.decode()
    client.force_login(users.editor)
    response = client.get(edit_url)
    assert response.status_code == 200
    assert ranking_url not in response.content.decode()
