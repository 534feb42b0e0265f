"""Success stories: the filtered listing, the story page and its structured data."""

import datetime
import functools

import pytest
from pytest_django.asserts import assertInHTML

from taxonomy.models import Bundesland
from tests import factories
from tests.markup import description_list, json_ld, parse

pytestmark = pytest.mark.django_db


@pytest.fixture
def story(site_tree):
    """StoryPageFactory below the German listing, published as an editor publishes."""
    return functools.partial(factories.StoryPageFactory, parent=site_tree.stories, publish=True)


def test_listing_shows_live_stories_of_its_language_as_cards(client, site_tree, story):
    eschwege = factories.MunicipalityFactory(name="Eschwege", bundesland=Bundesland.HESSEN)
    story(title="E-Akte in Eschwege", municipality=eschwege)
    draft = story(title="Noch nicht veröffentlicht")
    draft.unpublish()

    response = client.get("/de/geschichten/")

    assert response.status_code == 200
    html = response.content.decode()
    assert "E-Akte in Eschwege" in html
    assert "Eschwege, Hessen" in html
    assert "Oktober 2021" in html
    assert "Papierlos – aber richtig!" in html
    assert "Noch nicht veröffentlicht" not in html
    assert "1 Geschichte" in html


def test_listing_filters_by_bundesland(client, site_tree, story):
    hessen = factories.MunicipalityFactory(bundesland=Bundesland.HESSEN)
    nrw = factories.MunicipalityFactory(bundesland=Bundesland.NORDRHEIN_WESTFALEN)
    story(title="Geschichte aus Hessen", municipality=hessen)
    story(title="Geschichte aus NRW", municipality=nrw)

    html = client.get("/de/geschichten/", {"bundesland": "HE"}).content.decode()

    assert "Geschichte aus Hessen" in html
    assert "Geschichte aus NRW" not in html


def test_listing_filters_by_topic_with_localized_labels(client, site_tree, story, locales):
    integration = factories.TopicFactory(name="Integration")
    factories.translate_snippet(integration, locales.en, name="Integration of newcomers")
    digital = factories.TopicFactory(name="Digitale Verwaltung")
    story(title="Kompass Kalletal", topics=[integration])
    story(title="Papierlos in Eschwege", topics=[digital])

    html = client.get("/de/geschichten/", {"topic": integration.pk}).content.decode()
    assert "Kompass Kalletal" in html
    assert "Papierlos in Eschwege" not in html

    factories.publish_translation(site_tree.stories, locales.en, title="Success stories")
    html = client.get("/en/geschichten/").content.decode()
    assert "Integration of newcomers" in html
    assert parse(html).select(f'input[name=topic][value="{integration.pk}"]')


def test_listing_paginates_twelve_stories_per_page(client, site_tree, story):
    for number in range(13):
        story(
            title=f"Story Nummer {number:02d}",
            period_start=datetime.date(2020 + number, 1, 1),
        )

    first = parse(client.get("/de/geschichten/"))
    second = parse(client.get("/de/geschichten/", {"page": 2}))

    assert len(first.select(".card")) == 12
    assert len(second.select(".card")) == 1
    # The newest period comes first; the oldest is alone on page 2.
    assert "Story Nummer 12" in first.texts(".card__link")
    assert second.texts(".card__link") == ["Story Nummer 00"]
    assert first.select("nav.pagination a[rel=next]")


def test_pagination_keeps_the_filter(client, site_tree, story):
    hessen = factories.MunicipalityFactory(bundesland=Bundesland.HESSEN)
    for number in range(13):
        story(municipality=hessen, title=f"Hessen {number}")
    story(
        title="Bayern",
        municipality=factories.MunicipalityFactory(bundesland=Bundesland.BAYERN),
    )

    page = parse(client.get("/de/geschichten/", {"bundesland": "HE"}))

    assert page.select_one("p.result-count").text == "13 Geschichten"
    assert page.select('nav.pagination a[href="?bundesland=HE&page=2"]')


def test_listing_and_story_render_in_english(client, site_tree, story, locales):
    original = story(title="Papierlos", subject="Papierlos – aber richtig!")
    factories.publish_translation(site_tree.stories, locales.en, title="Success stories")
    factories.publish_translation(
        original, locales.en, title="Paperless", subject="Paperless, done right"
    )

    listing = client.get("/en/geschichten/")
    assert listing.status_code == 200
    page = parse(listing)
    assert page.select_one("html").get("lang") == "en"
    assert "Paperless" in page.texts(".card__link")
    assert "Papierlos" not in page.select_one("main").html

    detail = client.get(f"/en/geschichten/{original.slug}/")
    assert detail.status_code == 200
    assert "Paperless, done right" in detail.content.decode()
    assert "October 2021" in detail.content.decode()


