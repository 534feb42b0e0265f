"""The site's one public address (settings.SITE_BASE_URL) and the Wagtail Site record that
must carry the same host, so every absolute link (mails, API, sitemap, feeds, hreflang,
JSON-LD, robots.txt) starts with it whatever host a request came in on."""

from urllib.parse import urlsplit

from django.conf import settings

DEFAULT_PORTS = {"http": 80, "https": 443}


def public_base_url():
    """``SITE_BASE_URL`` without a trailing slash, e.g. ``https://lokalprojekte.example``."""
    return settings.SITE_BASE_URL.rstrip("/")


def absolute_url(url):
    """``url`` (a path such as ``/de/projekte/``) prefixed with the public base URL.

    Already absolute URLs (a rendition on a CDN) and empty values come back unchanged.
    """
    if not url or urlsplit(url).scheme:
        return url or ""
    return public_base_url() + ("" if url.startswith("/") else "/") + url


def site_address(base_url=None):
    """``(hostname, port)`` of the Wagtail Site record for the base URL.

    Wagtail builds ``https://host`` from port 443 and ``http://host`` from port 80, so the
    default port of the scheme keeps ``Page.full_url`` identical to the base URL.
    """
    parts = urlsplit(base_url or public_base_url())
    return parts.hostname, parts.port or DEFAULT_PORTS.get(parts.scheme, 80)


def sync_default_site():
    """Give the default Wagtail Site the host and port of the base URL; True if it changed."""
    from wagtail.models import Site

    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        return False
    hostname, port = site_address()
    if (site.hostname, site.port) == (hostname, port):
        return False
    site.hostname, site.port = hostname, port
    site.save(update_fields=["hostname", "port"])
    return True
