"""Whole public pages for anonymous visitors, kept in the shared cache (Redis).

Why in the application and not in a caching proxy: every worker already shares Redis, so one
counter there invalidates every cached page for all of them at once, with no purge requests
to send and nothing to configure in front of the site (docs/architecture.md, "Page cache").

What is cached: GET requests for the public pages (paths with a language prefix, and the
sitemap) from visitors without a session or a pending message, whose query parameters are all
known ("page" and the filters of the listing pages), answered with a 200 that sets no cookie,
carries no CSRF token and does not forbid caching. Everything else passes through untouched:
signed-in editors (they have a session cookie), previews (under /admin/), form pages (their
CSRF token sets a cookie), the applicants' status pages (``never_cache``).

Invalidation: the key of every page contains the *generation*, the time of the last content
change. Publishing, unpublishing, moving or deleting a page, changing a snippet, image,
document, site setting or privacy setting, a finished search index update and every
``migrate`` set a new generation, so from the next request on every worker renders every
page anew: listings, the home page, related projects, feeds and the sitemap included.
Entries of old generations are never read again and expire (``PAGE_CACHE_SECONDS``).

Pages rendered in the first ``PAGE_CACHE_SETTLE_SECONDS`` after a change are served but not
stored: the search engine shows a new document only after its refresh (1 s), and a request
that was already rendering when the change arrived may have read the old content.
"""

import functools
import hashlib
import time
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.core.exceptions import DisallowedHost
from django.db.models.signals import post_delete, post_migrate, post_save
from django.http import HttpResponse
from django.utils.cache import cc_delim_re
from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
from wagtail.documents.models import AbstractDocument
from wagtail.images.models import AbstractImage
from wagtail.models import CollectionViewRestriction, Locale, Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move
from wagtail.snippets.models import get_snippet_models

from core import generations

GENERATION_KEY = "page-cache:generation"
# Paths outside the language trees that list pages.
EXTRA_PATHS = frozenset({"/sitemap.xml"})
# Caching proxies' convention: served from the cache, rendered now (and stored), or not
# cacheable at all.
HIT, MISS, BYPASS = "HIT", "MISS", "BYPASS"
# A query string longer than this, or with more values, is not cached: it is no visitor's
# filter choice, and it would only fill the cache.
MAX_QUERY_LENGTH = 1000
MAX_QUERY_VALUES = 50
# Response headers a cached page may vary on: the key covers them (the language is in the
# path; cookies that change a page keep it out of the cache).
ALLOWED_VARY = frozenset({"cookie", "accept-language", "accept-encoding"})
FORBIDDING_CACHE_CONTROL = frozenset({"private", "no-cache", "no-store"})
# Models whose changes appear on pages besides the pages themselves (snippets are added).
CONTENT_MODELS = (
    Page,
    PageViewRestriction,
    CollectionViewRestriction,
    Site,
    Locale,
    AbstractImage,
    AbstractDocument,
    BaseSiteSetting,
    BaseGenericSetting,
)


def enabled():
    """True when pages are cached (``PAGE_CACHE_SECONDS`` > 0)."""
    return getattr(settings, "PAGE_CACHE_SECONDS", 0) > 0


def generation_in_use():
    """True when the page cache or the fragment cache (core/fragment_cache.py) keeps anything
    under the generation, so content changes must start a new one."""
    return enabled() or getattr(settings, "FRAGMENT_CACHE_SECONDS", 0) > 0


def do_not_store(request):
    """Serve this response but keep it out of the cache (e.g. a listing in degraded mode).

    Fragments rendered from then on are not kept either (core/fragment_cache.py).
    """
    request._page_cache_do_not_store = True


def storing_refused(request):
    """True once ``do_not_store`` was called for this request."""
    return getattr(request, "_page_cache_do_not_store", False)


@functools.cache
def known_query_parameters():
    """The query parameters a cached page may have: ``page`` and every listing filter.

    Asked from the listing page types (``ListingPage.query_parameters``, their filter sets),
    so a new filter is cached without being listed here; any other parameter keeps the page
    out of the cache.
    """
    from wagtail.models import get_page_models

    from core.models.listing import ListingPage

    names = {"page"}
    for model in get_page_models():
        if issubclass(model, ListingPage):
            names.update(model.query_parameters())
    return frozenset(names)


def _is_public_path(path):
    """True for the site's pages: under a language prefix, and the sitemap."""
    first = path.split("/", 2)[1] if path.startswith("/") else ""
    return path in EXTRA_PATHS or (
        path.count("/") >= 2 and first in {code for code, _name in settings.LANGUAGES}
    )


def _normalised_query(request):
    """The query string with parameters and values sorted, or None if one is not known."""
    if len(request.META.get("QUERY_STRING", "")) > MAX_QUERY_LENGTH:
        return None
    known = known_query_parameters()
    items = []
    for name, values in request.GET.lists():
        if name not in known:
            return None
        items.extend((name, value) for value in values)
    if len(items) > MAX_QUERY_VALUES:
        return None
    # Encoded again, so a value holding "&" or "=" cannot pass for other parameters.
    return urlencode(sorted(items))


