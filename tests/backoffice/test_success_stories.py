""" "Erfolgsgeschichte anlegen": a finished project becomes the draft of its success story."""

import datetime

import pytest
from django.urls import reverse

from projects.models import ProjectStatus
from stories.models import StoryPage
from taxonomy.models import Bundesland
from tests import factories
from tests.markup import parse

pytestmark = pytest.mark.django_db


@pytest.fixture
def finished_project(site_tree):
    """The Eschwege pilot, finished, with its impact reached and two figures."""
    municipality = factories.MunicipalityFactory(name="Eschwege", bundesland=Bundesland.HESSEN)
    topic = factories.TopicFactory(name="Digitale Verwaltung")
    project = factories.ProjectPageFactory(
        parent=site_tree.projects,
        title="Papierlos – aber richtig!",
        municipality=municipality,
        topics=[topic],
        status=ProjectStatus.COMPLETED,
        start_date=datetime.date(2021, 10, 1),
        duration_months=7,
        funder="Eine Stiftung",
        impact_reached="Die Steuerabteilung arbeitet mit der E-Akte.",
        impact_figures=[
            ("figure", {"value": "7", "label": "Monate im Pilot"}),
            ("figure", {"value": "1", "label": "neue Stelle"}),
        ],
        maker_role="Informatikerin, heute Digitalisierungsbeauftragte",
    )
    return project


@pytest.fixture
def editor_client(client, users):
    client.force_login(users.editor)
    return client


def create_url(project):
    return reverse("backoffice_create_success_story", args=[project.pk])


def header_button_labels(client, project):
    page = parse(client.get(reverse("wagtailadmin_pages:edit", args=[project.pk])).content)
    return [" ".join(a.text.split()) for a in page.select("a")]


def test_editor_creates_a_prefilled_draft_and_lands_in_its_editor(
    editor_client, users, site_tree, finished_project
):
    response = editor_client.post(create_url(finished_project))

    story = StoryPage.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=[story.pk])
    assert not story.live
    assert story.get_parent().pk == site_tree.stories.pk
    assert story.title == "Eschwege: Papierlos – aber richtig!"
    assert story.subject == "Papierlos – aber richtig!"
    assert story.municipality == finished_project.municipality
    assert [t.name for t in story.topics.all()] == ["Digitale Verwaltung"]
    assert (story.period_start, story.period_end) == (
        datetime.date(2021, 10, 1),
        datetime.date(2022, 4, 30),
    )
    assert story.maker_role == "Informatikerin, heute Digitalisierungsbeauftragte"
    assert story.outcome == "Die Steuerabteilung arbeitet mit der E-Akte."
    assert story.funder == "Eine Stiftung"
    assert story.project.pk == finished_project.pk
    (figures,) = story.body
    assert figures.block_type == "key_figures"
    assert [(f["value"], f["label"]) for f in figures.value["figures"]] == [
        ("7", "Monate im Pilot"),
        ("1", "neue Stelle"),
    ]
    # A draft with a revision, owned by the editor: the page editor opens it as usual.
    assert story.owner == users.editor
    assert story.latest_revision is not None
    assert editor_client.get(response["Location"]).status_code == 200


def test_second_click_opens_the_existing_draft(editor_client, finished_project):
    first = editor_client.post(create_url(finished_project))
    second = editor_client.post(create_url(finished_project))

    assert StoryPage.objects.count() == 1
    assert second["Location"] == first["Location"]


def test_action_on_the_english_project_uses_the_german_story(
    editor_client, site_tree, locales, finished_project
):
    factories.publish_translation(site_tree.projects, locales.en)
    english = factories.publish_translation(finished_project, locales.en, title="Paperless")

    editor_client.post(create_url(english))

    story = StoryPage.objects.get()
    assert story.locale == locales.de
    assert story.project.pk == finished_project.pk
    assert editor_client.post(create_url(finished_project)).status_code == 302
    assert StoryPage.objects.count() == 1


def test_without_figures_or_role_the_draft_still_has_every_required_fact(editor_client, site_tree):
    project = factories.ProjectPageFactory(
        parent=site_tree.projects,
        title="Kompass",
        status=ProjectStatus.COMPLETED,
        intended_impact="<p>Neue finden sich <b>leichter</b> zurecht.</p>",
        profile=[factories.CompetencyFactory(name="UX/UI-Design")],
    )

    editor_client.post(create_url(project))

    story = StoryPage.objects.get()
    assert story.outcome == "Neue finden sich leichter zurecht."
    assert story.maker_role == "Macher:in mit Schwerpunkt UX/UI-Design"
    assert list(story.body) == []


def test_header_button_offers_the_action_then_the_existing_story(editor_client, finished_project):
    assert "Erfolgsgeschichte anlegen" in header_button_labels(editor_client, finished_project)

    editor_client.post(create_url(finished_project))

    labels = header_button_labels(editor_client, finished_project)
    assert "Erfolgsgeschichte anlegen" not in labels
    assert "Erfolgsgeschichte bearbeiten (Entwurf)" in labels


def test_running_project_offers_no_story_and_refuses_one(editor_client, site_tree):
    project = factories.ProjectPageFactory(parent=site_tree.projects, status=ProjectStatus.RUNNING)

    assert "Erfolgsgeschichte anlegen" not in header_button_labels(editor_client, project)
    response = editor_client.post(create_url(project))
    assert response.status_code == 302
    assert not StoryPage.objects.exists()


def test_team_member_without_page_permissions_cannot_create_a_story(team_client, finished_project):
    # Admin access through the Matching-Team, but no right to add pages.
    response = team_client.post(create_url(finished_project))

    assert response.status_code == 403
    assert not StoryPage.objects.exists()


def test_editor_without_rights_on_stories_cannot_create_one(client, site_tree, finished_project):
    from django.contrib.auth.models import Group, Permission
    from wagtail.models import GroupPagePermission

    # May edit projects, not stories.
    group = Group.objects.create(name="Projektredaktion")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    for codename in ("add_page", "change_page"):
        GroupPagePermission.objects.create(
            group=group,
            page=site_tree.projects,
            permission=Permission.objects.get(
                codename=codename, content_type__app_label="wagtailcore"
            ),
        )
    user = factories.UserFactory(groups=["Projektredaktion"])
    client.force_login(user)

    assert "Erfolgsgeschichte anlegen" not in header_button_labels(client, finished_project)
    assert client.post(create_url(finished_project)).status_code == 403
    assert client.get(create_url(finished_project)).status_code == 403
    assert not StoryPage.objects.exists()


def test_without_javascript_the_link_shows_a_confirmation_form(editor_client, finished_project):
    page = parse(editor_client.get(create_url(finished_project)).content)

    (form,) = page.select("form[method=post]")
    assert "Erfolgsgeschichte anlegen" in form.text
    assert not StoryPage.objects.exists()


def test_project_page_links_the_story_once_it_is_live(client, editor_client, finished_project):
    editor_client.post(create_url(finished_project))
    story = StoryPage.objects.get()

    before = parse(client.get(finished_project.url).content)
    assert "Erfolgsgeschichte lesen" not in before.text

    story.get_latest_revision().publish()
    after = parse(client.get(finished_project.url).content)
    (link,) = [a for a in after.select(".impact-reached a") if "Erfolgsgeschichte lesen" in a.text]
    assert link.get("href") == story.url
    # And the story names its project.
    assert finished_project.title in client.get(story.url).content.decode()
