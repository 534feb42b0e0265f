"""Every public page type answers within a pinned number of database queries.

test_query_counts.py shows that the count does not grow with the amount of content; this
module pins the count itself. The budgets were measured on the small site below (three
items per listing, every page in German and English, taxonomy translated, images on the
stories and one expert) after a warm-up request, plus one query of margin. A change that
needs more queries on a page raises its budget here, on purpose and in review.
"""

from types import SimpleNamespace

import pytest
from django.apps import apps
from wagtail.models import Page

from home.models import HomePage, StandardPage
from intake.models import FormKind, FormPage
from learning.models import ExpertIndexPage, LearningIndexPage, LearningResourcePage
from news.models import NewsIndexPage, NewsPage
from programme.models import EventIndexPage, EventPage
from projects.models import ProjectIndexPage, ProjectPage, Requirement
from stories.models import StoryIndexPage, StoryPage
from tests import factories
from tests.factories.programme import in_days
from tests.module_data import module_data
from tests.sites import build_site_tree, site_locales

# Page type: {language: most queries allowed}: the count measured on the site below, plus one.
BUDGETS = {
    # One of these loads the renditions of every card image (instead of a cache round trip
    # per card); so on the story, news, learning and expert listings.
    "home": {"de": 13, "en": 17},  # newest open projects, stories and news
    "standard page": {"de": 9, "en": 11},
    # One of these counts the facets on the database (one aggregate per facet, all in one
    # UNION ALL); en also counts what exists only in German.
    "project listing": {"de": 16, "en": 22},
    "project page": {"de": 14, "en": 19},
    "story listing": {"de": 13, "en": 17},
    "story page": {"de": 14, "en": 19},
    "learning index": {"de": 14, "en": 21},
    "learning resource": {"de": 13, "en": 17},
    "expert pool": {"de": 15, "en": 20},
    "expert detail": {"de": 13, "en": 17},
    "form page": {"de": 10, "en": 13},
    "news listing": {"de": 12, "en": 16},
    "news page": {"de": 11, "en": 13},
    "programme page": {"de": 12, "en": 15},  # upcoming events (places left in one query), past
    "event page": {"de": 11, "en": 14},  # the registration form, places left
    # Three of these write the search log (its upsert inside a savepoint: the test's
    # transaction; one query in production, where requests run in autocommit); two show the
    # projects' place (their municipalities, localised), whatever the number of results.
    "site search": {"de": 18, "en": 21},
}
ITEMS = 3


