"""Rankings in the admin (per project, per candidate) and turning a request into a project."""

import datetime

import pytest
from django.urls import reverse
from wagtail.models import Page

from intake.models import MunicipalityRequest, PipelineStatus, RequestStatus
from projects.models import ProjectPage, ProjectStatus
from taxonomy.models import Municipality
from tests import factories
from tests.markup import parse


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
        profile=[(automation, "must", 2), (software, "must", 2)],
        publish=True,
    )
    common = {"available_from": datetime.date.today(), "preferred_duration_months": 12}
    perfect = factories.CandidateFactory(
        first_name="Perfekt",
        last_name="Passend",
        competencies={automation: 3, software: 2},
        **common,
    )
    no_software = factories.CandidateFactory(
        first_name="Ohne", last_name="Software", competencies={automation: 3}, **common
    )
    bavaria = factories.CandidateFactory(
        first_name="Weit",
        last_name="Weg",
        competencies={automation: 2, software: 2},
        bundesland="BY",
        **common,
    )
    withdrawn = factories.CandidateFactory(
        first_name="Zurück",
        last_name="Gezogen",
        competencies={automation: 3, software: 3},
        **common,
    )
    factories.ApplicationFactory(
        candidate=withdrawn, project=project, status=PipelineStatus.WITHDRAWN
    )
    for person in (perfect, no_software, bavaria):  # shortlisted: names visible
        factories.ApplicationFactory(candidate=person, status=PipelineStatus.SHORTLISTED)
    return project, perfect, no_software, bavaria, withdrawn


def test_project_ranking_orders_the_pool_and_explains_each_competency(team_client, scenario):
    project, perfect, no_software, bavaria, withdrawn = scenario
    page = parse(team_client.get(reverse("backoffice_project_ranking", args=[project.pk])))

    rows = {row.get("data-candidate"): row for row in page.select("ol.ranking > li")}
    assert list(rows) == [str(c.pk) for c in (perfect, bavaria, no_software)]
    assert not page.select(f'[data-candidate="{withdrawn.pk}"]')
    assert rows[str(perfect.pk)].select_one("h3").text == "Perfekt Passend: 100 Punkte"
    assert rows[str(bavaria.pk)].select_one("h3").text == "Weit Weg: 85 Punkte"
    missing_row = rows[str(no_software.pk)]
    assert missing_row.select_one("h3").text == "Ohne Software: 60 Punkte"
    reasons = {tr.select_one("td").text: tr for tr in missing_row.select("tbody tr")}
    result = reasons["Softwareentwicklung"].select_one("td[data-match-status]")
    assert (result.get("data-match-status"), result.text) == ("missing", "fehlt")
    assert "Eine Muss-Kompetenz fehlt" in missing_row.text
    # The project's own applications are listed too.
    applications = page.select_one('section[aria-labelledby="project-applications-heading"]')
    assert "Zurückgezogen" in applications.text


def test_candidate_sees_open_projects_best_first(team_client, scenario, site_tree):
    project, perfect, *_ = scenario
    factories.ProjectPageFactory(
        parent=site_tree.projects,
        title="Fernes Projekt",
        municipality=factories.MunicipalityFactory(name="Passau", bundesland="BY"),
        profile=[(factories.CompetencyFactory(), "must", 3)],
        publish=True,
    )
    factories.ProjectPageFactory(
        parent=site_tree.projects,
        title="Fertiges Projekt",
        status=ProjectStatus.COMPLETED,
        publish=True,
    )
    response = team_client.get(reverse("backoffice_candidate_projects", args=[perfect.pk]))

    titles = parse(response).texts("ol.ranking > li[data-project] > h2 > a")
    assert titles.index("E-Akte Eschwege") < titles.index("Fernes Projekt")
    assert "Fertiges Projekt" not in response.content.decode()


def test_application_detail_shows_the_match_for_its_project(team_client, scenario):
    project, perfect, *_ = scenario
    application = factories.ApplicationFactory(
        candidate=perfect, project=project, status=PipelineStatus.SCREENING
    )
    html = team_client.get(
        reverse("backoffice_applications:inspect", args=[application.pk])
    ).content.decode()
    assert "Passung: 100 von 100" in html


def test_municipality_request_becomes_a_draft_project(team_client, users, site_tree):
    from django.contrib.auth.models import Group

    # To land in the page editor the team member must also be an editor.
    users.member.groups.add(Group.objects.get(name="Editors"))
    existing = factories.MunicipalityFactory(name="Kalletal", bundesland="NW")
    request = factories.MunicipalityRequestFactory(
        municipality_name="Kalletal",
        bundesland="NW",
        contact_name="Bürgermeister",
        email="rathaus@kalletal.example",
        challenge="Neu Zugezogene finden sich schwer zurecht.\n\nEine App soll helfen.",
        intended_impact="Schnelleres Ankommen.",
        target_groups="Neu Zugezogene",
        desired_start=datetime.date(2027, 3, 1),
        duration_months=9,
    )
    inspect = team_client.get(reverse("backoffice_requests:inspect", args=[request.pk]))
    assert "Projektentwurf anlegen" in inspect.content.decode()
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
    request = factories.MunicipalityRequestFactory(
        municipality_name="Neudorf",
        bundesland="SN",
        contact_name="Amt",
        email="amt@neudorf.example",
        challenge="Fachkräfte fehlen.",
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
