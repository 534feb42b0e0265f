"""Site-wide page search: query cleaning, locale-scoped results, editor's picks, autocomplete.

The views stay thin; everything that talks to the search backend lives here so that the
engine's failures are caught in one place.
"""

import logging
import re
from dataclasses import dataclass, field

from django.core.cache import cache
from django.core.paginator import Paginator
from django.db.models import Count, Max
from django.utils.translation import gettext
from wagtail.contrib.search_promotions.models import Query
from wagtail.models import Locale, Page, Site

from search.analysis import compound_parts, content_words, language_for_locale
from search.engine import search_engine_errors
from search.models import SearchScope
from search.search_log import record_search
from search.spelling import corrected, words_by_letter

logger = logging.getLogger(__name__)

MAX_QUERY_LENGTH = 200
RESULTS_PER_PAGE = 10
AUTOCOMPLETE_LIMIT = 8
# Fewer results than this and a spelling suggestion is looked for (as in the project listing).
FEW_RESULTS = 3
VOCABULARY_SECONDS = 600
# Needs no index: plain ORM substring matching, used when the configured backend fails.
FALLBACK_BACKEND = "wagtail.search.backends.database.fallback"

# Control characters (NUL above all) break PostgreSQL string literals and mean nothing in a
# query. Double quotes go too: the page search is plain text without phrase syntax, and a stray
# quote is a syntax error for the SQLite full-text backend.
_IGNORED_CHARS = re.compile(r'[\x00-\x08\x0b-\x1f\x7f"]')
_WORD = re.compile(r"\w")


class QueryTooLong(ValueError):
    """The visitor's query is longer than MAX_QUERY_LENGTH characters."""

    @property
    def message(self):
        """The explanation for the visitor, in the active language."""
        return gettext(
            "Ihr Suchbegriff ist zu lang. Bitte geben Sie höchstens %(max)d Zeichen ein."
        ) % {"max": MAX_QUERY_LENGTH}


def clean_query(raw):
    """Return the query without control characters and quotes, whitespace collapsed.

    Raises QueryTooLong when the cleaned query exceeds MAX_QUERY_LENGTH characters.
    """
    query = " ".join(_IGNORED_CHARS.sub(" ", raw or "").split())
    if len(query) > MAX_QUERY_LENGTH:
        raise QueryTooLong(query)
    return query


def _has_words(query):
    # Punctuation alone finds nothing anyway, and the PostgreSQL backend's autocomplete
    # crashes on a query that is only hyphens ("-"), so such queries never reach a backend.
    return bool(_WORD.search(query))


def home_for_locale(request, locale):
    """The current site's home page in ``locale``, or None when it has no such translation."""
    site = Site.find_for_request(request)
    if site is None:
        return None
    root = site.root_page
    if root.locale_id == locale.id:
        return root
    return root.get_translation_or_none(locale)


def searchable_pages(request, locale=None):
    """Live, public pages of the current site in one language (the active one by default)."""
    locale = locale or Locale.get_active()
    home = home_for_locale(request, locale)
    if home is None:
        return Page.objects.none()
    return (
        Page.objects.live()
        .public()
        .descendant_of(home, inclusive=True)
        .filter(locale=locale)
        .specific()
    )


@dataclass
class Promotion:
    """An editor's pick as the template shows it."""

    title: str
    url: str
    description: str = ""
    type_label: str = ""
    page_id: int | None = None


@dataclass
class SearchOutcome:
    """What the search page shows: one page of results, the picks, and whether it degraded."""

    page_obj: object
    promotions: list = field(default_factory=list)
    degraded: bool = False
    failed: bool = False
    # "Meinten Sie …?": a corrected query that finds pages, when this one finds few.
    suggestion: str | None = None
    # The query whose pages are shown instead, when this one found none (see search_pages).
    answered_query: str | None = None


def promotions_for(query, request, locale):
    """The editor's picks for ``query``: pages in ``locale`` (translated if needed), links.

    Picks point at whatever page the editor chose, often the German one; a visitor sees its
    translation in their language, and nothing when that is missing, unpublished or private.
    """
    picks = Query.get(query).editors_picks.select_related("page").order_by("sort_order")
    promotions = []
    for pick in picks:
        if pick.page is None:
            if pick.external_link_url:
                promotions.append(
                    Promotion(
                        title=pick.external_link_text or pick.external_link_url,
                        url=pick.external_link_url,
                        description=pick.description,
                    )
                )
            continue
        page = pick.page
        if page.locale_id != locale.id:
            page = page.get_translation_or_none(locale)
        if page is None or not page.live or page.get_view_restrictions().exists():
            continue
        page = page.specific
        url = page.get_url(request)
        if url is None:  # not routable in this site
            continue
        promotions.append(
            Promotion(
                title=page.title,
                url=url,
                description=pick.description or getattr(page, "summary", ""),
                type_label=page.specific_class._meta.verbose_name,
                page_id=page.pk,
            )
        )
    return promotions


def search_pages(queryset, query, locale, backend="default"):
    """``queryset`` searched for ``query``; when that finds nothing, for its correction
    ("Klimaschtz" -> "Klimaschutz") or else for the parts of its compounds ("Impfzentren" ->
    "impf zentren"). Returns (results, the query answered: ``query`` or the one tried instead).
    """
    results = queryset.search(query, backend=backend)
    if results.count():
        return results, query
    lang = language_for_locale(locale.language_code)
    correction = corrected(query, page_vocabulary(locale))
    words = content_words(query, lang)
    parts = compound_parts(words[0], lang) if len(words) == 1 else []
    # The correction as typed (all its words, as the backend's default); any of the parts.
    for other, operator in ((correction, None), (" ".join(parts), "or")):
        if other and other.lower() != query.lower():
            other_results = queryset.search(other, backend=backend, operator=operator)
            if other_results.count():
                return other_results, other
    return results, query


