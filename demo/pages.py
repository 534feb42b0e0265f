"""The site, its German home page and the page tree's fixed pages (sections, audiences, legal).

The pages' content is in data/pages/; each file holds pages keyed by the names other pages
use to link to them.
"""

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from wagtail.models import Page, Site

from core.models import SiteSettings
from core.public_url import site_address
from home.models import HomePage

from .base import CREATED, UNCHANGED, UPDATED, Tally, assign, upsert_page
from .content import field_values, load

# The files of data/pages/ in tree order; a page's parent comes before it.
PAGE_FILES = ("sections", "get_involved", "audiences", "about", "legal")


# Home page fields that link to pages below it.
LINKING_FIELDS = ("body", "hero_primary_page", "hero_secondary_page")


def page_specs():
    """Every fixed page below the home page: key -> model, parent key, slug, de and en values."""
    specs = {}
    for name in PAGE_FILES:
        for key, spec in load(f"pages/{name}").items():
            specs[key] = {**spec, "model": apps.get_model(spec["model"])}
    return specs


def _delete_welcome_pages():
    """Remove Wagtail's "Welcome to your new Wagtail site!" page (a plain Page at depth 2)."""
    page_type = ContentType.objects.get_for_model(Page)
    for page in Page.objects.filter(depth=2, content_type=page_type):
        page.delete()


def build_site(locales, images):
    """German home page as the default site's root; the welcome page goes. Returns (tally, home)."""
    tally = Tally()
    data = load("pages/home")
    root = Page.get_first_root_node()
    # An existing German home page is reused whatever its slug: there is only one per language.
    existing = HomePage.objects.filter(depth=2, locale=locales.de).first()
    slug = existing.slug if existing else data["slug"]
    # The body and the hero buttons follow in build_structure, once the pages they link to exist.
    values = {key: value for key, value in data["de"].items() if key not in LINKING_FIELDS}
    home, outcome = upsert_page(root, HomePage, slug, field_values(HomePage, values, images=images))
    tally.add(outcome)

    site = Site.objects.filter(is_default_site=True).first() or Site()
    # The same host as SITE_BASE_URL, so full URLs (sitemap, feeds, hreflang) lead to this site.
    hostname, port = site_address()
    site_values = {
        "hostname": hostname,
        "port": port,
        "site_name": load("site")["site_name"],
        "root_page": home,
        "is_default_site": True,
    }
    if site.pk is None or assign(site, site_values):
        assign(site, site_values)
        site.save()
    _delete_welcome_pages()
    return tally, home


def _ensure(parent, model, slug, title):
    """Find or create a page without publishing it, so later pages can link to it.

    Returns ``(page, created)``; the caller publishes the full content afterwards.
    """
    page = model.objects.child_of(parent).filter(slug=slug).first()
    if page is not None:
        return page, False
    page = model(slug=slug, title=title, live=False)
    parent.add_child(instance=page)
    return page, True


def build_structure(home, images):
    """Section, audience and legal pages, the home page body and the site settings.

    Returns ``(tally, pages)`` where ``pages`` maps keys such as "projects" to pages.
    """
    tally = Tally()
    pages = {"home": home}
    created = set()
    specs = page_specs()
    # Placeholders first: audience pages and "Über uns" link to each other.
    for key, spec in specs.items():
        parent = pages[spec["parent"]]
        pages[key], is_new = _ensure(parent, spec["model"], spec["slug"], spec["de"]["title"])
        if is_new:
            created.add(key)

    for key, spec in specs.items():
        values = field_values(spec["model"], spec["de"], pages, images)
        pages[key], outcome = upsert_page(
            pages[spec["parent"]], spec["model"], spec["slug"], values
        )
        tally.add(CREATED if key in created else outcome)

    german = load("pages/home")["de"]
    linking = {key: german[key] for key in LINKING_FIELDS if key in german}
    home, outcome = upsert_page(
        home.get_parent(), HomePage, home.slug, field_values(HomePage, linking, pages)
    )
    pages["home"] = home
    tally.add(outcome)
    tally.add(_build_settings(pages))
    return tally, pages


def _build_settings(pages):
    site = Site.objects.get(is_default_site=True)
    settings = SiteSettings.for_site(site)
    if assign(settings, field_values(SiteSettings, load("site")["settings"], pages)):
        settings.save()
        return UPDATED
    return UNCHANGED


def english_values(pages, images):
    """The English field values of the home page and the fixed pages: key -> values."""
    values = {"home": field_values(HomePage, load("pages/home")["en"], pages, images)}
    for key, spec in page_specs().items():
        values[key] = field_values(spec["model"], spec["en"], pages, images)
    return values
