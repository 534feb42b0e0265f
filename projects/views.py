"""What the project pages show: the filtered listing, the detail facts, the apply information.

The page models delegate here so that they stay declarations of fields and routes.
"""

import functools
import logging
import re
from html import unescape
from types import SimpleNamespace

from django.core.paginator import Paginator
from django.db.models import prefetch_related_objects
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.text import normalize_newlines
from django.utils.translation import gettext as _

from core import fragment_cache, page_cache
from core.locales import locale_by_id
from intake.models import FormKind, FormPage
from projects.filters import START_PERIOD_PATTERN, ProjectFilterSet, start_period_label
from projects.models import ProjectPage, ProjectStatus, Workload
from projects.paging import KeysFirst
from projects.search_help import database_search, engine_search
from projects.search_query import (
    FACET_FIELDS,
    MAX_PAGE,
    ProjectSearch,
    facet_options,
    filters_from_cleaned_data,
    similar_project_ids,
)
from search.analysis import language_for_locale
from search.dsl import configured_url, engine_errors
from search.models import SearchScope
from search.search_log import record_search
from taxonomy.localization import localize_many

logger = logging.getLogger(__name__)

PROJECTS_PER_PAGE = 12
# Long texts a card does not show; parsing twelve StreamFields per listing costs real time.
CARD_DEFERRED_FIELDS = (
    "body",
    "challenge",
    "intended_impact",
    "target_groups",
    "impact_reached",
    "impact_figures",
)
# The fragment that keeps a card's place, facts and topics (project_card.html).
CARD_FACTS_FRAGMENT = "project-card-facts"
# Parameters that page or order a listing but do not change which projects it contains.
_NOT_A_FILTER = ("page", "sort")


def live_projects(index_page):
    """The live, public projects below ``index_page``."""
    return ProjectPage.objects.child_of(index_page).live().public()


def listed_projects(index_page):
    """The live, public projects below ``index_page``, with place and topics (feeds, alerts)."""
    return live_projects(index_page).select_related("municipality").prefetch_related("topics")


def prepare_cards(projects, request=None):
    """Set the display attributes the cards need, already in the active language.

    With a request, a card whose facts are kept as a fragment (project_card.html) needs
    none: place and topics are read for the other cards only, in one query each.
    """
    if request is None:
        kept = [False] * len(projects)
    else:
        kept = fragment_cache.prefetch(
            request, CARD_FACTS_FRAGMENT, [[project.pk] for project in projects]
        )
    for project in projects:
        # The card asks for these; Django's template engine answers a missing attribute
        # by calling dir() on the page, which costs about 0.2 ms per lookup.
        vars(project).setdefault("title_highlight", None)
        vars(project).setdefault("search_snippet", None)
    todo = [project for project, is_kept in zip(projects, kept, strict=True) if not is_kept]
    prefetch_related_objects(todo, "municipality", "topics")
    localized = localize_many(
        [p.municipality for p in todo] + [t for p in todo for t in p.topics.all()]
    )
    for project in todo:
        project.display_municipality = localized.get(project.municipality)
        project.display_topics = [localized[t] for t in project.topics.all()]
    return projects


def feed_querystring(query_dict):
    """The listing's filters (without page and sort) as a query string for its feeds."""
    params = query_dict.copy()
    for name in _NOT_A_FILTER:
        params.pop(name, None)
    return params.urlencode()