def test_story_page_shows_facts_quote_and_project_link(client, site_tree, story):
    kalletal = factories.MunicipalityFactory(
        name="Kalletal", bundesland=Bundesland.NORDRHEIN_WESTFALEN
    )
    project = factories.ProjectPageFactory(parent=site_tree.projects, title="Kompass Kalletal")
    page = story(
        title="Ankommen in Kalletal",
        municipality=kalletal,
        maker_role="UX/UI-Designerin",
        funder="Robert Bosch Stiftung",
        quote="Die App hilft vom ersten Tag an.",
        quote_author="Bürgermeister",
        project=project,
        period_start=datetime.date(2023, 10, 1),
        period_end=datetime.date(2024, 3, 31),
    )

    response = client.get(page.url)

    assert response.status_code == 200
    html = response.content.decode()
    document = parse(html)
    facts = description_list(document.select_one("dl.facts"))
    assert facts["Kommune"] == "Kalletal"
    assert facts["Bundesland"] == "Nordrhein-Westfalen"
    assert "Oktober 2023" in facts["Zeitraum"] and "März 2024" in facts["Zeitraum"]
    assert facts["Die Macher:in"] == "UX/UI-Designerin"
    assert facts["Förderer"] == "Robert Bosch Stiftung"
    assertInHTML("<blockquote><p>Die App hilft vom ersten Tag an.</p></blockquote>", html)
    assert document.select(f'a[href="{project.url}"]')
    assert document.select('nav[aria-label="Brotkrümelnavigation"]')


def test_story_links_the_english_project_on_the_english_page(client, site_tree, story, locales):
    project = factories.ProjectPageFactory(parent=site_tree.projects, title="Kompass Kalletal")
    page = story(project=project)
    factories.publish_translation(site_tree.projects, locales.en, title="Projects")
    project_en = factories.publish_translation(project, locales.en, title="Compass Kalletal")
    factories.publish_translation(site_tree.stories, locales.en, title="Success stories")
    page_en = factories.publish_translation(page, locales.en)

    html = client.get(page_en.url).content.decode()

    assert project_en.url.startswith("/en/")
    assert parse(html).select(f'a[href="{project_en.url}"]')
    assert "Compass Kalletal" in html


def test_unpublished_project_is_not_linked(client, site_tree, story):
    project = factories.ProjectPageFactory(parent=site_tree.projects, title="Geheimprojekt")
    page = story(project=project)
    project.unpublish()

    html = client.get(page.url).content.decode()

    assert "Geheimprojekt" not in html


def test_story_page_has_a_schema_org_article(client, site_tree, story, locales):
    eschwege = factories.MunicipalityFactory(name="Eschwege", bundesland=Bundesland.HESSEN)
    page = story(title="E-Akte in Eschwege", municipality=eschwege)
    page.refresh_from_db()

    articles = [block for block in json_ld(client.get(page.url)) if block.get("@type") == "Article"]

    assert len(articles) == 1
    article = articles[0]
    assert article["@context"] == "https://schema.org"
    assert article["headline"] == "E-Akte in Eschwege"
    assert article["datePublished"] == page.first_published_at.isoformat()
    assert article["dateModified"] == page.last_published_at.isoformat()
    assert article["inLanguage"] == "de"
    assert article["about"]["@type"] == "Place"
    assert article["about"]["name"] == "Eschwege"
    assert article["about"]["address"]["addressRegion"] == "Hessen"
    assert article["publisher"] == {"@type": "Organization", "name": "Lokalprojekte gGmbH"}

    factories.publish_translation(site_tree.stories, locales.en, title="Success stories")
    page_en = factories.publish_translation(page, locales.en, title="Electronic files")
    english = json_ld(client.get(page_en.url))
    assert any(b.get("inLanguage") == "en" and b["headline"] == "Electronic files" for b in english)


def test_article_names_the_lead_image(client, site_tree, story):
    image = factories.ImageFactory(title="Rathaus Eschwege")
    page = story(lead_image=image)
    image.alt_text = "Das Rathaus von Eschwege am Marktplatz"
    image.save()

    response = client.get(page.url)
    article = next(b for b in json_ld(response) if b.get("@type") == "Article")

    assert article["image"].startswith("http://testserver/")
    assert parse(response).select('img[alt="Das Rathaus von Eschwege am Marktplatz"]')


def test_a_story_whose_image_file_is_gone_still_opens(client, site_tree, story):
    """A lost original (storage moved, file deleted) costs the picture, not the page."""
    image = factories.ImageFactory(title="Rathaus Eschwege")
    page = story(lead_image=image)
    image.file.storage.delete(image.file.name)

    response = client.get(page.url)

    assert response.status_code == 200
    article = next(b for b in json_ld(response) if b.get("@type") == "Article")
    assert "image" not in article
    assert article["headline"] == page.title