def build_site():
    """Every public page type in German and English; returns {page type: {language: url}}."""
    locales = site_locales()
    en = locales.en
    tree = build_site_tree(locales)

    def both(page, **english):
        """The URLs of ``page`` and of its English translation (published with ``english``)."""
        return {"de": page.url, "en": factories.publish_translation(page, en, **english).url}

    urls = {"home": {"de": tree.home.url, "en": tree.home_en.url}}
    urls["standard page"] = both(
        factories.StandardPageFactory(parent=tree.home, title="Über uns", publish=True),
        title="About us",
        slug="about-us",
    )
    urls["form page"] = both(
        factories.FormPageFactory(
            parent=tree.home, title="Talentpool", form_kind=FormKind.TALENT_POOL, publish=True
        ),
        title="Talent pool",
        slug="talent-pool",
    )
    urls["project listing"] = both(tree.projects, title="Projects", slug="projects")
    urls["story listing"] = both(tree.stories, title="Success stories", slug="stories")
    urls["learning index"] = both(tree.learning, title="Learning library", slug="learning")
    pool = factories.ExpertIndexPageFactory(parent=tree.learning, publish=True)
    urls["expert pool"] = both(pool, title="Expert pool", slug="experts")

    def translated(factory, **fields):
        item = factory(**fields)
        factories.translate_snippet(item, en, name=f"{item.name} (en)")
        return item

    for number in range(ITEMS):
        topics = [translated(factories.TopicFactory) for _ in range(2)]
        competencies = [translated(factories.CompetencyFactory) for _ in range(3)]
        municipality = translated(factories.MunicipalityFactory)
        project = factories.ProjectPageFactory(
            parent=tree.projects,
            title=f"Kommune digital {number}",
            municipality=municipality,
            topics=topics,
            profile=[(competencies[0], Requirement.MUST), *competencies[1:]],
            # The first is completed, so its story is a success story: the home page and the
            # story listing show a story card, and the home page two open projects.
            status="completed" if number == 0 else "open",
            publish=True,
        )
        project_urls = both(project, title=f"Digital municipality {number}")
        story = factories.StoryPageFactory(
            parent=tree.stories,
            title=f"Kommune erzählt {number}",
            municipality=municipality,
            project=project,
            topics=topics,
            lead_image=factories.ImageFactory(),
            publish=True,
        )
        story_urls = both(story, title=f"A municipality's story {number}")
        resource = factories.LearningResourcePageFactory(
            parent=tree.learning, title=f"Kommune lernt {number}", topics=topics, publish=True
        )
        resource_urls = both(resource, title=f"Municipality learning {number}")
        expert = factories.ExpertFactory(
            expertise=competencies[:2], photo=factories.ImageFactory() if number == 0 else None
        )
        factories.translate_snippet(expert, en, position="Coach")
        expert_urls = {lang: f"{urls['expert pool'][lang]}{expert.slug}/" for lang in ("de", "en")}
    # The last of each kind stands for its page type.
    urls["project page"] = project_urls
    urls["story page"] = story_urls
    urls["learning resource"] = resource_urls
    urls["expert detail"] = expert_urls
    news = factories.NewsIndexPageFactory(parent=tree.home, publish=True)
    urls["news listing"] = both(news, title="News", slug="news")
    for number in range(ITEMS):
        item = factories.NewsPageFactory(
            parent=news, title=f"Meldung {number}", image=factories.ImageFactory(), publish=True
        )
        urls["news page"] = both(item, title=f"News item {number}")
    programme = factories.EventIndexPageFactory(parent=tree.home, publish=True)
    urls["programme page"] = both(programme, title="Programme", slug="programme")
    for number in range(ITEMS):
        event = factories.EventPageFactory(
            parent=programme, title=f"Workshop {number}", capacity=10, publish=True
        )
        urls["event page"] = both(event, title=f"Workshop {number} (EN)")
    past = factories.EventPageFactory(
        parent=programme, title="Kick-off", start=in_days(-30), publish=True
    )
    both(past, title="Kick-off (EN)")
    urls["site search"] = {"de": "/de/suche/?q=Kommune", "en": "/en/search/?q=municipality"}
    return SimpleNamespace(urls=urls)


@pytest.fixture(scope="module")
def site(django_db_setup, django_db_blocker):
    with module_data(django_db_blocker, build_site) as built:
        yield built


@pytest.mark.parametrize("language", ["de", "en"])
@pytest.mark.parametrize("page_type", list(BUDGETS))
def test_page_stays_within_its_query_budget(
    client, db, site, django_assert_max_num_queries, page_type, language
):
    url = site.urls[page_type][language]
    # A warm-up request fills the per-process caches (site root paths, content types).
    assert client.get(url).status_code == 200, url
    with django_assert_max_num_queries(BUDGETS[page_type][language]):
        response = client.get(url)
    assert response.status_code == 200, url


# The page models behind the budgets; expert detail and site search are routes, not models.
BUDGETED_MODELS = {
    HomePage: "home",
    StandardPage: "standard page",
    ProjectIndexPage: "project listing",
    ProjectPage: "project page",
    StoryIndexPage: "story listing",
    StoryPage: "story page",
    LearningIndexPage: "learning index",
    LearningResourcePage: "learning resource",
    ExpertIndexPage: "expert pool",
    FormPage: "form page",
    NewsIndexPage: "news listing",
    NewsPage: "news page",
    EventIndexPage: "programme page",
    EventPage: "event page",
}


def test_every_page_model_of_the_site_has_a_budget_in_both_languages():
    """A new page type fails here until it gets a budget above."""
    page_models = {
        model
        for model in apps.get_models()
        if issubclass(model, Page) and model is not Page and not model._meta.proxy
    }
    assert page_models == set(BUDGETED_MODELS)
    assert {*BUDGETED_MODELS.values(), "expert detail", "site search"} == set(BUDGETS)
    assert all(set(budget) == {"de", "en"} for budget in BUDGETS.values())