def project_listing_context(index_page, request):
    """Context of the project index: the filter form, one page of projects and their count.

    With a configured search engine the engine finds and counts the projects (text query,
    facet counts, highlights, relevance); when it fails or is slow, the database answers the
    same URL parameters and the page says that the search is limited.
    """
    filterset = ProjectFilterSet(
        request.GET,
        queryset=live_projects(index_page).defer(*CARD_DEFERRED_FIELDS),
        request=request,
    )
    context = None
    degraded = False
    if configured_url():
        try:
            context = _engine_listing_context(index_page, request, filterset)
        except engine_errors() as error:
            logger.warning("Project search failed, listing from the database: %s", error)
            degraded = True
            # The notice of a limited search must go as soon as the engine answers again.
            page_cache.do_not_store(request)
    if context is None:
        context = _database_listing_context(index_page, request, filterset)
    if not context["result_count"]:
        # Nothing fits yet: the talent pool keeps the visitor for the next project.
        context["talent_pool_page"] = FormPage.published_for(
            FormKind.TALENT_POOL, index_page.locale
        )
    log_listing_search(index_page, request, filterset, context["result_count"])
    chips = active_filter_chips(request, filterset.form, context["facet_groups"])
    context.update(search_help_context(request, context.pop("search_help")))
    context.update(
        filter=filterset,
        search_degraded=degraded,
        feed_query=feed_querystring(request.GET),
        active_filters=chips,
        remove_all_filters_url=_listing_url(request, _only_sort(request.GET)),
    )
    return context


def log_listing_search(index_page, request, filterset, result_count):
    """Count a text search of the listing in the search log, once (on its first page)."""
    query = getattr(filterset.form, "cleaned_data", {}).get("q")
    if query and requested_page(request.GET.get("page")) == 1:
        record_search(
            query,
            locale=locale_by_id(index_page.locale_id).language_code,
            scope=SearchScope.PROJECTS,
            result_count=result_count,
        )


def search_help_context(request, help):
    """What the listing says beside few or no results: relaxed matching, "Meinten Sie …?"."""
    context = {
        "search_relaxed": help.relaxed,
        "search_suggestion": help.suggestion,
        "search_corrected": help.corrected,
        "search_typed": help.typed,
    }
    if help.suggestion:
        params = request.GET.copy()
        params.pop("page", None)
        params["q"] = help.suggestion
        context["search_suggestion_url"] = _listing_url(request, params)
    return context


def _database_listing_context(index_page, request, filterset):
    number = requested_page(request.GET.get("page"))
    paginator = Paginator(KeysFirst(filterset, PROJECTS_PER_PAGE, number), PROJECTS_PER_PAGE)
    shown, help = database_search(filterset, paginator.count, locale_by_id(index_page.locale_id))
    if shown is not filterset:  # relaxed or corrected
        filterset = shown
        paginator = Paginator(KeysFirst(filterset, PROJECTS_PER_PAGE, number), PROJECTS_PER_PAGE)
    page_obj = paginator.get_page(number)
    projects = prepare_cards(list(page_obj.object_list), request)
    return {
        "page_obj": page_obj,
        "projects": projects,
        "result_count": paginator.count,
        "facet_groups": facet_groups(filterset.form, filterset.facet_counts()),
        "search_help": help,
    }


def _listing_url(request, params):
    """The listing's URL with ``params`` (a QueryDict) as its query string."""
    query = params.urlencode()
    return f"{request.path}?{query}" if query else request.path


def _only_sort(query_dict):
    """The query without any filter: only an explicitly chosen sort order remains."""
    params = query_dict.copy()
    for name in list(params):
        if name != "sort":
            del params[name]
    return params


def _without(query_dict, name, value=None):
    """The query without one value of ``name`` (all of them when ``value`` is None).

    The page number goes too: the shorter or longer result starts on its first page.
    """
    params = query_dict.copy()
    params.pop("page", None)
    if value is None:
        params.pop(name, None)
    else:
        params.setlist(name, [v for v in params.getlist(name) if v != value])
    return params


def active_filter_chips(request, form, groups):
    """The visitor's active filters as removable chips: label, value and the URL without it.

    Only values the listing understood appear (invalid ones are reported on the form); each
    link keeps the other filters and the sort order.
    """
    chips = []
    cleaned = getattr(form, "cleaned_data", {})
    # What the listing applied: a facet with an invalid value is ignored as a whole.
    applied = filters_from_cleaned_data(cleaned)
    if query := cleaned.get("q"):
        chips.append(
            SimpleNamespace(
                label=_("Suche"),
                value=_("„%(query)s“") % {"query": query},
                url=_listing_url(request, _without(request.GET, "q")),
            )
        )
    for group in groups:
        for option in group.options:
            if option.value in applied.get(group.name, ()):
                params = _without(request.GET, group.name, option.value)
                chips.append(
                    SimpleNamespace(
                        label=group.label, value=option.label, url=_listing_url(request, params)
                    )
                )
    return chips


