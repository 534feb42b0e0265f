"""The footer's legal links: the pages named in the site settings, each in the visitor's
language where it is published, else in German."""

import pytest

from core.models.settings import SiteSettings
from tests import factories
from tests.markup import parse

pytestmark = pytest.mark.django_db


@pytest.fixture
def legal_pages(site_tree, locales):
    """Impressum (also in English), Datenschutzerklärung (only German), no accessibility page."""
    imprint = factories.StandardPageFactory(
        parent=site_tree.home, title="Impressum", slug="impressum", publish=True
    )
    factories.publish_translation(imprint, locales.en, title="Legal notice", slug="legal-notice")
    privacy = factories.StandardPageFactory(
        parent=site_tree.home, title="Datenschutzerklärung", slug="datenschutz", publish=True
    )
    settings = SiteSettings.for_site(site_tree.home.get_site())
    settings.imprint_page = imprint
    settings.privacy_page = privacy
    settings.save()
    return imprint, privacy


def _legal_links(response):
    footer = parse(response).select_one(".site-footer")
    heading = footer.select_one("#footer-legal")
    return [(link.text, link.get("href")) for link in heading.parent.select("a")]


def test_footer_links_the_legal_pages_in_german(client, legal_pages):
    assert _legal_links(client.get("/de/")) == [
        ("Impressum", "/de/impressum/"),
        ("Datenschutzerklärung", "/de/datenschutz/"),
    ]


def test_english_footer_links_the_translation_and_else_the_german_page(client, legal_pages):
    assert _legal_links(client.get("/en/")) == [
        ("Legal notice", "/en/legal-notice/"),
        ("Datenschutzerklärung", "/de/datenschutz/"),
    ]


def test_an_unpublished_translation_is_not_linked(client, legal_pages, locales):
    imprint, _privacy = legal_pages
    imprint.get_translation(locales.en).unpublish()

    assert _legal_links(client.get("/en/"))[0] == ("Impressum", "/de/impressum/")


def test_without_legal_pages_the_footer_lists_none(client, site_tree):
    assert _legal_links(client.get("/de/")) == []
