"""The site search page and its autocomplete endpoint."""

from django.http import JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from search.site_search import (
    AUTOCOMPLETE_LIMIT,
    MAX_QUERY_LENGTH,
    QueryTooLong,
    autocomplete_titles,
    clean_query,
    search_site,
)


# Results answer one visitor's words from an index that is updated in the background: no
# shared cache keeps them (the page cache, a proxy); the visitor's browser may.
@cache_control(private=True)
@require_GET
def search(request):
    """Render the search form and, for a query, its results in the active language."""
    context = {"query": "", "max_query_length": MAX_QUERY_LENGTH}
    status = 200
    try:
        query = clean_query(request.GET.get("q", ""))
    except QueryTooLong as error:
        context.update(query=error.args[0][:MAX_QUERY_LENGTH], error=error.message)
        status = 400
    else:
        context["query"] = query
        if query:
            outcome = search_site(request, query, request.GET.get("page"))
            context.update(
                searched=True,
                page_obj=outcome.page_obj,
                promotions=outcome.promotions,
                degraded=outcome.degraded,
                failed=outcome.failed,
                suggestion=outcome.suggestion,
                answered_query=outcome.answered_query,
            )
            if outcome.failed:
                status = 503
    return render(request, "search/search.html", context, status=status)


@cache_control(private=True)
@require_GET
def autocomplete(request):
    """Suggest up to AUTOCOMPLETE_LIMIT page titles for ``q`` as JSON.

    Answers 400 with a message for a missing, empty or too long ``q``.
    """
    try:
        query = clean_query(request.GET.get("q", ""))
    except QueryTooLong as error:
        return JsonResponse({"error": error.message}, status=400)
    if not query:
        return JsonResponse(
            {"error": gettext("Bitte geben Sie einen Suchbegriff im Parameter „q“ an.")},
            status=400,
        )
    results = autocomplete_titles(request, query)
    return JsonResponse({"results": results[:AUTOCOMPLETE_LIMIT]})