class _ResultWindow:
    """The hits of one page posing as the whole result list, for Django's Paginator."""

    def __init__(self, total, items):
        self.total, self.items = total, items

    def count(self):
        return self.total

    def __getitem__(self, window):
        # The paginator asks for exactly the page that was searched.
        return self.items


def requested_page(raw):
    """The page number from the query string; anything unusable means the first page."""
    try:
        return max(1, int(raw))
    except (TypeError, ValueError):
        return 1


def _engine_listing_context(index_page, request, filterset):
    filterset.is_valid()  # runs the form validation; invalid values are reported and ignored
    cleaned = filterset.form.cleaned_data
    search = ProjectSearch(
        lang=language_for_locale(locale_by_id(index_page.locale_id).language_code),
        query=cleaned.get("q") or "",
        filters=filters_from_cleaned_data(cleaned),
        sort=cleaned.get("sort"),
        page=requested_page(request.GET.get("page")),
        page_size=PROJECTS_PER_PAGE,
    )
    result, help, search = engine_search(search)
    last_page = min(max(1, -(-result.total // PROJECTS_PER_PAGE)), MAX_PAGE)
    if search.page > last_page:
        # Like Paginator.get_page: a page past the end shows the last one.
        search.page = last_page
        result = search.execute()

    pages = {p.pk: p for p in filterset.queryset.filter(pk__in=[hit.id for hit in result.hits])}
    projects = []
    for hit in result.hits:
        project = pages.get(hit.id)
        if project is None:  # indexed but meanwhile unpublished: the index catches up soon
            continue
        project.title_highlight = hit.title_highlight
        project.search_snippet = hit.snippet
        projects.append(project)
    prepare_cards(projects, request)

    paginator = Paginator(
        _ResultWindow(result.total, projects),
        PROJECTS_PER_PAGE,
    )
    page_obj = paginator.page(search.page) if result.total else paginator.page(1)
    return {
        "page_obj": page_obj,
        "projects": projects,
        "result_count": result.total,
        "facet_groups": facet_groups(filterset.form, result.facet_counts),
        "search_help": help,
    }


def facet_groups(form, facet_counts=None):
    """The facets of the listing form, ready to render: every option with its count.

    ``facet_counts`` is ``{param: {value: count}}`` (from the engine or
    ``ProjectFilterSet.facet_counts``); without it the options carry no counts. The checked
    state is what the visitor sent, as a widget would show it. Rendered by hand rather than
    through the checkbox widgets, whose per-option templates made up most of the listing's
    rendering time.
    """
    groups = []
    for param in FACET_FIELDS:
        form_field = form.fields[param]
        selected = [str(value) for value in (form[param].value() or [])]
        counts = None if facet_counts is None else facet_counts.get(param, {})
        if param == "start":
            periods = {p for p in selected if START_PERIOD_PATTERN.match(p)}
            if counts is None:
                periods |= {value for value, _label in form_field.choices}
            else:
                periods |= set(counts)
            choices = [(p, start_period_label(p)) for p in sorted(periods)]
        else:
            choices = [(str(value), label) for value, label in form_field.choices]
        known = {value for value, _label in choices}
        options = [
            option
            for option in facet_options(choices, counts, selected)
            if option.value in known  # values only the index knows have no label here
        ]
        groups.append(
            SimpleNamespace(
                name=param, label=form_field.label, options=options, errors=form[param].errors
            )
        )
    return groups


def similar_projects(project, request=None):
    """Up to three live projects like ``project`` in its language; [] without a working engine.

    When the engine fails, the page showing none is not kept in the page or fragment cache.
    """
    if not configured_url():
        return []
    try:
        ids = similar_project_ids(project)
    except engine_errors() as error:
        logger.warning("Similar projects unavailable: %s", error)
        if request is not None:
            page_cache.do_not_store(request)
        return []
    pages = {p.pk: p for p in ProjectPage.objects.live().public().filter(pk__in=ids)}
    return [pages[pk] for pk in ids if pk in pages]


def project_detail_context(project, request):
    """Context of a project page: taxonomies, competence profile and related stories, localized.

    Each value is a function the template calls on first use (``functools.cache`` answers
    a second use): the template keeps the parts that show them as fragments
    (core/fragment_cache.py), and a kept fragment needs no query and no engine round trip.
    """

    @functools.cache
    def profile():
        rows = list(project.competence_profile.select_related("competency"))
        topics = list(project.topics.all())
        localized = localize_many([project.municipality, *topics] + [r.competency for r in rows])
        for row in rows:
            row.display_competency = localized[row.competency]
        return localized.get(project.municipality), [localized[t] for t in topics], rows

    def job_posting():
        return job_posting_data(project) if project.is_open_for_applications else None

    return {
        "display_municipality": lambda: profile()[0],
        "display_topics": lambda: profile()[1],
        "competence_rows": lambda: profile()[2],
        "related_stories": functools.cache(lambda: related_stories(project)),
        "similar_projects": functools.cache(lambda: similar_projects(project, request)),
        "job_posting": functools.cache(job_posting),
    }


def related_stories(project):
    """Live stories about this project (or one of its translations), in the project's language.

    A story that has not been translated yet appears in its original language.
    """
    # Stories point at projects, not the other way round: reach StoryPage through its
    # foreign key's reverse side instead of importing the stories app.
    story_model = ProjectPage._meta.get_field("stories").related_model
    stories = (
        story_model.objects.live()
        .public()
        .filter(project__translation_key=project.translation_key)
        .select_related("locale")
        .order_by("-period_start", "pk")
    )
    chosen = {}
    for story in stories:
        current = chosen.get(story.translation_key)
        if current is None or story.locale_id == project.locale_id:
            chosen[story.translation_key] = story
    return list(chosen.values())


# The end of a block (paragraph, heading, list item, ...) or a line break: a word boundary
# that strip_tags would lose ("erklärt.</p><p>Akten" -> "erklärt.Akten").
_BLOCK_END = re.compile(
    r"(</(?:p|h[1-6]|li|ul|ol|div|blockquote|pre|table|tr|td|th)\s*>|<br\s*/?>)", re.IGNORECASE
)


def plain_text(html):
    """Rich text as a single line of plain text, for structured data; blocks keep a space
    between them, inline markup (bold, links) joins its words as they were."""
    spaced = _BLOCK_END.sub(r"\1 ", html or "")
    return " ".join(unescape(normalize_newlines(strip_tags(spaced))).split())


def job_posting_data(project):
    """schema.org JobPosting for an open project, as a dict for the ``json_ld`` tag."""
    municipality = project.municipality
    data = {
        "@context": "https://schema.org",
        "@type": "JobPosting",
        "title": project.title,
        "description": plain_text(project.challenge),
        "employmentType": "FULL_TIME" if project.workload == Workload.FULL_TIME else "PART_TIME",
        "jobStartDate": project.start_date.isoformat(),
        "directApply": False,
        "url": project.full_url,
    }
    if project.first_published_at:
        data["datePosted"] = timezone.localdate(project.first_published_at).isoformat()
    if project.application_deadline:
        data["validThrough"] = project.application_deadline.isoformat()
    if municipality is not None:
        data["hiringOrganization"] = {"@type": "Organization", "name": municipality.name}
        data["jobLocation"] = {
            "@type": "Place",
            "address": {
                "@type": "PostalAddress",
                "addressLocality": municipality.name,
                "addressRegion": municipality.get_bundesland_display(),
                "addressCountry": "DE",
            },
        }
    return data


def application_phase_state(project):
    """``open``, ``upcoming`` or ``closed``: what the page says about applying."""
    if project.is_open_for_applications:
        return "open"
    if project.status == ProjectStatus.IN_PREPARATION:
        return "upcoming"
    return "closed"
