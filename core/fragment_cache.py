"""Parts of pages that look the same for every visitor, kept by each worker process.

The header, the footer and the cards of projects, stories and news are rendered on nearly
every page, and again on every page cache miss: a third of a listing's rendering time. So
are the parts of a page that come from other content: the home page's sections, a project's
profile, related stories and similar projects, a story's facts, breadcrumbs, structured
data, a page's body (its links read the pages they point to). They depend only on content,
the language and the site, so each worker keeps their HTML in its own memory (the
``fragments`` cache) under the *content generation* of the page cache (core/page_cache.py),
read from the shared cache once per request. Any content change
sets a new generation, so every worker renders every fragment anew from its next request on,
exactly when the page cache forgets its pages. The date is part of the key as well: a card
shows the application deadline only while it is open.

The views hand such parts their data as functions the template calls on first use, so a
kept fragment costs no query (Django's templates call a callable when they resolve it).

Nothing is kept outside a request, in previews (they show content that is not published),
when the shared cache cannot be read, or once the response was kept out of the page cache
(``page_cache.do_not_store``: it shows a passing failure, such as the search engine down).
``FRAGMENT_CACHE_SECONDS`` = 0 switches it off (the test suite and ``make run`` do, so a
template or content change shows at once).
"""

import logging

from django.conf import settings
from django.core.cache import caches
from django.core.cache.utils import make_template_fragment_key
from django.utils import timezone, translation

from core import page_cache
from core.locales import in_request, remember

logger = logging.getLogger(__name__)

CACHE_ALIAS = "fragments"


def enabled():
    """True when fragments are kept (``FRAGMENT_CACHE_SECONDS`` > 0)."""
    return getattr(settings, "FRAGMENT_CACHE_SECONDS", 0) > 0


def _generation():
    try:
        return page_cache.current_generation()
    except Exception:  # the cache client's errors have no common base class
        logger.warning("Content generation unreadable; fragments are rendered anew")
        return None


def key_for(request, name, vary_on):
    """The cache key of fragment ``name`` varied by ``vary_on``; None when it must not be kept."""
    if not enabled() or request is None or not in_request():
        return None
    if getattr(request, "is_preview", False):
        return None
    generation = getattr(request, "content_generation", None)
    if generation is None:  # the page cache did not read it (off, or not a cacheable request)
        generation = remember(("content-generation",), _generation)
    if generation is None:
        return None
    scope = [generation, translation.get_language(), request.get_host(), timezone.localdate()]
    return make_template_fragment_key(f"{name}:{':'.join(map(str, scope))}", vary_on)


def prefetch(request, name, vary_ons):
    """Read the kept fragments ``name`` for each of ``vary_ons`` at once; which were kept.

    For lists: a view learns which cards it need not prepare (no place or topics to read for
    a kept card). ``render`` then serves exactly the HTML read here, so a fragment cannot
    expire between this check and the template.
    """
    keys = [key_for(request, name, vary_on) for vary_on in vary_ons]
    wanted = [key for key in keys if key is not None]
    kept = caches[CACHE_ALIAS].get_many(wanted) if wanted else {}
    if kept:
        if not hasattr(request, "_prefetched_fragments"):
            request._prefetched_fragments = {}
        request._prefetched_fragments.update(kept)
    return [key in kept for key in keys]


def render(request, name, vary_on, render_now):
    """The HTML of fragment ``name``: kept, or ``render_now()`` (and kept when allowed)."""
    key = key_for(request, name, vary_on)
    if key is None:
        return render_now()
    fragments = caches[CACHE_ALIAS]
    html = getattr(request, "_prefetched_fragments", {}).get(key)
    if html is None:
        html = fragments.get(key)
    if html is None:
        html = render_now()
        # What shows a passing failure (the engine down: no similar projects) must go with it.
        if not page_cache.storing_refused(request):
            fragments.set(key, html, timeout=settings.FRAGMENT_CACHE_SECONDS)
    return html