def request_key(request):
    """What identifies the page this request asks for, or None if it may not be cached."""
    if request.method != "GET" or not _is_public_path(request.path_info):
        return None
    cookies = request.COOKIES
    if settings.SESSION_COOKIE_NAME in cookies or CookieStorage.cookie_name in cookies:
        # Signed in (or at least a session), or a message waiting to be shown.
        return None
    if "HTTP_AUTHORIZATION" in request.META:
        return None
    query = _normalised_query(request)
    if query is None:
        return None
    try:
        host = request.get_host()
    except DisallowedHost:
        return None  # CommonMiddleware answers 400
    return f"{request.scheme}://{host}{request.path}?{query}"


def may_store(request, response):
    """True if this response can be served to every anonymous visitor as it is."""
    if storing_refused(request):
        return False
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return False
    directives = {
        part.split("=", 1)[0].strip().lower()
        for part in cc_delim_re.split(response.get("Cache-Control", ""))
    }
    if directives & FORBIDDING_CACHE_CONTROL:
        return False
    vary = {part.strip().lower() for part in cc_delim_re.split(response.get("Vary", ""))}
    if vary - ALLOWED_VARY - {""}:
        return False
    # A CSRF token sets a cookie (caught above); this is the second lock on the same door.
    return b"csrfmiddlewaretoken" not in response.content


def current_generation():
    """The generation of the cached pages (nanoseconds since the epoch of the last change)."""
    return generations.current(GENERATION_KEY)


def invalidate(**kwargs):
    """Start a new generation: every cached page is rendered anew from the next request on.

    Now, and again when the current transaction commits: a request that read the new
    generation before the commit may have rendered the old content. Does nothing while the
    page cache and the fragment cache are off. Usable as a signal receiver.
    """
    if generation_in_use():
        generations.start_new_now_and_at_commit(GENERATION_KEY)


def _freeze(response):
    headers = [(k, v) for k, v in response.items() if k.lower() != "x-cache"]
    return {"status": response.status_code, "headers": headers, "content": response.content}


def _thaw(entry):
    response = HttpResponse(entry["content"], status=entry["status"])
    for name, value in entry["headers"]:
        response[name] = value
    return response


class PageCacheMiddleware:
    """Serve and store whole pages for anonymous visitors (see the module docstring).

    Sits right after SecurityMiddleware, outside the session, CSRF and message middleware, so
    it sees every cookie the response sets, and a cached page skips all of them.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not enabled():
            return self.get_response(request)
        key = request_key(request)
        if key is None:
            response = self.get_response(request)
            if _is_public_path(request.path_info):
                response["X-Cache"] = BYPASS
            return response
        generation = current_generation()
        # Read once per request: the fragment cache keys on the same generation.
        request.content_generation = generation
        cache_key = f"page-cache:{generation}:{hashlib.sha256(key.encode()).hexdigest()}"
        entry = cache.get(cache_key)
        if entry is not None:
            response = _thaw(entry)
            response["X-Cache"] = HIT
            return response
        started = time.time_ns()
        response = self.get_response(request)
        if not may_store(request, response):
            response["X-Cache"] = BYPASS
            return response
        settle_ns = settings.PAGE_CACHE_SETTLE_SECONDS * 1_000_000_000
        if started - generation >= settle_ns:
            cache.set(cache_key, _freeze(response), timeout=settings.PAGE_CACHE_SECONDS)
        response["X-Cache"] = MISS
        return response


def shows_on_pages(instance):
    """True for objects whose changes appear on public pages."""
    return isinstance(instance, (*CONTENT_MODELS, *get_snippet_models()))


def _content_changed(sender, instance, raw=False, **kwargs):
    if not raw and generation_in_use() and shows_on_pages(instance):
        invalidate()


def _migrated(sender, **kwargs):
    # A deployment runs migrate: pages rendered by the previous release's templates go.
    if generation_in_use():
        generations.start_new(GENERATION_KEY)


def connect():
    """Connect the invalidation to the signals of content changes (from CoreConfig.ready)."""
    uid = "core.page_cache.{}".format
    # Page saves and deletions come through post_save/post_delete as well; the page signals
    # are named here because they are the changes visitors must see at once.
    page_published.connect(_content_changed, dispatch_uid=uid("published"))
    page_unpublished.connect(_content_changed, dispatch_uid=uid("unpublished"))
    post_page_move.connect(_content_changed, dispatch_uid=uid("moved"))
    post_save.connect(_content_changed, dispatch_uid=uid("saved"))
    post_delete.connect(_content_changed, dispatch_uid=uid("deleted"))
    post_migrate.connect(_migrated, dispatch_uid=uid("migrated"))
