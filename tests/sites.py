"""The site every page test starts from, built with the factories.

Used by the ``locales`` and ``site_tree`` fixtures (tests/conftest.py) and by module-scoped
content that is built once for many tests (tests/module_data.py).
"""

from types import SimpleNamespace

from django.contrib.contenttypes.models import ContentType
from wagtail.models import Collection, Locale, Page, Site

from core.public_url import site_address
from tests import factories


def ensure_tree_roots():
    """Recreate the rows the migrations made (both locales, page and collection roots) should
    the flush after an earlier transactional test (browser tests, threads) have removed them:
    serialized rollback does not bring them back when database tests of another kind ran
    earlier in the session.
    """
    # The flush also removes content types; the cache would still hand out the old ids.
    ContentType.objects.clear_cache()
    for code in ("de", "en"):
        Locale.objects.get_or_create(language_code=code)
    if not Collection.objects.exists():
        Collection.add_root(name="Root")
    if not Page.objects.exists():
        Page.add_root(
            instance=Page(
                title="Root", slug="root", content_type=ContentType.objects.get_for_model(Page)
            )
        )


def site_locales():
    """Both site languages (the data migration creates them; this returns them)."""
    return SimpleNamespace(
        de=Locale.objects.get(language_code="de"), en=Locale.objects.get(language_code="en")
    )


def build_site_tree(locales):
    """A German home page with one index page per section, served as the default site.

    The English home page is a translation of the German one, as wagtail-localize makes it.
    """
    root = Page.get_first_root_node()
    Site.objects.all().delete()
    home = factories.HomePageFactory(parent=root, slug="start")
    hostname, port = site_address()
    Site.objects.create(hostname=hostname, port=port, root_page=home, is_default_site=True)
    home_en = factories.publish_translation(
        home, locales.en, title="Lokalprojekte (EN)", hero_title="Makers for municipalities"
    )
    return SimpleNamespace(
        home=home,
        home_en=home_en,
        projects=factories.ProjectIndexPageFactory(parent=home),
        stories=factories.StoryIndexPageFactory(parent=home),
        learning=factories.LearningIndexPageFactory(parent=home),
    )
