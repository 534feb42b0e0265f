"""The project page: facts, competence profile, application call to action, JSON-LD."""

import datetime

import pytest
from pytest_django.asserts import assertInHTML

from projects.models import ProjectStatus, Requirement, Workload
from taxonomy.models import Bundesland, CompetencyLevel
from tests import factories
from tests.markup import description_list, json_ld, parse

pytestmark = pytest.mark.django_db


def job_postings(response):
    return [obj for obj in json_ld(response) if obj.get("@type") == "JobPosting"]


@pytest.fixture
def open_project(site_tree, today):
    municipality = factories.MunicipalityFactory(
        name="Kalletal", bundesland=Bundesland.NORDRHEIN_WESTFALEN
    )
    return factories.ProjectPageFactory(
        parent=site_tree.projects,
        title="Kompass Kalletal",
        municipality=municipality,
        status=ProjectStatus.OPEN,
        challenge="<p>Neu Zugezogene finden <b>schwer</b> den Weg zu Ämtern &amp; Vereinen.</p>",
        start_date=datetime.date(2031, 10, 1),
        duration_months=6,
        workload=Workload.PART_TIME_30,
        remote_share=30,
        remuneration_note="Vergütung angelehnt an TVöD E 13",
        application_deadline=today + datetime.timedelta(days=30),
        sponsor_role="Fachbereichsleitung Bürgerservice",
        funder="Robert Bosch Stiftung",
        first_published_at=datetime.datetime(2025, 3, 2, 9, 0, tzinfo=datetime.UTC),
        profile=[
            (
                factories.CompetencyFactory(name="UX-Design"),
                Requirement.MUST,
                CompetencyLevel.EXPERT,
            ),
            (
                factories.CompetencyFactory(name="Mehrsprachigkeit"),
                Requirement.NICE,
                CompetencyLevel.BASIC,
            ),
        ],
    )


@pytest.fixture
def completed_project(site_tree):
    return factories.ProjectPageFactory(
        parent=site_tree.projects, title="Papierlos – aber richtig!", status=ProjectStatus.COMPLETED
    )


def test_project_page_shows_facts_and_sections(client, open_project):
    response = client.get(open_project.url)

    assert response.status_code == 200
    html = response.content.decode()
    page = parse(html)
    assertInHTML("<h1>Kompass Kalletal</h1>", html)
    assert page.select_one(".page-header .lead").text == "Kalletal, Nordrhein-Westfalen"
    assert page.texts(".page-header .badge--open") == ["Ausgeschrieben"]
    facts = description_list(page.select_one("dl.facts"))
    for label, value in [
        ("Start", "Oktober 2031"),
        ("Dauer", "6 Monate"),
        ("Arbeitsumfang", "Teilzeit (ca. 30 Std./Woche)"),
        ("Anteil mobiles Arbeiten", "30 %"),
        ("Vergütung", "TVöD E 13"),
        ("Rolle der Pat:in", "Fachbereichsleitung Bürgerservice"),
        ("Förderer", "Robert Bosch Stiftung"),
    ]:
        assert value in facts[label], label
    assert "Bewerbungsfrist" in facts
    headings = page.texts("h2")
    for heading in ["Herausforderung", "Angestrebte Wirkung", "Zielgruppen"]:
        assert heading in headings
    # Breadcrumbs lead back to the listing.
    assert page.select('nav.breadcrumbs a[href="/de/projekte/"]')


def test_competence_profile_is_a_table_with_requirement_and_level(client, open_project):
    table = parse(client.get(open_project.url)).select_one("table.competence-profile")

    assert table.select("caption")
    assert table.texts("thead th[scope=col]") == ["Kompetenz", "Anforderung", "Niveau"]
    cells = [row.texts("th, td") for row in table.select("tbody tr")]
    assert cells == [
        ["UX-Design", "Muss", "Expertise"],
        ["Mehrsprachigkeit", "Kann", "Grundkenntnisse"],
    ]


def test_open_project_invites_applications(client, open_project):
    html = client.get(open_project.url).content.decode()

    apply = parse(html).select_one(f'a.button[href="{open_project.url}bewerben/"]')
    assert apply.text == "Jetzt bewerben"
    assert "Bewerbungsphase beendet" not in html


def test_completed_project_has_no_apply_button(client, completed_project):
    html = client.get(completed_project.url).content.decode()

    assert "Jetzt bewerben" not in html
    assert "Bewerbungsphase beendet" in html


def test_open_project_past_its_deadline_is_closed(client, site_tree, today):
    project = factories.ProjectPageFactory(
        parent=site_tree.projects,
        status=ProjectStatus.OPEN,
        application_deadline=today - datetime.timedelta(days=1),
    )
    html = client.get(project.url).content.decode()

    assert "Jetzt bewerben" not in html
    assert "Bewerbungsphase beendet" in html
    assert client.get(f"{project.url}bewerben/").status_code == 404


def test_project_in_preparation_says_applications_have_not_started(client, site_tree):
    project = factories.ProjectPageFactory(
        parent=site_tree.projects, status=ProjectStatus.IN_PREPARATION
    )
    html = client.get(project.url).content.decode()

    assert "Jetzt bewerben" not in html
    assert "hat noch nicht begonnen" in html


def test_apply_route_is_404_for_closed_projects(client, completed_project):
    assert client.get(f"{completed_project.url}bewerben/").status_code == 404


def test_open_project_carries_a_job_posting(client, open_project, today):
    postings = job_postings(client.get(open_project.url))

    assert len(postings) == 1
    posting = postings[0]
    assert posting["@context"] == "https://schema.org"
    assert posting["title"] == "Kompass Kalletal"
    assert posting["description"] == "Neu Zugezogene finden schwer den Weg zu Ämtern & Vereinen."
    assert posting["datePosted"] == "2025-03-02"
    assert posting["validThrough"] == (today + datetime.timedelta(days=30)).isoformat()
    assert posting["employmentType"] == "PART_TIME"
    assert posting["jobStartDate"] == "2031-10-01"
    assert posting["directApply"] is False
    assert posting["hiringOrganization"] == {"@type": "Organization", "name": "Kalletal"}
    assert posting["jobLocation"]["@type"] == "Place"
    assert posting["jobLocation"]["address"] == {
        "@type": "PostalAddress",
        "addressLocality": "Kalletal",
        "addressRegion": "Nordrhein-Westfalen",
        "addressCountry": "DE",
    }


def test_full_time_project_is_a_full_time_posting(client, site_tree):
    project = factories.ProjectPageFactory(parent=site_tree.projects, workload=Workload.FULL_TIME)
    (posting,) = job_postings(client.get(project.url))
    assert posting["employmentType"] == "FULL_TIME"


def test_closed_project_carries_no_job_posting(client, completed_project):
    assert job_postings(client.get(completed_project.url)) == []


def test_related_stories_are_linked(client, site_tree, open_project):
    factories.StoryPageFactory(
        parent=site_tree.stories, title="Wie Kalletal ankommt", project=open_project
    )
    factories.StoryPageFactory(parent=site_tree.stories, title="Eine andere Geschichte")

    html = client.get(open_project.url).content.decode()

    assert "Erfolgsgeschichten aus diesem Projekt" in html
    assert "Wie Kalletal ankommt" in html
    assert "Eine andere Geschichte" not in html
