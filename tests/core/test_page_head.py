"""What every page tells browsers and search engines: title, description, icon; and the 404."""

import pytest

from tests import factories

pytestmark = pytest.mark.django_db


def head_of(response):
    html = response.content.decode()
    return html.split("</head>", 1)[0]


def test_the_site_name_appears_once_in_every_title(client, site_tree):
    site_tree.home.seo_title = "Lokalprojekte – Macher:innen für Kommunen"
    site_tree.home.save_revision().publish()
    page = factories.StandardPageFactory(parent=site_tree.home, title="Für Kommunen")

    home_title = head_of(client.get("/de/")).split("<title>", 1)[1].split("</title>", 1)[0]
    page_title = head_of(client.get(page.url)).split("<title>", 1)[1].split("</title>", 1)[0]

    assert home_title == "Lokalprojekte – Macher:innen für Kommunen"
    assert page_title == "Für Kommunen – Lokalprojekte"


def test_every_page_has_a_description_from_its_own_words(client, site_tree):
    with_search_text = factories.StandardPageFactory(
        parent=site_tree.home, title="Impressum", search_description="Wer diese Website betreibt."
    )
    with_intro_only = factories.StandardPageFactory(
        parent=site_tree.home,
        title="Für Unternehmen",
        search_description="",
        intro="Mitarbeitende für ein Lokalprojekt freistellen: " + "sinnvoll und nah. " * 20,
    )

    first = head_of(client.get(with_search_text.url))
    second = head_of(client.get(with_intro_only.url))

    assert '<meta name="description" content="Wer diese Website betreibt.">' in first
    description = second.split('<meta name="description" content="', 1)[1].split('"', 1)[0]
    assert description.startswith("Mitarbeitende für ein Lokalprojekt freistellen:")
    assert len(description) <= 160


def test_pages_link_an_icon_and_favicon_ico_leads_to_it(client, site_tree):
    head = head_of(client.get("/de/"))
    assert 'rel="icon"' in head and "favicon.svg" in head

    response = client.get("/favicon.ico")
    assert response.status_code == 301
    assert response["Location"].endswith("favicon.svg")


def test_the_404_page_offers_search_and_the_main_sections(client, site_tree):
    factories.StandardPageFactory(parent=site_tree.home, title="Mitmachen", show_in_menus=True)

    response = client.get("/de/gibt-es-nicht/")

    assert response.status_code == 404
    html = response.content.decode()
    assert 'role="search"' in html.split("<main", 1)[1]
    assert ">Mitmachen</a>" in html.split("<main", 1)[1]
