"""RSS and Atom feeds of the success stories."""

import xml.etree.ElementTree as ET

import pytest

from tests import factories
from tests.markup import parse

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def published_story(site_tree):
    return factories.StoryPageFactory(
        parent=site_tree.stories,
        title="Papierlos in Eschwege",
        listing_summary="Die E-Akte kommt.",
        publish=True,
    )


def test_rss_feed_lists_the_story(client, published_story):
    response = client.get("/de/geschichten/feed/rss/")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    channel = ET.fromstring(response.content).find("channel")
    assert channel.findtext("language") == "de"
    items = channel.findall("item")
    assert [item.findtext("title") for item in items] == ["Papierlos in Eschwege"]
    assert items[0].findtext("link") == published_story.full_url
    assert items[0].findtext("description") == "Die E-Akte kommt."
    assert items[0].findtext("pubDate")


def test_atom_feed_lists_the_story(client, published_story):
    response = client.get("/de/geschichten/feed/atom/")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)
    assert feed.tag == f"{ATOM}feed"
    entries = feed.findall(f"{ATOM}entry")
    assert len(entries) == 1
    assert entries[0].findtext(f"{ATOM}title") == "Papierlos in Eschwege"
    assert entries[0].find(f"{ATOM}link").get("href") == published_story.full_url
    assert entries[0].findtext(f"{ATOM}updated")


def test_feed_leaves_out_unpublished_stories(client, published_story, site_tree):
    draft = factories.StoryPageFactory(parent=site_tree.stories, title="Entwurf")
    draft.unpublish()

    titles = [
        item.findtext("title")
        for item in ET.fromstring(client.get("/de/geschichten/feed/rss/").content).iter("item")
    ]

    assert titles == ["Papierlos in Eschwege"]


def test_listing_links_both_feeds_in_head_and_body(client, published_story):
    page = parse(client.get("/de/geschichten/"))
    head, body = page.select_one("head"), page.select_one("body")

    rss = '[type="application/rss+xml"][href="/de/geschichten/feed/rss/"]'
    atom = '[type="application/atom+xml"][href="/de/geschichten/feed/atom/"]'
    assert head.select(f"link[rel=alternate]{rss}")
    assert head.select(f"link[rel=alternate]{atom}")
    assert body.select('a[href="/de/geschichten/feed/rss/"]')
    assert body.select('a[href="/de/geschichten/feed/atom/"]')
