"""The project search as a JSON API with an OpenAPI schema (django-ninja).

``GET /api/v2/projects/search/?q=...&bundesland=HE&topic=3&page=2&locale=en`` answers with
the hits of one page, the total and the facets with counts. The parameters are validated by
ProjectFilterSet, the same FilterSet as the HTML listing; invalid ones give 400 with a
message per parameter. When the engine is down or slow the database answers (``"engine":
"database"``: same filters, no counts, no highlights). The schema is served at
``/api/v2/projects/openapi.json``.
"""

import datetime
import logging

from django import forms
from django.http import QueryDict
from django.utils import translation
from django.utils.translation import gettext
from ninja import Field, NinjaAPI, Query, Schema, Status
from ninja.errors import ValidationError
from pydantic import BaseModel

from core.locales import locale_for_language
from core.public_url import absolute_url
from projects.filters import MAX_QUERY_LENGTH, ProjectFilterSet, SearchQueryField
from projects.models import ProjectPage
from projects.paging import KeysFirst
from projects.search_help import SearchHelp, database_search, engine_search
from projects.search_query import (
    MAX_PAGE,
    PAGE_SIZE,
    ProjectSearch,
    autocomplete_titles,
    filters_from_cleaned_data,
)
from projects.views import facet_groups
from search.analysis import LANGUAGES
from search.dsl import configured_url, engine_errors

logger = logging.getLogger(__name__)

ENGINE = "opensearch"
DATABASE = "database"

api = NinjaAPI(
    title="Lokalprojekte: Projektsuche",
    version="1.0.0",
    description=(
        "Volltextsuche mit Facetten über die Lokalprojekte. Filterparameter können mehrfach "
        "angegeben werden (`bundesland=HE&bundesland=BY`); Werte eines Parameters werden mit "
        "ODER, verschiedene Parameter mit UND verknüpft. Ungültige Parameter ergeben 400."
    ),
    urls_namespace="project_search_api",
    # Interactive Swagger page; its scripts are served from our static files ("ninja" app).
    docs_url="/docs",
    openapi_url="/openapi.json",
)


# The answers are plain pydantic models: the view builds them from dicts, which pydantic checks
# in its compiled core; ninja's Schema would first wrap every nested value to read ORM
# objects, about a millisecond per search.


class Highlight(BaseModel):
    """Matched words marked with <mark>; everything else is HTML-escaped."""

    title: str | None = None
    snippet: str | None = None


class ProjectResult(BaseModel):
    id: int
    title: str
    url: str
    municipality: str
    bundesland: str
    status: str
    start_date: datetime.date | None
    duration_months: int | None
    highlight: Highlight | None = None


class FacetOptionOut(BaseModel):
    value: str
    label: str
    count: int | None = None
    selected: bool


class SearchResponse(BaseModel):
    engine: str
    total: int
    page: int
    page_size: int
    results: list[ProjectResult]
    facets: dict[str, list[FacetOptionOut]]
    suggestion: str | None = Field(
        None, description="Korrigierter Suchtext („Meinten Sie …?“), wenn es wenige Treffer gibt"
    )
    relaxed: bool = Field(
        False, description="Kein Projekt enthielt alle Wörter; Treffer enthalten einige davon"
    )
    corrected: str | None = Field(
        None, description="Suchtext, dessen Treffer statt der (keinen) Treffer gezeigt werden"
    )


class SearchParams(Schema):
    """The query parameters; ProjectFilterSet validates the values, these only document them."""

    q: str = Field("", description="Suchtext (höchstens 200 Zeichen)")
    bundesland: list[str] = Field([], description="Bundesland-Kürzel, z. B. HE")
    topic: list[str] = Field([], description="ID eines Themenfelds (deutsche Fassung)")
    competency: list[str] = Field([], description="ID einer Kompetenz (deutsche Fassung)")
    status: list[str] = Field([], description="Projektstatus, z. B. open")
    duration: list[str] = Field([], description="Dauer: 6-9, 10-12 oder 13-18")
    workload: list[str] = Field([], description="Arbeitsumfang, z. B. full_time")
    remote: list[str] = Field([], description="Mobiles Arbeiten: on-site, partly oder mostly")
    start: list[str] = Field([], description="Startquartal, z. B. 2026-Q3")
    sort: str = Field("", description="open, relevance, newest, start oder deadline")
    page: int = Field(1, description="Seite, ab 1")
    locale: str = Field("de", description="Sprache: de oder en")


