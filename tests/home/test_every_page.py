"""Every page of the demo site answers in both languages; private ones ask for a login."""

import pytest
from django.core.management import call_command
from wagtail.models import Page, PageViewRestriction

from tests.markup import parse

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_site(locales):
    call_command("seed_demo", verbosity=0)


def test_every_live_page_renders_in_its_language(client, demo_site):
    restricted_paths = [r.page.path for r in PageViewRestriction.objects.select_related("page")]
    pages = Page.objects.live().filter(depth__gt=1).specific()
    seen_types = {"de": set(), "en": set()}
    for page in pages:
        response = client.get(page.url)
        if any(page.path.startswith(path) for path in restricted_paths):
            assert response.status_code == 302, page.url
            assert "/anmelden/" in response["Location"]
            continue
        assert response.status_code == 200, page.url
        document = parse(response)
        language = page.locale.language_code
        assert document.select_one("html").get("lang") == language, page.url
        assert page.title in document.text, page.url
        seen_types[language].add(type(page).__name__)
    expected = {
        "HomePage",
        "StandardPage",
        "ProjectIndexPage",
        "ProjectPage",
        "StoryIndexPage",
        "StoryPage",
        "LearningIndexPage",
        "LearningResourcePage",
        "ExpertIndexPage",
        "FormPage",
        "NewsIndexPage",
        "NewsPage",
        "EventIndexPage",
        "EventPage",
    }
    assert seen_types["de"] == expected
    assert seen_types["en"] == expected
