"""One public base URL (SITE_BASE_URL) for every absolute link the site hands out.

The requests arrive on an internal host (as behind a proxy that does not pass the Host on),
so a link built from the request, from the demo's Site record or from a development default
shows up as a different host.
"""

import xml.etree.ElementTree as ET

import pytest
from django.core.management import call_command
from django.test import override_settings
from wagtail.models import Site

from tests.markup import json_ld, parse
from tests.module_data import module_data

BASE = "https://lokalprojekte.example"
INTERNAL_HOST = "10.0.0.5:8000"
ATOM = "{http://www.w3.org/2005/Atom}"
URL_KEYS = {"url", "detail_url", "html_url", "image", "@id"}

pytestmark = pytest.mark.django_db


def public_settings(settings):
    settings.SITE_BASE_URL = settings.WAGTAILADMIN_BASE_URL = settings.WAGTAILAPI_BASE_URL = BASE


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The demo content seeded while the base URL is the public one."""
    seed = lambda: call_command("seed_demo", verbosity=0)  # noqa: E731
    with (
        override_settings(SITE_BASE_URL=BASE, WAGTAILADMIN_BASE_URL=BASE),
        module_data(django_db_blocker, seed),
    ):
        yield


@pytest.fixture
def get(client, settings, demo):
    public_settings(settings)

    def fetch(path):
        response = client.get(path, HTTP_HOST=INTERNAL_HOST)
        assert response.status_code == 200, path
        return response

    return fetch


def json_urls(data):
    """Every link-like value (``url``, ``detail_url``, …) anywhere in a JSON document."""
    if isinstance(data, dict):
        for key, value in data.items():
            if key in URL_KEYS and isinstance(value, str) and value:
                yield value
            else:
                yield from json_urls(value)
    elif isinstance(data, list):
        for item in data:
            yield from json_urls(item)


def page_head_urls(html):
    """hreflang alternates and JSON-LD links of a rendered page."""
    doc = parse(html)
    alternates = [link.get("href") for link in doc.select('link[rel="alternate"][hreflang]')]
    structured = [url for data in json_ld(html) for url in json_urls(data)]
    return alternates, structured


def assert_public(urls):
    urls = list(urls)
    assert urls
    wrong = [url for url in urls if not url.startswith(BASE + "/")]
    assert not wrong, wrong


def test_the_demo_site_record_has_the_public_host(demo):
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("lokalprojekte.example", 443)
    assert site.root_url == BASE


def test_sitemap_and_robots_use_the_public_host(get):
    sitemap = ET.fromstring(get("/sitemap.xml").content)
    locs = [loc.text for loc in sitemap.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    assert len(locs) > 10
    assert_public(locs)
    robots = get("/robots.txt").content.decode()
    assert f"Sitemap: {BASE}/sitemap.xml" in robots


@pytest.mark.parametrize("section", ["erfolgsgeschichten", "projekte"])
def test_feed_links_use_the_public_host(get, section):
    rss = ET.fromstring(get(f"/de/{section}/feed/rss/").content)
    assert_public(element.text for element in rss.iter("link"))
    atom = ET.fromstring(get(f"/de/{section}/feed/atom/").content)
    assert_public(link.get("href") for link in atom.iter(f"{ATOM}link"))


def item_paths(get, section):
    feed = ET.fromstring(get(f"/de/{section}/feed/rss/").content)
    return [link.text.removeprefix(BASE) for link in feed.iterfind("channel/item/link")]


def test_hreflang_alternates_use_the_public_host(get):
    for path in ["/de/", item_paths(get, "erfolgsgeschichten")[0]]:
        alternates, _ = page_head_urls(get(path).content.decode())
        assert alternates, path  # the English translation
        assert_public(alternates)


@pytest.mark.parametrize("section", ["erfolgsgeschichten", "projekte"])
def test_json_ld_uses_the_public_host(get, section):
    # Only open projects are job postings: the first page with structured data.
    for path in item_paths(get, section):
        _, structured = page_head_urls(get(path).content.decode())
        if structured:
            break
    assert f"{BASE}{path}" in structured
    assert_public(structured)


def test_api_links_use_the_public_host(get):
    search = get("/api/v2/projects/search/").json()
    assert_public(json_urls(search["results"]))
    pages = get("/api/v2/pages/?fields=_,html_url,detail_url").json()
    assert_public(json_urls(pages["items"]))