class AutocompleteParams(Schema):
    q: str = Field(..., description="Anfang eines oder mehrerer Titelwörter")
    locale: str = Field("de", description="Sprache: de oder en")


class ErrorResponse(BaseModel):
    error: str
    details: dict[str, list[str]]


class AutocompleteResult(BaseModel):
    id: int
    title: str
    url: str


class AutocompleteResponse(BaseModel):
    engine: str
    results: list[AutocompleteResult]


class InvalidParameters(Exception):
    """Parameters the FilterSet (or the page and locale checks) refused."""

    def __init__(self, details):
        super().__init__(details)
        self.details = details


def _error(details):
    return Status(
        400,
        {
            "error": gettext(
                "Ungültige Suchparameter. Die Details nennen die Fehler je Parameter."
            ),
            "details": details,
        },
    )


@api.exception_handler(ValidationError)
def _validation_error(request, exc):
    # Ninja's own type checks (e.g. page=abc) answer in the same shape as ours, with 400.
    details = {}
    for error in exc.errors:
        name = str(error.get("loc", ["?"])[-1])
        details.setdefault(name, []).append(str(error.get("msg", "")))
    answer = _error(details)
    return api.create_response(request, answer.value, status=answer.status_code)


def _checked_locale(raw):
    locale = (raw or "de").strip().lower()
    if locale not in LANGUAGES:
        raise InvalidParameters(
            {
                "locale": [
                    gettext("Unbekannte Sprache „%(locale)s“. Erlaubt sind: %(allowed)s.")
                    % {"locale": raw, "allowed": ", ".join(LANGUAGES)}
                ]
            }
        )
    return locale


def _checked_page(page):
    if page < 1 or page > MAX_PAGE:
        raise InvalidParameters(
            {"page": [gettext("Die Seite muss zwischen 1 und %(max)d liegen.") % {"max": MAX_PAGE}]}
        )
    return page


def _projects(locale):
    return _live_projects(locale).public()


def _live_projects(locale):
    # Without .public(): it reads the view restrictions at once, which the engine's answer
    # (the index holds public projects only) never needs; _database_answer adds it.
    return (
        ProjectPage.objects.live()
        .filter(locale__language_code=locale)
        .select_related("municipality")
    )


def _facets(form, counts):
    """Every facet's options, labelled in the active language, with their counts."""
    return {
        group.name: [vars(option) for option in group.options]
        for group in facet_groups(form, counts)
    }


def _absolute(request, url):
    # The public host, not the request's: the same links as the sitemap and feeds.
    return absolute_url(url)


def _engine_answer(request, locale, cleaned, page):
    search = ProjectSearch(
        lang=locale,
        query=cleaned.get("q") or "",
        filters=filters_from_cleaned_data(cleaned),
        sort=cleaned.get("sort"),
        page=page,
    )
    result, help, _search = engine_search(search)
    results = [
        {
            "id": hit.id,
            "title": hit.title,
            "url": _absolute(request, hit.url),
            "municipality": hit.municipality,
            "bundesland": hit.bundesland,
            "status": hit.status,
            "start_date": hit.start_date,
            "duration_months": hit.duration_months,
            "highlight": (
                {"title": hit.title_highlight, "snippet": hit.snippet}
                if hit.title_highlight or hit.snippet
                else None
            ),
        }
        for hit in result.hits
    ]
    return result.total, results, result.facet_counts, help


