"""Wagtail look-ups that ask the cache or the database again on every call, once per request.

``page.url`` without a request reads the site root paths from the shared cache (Redis) on
every call: the home page asked seven times. Every ``.public()`` queries the page view
restrictions anew: the home page did so three times. Inside a request both are read once
(the request cache of core/locales.py); outside one (management commands, tasks) Wagtail's own
look-up runs on every call. A change of sites, pages or restrictions during the request (an
editor in the admin) drops the remembered value, so a request never sees stale paths.
"""

from django.db.models import Q
from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.query import PageQuerySet

from core.locales import forget, remember

SITE_ROOT_PATHS = ("site-root-paths",)
PRIVATE_SECTIONS = ("private-sections",)


def _private_sections():
    """``(path, depth)`` of every page with a view restriction (its section is private)."""
    return [
        (restriction.page.path, restriction.page.depth)
        for restriction in PageViewRestriction.objects.select_related("page")
    ]


def _forget_site_root_paths(**kwargs):
    forget(SITE_ROOT_PATHS)


def _forget_private_sections(**kwargs):
    forget(PRIVATE_SECTIONS)


def use_request_cache_for_pages():
    """Route ``Site.get_site_root_paths()`` and ``PageQuerySet.private_q()`` (used by
    ``.public()``) through the per-request cache; same results as Wagtail's."""
    wagtail_root_paths = Site.get_site_root_paths

    def get_site_root_paths():
        return remember(SITE_ROOT_PATHS, wagtail_root_paths)

    def private_q(self):
        q = Q()
        for path, depth in remember(PRIVATE_SECTIONS, _private_sections):
            # Wagtail's descendant_of_q(page, inclusive=True).
            q |= Q(path__startswith=path) & Q(depth__gte=depth)
        # No page matches when no section is private.
        return q if q else Q(pk__in=[])

    Site.get_site_root_paths = staticmethod(get_site_root_paths)
    PageQuerySet.private_q = private_q
    for model in (Site, Page):
        post_save.connect(_forget_site_root_paths, sender=model, weak=False)
        post_delete.connect(_forget_site_root_paths, sender=model, weak=False)
    for model in (PageViewRestriction, Page):
        post_save.connect(_forget_private_sections, sender=model, weak=False)
        post_delete.connect(_forget_private_sections, sender=model, weak=False)
