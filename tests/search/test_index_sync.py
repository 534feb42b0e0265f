"""Publishing, unpublishing, deleting and moving projects reach the index through the task."""

import pytest
from wagtail.models import Page, PageViewRestriction

from search.models import PendingIndexUpdate
from tests import factories

pytestmark = pytest.mark.django_db


def test_published_project_is_in_the_index_right_after_commit(site_tree, project_index, commit):
    with commit():
        page = factories.ProjectPageFactory(
            parent=site_tree.projects, title="Schulwege sicher machen", publish=True
        )

    assert project_index.titles("de", "Schulwege") == ["Schulwege sicher machen"]
    assert project_index.document("de", page.pk)["page_id"] == page.pk
    assert not PendingIndexUpdate.objects.exists()


def test_draft_is_not_indexed_until_published(site_tree, project_index, commit):
    with commit():
        page = factories.ProjectPageFactory(
            parent=site_tree.projects, title="Entwurf Klimaschutz", live=False
        )
        page.save_revision()

    assert project_index.titles("de", "Klimaschutz") == []

    with commit():
        page.get_latest_revision().publish()

    assert project_index.titles("de", "Klimaschutz") == ["Entwurf Klimaschutz"]


def test_changed_topics_and_profile_are_indexed_on_republish(site_tree, project_index, commit):
    # Wagtail's own save-time indexing ran before modelcluster stored the new relations and
    # saw the old ones; the task runs after the commit and must see the new ones.
    old_topic = factories.TopicFactory(name="Tourismus")
    new_topic = factories.TopicFactory(name="Gesundheit")
    competency = factories.CompetencyFactory(name="Datenanalyse")
    with commit():
        page = factories.ProjectPageFactory(
            parent=site_tree.projects, title="Pflege im Quartier", topics=[old_topic], publish=True
        )

    page.topics.set([new_topic])
    page.competence_profile.add(
        factories.ProjectCompetencyFactory.build(project=page, competency=competency)
    )
    with commit():
        page.save_revision().publish()

    doc = project_index.document("de", page.pk)
    assert doc["topics"] == [str(new_topic.pk)]
    assert doc["topic_names"] == ["Gesundheit"]
    assert doc["competency_names"] == ["Datenanalyse"]
    assert project_index.titles("de", "Tourismus") == []


def test_unpublished_project_leaves_the_index(site_tree, project_index, commit):
    with commit():
        page = factories.ProjectPageFactory(
            parent=site_tree.projects, title="Dorfladen digital", publish=True
        )
    assert project_index.titles("de", "Dorfladen") == ["Dorfladen digital"]

    with commit():
        page.unpublish()

    assert project_index.titles("de", "Dorfladen") == []


def test_deleted_project_leaves_the_index(site_tree, project_index, commit):
    with commit():
        page = factories.ProjectPageFactory(
            parent=site_tree.projects, title="Bücherei als dritter Ort", publish=True
        )
    assert project_index.count("de") == 1

    with commit():
        Page.objects.get(pk=page.pk).delete()

    assert project_index.titles("de", "Bücherei") == []
    assert project_index.count("de") == 0


def test_deleting_the_listing_removes_all_its_projects(site_tree, project_index, commit):
    with commit():
        factories.ProjectPageFactory(
            parent=site_tree.projects, title="Erstes Projekt", publish=True
        )
        factories.ProjectPageFactory(
            parent=site_tree.projects, title="Zweites Projekt", publish=True
        )
    assert project_index.count("de") == 2

    with commit():
        Page.objects.get(pk=site_tree.projects.pk).delete()

    assert project_index.count("de") == 0


def test_moving_the_listing_updates_the_project_urls(site_tree, project_index, commit):
    with commit():
        page = factories.ProjectPageFactory(
            parent=site_tree.projects, title="Ehrenamt stärken", publish=True
        )
    assert "/projekte/ehrenamt-starken/" in project_index.document("de", page.pk)["url"]

    section = factories.StandardPageFactory(parent=site_tree.home, title="Archiv", slug="archiv")
    with commit():
        Page.objects.get(pk=site_tree.projects.pk).move(section, pos="last-child")

    assert "/archiv/projekte/" in project_index.document("de", page.pk)["url"]


def test_english_translation_goes_to_the_english_index(site_tree, locales, project_index, commit):
    with commit():
        factories.publish_translation(site_tree.projects, locales.en, title="Projects")
        page = factories.ProjectPageFactory(
            parent=site_tree.projects, title="Jugend beteiligen", publish=True
        )
        translation = factories.publish_translation(
            page, locales.en, title="Involving young people"
        )

    english = project_index.document("en", translation.pk)
    assert english["locale"] == "en"
    assert english["translation_key"] == str(page.translation_key)
    assert english["url"].startswith("/en/")
    assert project_index.document("de", translation.pk) is None
    assert project_index.titles("en", "young") == ["Involving young people"]


def test_english_document_names_topics_in_english_but_filters_by_german_pk(
    site_tree, locales, project_index, commit
):
    topic = factories.TopicFactory(name="Mobilität")
    with commit():
        factories.translate_snippet(topic, locales.en, name="Mobility")
        factories.publish_translation(site_tree.projects, locales.en, title="Projects")
        page = factories.ProjectPageFactory(
            parent=site_tree.projects, title="Rufbus", topics=[topic], publish=True
        )
        translation = factories.publish_translation(page, locales.en, title="On-demand bus")

    english = project_index.document("en", translation.pk)
    assert english["topics"] == [str(topic.pk)]
    assert english["topic_names"] == ["Mobility"]


def test_renaming_a_topic_updates_the_projects_using_it(site_tree, project_index, commit):
    topic = factories.TopicFactory(name="Energie")
    with commit():
        factories.ProjectPageFactory(
            parent=site_tree.projects, title="Solardächer", topics=[topic], publish=True
        )
    assert project_index.titles("de", "Wärmewende") == []

    topic.name = "Wärmewende"
    with commit():
        topic.save()

    assert project_index.titles("de", "Wärmewende") == ["Solardächer"]


def test_no_engine_configured_means_no_queue(site_tree, settings, commit):
    settings.PROJECT_SEARCH_URL = None
    with commit():
        factories.ProjectPageFactory(
            parent=site_tree.projects, title="Ohne Suchmaschine", publish=True
        )

    assert not PendingIndexUpdate.objects.exists()


def test_page_privacy_takes_projects_out_of_the_index_and_back(site_tree, project_index, commit):
    with commit():
        factories.ProjectPageFactory(
            parent=site_tree.projects, title="Bürgerbüro mobil", publish=True
        )
        factories.ProjectPageFactory(
            parent=site_tree.projects, title="Bürgerbüro digital", publish=True
        )
    assert project_index.count("de") == 2

    # Privacy set on the listing covers every project below it.
    with commit():
        restriction = PageViewRestriction.objects.create(
            page=site_tree.projects, restriction_type=PageViewRestriction.LOGIN
        )
    assert project_index.titles("de", "Bürgerbüro") == []

    with commit():
        restriction.delete()
    assert project_index.titles("de", "Bürgerbüro") == ["Bürgerbüro digital", "Bürgerbüro mobil"]