def _database_answer(request, filterset, page, locale):
    filterset.queryset = filterset.queryset.public()
    locale_object = locale_for_language(locale)
    found = KeysFirst(filterset, PAGE_SIZE, page)
    if locale_object is None:
        help = SearchHelp()
    else:
        filterset, help = database_search(filterset, found.count(), locale_object)
    if found.filterset is not filterset:  # relaxed or corrected
        found = KeysFirst(filterset, PAGE_SIZE, page)
    total = found.count()
    start = (page - 1) * PAGE_SIZE
    results = [
        {
            "id": project.pk,
            "title": project.title,
            "url": _absolute(request, project.get_url(request)),
            "municipality": project.municipality.name if project.municipality else "",
            "bundesland": project.municipality.bundesland if project.municipality else "",
            "status": project.status,
            "start_date": project.start_date,
            "duration_months": project.duration_months,
            "highlight": None,
        }
        for project in found[start : start + PAGE_SIZE]
    ]
    return total, results, filterset.facet_counts(), help


@api.get(
    "/search/",
    response={200: SearchResponse, 400: ErrorResponse},
    summary="Projekte suchen",
    description=(
        "Treffer einer Seite (12 je Seite), Gesamtzahl und Facetten mit Trefferzahlen. Jede "
        "Facette zählt unter allen anderen aktiven Filtern, so dass Mehrfachauswahl stimmt. "
        "`engine` ist `database`, wenn keine Suchmaschine eingerichtet ist oder sie nicht "
        "antwortet: dann zählt die Datenbank, und Hervorhebungen fehlen."
    ),
    url_name="project_search",
)
def search(request, params: Query[SearchParams]):
    """Search the projects of one language; see the operation description."""
    try:
        locale = _checked_locale(params.locale)
        page = _checked_page(params.page)
    except InvalidParameters as error:
        return _error(error.details)
    with translation.override(locale):
        data = QueryDict(mutable=True)
        for name, values in request.GET.lists():
            if name in ProjectFilterSet.base_filters:
                data.setlist(name, values)
        filterset = ProjectFilterSet(data, queryset=_live_projects(locale), request=request)
        if not filterset.is_valid():
            return _error({name: list(errors) for name, errors in filterset.errors.items()})
        cleaned = filterset.form.cleaned_data
        engine = DATABASE
        answer = None
        if configured_url():
            try:
                answer = _engine_answer(request, locale, cleaned, page)
                engine = ENGINE
            except engine_errors() as error:
                logger.warning("Project search API falls back to the database: %s", error)
        if answer is None:
            answer = _database_answer(request, filterset, page, locale)
        total, results, counts, help = answer
        return {
            "engine": engine,
            "total": total,
            "page": page,
            "page_size": PAGE_SIZE,
            "results": results,
            "facets": _facets(filterset.form, counts),
            "suggestion": help.suggestion,
            "relaxed": help.relaxed,
            "corrected": help.corrected,
        }


@api.get(
    "/search/autocomplete/",
    response={200: AutocompleteResponse, 400: ErrorResponse},
    summary="Projekttitel vervollständigen",
    url_name="project_search_autocomplete",
)
def autocomplete(request, params: Query[AutocompleteParams]):
    """Up to eight projects whose title words start with the typed words."""
    try:
        locale = _checked_locale(params.locale)
    except InvalidParameters as error:
        return _error(error.details)
    try:
        # The listing's own field: same cleaning, same length limit, same message.
        query = SearchQueryField(max_length=MAX_QUERY_LENGTH, required=False).clean(params.q)
    except forms.ValidationError as error:
        return _error({"q": list(error.messages)})
    if not query:
        return _error({"q": [gettext("Bitte geben Sie einen Suchbegriff an.")]})
    if configured_url():
        try:
            results = autocomplete_titles(query, lang=locale)
            for result in results:
                result["url"] = _absolute(request, result["url"])
            return {"engine": ENGINE, "results": results}
        except engine_errors() as error:
            logger.warning("Project autocomplete falls back to the database: %s", error)
    projects = _projects(locale).filter(title__icontains=query).order_by("title")[:8]
    return {
        "engine": DATABASE,
        "results": [
            {"id": p.pk, "title": p.title, "url": _absolute(request, p.get_url(request))}
            for p in projects
        ],
    }
