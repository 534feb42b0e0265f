"""Page tree rules, translation sync and project-wide gates."""

import io
import os
import subprocess
import sys

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.management import call_command
from django.test import RequestFactory
from wagtail.models import Page
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from home.models import HomePage, StandardPage
from learning.models import LearningIndexPage, LearningResourcePage
from projects.models import ProjectIndexPage, ProjectPage
from stories.models import StoryIndexPage, StoryPage
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("child", "parent", "allowed"),
    [
        (ProjectPage, ProjectIndexPage, True),
        (ProjectPage, HomePage, False),
        (ProjectPage, StandardPage, False),
        (StoryPage, StoryIndexPage, True),
        (StoryPage, ProjectIndexPage, False),
        (LearningResourcePage, LearningIndexPage, True),
        (LearningResourcePage, HomePage, False),
        (ProjectIndexPage, HomePage, True),
        (ProjectIndexPage, StandardPage, False),
        (StandardPage, HomePage, True),
        (StandardPage, StandardPage, True),
        (StandardPage, ProjectIndexPage, False),
        (HomePage, Page, True),
        (HomePage, HomePage, False),
    ],
)
def test_editors_can_only_create_pages_where_they_make_sense(child, parent, allowed):
    assert child.can_exist_under(parent()) is allowed


def test_only_one_project_index_per_home_page(site_tree):
    assert not ProjectIndexPage.can_create_at(site_tree.home)
    assert StandardPage.can_create_at(site_tree.home)


def test_translation_sync_carries_synchronised_fields_and_keeps_translations(site_tree, locales):
    """An editor changes the German project; the English translation follows on sync."""
    topic_a, topic_b = factories.TopicFactory(), factories.TopicFactory()
    project = factories.ProjectPageFactory(
        parent=site_tree.projects,
        duration_months=9,
        topics=[topic_a],
        profile=[factories.CompetencyFactory()],
        publish=True,
    )

    source, _ = TranslationSource.get_or_create_from_instance(project)
    translation = Translation.objects.create(source=source, target_locale=locales.en)
    # Translate the title string, as a translator does in wagtail-localize's editor.
    title_string = source.stringsegment_set.get(context__path="title").string
    StringTranslation.objects.create(
        translation_of=title_string,
        locale=locales.en,
        context=source.stringsegment_set.get(context__path="title").context,
        data="Project in English",
    )
    # wagtail-localize copies the tree into English first (index page as its parent).
    site_tree.projects.copy_for_translation(locales.en, copy_parents=True).save_revision().publish()
    translation.save_target(publish=True)
    english = project.get_translation(locales.en).specific
    assert english.title == "Project in English"
    assert english.duration_months == 9
    assert list(english.topics.all()) == [topic_a]
    assert english.competence_profile.count() == 1

    project.refresh_from_db()
    project.duration_months = 15
    project.topics.set([topic_b])
    project.save_revision().publish()
    source.update_from_db()
    translation.save_target(publish=True)

    english.refresh_from_db()
    assert english.duration_months == 15
    assert list(english.topics.all()) == [topic_b]
    assert english.title == "Project in English"
    response = english.serve(_request_for(english))
    assert response.status_code == 200


def _request_for(page):
    request = RequestFactory().get(page.url)
    request.user = AnonymousUser()
    return request


def test_no_model_change_lacks_a_migration():
    out = io.StringIO()
    call_command("makemigrations", "--check", "--dry-run", stdout=out)
    assert "No changes detected" in out.getvalue()


def test_production_settings_pass_the_deployment_checklist():
    # The browser tests allow async-unsafe calls in this process; a deployment never would.
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env = {
        **env,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SECRET_KEY": "x" * 64 + "-production-like-secret-with-enough-entropy-12345",
        "ALLOWED_HOSTS": "lokalprojekte.example",
        "SITE_BASE_URL": "https://lokalprojekte.example",
        "DATABASE_URL": "sqlite:///:memory:",
        "REDIS_URL": "redis://127.0.0.1:6379/0",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_settings_refuse_to_start_without_a_secret_key():
    env = {k: v for k, v in os.environ.items() if k != "SECRET_KEY"}
    env["DJANGO_SETTINGS_MODULE"] = "config.settings.production"
    result = subprocess.run(
        [sys.executable, "manage.py", "check"], env=env, capture_output=True, text=True, check=False
    )
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr
