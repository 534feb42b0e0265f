"""Header, footer and cards are kept per worker and rendered anew after any content change
(core/fragment_cache.py)."""

import pytest
from django.db import connection
from django.template.loader import render_to_string
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils.safestring import mark_safe
from wagtail.models import Page

from core import fragment_cache, generations, page_cache
from core.locales import LocaleCacheMiddleware
from core.models.settings import SiteSettings
from projects.models import ProjectPage
from taxonomy.models import Municipality
from tests import factories
from tests.markup import card_titles, description_list, parse

pytestmark = pytest.mark.django_db

LISTING = "/de/projekte/"


@pytest.fixture
def fragments(settings, redis_cache, site_tree):
    """Fragments kept, the page cache off: every request renders its page."""
    SiteSettings.for_site(site_tree.home.get_site())
    settings.FRAGMENT_CACHE_SECONDS = 300
    settings.PAGE_CACHE_SECONDS = 0
    return settings


def card_durations(response):
    """The duration each card of a listing states, in order."""
    return [
        description_list(card.select_one(".card__facts"))["Dauer"]
        for card in parse(response).select(".card")
    ]


def get(path):
    response = Client().get(path)
    assert response.status_code == 200, (path, response.status_code)
    return response


def queries_of(path):
    with CaptureQueriesContext(connection) as queries:
        response = get(path)
    return response, len(queries)


def test_a_second_request_renders_the_same_page_with_fewer_queries(fragments, project):
    first, first_queries = queries_of(LISTING)
    second, second_queries = queries_of(LISTING)

    assert second.content == first.content
    # Header (menu), footer (legal pages, programme) and cards (topics' labels) are kept.
    assert second_queries < first_queries
    # Kept, not rendered again: a change that bypasses every signal does not show.
    ProjectPage.objects.filter(pk=project.pk).update(duration_months=7)
    assert card_durations(get(LISTING)) == ["12 Monate"]


def test_a_published_change_shows_on_every_card_at_once(fragments, project, site_tree, publish):
    assert card_durations(get(LISTING)) == ["12 Monate"]
    factories.ProjectPageFactory(parent=site_tree.projects, title="Lotsen Lippe", publish=True)

    project.title = "Kompass Kalletal 2027"
    project.duration_months = 18
    publish(project)

    listing = get(LISTING)
    assert dict(zip(card_titles(listing), card_durations(listing), strict=True)) == {
        "Kompass Kalletal 2027": "18 Monate",
        "Lotsen Lippe": "12 Monate",
    }


def test_a_renamed_topic_shows_on_the_cards_at_once(fragments, site_tree):
    topic = factories.TopicFactory(name="Digitale Verwaltung")
    factories.ProjectPageFactory(parent=site_tree.projects, topics=[topic], publish=True)
    assert "Digitale Verwaltung" in get(LISTING).content.decode()

    topic.name = "Digitales Rathaus"
    topic.save()

    listing = get(LISTING).content.decode()
    assert "Digitales Rathaus" in listing
    assert "Digitale Verwaltung" not in listing


def test_a_changed_site_setting_shows_in_the_footer_at_once(fragments, site_tree, project):
    assert "presse@example.org" not in get(LISTING).content.decode()
    site_settings = SiteSettings.for_site(site_tree.home.get_site())
    site_settings.contact_email = "presse@example.org"
    site_settings.save()

    footer = parse(get(LISTING)).select_one("footer")
    assert "presse@example.org" in footer.text


def test_a_change_seen_by_another_worker_reaches_this_one(fragments, project):
    get(LISTING)
    ProjectPage.objects.filter(pk=project.pk).update(duration_months=9)
    assert card_durations(get(LISTING)) == ["12 Monate"]
    # Another worker saw the change: only the generation in the shared cache moves.
    generations.start_new(page_cache.GENERATION_KEY)

    assert card_durations(get(LISTING)) == ["9 Monate"]


def test_the_header_is_kept_per_page_and_language(fragments, site_tree):
    Page.objects.filter(pk=site_tree.projects.pk).update(show_in_menus=True)

    def current_menu_entry(path):
        return parse(get(path)).texts(".main-nav a[aria-current]")

    for _ in range(2):
        assert current_menu_entry(LISTING) == [site_tree.projects.title]
        assert current_menu_entry("/de/") == []

    english = parse(get("/en/"))
    assert english.texts(".site-menu__toggle .kern-label") == ["Menu"]
    assert parse(get("/de/")).texts(".site-menu__toggle .kern-label") == ["Menü"]


def test_nothing_is_kept_when_off(settings, redis_cache, project):
    settings.FRAGMENT_CACHE_SECONDS = 0
    get(LISTING)
    ProjectPage.objects.filter(pk=project.pk).update(duration_months=9)
    assert card_durations(get(LISTING)) == ["9 Monate"]


def _render_card(project):
    """The card as a page renders it, inside a request (where fragments may be kept)."""
    request = RequestFactory().get(LISTING)
    rendered = {}

    def view(request):
        rendered["html"] = render_to_string(
            "projects/includes/project_card.html", {"project": project}, request=request
        )
        return None

    LocaleCacheMiddleware(view)(request)
    return rendered["html"]


def test_a_card_with_search_highlights_is_never_kept(fragments, project):
    project.display_municipality, project.display_topics = None, []
    plain = _render_card(project)
    project.title_highlight = mark_safe("<mark>Kompass</mark> Kalletal")
    highlighted = _render_card(project)
    del project.title_highlight

    assert "<mark>Kompass</mark>" in highlighted
    assert "<mark>" not in plain
    assert "<mark>" not in _render_card(project)


def test_previews_never_use_kept_fragments(fragments):
    request = RequestFactory().get(LISTING)
    request.is_preview = True
    keys = {}
    LocaleCacheMiddleware(lambda r: keys.setdefault("key", fragment_cache.key_for(r, "x", [])))(
        request
    )
    assert keys["key"] is None


def test_a_kept_home_page_shows_a_newly_published_project_at_once(fragments, site_tree, project):
    first, first_queries = queries_of("/de/")
    second, second_queries = queries_of("/de/")

    assert second.content == first.content
    # The sections (open projects, stories, news and their listings) are not even queried.
    assert second_queries < first_queries
    Page.objects.filter(pk=project.pk).update(title="Kompass Kalletal 2027")  # no signal
    assert card_titles(get("/de/")) == ["Kompass Kalletal"]

    factories.ProjectPageFactory(parent=site_tree.projects, title="Lotsen Lippe", publish=True)

    assert set(card_titles(get("/de/"))) == {"Kompass Kalletal 2027", "Lotsen Lippe"}


def lead(response):
    return parse(response).select_one(".page-header .lead").text


def test_a_kept_project_page_shows_a_newly_published_story_about_it_at_once(
    fragments, site_tree, project
):
    first, first_queries = queries_of(project.url)
    second, second_queries = queries_of(project.url)

    assert second.content == first.content
    # Competence profile, topics, place and related stories are kept with their sections.
    assert second_queries < first_queries
    assert parse(second).select('section[aria-labelledby="stories-heading"]') == []
    place = project.municipality
    Municipality.objects.filter(pk=place.pk).update(name="Gemeinde Kalletal")  # no signal
    assert lead(get(project.url)).startswith(f"{place.name},")

    factories.StoryPageFactory(
        parent=site_tree.stories, title="Kalletal kompakt", project=project, publish=True
    )

    page = get(project.url)
    stories = parse(page).select_one('section[aria-labelledby="stories-heading"]')
    assert stories.texts("li a") == ["Kalletal kompakt"]
    assert lead(page).startswith("Gemeinde Kalletal,")


def test_a_kept_story_page_shows_a_renamed_place_at_once(fragments, site_tree):
    story = factories.StoryPageFactory(
        parent=site_tree.stories, municipality__name="Kalletal", publish=True
    )
    first, first_queries = queries_of(story.url)
    second, second_queries = queries_of(story.url)
    assert second.content == first.content
    assert second_queries < first_queries

    def place():
        return description_list(parse(get(story.url)).select_one("dl.facts"))["Kommune"]

    Municipality.objects.filter(pk=story.municipality_id).update(name="Gemeinde Kalletal")
    assert place() == "Kalletal"  # kept: that change sent no signal

    story.municipality.refresh_from_db()
    story.municipality.save()

    assert place() == "Gemeinde Kalletal"


def test_kept_cards_read_neither_place_nor_topics(fragments, site_tree):
    topic = factories.TopicFactory(name="Digitale Verwaltung")
    for place in ("Kalletal", "Eschwege"):
        factories.ProjectPageFactory(
            parent=site_tree.projects, municipality__name=place, topics=[topic], publish=True
        )
    first = get(LISTING)

    with CaptureQueriesContext(connection) as queries:
        second = get(LISTING)

    assert second.content == first.content
    names = ('"taxonomy_municipality"."name"', '"taxonomy_topic"."name"')
    assert [q["sql"] for q in queries if any(name in q["sql"] for name in names)] == []
    # A new card is prepared alone, next to the kept ones.
    factories.ProjectPageFactory(
        parent=site_tree.projects, municipality__name="Husum", topics=[topic], publish=True
    )
    cards = parse(get(LISTING)).select(".card")
    # The first line under the title is the status; the place follows it.
    places = sorted(card.select("p.card__meta")[1].text.split(",")[0] for card in cards)
    assert places == ["Eschwege", "Husum", "Kalletal"]
    assert all(card.texts(".tags .tag") == ["Digitale Verwaltung"] for card in cards)


def test_a_kept_story_body_shows_a_linked_project_renamed_at_once(fragments, site_tree, project):
    cta = {"title": "Mehr erfahren", "text": "", "link": {"label": "", "page": project}}
    story = factories.StoryPageFactory(
        parent=site_tree.stories, body=[("call_to_action", cta)], publish=True
    )

    def button():
        return parse(get(story.url)).select_one("section.cta a").text.strip()

    assert button() == project.title
    with CaptureQueriesContext(connection) as queries:
        assert button() == project.title
    # The body is kept: the linked page is not read again.
    assert not [q for q in queries if f'"wagtailcore_page"."id" IN ({project.pk})' in q["sql"]]

    project.title = "Kalletal digital"
    project.save_revision().publish()

    assert button() == "Kalletal digital"
