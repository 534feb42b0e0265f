"""Fixtures for the public forms: competencies, an open project, form pages, valid input."""

import datetime
import io
import time
import zipfile

import pytest
from django.core.cache import cache
from django.utils.functional import empty

from intake.forms import APPLICATION_FORM_KIND
from intake.models import FormKind
from intake.spam import issue_started_token
from intake.storage import private_storage
from projects.models import ProjectStatus
from tests import factories


@pytest.fixture(autouse=True)
def _fresh_rate_limit_and_private_media(settings, tmp_path):
    """Every test starts with an empty rate-limit counter and its own private media folder."""
    cache.clear()
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    settings.MATCHING_TEAM_EMAIL = "team@lokalprojekte.example"
    # The storage reads the setting when first used; make it read the new one.
    private_storage._wrapped = empty
    yield
    private_storage._wrapped = empty
    cache.clear()


@pytest.fixture
def competencies(locales):
    """Three German competencies; the first also has an English translation."""
    ux = factories.CompetencyFactory(name="UX-Design")
    factories.translate_snippet(ux, locales.en, name="UX design")
    return [
        ux,
        factories.CompetencyFactory(name="Projektmanagement"),
        factories.CompetencyFactory(name="Bürgerbeteiligung"),
    ]


@pytest.fixture
def open_project(site_tree, competencies):
    """An open project with one competency in its profile, and its English translation."""
    project = factories.ProjectPageFactory(
        parent=site_tree.projects,
        title="Kompass Kalletal",
        slug="kompass-kalletal",
        profile=[competencies[0]],
    )
    assert project.status == ProjectStatus.OPEN
    return project


@pytest.fixture
def open_project_en(open_project, site_tree, locales):
    """The English translation of the open project (and of its index page)."""
    factories.publish_translation(site_tree.projects, locales.en, slug="projects")
    return factories.publish_translation(open_project, locales.en, slug="compass")


@pytest.fixture
def form_pages(site_tree, locales):
    """One form page per kind under the German home page, each translated into English."""
    pages = {}
    for kind, slug in [
        (FormKind.TALENT_POOL, "talentpool"),
        (FormKind.MUNICIPALITY, "projekt-vorschlagen"),
        (FormKind.COMPANY, "mitarbeitende-freistellen"),
        (FormKind.FUNDER, "foerdern"),
    ]:
        page = factories.FormPageFactory(
            parent=site_tree.home,
            title=f"Formular {slug}",
            slug=slug,
            form_kind=kind,
            intro="<p>Eine Einleitung.</p>",
            thank_you_text=f"<p>Danke {slug}!</p>",
            publish=True,
        )
        pages[kind] = page
        pages[f"{kind}_en"] = factories.publish_translation(
            page, locales.en, slug=f"{slug}-en", title=f"Form {slug}"
        )
    return pages


@pytest.fixture
def submit(client, django_capture_on_commit_callbacks):
    """POST like a browser and run what the view left for after the commit (the mail tasks)."""

    def post(url, data, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(url, data, **kwargs)

    return post


def started(seconds_ago=60, kind=APPLICATION_FORM_KIND):
    """A valid start-time token, as if the form had been opened ``seconds_ago``."""
    return issue_started_token(kind, issued_at=time.time() - seconds_ago)


def application_data(competencies, **overrides):
    """Valid input for the application form."""
    data = {
        "first_name": "Ada",
        "last_name": "Lovelace",
        "email": "ada@example.org",
        "phone": "0561 123456",
        "postcode": "34117",
        "city": "Kassel",
        "bundesland": "HE",
        "mobility": "state",
        "available_from": (datetime.date.today() + datetime.timedelta(days=60)).isoformat(),
        "preferred_duration_months": "12",
        "languages": "Deutsch, Englisch",
        "competency_1": str(competencies[0].pk),
        "level_1": "3",
        "competency_2": str(competencies[1].pk),
        "level_2": "2",
        "motivation": "Ich möchte meiner Heimatregion etwas zurückgeben.",
        "privacy_consent": "on",
        "website": "",
        "form_started": started(),
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def minimal_docx():
    """A zip with the two entries every Word document has."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        archive.writestr("word/document.xml", '<?xml version="1.0"?><w:document/>')
    return buffer.getvalue()


def minimal_odt():
    """A zip whose first, uncompressed entry names the OpenDocument text type."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(
            zipfile.ZipInfo("mimetype"),
            "application/vnd.oasis.opendocument.text",
            compress_type=zipfile.ZIP_STORED,
        )
        archive.writestr("content.xml", '<?xml version="1.0"?><office:document-content/>')
    return buffer.getvalue()


def minimal_png():
    """The first bytes of a PNG image."""
    return b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