def _result_page(queryset, query, page_number, exclude_ids, backend, locale):
    results = queryset.exclude(id__in=exclude_ids) if exclude_ids else queryset
    results, answered = search_pages(results, query, locale, backend)
    page_obj = Paginator(results, RESULTS_PER_PAGE).get_page(page_number)
    page_obj.answered_query = answered
    # Evaluate here, inside the caller's error handling, not lazily in the template.
    page_obj.object_list = list(page_obj.object_list)
    _prepare_for_cards(page_obj.object_list)
    return page_obj


def _prepare_for_cards(pages):
    """Let each page type prepare what its result cards show (``prepare_search_results``, a
    classmethod taking the results of that type), so the cards cost no query per result."""
    by_type = {}
    for page in pages:
        by_type.setdefault(type(page), []).append(page)
    for page_type, instances in by_type.items():
        prepare = getattr(page_type, "prepare_search_results", None)
        if prepare is not None:
            prepare(instances)


def search_site(request, query, page_number=None):
    """Search the current language's pages for ``query``; on its first page, count a hit
    (Wagtail's popularity statistics and our search log).

    Editor's picks come first (on the first page) and are left out of the ordinary results.
    When the configured engine fails, the search runs once more on the database without an
    index (titles only) and ``degraded`` is set; should that fail too, ``failed`` is set.
    """
    locale = Locale.get_active()
    promotions = promotions_for(query, request, locale)
    promoted_ids = [promotion.page_id for promotion in promotions if promotion.page_id]
    queryset = searchable_pages(request, locale)
    outcome = SearchOutcome(page_obj=None)
    try:
        if _has_words(query):
            outcome.page_obj = _result_page(
                queryset, query, page_number, promoted_ids, "default", locale
            )
        else:
            outcome.page_obj = Paginator([], RESULTS_PER_PAGE).get_page(1)
    except search_engine_errors():
        logger.warning("Site search failed on the configured backend", exc_info=True)
        outcome.degraded = True
    if outcome.degraded:
        try:
            outcome.page_obj = _result_page(
                queryset, query, page_number, promoted_ids, FALLBACK_BACKEND, locale
            )
        except search_engine_errors():
            logger.exception("Site search failed on the database fallback too")
            outcome.failed = True
            outcome.page_obj = Paginator([], RESULTS_PER_PAGE).get_page(1)
    answered = getattr(outcome.page_obj, "answered_query", query)
    if answered != query:
        outcome.answered_query = answered
    elif not outcome.failed and outcome.page_obj.paginator.count < FEW_RESULTS:
        outcome.suggestion = site_suggestion(queryset, query, locale, outcome.degraded)
    if outcome.page_obj.number == 1:
        # Popularity statistics for the editors (Wagtail's "Promoted search results" report).
        Query.get(query).add_hit()
        outcome.promotions = promotions
        if not outcome.failed:  # an outage is not a query without results
            record_search(
                query,
                locale=locale.language_code,
                scope=SearchScope.SITE,
                result_count=outcome.page_obj.paginator.count + len(promotions),
            )
    return outcome


def page_vocabulary(locale):
    """The words of the live pages' titles and search descriptions in ``locale``, grouped by
    first letter (see search.spelling). Cached under the number of live pages and the latest
    publication, so a published or withdrawn page renews it at once."""
    pages = Page.objects.live().filter(locale=locale)
    state = pages.aggregate(count=Count("pk"), latest=Max("last_published_at"))
    latest = state["latest"].timestamp() if state["latest"] else 0
    key = f"search:vocabulary:{locale.pk}:{state['count']}:{latest}"
    words = cache.get(key)
    if words is None:
        texts = []
        for title, description in pages.values_list("title", "search_description"):
            texts += [title, description]
        words = words_by_letter(texts)
        cache.set(key, words, VOCABULARY_SECONDS)
    return words


def site_suggestion(queryset, query, locale, degraded=False):
    """A corrected ``query`` that finds pages of ``queryset``, or None (never raises)."""
    suggestion = corrected(query, page_vocabulary(locale))
    if suggestion is None:
        return None
    backend = FALLBACK_BACKEND if degraded else "default"
    try:
        found = queryset.search(suggestion, backend=backend)[:1]
        return suggestion if len(list(found)) else None
    except search_engine_errors():
        logger.warning("Spelling check failed on the search backend", exc_info=True)
        return None


def autocomplete_titles(request, query):
    """Up to AUTOCOMPLETE_LIMIT pages of the active language whose titles start like ``query``.

    Returns a list of {"title", "url"} dicts; an empty list when the engine fails, since a
    suggestion box is an extra and must not break the page that asks for it.
    """
    if not _has_words(query):
        return []
    queryset = searchable_pages(request)
    try:
        pages = list(queryset.autocomplete(query, fields=["title"])[:AUTOCOMPLETE_LIMIT])
    except search_engine_errors():
        logger.warning("Autocomplete failed on the configured backend", exc_info=True)
        return []
    return [{"title": page.title, "url": page.get_url(request)} for page in pages]
