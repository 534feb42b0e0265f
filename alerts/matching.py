"""Which projects an alert's search finds: the listing's FilterSet and search, unchanged.

The saved query string goes through ``ProjectFilterSet`` as on the listing; with a search
engine the engine answers (``ProjectSearch``, the listing's query builder), without one or
when it fails the database does, exactly as the listing falls back. The listing's second
try (any one word when all words found nothing) is not used: a mail should only bring
projects that match the search as typed.
"""

import logging

from django.http import QueryDict
from django.utils.translation import gettext

from core.locales import locale_by_id
from projects.filters import ProjectFilterSet, start_period_label
from projects.search_query import (
    MAX_RESULT_WINDOW,
    ProjectSearch,
    filters_from_cleaned_data,
)
from projects.views import feed_querystring, listed_projects
from search.analysis import language_for_locale
from search.dsl import configured_url, engine_errors

logger = logging.getLogger(__name__)

MAX_QUERY_LENGTH = 2000


def clean_query(query_dict):
    """The listing's filters of ``query_dict`` (without page, sort or unknown names) as a
    stable query string, or None if it is too long to keep."""
    known = set(ProjectFilterSet.base_filters)
    params = QueryDict(mutable=True)
    for name in sorted(query_dict):
        if name in known:
            values = [v.strip() for v in query_dict.getlist(name) if v.strip()]
            if values:
                params.setlist(name, sorted(set(values)))
    query = feed_querystring(params)
    return query if len(query) <= MAX_QUERY_LENGTH else None


def alert_filterset(listing, query):
    """The listing's FilterSet for a saved query string, validated."""
    filterset = ProjectFilterSet(QueryDict(query), queryset=listed_projects(listing.specific))
    filterset.is_valid()
    return filterset


def matching_project_ids(listing, query):
    """The ids of the live projects below ``listing`` that its search ``query`` finds."""
    filterset = alert_filterset(listing, query)
    cleaned = filterset.form.cleaned_data
    if configured_url():
        lang = language_for_locale(locale_by_id(listing.locale_id).language_code)
        search = ProjectSearch(
            lang=lang,
            query=cleaned.get("q") or "",
            filters=filters_from_cleaned_data(cleaned),
            sort="newest",
            page_size=MAX_RESULT_WINDOW,
        )
        try:
            result = search.execute()
        except engine_errors() as error:
            logger.warning("Project search failed, alert matched on the database: %s", error)
        else:
            found = [hit.id for hit in result.hits]
            # Indexed but meanwhile unpublished pages are not sent (as on the listing).
            return set(filterset.queryset.filter(pk__in=found).values_list("pk", flat=True))
    return set(filterset.qs.values_list("pk", flat=True))


def describe(listing, query):
    """What an alert searches for, as ``[(label, value), ...]`` in the active language.

    E.g. ``[("Suche", "„Datenschutz“"), ("Bundesland", "Hessen"), ("Status", "Ausgeschrieben")]``.
    """
    filterset = alert_filterset(listing, query)
    cleaned = filterset.form.cleaned_data
    rows = []
    if cleaned.get("q"):
        rows.append((gettext("Suche"), gettext("„%(query)s“") % {"query": cleaned["q"]}))
    for name, form_field in filterset.form.fields.items():
        if name in ("q", "sort"):
            continue
        chosen = {str(getattr(value, "pk", value)) for value in cleaned.get(name) or []}
        if not chosen:
            continue
        if hasattr(form_field, "queryset"):
            labels = [
                form_field.label_from_instance(obj)
                for obj in form_field.queryset
                if str(obj.pk) in chosen
            ]
        elif name == "start":
            labels = [str(start_period_label(period)) for period in sorted(chosen)]
        else:
            labels = [str(label) for value, label in form_field.choices if value in chosen]
        rows.append((str(form_field.label), ", ".join(labels)))
    return rows


def summary_text(rows, everything):
    """One line from ``describe``'s rows: "Suche: „x“ · Bundesland: Hessen"."""
    if not rows:
        return str(everything)
    return " · ".join(f"{label}: {value}" for label, value in rows)
