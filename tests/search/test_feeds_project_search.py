"""RSS and Atom feeds of project searches, and the links to them on the listing."""

import xml.etree.ElementTree as ET

import pytest

from tests import factories
from tests.markup import parse
from tests.search.helpers import days_ago

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def ux(db):
    return factories.CompetencyFactory(name="UX-Design")


@pytest.fixture
def projects(site_tree, ux):
    parent = site_tree.projects
    return {
        "match_old": factories.ProjectPageFactory(
            parent=parent,
            title="Bürgerportal",
            municipality__name="Stadt Bürgerportal",
            municipality__bundesland="HE",
            profile=[ux],
            first_published_at=days_ago(9),
        ),
        "match_new": factories.ProjectPageFactory(
            parent=parent,
            title="Terminbuchung",
            municipality__name="Stadt Terminbuchung",
            municipality__bundesland="HE",
            profile=[ux],
            first_published_at=days_ago(1),
        ),
        "other_state": factories.ProjectPageFactory(
            parent=parent,
            title="Schul-App",
            municipality__name="Stadt Schul-App",
            municipality__bundesland="BY",
            profile=[ux],
        ),
        "other_skill": factories.ProjectPageFactory(
            parent=parent,
            title="Glasfaser",
            municipality__name="Stadt Glasfaser",
            municipality__bundesland="HE",
        ),
    }


def rss_titles(response):
    root = ET.fromstring(response.content)
    return [item.findtext("title") for item in root.iter("item")]


def test_rss_feed_contains_only_the_filtered_projects_newest_first(client, projects, ux):
    response = client.get(f"/de/projekte/feed/rss/?bundesland=HE&competency={ux.pk}")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    assert rss_titles(response) == [
        "Terminbuchung (Stadt Terminbuchung)",
        "Bürgerportal (Stadt Bürgerportal)",
    ]
    channel_title = ET.fromstring(response.content).findtext("channel/title")
    assert channel_title == "Projekte: Hessen, UX-Design – Lokalprojekte"


def test_atom_feed_with_a_text_query(client, projects):
    response = client.get("/de/projekte/feed/atom/?q=Glasfaser")
    root = ET.fromstring(response.content)

    assert response.status_code == 200
    assert [entry.findtext(f"{ATOM}title") for entry in root.iter(f"{ATOM}entry")] == [
        "Glasfaser (Stadt Glasfaser)"
    ]
    link = root.find(f"{ATOM}entry/{ATOM}link").get("href")
    assert link == projects["other_skill"].full_url


def test_feed_without_filters_lists_all_projects(client, projects):
    response = client.get("/de/projekte/feed/rss/")

    assert len(rss_titles(response)) == 4


def test_listing_links_its_feeds_with_the_current_filters(client, projects, ux):
    response = client.get(f"/de/projekte/?bundesland=HE&competency={ux.pk}&page=1&sort=start")
    page = parse(response)
    query = f"bundesland=HE&competency={ux.pk}"

    rss = page.select_one('head link[rel=alternate][type="application/rss+xml"]')
    assert rss.get("title") == "Diese Projektsuche als RSS-Feed"
    assert rss.get("href") == f"/de/projekte/feed/rss/?{query}"
    atom = page.select_one('head link[rel=alternate][type="application/atom+xml"]')
    assert atom.get("href") == f"/de/projekte/feed/atom/?{query}"
    links = page.select_one("p.feed-links")
    assert "Diese Suche abonnieren" in links.text
    assert links.select_one(f'a[href="/de/projekte/feed/rss/?{query}"]').text == "RSS-Feed"
