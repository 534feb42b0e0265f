"""Success stories: the filtered listing, the story page and its structured data."""

import datetime
import json
import re

import pytest
import wagtail_factories

from taxonomy.models import Bundesland
from tests import factories

pytestmark = pytest.mark.django_db


def story(parent, **kwargs):
    """A story published the way an editor publishes it (with publication dates)."""
    page = factories.StoryPageFactory(parent=parent, **kwargs)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def json_ld_blocks(html):
    scripts = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return [json.loads(script) for script in scripts]


def test_listing_shows_live_stories_of_its_language_as_cards(client, site_tree):
    eschwege = factories.MunicipalityFactory(name="Eschwege", bundesland=Bundesland.HESSEN)
    story(site_tree.stories, title="E-Akte in Eschwege", municipality=eschwege)
    draft = story(site_tree.stories, title="Noch nicht veröffentlicht")
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


def test_listing_filters_by_bundesland(client, site_tree):
    hessen = factories.MunicipalityFactory(bundesland=Bundesland.HESSEN)
    nrw = factories.MunicipalityFactory(bundesland=Bundesland.NORDRHEIN_WESTFALEN)
    story(site_tree.stories, title="Geschichte aus Hessen", municipality=hessen)
    story(site_tree.stories, title="Geschichte aus NRW", municipality=nrw)

    html = client.get("/de/geschichten/", {"bundesland": "HE"}).content.decode()

    assert "Geschichte aus Hessen" in html
    assert "Geschichte aus NRW" not in html


def test_listing_filters_by_topic_with_localized_labels(client, site_tree, locales):
    integration = factories.TopicFactory(name="Integration")
    factories.translate_snippet(integration, locales.en, name="Integration of newcomers")
    digital = factories.TopicFactory(name="Digitale Verwaltung")
    story(site_tree.stories, title="Kompass Kalletal", topics=[integration])
    story(site_tree.stories, title="Papierlos in Eschwege", topics=[digital])

    html = client.get("/de/geschichten/", {"topic": integration.pk}).content.decode()
    assert "Kompass Kalletal" in html
    assert "Papierlos in Eschwege" not in html

    factories.publish_translation(site_tree.stories, locales.en, title="Success stories")
    html = client.get("/en/geschichten/").content.decode()
    assert "Integration of newcomers" in html
    assert f'value="{integration.pk}"' in html


def test_listing_paginates_twelve_stories_per_page(client, site_tree):
    for number in range(13):
        story(
            site_tree.stories,
            title=f"Story Nummer {number:02d}",
            period_start=datetime.date(2020 + number, 1, 1),
        )

    first = client.get("/de/geschichten/").content.decode()
    second = client.get("/de/geschichten/", {"page": 2}).content.decode()

    assert first.count('class="card"') == 12
    assert second.count('class="card"') == 1
    # The newest period comes first; the oldest is alone on page 2.
    assert "Story Nummer 12" in first
    assert "Story Nummer 00" in second
    assert 'rel="next"' in first


def test_pagination_keeps_the_filter(client, site_tree):
    hessen = factories.MunicipalityFactory(bundesland=Bundesland.HESSEN)
    for number in range(13):
        story(site_tree.stories, municipality=hessen, title=f"Hessen {number}")
    story(
        site_tree.stories,
        title="Bayern",
        municipality=factories.MunicipalityFactory(bundesland=Bundesland.BAYERN),
    )

    html = client.get("/de/geschichten/", {"bundesland": "HE"}).content.decode()

    assert "13 Geschichten" in html
    assert "?bundesland=HE&amp;page=2" in html


def test_listing_and_story_render_in_english(client, site_tree, locales):
    original = story(site_tree.stories, title="Papierlos", subject="Papierlos – aber richtig!")
    factories.publish_translation(site_tree.stories, locales.en, title="Success stories")
    factories.publish_translation(
        original, locales.en, title="Paperless", subject="Paperless, done right"
    )

    listing = client.get("/en/geschichten/")
    assert listing.status_code == 200
    html = listing.content.decode()
    assert '<html lang="en">' in html
    assert "Paperless" in html
    assert "Papierlos" not in html.split("<main", 1)[1]

    detail = client.get(f"/en/geschichten/{original.slug}/")
    assert detail.status_code == 200
    assert "Paperless, done right" in detail.content.decode()
    assert "October 2021" in detail.content.decode()


def test_story_page_shows_facts_quote_and_project_link(client, site_tree):
    kalletal = factories.MunicipalityFactory(
        name="Kalletal", bundesland=Bundesland.NORDRHEIN_WESTFALEN
    )
    project = factories.ProjectPageFactory(parent=site_tree.projects, title="Kompass Kalletal")
    page = story(
        site_tree.stories,
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
    facts = html.split('<dl class="facts">', 1)[1].split("</dl>", 1)[0]
    assert "<dt>Kommune</dt>" in facts and "<dd>Kalletal</dd>" in facts
    assert "<dd>Nordrhein-Westfalen</dd>" in facts
    assert "Oktober 2023" in facts and "März 2024" in facts
    assert "UX/UI-Designerin" in facts
    assert "Robert Bosch Stiftung" in facts
    assert "<blockquote><p>Die App hilft vom ersten Tag an.</p></blockquote>" in html
    assert f'href="{project.url}"' in html
    assert 'aria-label="Brotkrümelnavigation"' in html


def test_story_links_the_english_project_on_the_english_page(client, site_tree, locales):
    project = factories.ProjectPageFactory(parent=site_tree.projects, title="Kompass Kalletal")
    page = story(site_tree.stories, project=project)
    factories.publish_translation(site_tree.projects, locales.en, title="Projects")
    project_en = factories.publish_translation(project, locales.en, title="Compass Kalletal")
    factories.publish_translation(site_tree.stories, locales.en, title="Success stories")
    page_en = factories.publish_translation(page, locales.en)

    html = client.get(page_en.url).content.decode()

    assert project_en.url.startswith("/en/")
    assert f'href="{project_en.url}"' in html
    assert "Compass Kalletal" in html


def test_unpublished_project_is_not_linked(client, site_tree):
    project = factories.ProjectPageFactory(parent=site_tree.projects, title="Geheimprojekt")
    page = story(site_tree.stories, project=project)
    project.unpublish()

    html = client.get(page.url).content.decode()

    assert "Geheimprojekt" not in html


def test_story_page_has_a_schema_org_article(client, site_tree, locales):
    eschwege = factories.MunicipalityFactory(name="Eschwege", bundesland=Bundesland.HESSEN)
    page = story(site_tree.stories, title="E-Akte in Eschwege", municipality=eschwege)
    page.refresh_from_db()

    articles = [
        block
        for block in json_ld_blocks(client.get(page.url).content.decode())
        if block.get("@type") == "Article"
    ]

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
    english = json_ld_blocks(client.get(page_en.url).content.decode())
    assert any(b.get("inLanguage") == "en" and b["headline"] == "Electronic files" for b in english)


def test_article_names_the_lead_image(client, site_tree):
    image = wagtail_factories.ImageFactory(title="Rathaus Eschwege")
    page = story(site_tree.stories, lead_image=image)
    image.alt_text = "Das Rathaus von Eschwege am Marktplatz"
    image.save()

    html = client.get(page.url).content.decode()
    article = next(b for b in json_ld_blocks(html) if b.get("@type") == "Article")

    assert article["image"].startswith("http://testserver/")
    assert 'alt="Das Rathaus von Eschwege am Marktplatz"' in html
