"""Public pages for anonymous visitors come from the shared cache (Redis), and go at once when
the content changes (core/page_cache.py)."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import Client
from wagtail.models import Page

from core.models.settings import SiteSettings
from intake.models import FormKind
from projects.views import PROJECTS_PER_PAGE
from tests import factories
from tests.markup import card_titles, parse

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parent.parent.parent
LISTING = "/de/projekte/"
HOME = "/de/"


@pytest.fixture
def page_cache(settings, redis_cache, site_tree):
    """The page cache on, against Redis, storing from the first request after a change."""
    # The first request of a new site creates its settings (a change that empties the cache):
    # create them before, as a running site has them.
    SiteSettings.for_site(site_tree.home.get_site())
    settings.PAGE_CACHE_SECONDS = 300
    settings.PAGE_CACHE_SETTLE_SECONDS = 0
    return settings


def get(path, client=None, **extra):
    """GET as a new anonymous visitor (no cookies) unless a client is given."""
    return (client or Client()).get(path, **extra)


def test_a_second_anonymous_request_is_served_from_the_cache(
    page_cache, project, django_assert_num_queries
):
    first = get(LISTING)
    with django_assert_num_queries(0):
        second = get(LISTING)

    assert first["X-Cache"] == "MISS"
    assert second["X-Cache"] == "HIT"
    assert second.content == first.content
    assert card_titles(second) == ["Kompass Kalletal"]
    for header in (
        "Content-Type",
        "Content-Language",
        "Content-Security-Policy",
        "X-Frame-Options",
    ):
        assert second[header] == first[header]
    # Served, not rendered again: a change that bypasses every signal does not show.
    Page.objects.filter(pk=project.pk).update(title="Ohne Signal geändert")
    assert card_titles(get(LISTING)) == ["Kompass Kalletal"]


def test_each_language_has_its_own_cached_pages(page_cache, site_tree):
    german, english = get(HOME), get("/en/")

    assert english["X-Cache"] == "MISS"
    assert parse(german.content).select_one("html").get("lang") == "de"
    assert parse(english.content).select_one("html").get("lang") == "en"
    assert get("/en/").content == english.content


def test_signed_in_people_are_never_served_a_cached_page_nor_leave_theirs(page_cache, project):
    editor = factories.UserFactory(
        username="redakteurin.renate", first_name="Renate", is_superuser=True, is_staff=True
    )
    signed_in = Client()
    signed_in.force_login(editor)

    own = signed_in.get(project.url)
    assert own["X-Cache"] == "BYPASS"
    # The editor's page has the Wagtail user bar: it is hers, not the visitors' page.
    assert "wagtail-userbar" in own.content.decode()

    anonymous = get(project.url)
    assert anonymous["X-Cache"] == "MISS"
    assert get(project.url)["X-Cache"] == "HIT"
    assert signed_in.get(project.url)["X-Cache"] == "BYPASS"

    cached = get(project.url)
    html = cached.content.decode()
    assert cached["X-Cache"] == "HIT"
    for private in ("wagtail-userbar", "redakteurin.renate", "Renate", "csrfmiddlewaretoken"):
        assert private not in html
    assert not cached.cookies
    assert "sessionid" not in cached.headers.get("Set-Cookie", "")


def test_a_visitor_with_a_session_or_a_waiting_message_gets_a_fresh_page(page_cache, project):
    get(LISTING)
    assert get(LISTING)["X-Cache"] == "HIT"

    with_session = Client()
    with_session.cookies["sessionid"] = "irgendeine-sitzung"
    with_message = Client()
    with_message.cookies["messages"] = "eine-wartende-nachricht"

    assert with_session.get(LISTING)["X-Cache"] == "BYPASS"
    assert with_message.get(LISTING)["X-Cache"] == "BYPASS"


def test_form_pages_are_never_cached(page_cache, site_tree):
    form_page = factories.FormPageFactory(
        parent=site_tree.home, slug="projekt-vorschlagen", form_kind=FormKind.MUNICIPALITY
    )

    first, second = get(form_page.url), get(form_page.url)

    for response in (first, second):
        assert response.status_code == 200
        assert response["X-Cache"] == "BYPASS"
        assert "csrfmiddlewaretoken" in response.content.decode()
        assert "csrftoken" in response.cookies
    # Each visitor gets a start token of their own (the one-use spam defence).
    assert first.content != second.content


def test_the_applicant_status_page_is_never_cached(page_cache, project):
    application = factories.ApplicationFactory(project=project)
    url = f"/de/bewerbung/{application.access_token}/"

    first, second = get(url), get(url)

    assert first.status_code == second.status_code == 200
    assert second["X-Cache"] == "BYPASS"
    assert "no-store" in second["Cache-Control"]


def test_publishing_a_project_shows_on_listing_home_feed_and_sitemap_at_once(
    page_cache, project, site_tree, publish
):
    feed = f"{LISTING}feed/rss/"
    for path in (LISTING, HOME, feed, "/sitemap.xml"):
        get(path)
        assert get(path)["X-Cache"] == "HIT"

    new = factories.ProjectPageFactory(
        parent=site_tree.projects, title="Dorfladen Dörentrup", live=False
    )
    publish(new)

    listing = get(LISTING)
    assert listing["X-Cache"] == "MISS"
    assert card_titles(listing) == ["Dorfladen Dörentrup", "Kompass Kalletal"]
    home = get(HOME)
    assert home["X-Cache"] == "MISS"
    assert "Dorfladen Dörentrup" in card_titles(home)
    assert "Dorfladen Dörentrup" in get(feed).content.decode()
    assert new.get_url() in get("/sitemap.xml").content.decode()
    # From then on the new state is what is cached.
    assert get(LISTING)["X-Cache"] == "HIT"


def test_unpublishing_or_deleting_a_project_takes_it_off_at_once(
    page_cache, project, site_tree, django_capture_on_commit_callbacks
):
    other = factories.ProjectPageFactory(parent=site_tree.projects, title="Dorfladen", publish=True)
    assert card_titles(get(LISTING)) == ["Dorfladen", "Kompass Kalletal"]
    assert get(project.url)["X-Cache"] == "MISS"
    assert get(project.url)["X-Cache"] == "HIT"

    with django_capture_on_commit_callbacks(execute=True):
        project.unpublish()

    assert card_titles(get(LISTING)) == ["Dorfladen"]
    assert get(project.url).status_code == 404

    with django_capture_on_commit_callbacks(execute=True):
        other.delete()

    assert card_titles(get(LISTING)) == []
    assert get(other.url).status_code == 404


def test_moving_a_page_changes_the_cached_pages_at_once(page_cache, site_tree, publish):
    page = factories.StandardPageFactory(parent=site_tree.home, title="Mitmachen", slug="mitmachen")
    get("/de/mitmachen/")
    assert get("/de/mitmachen/")["X-Cache"] == "HIT"
    section = factories.StandardPageFactory(parent=site_tree.home, title="Über uns", slug="ueber")

    page.move(section, pos="last-child")

    # The old address leads to the new one (Wagtail's redirect), which shows the page.
    moved = get("/de/mitmachen/")
    assert moved.status_code == 301
    assert moved["Location"] == "/de/ueber/mitmachen/"
    assert get("/de/ueber/mitmachen/").status_code == 200


def test_a_renamed_topic_shows_on_cached_pages_at_once(page_cache, site_tree):
    topic = factories.TopicFactory(name="Digitale Verwaltung")
    factories.ProjectPageFactory(parent=site_tree.projects, topics=[topic], publish=True)
    assert "Digitale Verwaltung" in get(LISTING).content.decode()
    assert get(LISTING)["X-Cache"] == "HIT"

    topic.name = "Digitales Rathaus"
    topic.save()

    listing = get(LISTING)
    assert listing["X-Cache"] == "MISS"
    assert "Digitales Rathaus" in listing.content.decode()


def test_an_invalidation_in_another_worker_reaches_this_one(page_cache, project):
    get(LISTING)
    assert get(LISTING)["X-Cache"] == "HIT"

    # Another process (a second gunicorn worker, the task worker) saw a change.
    code = (
        "import django; django.setup()\n"
        "from django.test.utils import override_settings\n"
        "from core.page_cache import invalidate\n"
        "with override_settings(PAGE_CACHE_SECONDS=300):\n"
        "    invalidate()\n"
    )
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.test"}
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr

    assert get(LISTING)["X-Cache"] == "MISS"


def test_unknown_query_parameters_are_not_cached(page_cache, project):
    for _ in range(2):
        assert get(LISTING, data={"utm_source": "newsletter"})["X-Cache"] == "BYPASS"
        assert get(LISTING, data={"page": "1", "preview": "1"})["X-Cache"] == "BYPASS"


def test_each_page_and_filter_of_the_listing_is_cached_on_its_own(page_cache, site_tree):
    for number in range(PROJECTS_PER_PAGE + 1):
        factories.ProjectPageFactory(parent=site_tree.projects, title=f"Projekt {number:02d}")

    first_page = get(LISTING)
    second_page = get(f"{LISTING}?page=2")

    assert second_page["X-Cache"] == "MISS"
    assert len(card_titles(first_page)) == PROJECTS_PER_PAGE
    assert len(card_titles(second_page)) == 1
    assert get(f"{LISTING}?page=2").content == second_page.content
    assert get(LISTING).content == first_page.content
    # The same filters in another order are the same page.
    assert get(f"{LISTING}?status=open&page=2")["X-Cache"] == "MISS"
    assert get(f"{LISTING}?page=2&status=open")["X-Cache"] == "HIT"
    # A value that only looks like two parameters is another page.
    assert get(f"{LISTING}?page=2%26status%3Dopen")["X-Cache"] == "MISS"


def test_pages_rendered_right_after_a_change_are_not_stored(page_cache, project, publish):
    # The search engine shows a change only after its refresh: what is rendered in the
    # settle time after a change may be old, so it is served but not kept.
    page_cache.PAGE_CACHE_SETTLE_SECONDS = 60
    publish(project)

    assert get(LISTING)["X-Cache"] == "MISS"
    assert get(LISTING)["X-Cache"] == "MISS"


def test_nothing_is_cached_when_the_page_cache_is_off(settings, redis_cache, project):
    settings.PAGE_CACHE_SECONDS = 0

    assert "X-Cache" not in get(LISTING)
    assert "X-Cache" not in get(LISTING)


@pytest.mark.parametrize(
    "query",
    ["bundesland=HE&topic=1&sort=newest", "q=Rathaus&status=open", "competency=7&page=3"],
)
def test_the_listing_filters_and_its_feeds_are_cached(page_cache, project, query):
    for path in (f"{LISTING}?{query}", f"{LISTING}feed/atom/?{query}"):
        assert get(path)["X-Cache"] == "MISS"
        assert get(path)["X-Cache"] == "HIT"
