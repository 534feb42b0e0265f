"""Wagtail look-ups that ask the cache or the database again on every call, once per request.

``page.url`` without a request reads the site root paths from the shared cache (Redis) on
every call: the home page asked seven times. Every ``.public()`` queries the page view
restrictions anew: the home page did so three times. Inside a request both are read once
(the request cache of core/locales.py); outside one (management commands, tasks) Wagtail's own
look-up runs on every call. A change of sites, pages or restrictions during the request (an
editor in the admin) drops the remembered value, so a request never sees stale paths.

The private sections change only when an editor restricts a page, removes a restriction or
moves a page, so a worker keeps them across requests under the lookup generation
(core/lookup_cache.py), and a page outside them is served without Wagtail's two restriction
queries (``BasePage.get_view_restrictions``).
"""

from django.db.models import Q
from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.query import PageQuerySet
from wagtail.signals import post_page_move

from core import lookup_cache
from core.locales import forget, remember

SITE_ROOT_PATHS = ("site-root-paths",)
PRIVATE_SECTIONS = ("private-sections",)
VIEW_RESTRICTED_ROOTS = ("view-restricted-roots",)


def _private_sections():
    """``(path, depth)`` of every page with a view restriction (its section is private)."""
    return [
        (restriction.page.path, restriction.page.depth)
        for restriction in PageViewRestriction.objects.select_related("page")
    ]


def private_sections():
    """``(path, depth)`` of every restricted page, kept by the worker (see the module)."""
    return lookup_cache.remember_shared(PRIVATE_SECTIONS, _private_sections)


def _view_restricted_roots():
    """Paths below which Wagtail finds a view restriction: each restricted page and each alias
    of one (Wagtail checks an alias page by its source page's restrictions). A new alias needs
    no watching: Wagtail copies the source's restrictions to it."""
    restricted_ids = set(PageViewRestriction.objects.values_list("page_id", flat=True))
    paths = set(Page.objects.filter(pk__in=restricted_ids).values_list("path", flat=True))
    sources = restricted_ids
    while sources:  # an alias of an alias is checked by its source in turn
        aliases = dict(Page.objects.filter(alias_of_id__in=sources).values_list("pk", "path"))
        sources = set(aliases) - restricted_ids
        restricted_ids |= sources
        paths.update(aliases.values())
    return tuple(sorted(paths))


def may_have_view_restrictions(page):
    """False when Wagtail would find no view restriction for ``page``: neither the page nor an
    ancestor is restricted or an alias of a restricted page. Kept by the worker."""
    roots = lookup_cache.remember_shared(VIEW_RESTRICTED_ROOTS, _view_restricted_roots)
    return page.path.startswith(roots) if roots else False


def _forget_site_root_paths(**kwargs):
    forget(SITE_ROOT_PATHS)


def _private_sections_changed(**kwargs):
    forget(PRIVATE_SECTIONS)
    forget(VIEW_RESTRICTED_ROOTS)
    lookup_cache.changed()


def use_request_cache_for_pages():
    """Route ``Site.get_site_root_paths()`` and ``PageQuerySet.private_q()`` (used by
    ``.public()``) through the per-request cache; same results as Wagtail's."""
    wagtail_root_paths = Site.get_site_root_paths

    def get_site_root_paths():
        return remember(SITE_ROOT_PATHS, wagtail_root_paths)

    def private_q(self):
        q = Q()
        for path, depth in private_sections():
            # Wagtail's descendant_of_q(page, inclusive=True).
            q |= Q(path__startswith=path) & Q(depth__gte=depth)
        # No page matches when no section is private.
        return q if q else Q(pk__in=[])

    Site.get_site_root_paths = staticmethod(get_site_root_paths)
    PageQuerySet.private_q = private_q
    for model in (Site, Page):
        post_save.connect(_forget_site_root_paths, sender=model, weak=False)
        post_delete.connect(_forget_site_root_paths, sender=model, weak=False)
    # A restriction's section is its page's path, which only a move changes; a deleted page
    # takes its restrictions with it (post_delete of each).
    post_save.connect(_private_sections_changed, sender=PageViewRestriction, weak=False)
    post_delete.connect(_private_sections_changed, sender=PageViewRestriction, weak=False)
    post_page_move.connect(_private_sections_changed, weak=False)
