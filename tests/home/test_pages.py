"""The home page and content pages render in both languages."""

import pytest

from tests.factories import LearningResourcePageFactory
from tests.markup import parse

pytestmark = pytest.mark.django_db


def test_home_page_renders_in_german_and_english(client, site_tree):
    response = client.get("/de/")
    assert response.status_code == 200
    assert "Macher:innen für Kommunen" in response.content.decode()
    assert parse(response).select_one("html").get("lang") == "de"

    response = client.get("/en/")
    assert response.status_code == 200
    assert "Makers for municipalities" in response.content.decode()
    assert parse(response).select_one("html").get("lang") == "en"


def test_language_switcher_points_to_the_translation(client, site_tree):
    switcher = parse(client.get("/de/")).select_one("nav.lang-switch")
    assert switcher.select_one("a[hreflang=en]").get("href") == "/en/"


def test_robots_txt_lists_the_sitemap(client, site_tree):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert "Disallow: /admin/" in response.content.decode()
    assert "sitemap.xml" in response.content.decode()


def test_unknown_url_gives_the_404_page(client, site_tree):
    response = client.get("/de/gibt-es-nicht/")
    assert response.status_code == 404
    assert "Seite nicht gefunden" in response.content.decode()


def test_sitemap_lists_pages_of_both_languages_but_not_private_ones(client, site_tree):
    private = LearningResourcePageFactory(
        parent=site_tree.learning, macherinnen_only=True, publish=True
    )
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    xml = response.content.decode()
    assert "/de/projekte/" in xml
    assert "<loc>http://testserver/en/</loc>" in xml
    assert private.slug not in xml


def test_interface_strings_are_translated_on_english_pages(client, site_tree):
    german = client.get("/de/").content.decode()
    english = client.get("/en/").content.decode()
    assert "Zum Inhalt springen" in german
    assert "Skip to content" in english
    assert "Zum Inhalt springen" not in english
    # The switcher names each language in itself.
    assert "Deutsch" in parse(english).texts("nav.lang-switch a")
    assert "English" in parse(german).texts("nav.lang-switch a")
