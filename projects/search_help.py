"""Help when a project search finds little: "Meinten Sie …?" and relaxing to any word.

Both engines get the same help, so the listing behaves alike with and without OpenSearch:

* a query with several content words that finds nothing is run again with *any* of its words
  (stopwords left out) and the listing says so;
* a query that finds fewer than FEW_RESULTS projects gets a spelling suggestion, if there is
  one that finds projects itself: from the engine's phrase suggester, or on the database from
  a vocabulary of the projects' titles, summaries and taxonomy names (difflib).
"""

import difflib
import logging
import re
from dataclasses import dataclass

from django.core.cache import cache
from django.db.models import Count, Max

from projects.filters import ProjectFilterSet
from projects.models import ProjectPage
from projects.search_query import ProjectSearch, restore_case
from search.analysis import content_words, language_for_locale
from search.dsl import engine_errors
from taxonomy.models import Bundesland, Competency, Municipality, Topic

logger = logging.getLogger(__name__)

# Fewer results than this and a spelling suggestion is looked for.
FEW_RESULTS = 3
# How similar a known word must be to count as the meant one (difflib ratio): "Klimaschtz"
# and "klimaschutz" are 0.95 apart, "Rathaus" and "Radhaus" 0.86.
SIMILARITY_CUTOFF = 0.8
# Words shorter than this are not corrected (abbreviations like "KI", "OZG").
MIN_CORRECTED_LENGTH = 4
VOCABULARY_SECONDS = 600
_WORD = re.compile(r"\w+")


@dataclass
class SearchHelp:
    """What the listing tells a visitor beside the results."""

    relaxed: bool = False
    suggestion: str | None = None


def can_relax(query, lang):
    """Whether ``query`` has at least two content words (any-word matching means something)."""
    return len(content_words(query, lang)) >= 2


def engine_search(search, client=None):
    """Execute ``search`` (a ProjectSearch) with help; returns (result, help, search used).

    The search used is the relaxed one when relaxing found projects; the caller pages with it.
    A failing suggester costs only the suggestion.
    """
    result = search.execute(client)
    help = SearchHelp()
    if not search.query:
        return result, help, search
    if result.total < FEW_RESULTS:
        try:
            help.suggestion = search.suggestion(client)
        except engine_errors() as error:
            logger.warning("Search suggestion unavailable: %s", error)
    if result.total == 0 and can_relax(search.query, search.lang):
        relaxed = ProjectSearch(
            lang=search.lang,
            query=search.query,
            filters=search.filters,
            sort=search.sort,
            page=search.page,
            page_size=search.page_size,
            dsl=search.dsl,
            any_words=True,
        )
        relaxed_result = relaxed.execute(client)
        if relaxed_result.total:
            help.relaxed = True
            return relaxed_result, help, relaxed
    return result, help, search


def relaxed_filterset(filterset):
    """``filterset`` again with any-word matching, for a text query that found nothing."""
    return ProjectFilterSet(
        filterset.data, queryset=filterset.queryset, request=filterset.request, any_words=True
    )


def database_search(filterset, count, locale):
    """Help for a database listing in ``locale`` whose ``filterset`` found ``count`` projects.

    Returns (filterset to show, help): the relaxed filterset when relaxing found projects.
    """
    lang = language_for_locale(locale.language_code)
    help = SearchHelp()
    query = getattr(filterset.form, "cleaned_data", {}).get("q")
    if not query:
        return filterset, help
    if count < FEW_RESULTS:
        help.suggestion = database_suggestion(query, filterset, locale)
    if count == 0 and can_relax(query, lang):
        relaxed = relaxed_filterset(filterset)
        if relaxed.qs.exists():
            help.relaxed = True
            return relaxed, help
    return filterset, help


def vocabulary(locale):
    """The words of the live projects' titles and summaries and of the taxonomy names in
    ``locale``, lower-cased, grouped by first letter: ``{letter: [word, ...]}``.

    Cached under the number of live projects and the latest publication, so a published or
    withdrawn project renews it at once (one small aggregate query per lookup).
    """
    live = ProjectPage.objects.live().filter(locale=locale)
    state = live.aggregate(count=Count("pk"), latest=Max("last_published_at"))
    latest = state["latest"].timestamp() if state["latest"] else 0
    key = f"projects:vocabulary:{locale.pk}:{state['count']}:{latest}"
    words = cache.get(key)
    if words is None:
        texts = []
        for title, summary in (
            ProjectPage.objects.live().filter(locale=locale).values_list("title", "listing_summary")
        ):
            texts += [title, summary]
        for model in (Topic, Competency, Municipality):
            texts += model.objects.filter(locale=locale).values_list("name", flat=True)
        texts += [str(label) for label in Bundesland.labels]
        found = {word.lower() for text in texts for word in _WORD.findall(text or "")}
        words = {}
        for word in sorted(found):
            if len(word) >= 3 and not word.isdigit():
                words.setdefault(word[0], []).append(word)
        cache.set(key, words, VOCABULARY_SECONDS)
    return words


def corrected(query, words):
    """``query`` with each unknown word replaced by the closest known one, or None.

    Like the engine's suggester, the first letter is taken as typed.
    """
    changed = False
    result = []
    for word in query.split():
        lowered = word.lower()
        known = words.get(lowered[:1], [])
        if len(lowered) < MIN_CORRECTED_LENGTH or not lowered.isalpha() or lowered in known:
            result.append(lowered)
            continue
        close = difflib.get_close_matches(lowered, known, n=1, cutoff=SIMILARITY_CUTOFF)
        result.append(close[0] if close else lowered)
        changed = changed or bool(close)
    return restore_case(query, " ".join(result)) if changed else None


def database_suggestion(query, filterset, locale):
    """A corrected ``query`` that finds projects among the listing's, or None."""
    suggestion = corrected(query, vocabulary(locale))
    if suggestion is None:
        return None
    check = ProjectFilterSet({"q": suggestion}, queryset=filterset.queryset)
    return suggestion if check.qs.exists() else None
