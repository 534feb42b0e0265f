"""Help when a project search finds little: "Meinten Sie …?" and relaxing to any word.

Both engines get the same help, so the listing behaves alike with and without OpenSearch:

* a query with several content words that finds nothing is run again with *any* of its words
  (stopwords left out) and the listing says so;
* a query that finds fewer than FEW_RESULTS projects gets a spelling suggestion, if there is
  one that finds projects itself: from the engine's phrase suggester, or on the database from
  a vocabulary of the projects' titles, summaries and taxonomy names (difflib);
* on the database, a query that finds nothing but has such a correction shows the
  correction's projects at once and says so (the engine finds them by fuzzy matching).
"""

import logging
from dataclasses import dataclass

from django.core.cache import cache
from django.db.models import Count, Max

from projects.filters import ProjectFilterSet
from projects.models import ProjectPage
from projects.search_query import ProjectSearch
from search.analysis import compound_parts, content_words, language_for_locale
from search.dsl import engine_errors
from search.spelling import corrected, words_by_letter
from taxonomy.models import Bundesland, Competency, Municipality, Topic

logger = logging.getLogger(__name__)

# Fewer results than this and a spelling suggestion is looked for.
FEW_RESULTS = 3
VOCABULARY_SECONDS = 600


@dataclass
class SearchHelp:
    """What the listing tells a visitor beside the results."""

    relaxed: bool = False
    suggestion: str | None = None
    # The corrected query whose projects are shown because the typed one found none (only
    # on the database: the engine's fuzzy matching already finds them for the typed one).
    corrected: str | None = None
    typed: str | None = None


def can_relax(query, lang):
    """Whether any-word matching means something for ``query``: it has at least two content
    words, or a compound whose parts may be found on their own ("Impfzentren")."""
    words = content_words(query, lang)
    return len(words) >= 2 or (len(words) == 1 and bool(compound_parts(words[0], lang)))


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
    if count == 0 and help.suggestion:
        data = filterset.data.copy()
        data["q"] = help.suggestion
        help.corrected, help.suggestion, help.typed = help.suggestion, None, query
        fixed = ProjectFilterSet(data, queryset=filterset.queryset, request=filterset.request)
        return fixed, help
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
        words = words_by_letter(texts)
        cache.set(key, words, VOCABULARY_SECONDS)
    return words


def database_suggestion(query, filterset, locale):
    """A corrected ``query`` that finds projects among the listing's, or None."""
    suggestion = corrected(query, vocabulary(locale))
    if suggestion is None:
        return None
    check = ProjectFilterSet({"q": suggestion}, queryset=filterset.queryset)
    return suggestion if check.qs.exists() else None
