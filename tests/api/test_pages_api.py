"""The headless API exposes the structured fields, per language, and nothing private."""

import pytest
from django.contrib.auth.models import Group

from projects.models import Requirement
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def project(site_tree):
    topic = factories.TopicFactory(name="Digitale Verwaltung")
    municipality = factories.MunicipalityFactory(name="Eschwege", bundesland="HE")
    return factories.ProjectPageFactory(
        parent=site_tree.projects,
        title="E-Akte im Steueramt",
        municipality=municipality,
        topics=[topic],
        profile=[(factories.CompetencyFactory(name="Prozessautomatisierung"), Requirement.MUST, 3)],
        publish=True,
    )


def test_project_detail_has_the_structured_fields(client, project):
    response = client.get(f"/api/v2/pages/{project.pk}/")
    assert response.status_code == 200
    data = response.json()
    assert data["title"] == "E-Akte im Steueramt"
    assert data["municipality_data"]["name"] == "Eschwege"
    assert data["municipality_data"]["bundesland"] == "HE"
    assert data["topic_names"] == ["Digitale Verwaltung"]
    assert data["competence_profile_data"] == [
        {
            "competency": "Prozessautomatisierung",
            "category": "digital",
            "requirement": "must",
            "level": 3,
        }
    ]
    assert data["duration_months"] == project.duration_months
    assert data["meta"]["locale"] == "de"


def test_projects_can_be_listed_by_type_and_locale(client, project, locales):
    english = project.copy_for_translation(locales.en, copy_parents=True)
    english.title = "E-file in the tax office"
    english.save_revision().publish()

    listing = client.get("/api/v2/pages/?type=projects.ProjectPage&locale=en&fields=status").json()
    assert [item["title"] for item in listing["items"]] == ["E-file in the tax office"]
    assert listing["items"][0]["status"] == "open"

    german = client.get("/api/v2/pages/?type=projects.ProjectPage&locale=de").json()
    assert [item["title"] for item in german["items"]] == ["E-Akte im Steueramt"]


def test_story_fields(client, site_tree):
    story = factories.StoryPageFactory(parent=site_tree.stories, funder="Robert Bosch Stiftung")
    data = client.get(f"/api/v2/pages/{story.pk}/").json()
    assert data["subject"] == "Papierlos – aber richtig!"
    assert data["funder"] == "Robert Bosch Stiftung"
    assert data["period_start"] == "2021-10-01"


def test_macherinnen_only_resources_are_hidden_from_anonymous_clients(
    client, site_tree, django_user_model
):
    public = factories.LearningResourcePageFactory(parent=site_tree.learning, title="Offen")
    # Publishing applies the page privacy.
    private = factories.LearningResourcePageFactory(
        parent=site_tree.learning, title="Nur intern", macherinnen_only=True, publish=True
    )

    listing = client.get("/api/v2/pages/?type=learning.LearningResourcePage").json()
    assert [item["title"] for item in listing["items"]] == ["Offen"]
    assert client.get(f"/api/v2/pages/{private.pk}/").status_code == 404
    assert client.get(f"/api/v2/pages/{public.pk}/").status_code == 200

    member = django_user_model.objects.create_user("macherin", password="pw")
    member.groups.add(Group.objects.get(name="Macher:innen"))
    client.force_login(member)
    assert client.get(f"/api/v2/pages/{private.pk}/").status_code == 200


def test_experts_endpoint_never_exposes_an_email_address(client, site_tree):
    expert = factories.ExpertFactory(name="Dr. Erika Beispiel")
    response = client.get("/api/v2/experts/")
    assert response.status_code == 200
    body = response.content.decode()
    assert "Dr. Erika Beispiel" in body
    assert expert.contact_email not in body
    detail = client.get(f"/api/v2/experts/{expert.pk}/").json()
    assert "contact_email" not in detail


def test_unknown_page_type_is_a_clear_400(client, site_tree):
    response = client.get("/api/v2/pages/?type=nope.Nope")
    assert response.status_code == 400
    assert "message" in response.json()


def test_english_projects_carry_english_taxonomy_names(client, project, locales):
    topic = project.topics.get()
    factories.translate_snippet(topic, locales.en, name="Digital administration")
    english = project.copy_for_translation(locales.en, copy_parents=True)
    english.save_revision().publish()

    data = client.get(f"/api/v2/pages/{english.pk}/").json()
    assert data["topic_names"] == ["Digital administration"]
    german = client.get(f"/api/v2/pages/{project.pk}/").json()
    assert german["topic_names"] == ["Digitale Verwaltung"]
