"""The demo content command: complete, idempotent, and the site renders afterwards."""

import datetime
from io import StringIO

import pytest
from django.conf import settings as django_settings
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from wagtail.models import Page, PageViewRestriction, Revision, Site

from core.models import CustomImage, SiteSettings
from home.models import HomePage, StandardPage
from learning.models import Expert, LearningResourcePage
from projects.models import ProjectPage
from stories.models import StoryPage
from taxonomy.models import Competency, Municipality, Topic

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Generated images go to a temporary directory, not the shared test media folder."""
    settings.MEDIA_ROOT = tmp_path


def seed(verbosity=1):
    out = StringIO()
    call_command("seed_demo", verbosity=verbosity, stdout=out)
    return out.getvalue()


def snapshot():
    """Row counts a duplicate would change: pages per type and language, revisions, snippets."""
    pages = {
        (ct.model_class().__name__, code): Page.objects.filter(
            content_type=ct, locale__language_code=code
        ).count()
        for ct in ContentType.objects.filter(pk__in=Page.objects.values("content_type"))
        for code in ("de", "en")
    }
    return {
        "pages": pages,
        "revisions": Revision.objects.count(),
        "restrictions": PageViewRestriction.objects.count(),
        "competencies": Competency.objects.count(),
        "topics": Topic.objects.count(),
        "municipalities": Municipality.objects.count(),
        "experts": Expert.objects.count(),
        "images": CustomImage.objects.count(),
        "sites": Site.objects.count(),
    }


def test_second_run_creates_and_changes_nothing():
    assert seed(verbosity=0) == ""
    first = snapshot()

    output = seed()

    step_lines = [line for line in output.splitlines() if line.startswith("[")]
    assert len(step_lines) == 13
    assert step_lines[0].startswith("[1/13] ")
    assert all("0 angelegt, 0 aktualisiert" in line for line in step_lines), output
    assert snapshot() == first


def test_demo_content_is_complete_and_the_site_renders(client, locales):
    seed()

    # The welcome page is gone; the default site serves the German home page.
    assert not Page.objects.filter(title="Welcome to your new Wagtail site!").exists()
    site = Site.objects.get(is_default_site=True)
    assert site.site_name == "Lokalprojekte"
    assert isinstance(site.root_page.specific, HomePage)
    assert site.root_page.locale.language_code == "de"
    site_settings = SiteSettings.for_site(site)
    assert site_settings.contact_email == "hallo@lokalprojekte.example"
    assert site_settings.imprint_page.title == "Impressum"

    # Projects: enough of them, spread over states and statuses, open ones still open.
    projects = ProjectPage.objects.live().filter(locale__language_code="de")
    assert projects.count() >= 30
    assert set(projects.values_list("status", flat=True)) == {
        "in_preparation", "open", "matching", "running", "completed",
    }  # fmt: skip
    assert projects.filter(status="open").count() > projects.count() / 2
    assert len(set(projects.values_list("municipality__bundesland", flat=True))) >= 8
    today = datetime.date.today()
    assert all(p.application_deadline >= today for p in projects.filter(status="open"))
    for project in projects:
        assert 3 <= project.competence_profile.count() <= 6, project.title
    assert len(set(projects.values_list("challenge", flat=True))) == projects.count()

    # Learning library: 15 resources, the Macher:innen-only ones are restricted to the group.
    resources = LearningResourcePage.objects.filter(locale__language_code="de")
    assert resources.count() == 15
    restricted = resources.filter(macherinnen_only=True)
    assert restricted.count() >= 4
    for resource in restricted:
        restriction = PageViewRestriction.objects.get(page=resource)
        assert restriction.groups.filter(name=django_settings.MACHERINNEN_GROUP_NAME).exists()
        assert client.get(resource.url).status_code == 302

    # Stories, experts and taxonomies, with English translations where promised.
    stories = StoryPage.objects.filter(locale__language_code="de")
    assert {"Eschwege", "Kalletal"} <= set(stories.values_list("municipality__name", flat=True))
    assert Expert.objects.filter(locale__language_code="de").count() == 8
    assert Expert.objects.filter(locale__language_code="en").count() == 8
    competency = Competency.objects.get(name="Prozessautomatisierung", locale=locales.de)
    assert competency.get_translation(locales.en).name == "Process automation"
    eschwege = Municipality.objects.get(name="Eschwege")
    assert (eschwege.bundesland, eschwege.district) == ("HE", "Werra-Meißner-Kreis")

    # German and English home pages and the English legal pages render.
    german = client.get("/de/")
    assert german.status_code == 200
    assert "Macher:innen für Kommunen" in german.content.decode()
    english = client.get("/en/")
    assert english.status_code == 200
    assert "Makers for municipalities" in english.content.decode()
    for title in ("Impressum", "Datenschutzerklärung", "Erklärung zur Barrierefreiheit"):
        page = StandardPage.objects.get(title=title, locale__language_code="de")
        translation = page.get_translation(locales.en)
        assert translation.live
        response = client.get(translation.url)
        assert response.status_code == 200
        assert "German version is legally binding" in response.content.decode()
