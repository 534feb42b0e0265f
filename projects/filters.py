"""The one set of project filters behind the listing, the JSON search API and the search DSL.

Every filter is declarative and keeps a stable query parameter name, so the same query
string means the same thing on the HTML listing, in the API and when translated into an
OpenSearch query. The lookups that are not plain field lookups (duration buckets, sort
orders) live in module-level tables that the search translation can read as well.
"""

import collections
import datetime
import functools
import operator
import re

import django_filters
from django import forms
from django.db import connections
from django.db.models import Case, CharField, Count, F, IntegerField, Q, Value, When
from django.db.models.functions import Cast, Concat, ExtractQuarter, ExtractYear
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from projects import text_search
from projects.models import ProjectCompetency, ProjectPage, ProjectStatus, Workload
from search.analysis import compound_parts, content_words, language_for_locale
from taxonomy.filters import (
    LocalizedModelMultipleChoiceFilter,
    canonical_competencies,
    canonical_topics,
)
from taxonomy.models import Bundesland

# Query value -> inclusive range of ``duration_months``.
DURATION_BUCKETS = {
    "6-9": (6, 9),
    "10-12": (10, 12),
    "13-18": (13, 18),
}
DURATION_CHOICES = [
    ("6-9", _("6 bis 9 Monate")),
    ("10-12", _("10 bis 12 Monate")),
    ("13-18", _("13 bis 18 Monate")),
]
# Query value -> inclusive range of ``remote_share`` (per cent of the working time).
REMOTE_BUCKETS = {
    "on-site": (0, 20),
    "partly": (21, 49),
    "mostly": (50, 100),
}
REMOTE_CHOICES = [
    ("on-site", _("überwiegend vor Ort (bis 20 % mobil)")),
    ("partly", _("teilweise mobil (21 bis 49 %)")),
    ("mostly", _("überwiegend mobil (ab 50 %)")),
]


def _bucket_of(field_name, buckets):
    """A database expression naming the bucket ``field_name`` falls into ("" for none)."""
    whens = [When(**{f"{field_name}__range": r}, then=Value(b)) for b, r in buckets.items()]
    return Case(*whens, default=Value(""), output_field=CharField())


def _bucket_in(number, buckets):
    """The bucket of ``buckets`` whose inclusive range holds ``number``, or None."""
    if number is None:
        return None
    return next((b for b, (low, high) in buckets.items() if low <= number <= high), None)


def remote_bucket(share):
    """The remote-work bucket of a project's ``remote_share``, or None."""
    return _bucket_in(share, REMOTE_BUCKETS)


def duration_bucket(months):
    """The listing's duration bucket ("6-9", "10-12", "13-18") for ``months``, or None."""
    return _bucket_in(months, DURATION_BUCKETS)


# Query value -> ``order_by`` arguments. The primary key comes last so that pages stay
# stable when two projects share a date.
# Open projects first, the soonest deadline first; then the rest, the newest first.
_OPEN_FIRST = Case(When(status=ProjectStatus.OPEN, then=Value(0)), default=Value(1))
_DEADLINE_IF_OPEN = Case(When(status=ProjectStatus.OPEN, then=F("application_deadline")))

SORT_ORDERINGS = {
    "open": (
        _OPEN_FIRST,
        _DEADLINE_IF_OPEN.asc(nulls_last=True),
        F("first_published_at").desc(nulls_last=True),
        "-pk",
    ),
    # Without a search engine there is no score; the newest projects come first instead.
    "relevance": (F("first_published_at").desc(nulls_last=True), "-pk"),
    "deadline": (F("application_deadline").asc(nulls_last=True), "start_date", "pk"),
    "start": ("start_date", "pk"),
    "newest": (F("first_published_at").desc(nulls_last=True), "-pk"),
}
SORT_CHOICES = [
    ("open", _("Offene zuerst")),
    ("relevance", _("Relevanz")),
    ("deadline", _("Bewerbungsfrist (nächste zuerst)")),
    ("start", _("Projektstart (früheste zuerst)")),
    ("newest", _("Neueste zuerst")),
]
# Most visitors look for a project they can still apply to.
DEFAULT_SORT = "open"
# With a search text the best matches come first.
DEFAULT_SORT_WITH_QUERY = "relevance"

MAX_QUERY_LENGTH = 200
# Control characters break PostgreSQL string literals and mean nothing in a query.
_IGNORED_CHARS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
START_PERIOD_PATTERN = re.compile(r"^(\d{4})-Q([1-4])$")


def start_period_of(date):
    """The quarter a date falls into, as the index stores it: ``"2026-Q3"``."""
    return f"{date.year}-Q{(date.month - 1) // 3 + 1}"


def start_period_range(period):
    """The first and last day of a ``"YYYY-Qn"`` quarter."""
    match = START_PERIOD_PATTERN.match(period)
    year, quarter = int(match.group(1)), int(match.group(2))
    first = datetime.date(year, 3 * quarter - 2, 1)
    following = datetime.date(year + (quarter == 4), 1 if quarter == 4 else 3 * quarter + 1, 1)
    return first, following - datetime.timedelta(days=1)


def start_period_label(period):
    """``"2026-Q3"`` as a visitor reads it, in the active language."""
    match = START_PERIOD_PATTERN.match(period)
    if not match:
        return period
    return _("%(quarter)s. Quartal %(year)s") % {"quarter": match.group(2), "year": match.group(1)}


def start_period_choices():
    """The quarters in which live projects start, oldest first (for the database listing)."""
    months = ProjectPage.objects.live().dates("start_date", "month")
    periods = sorted({start_period_of(month) for month in months})
    return [(period, start_period_label(period)) for period in periods]


class StartPeriodField(forms.MultipleChoiceField):
    """Quarters like ``2026-Q3``: any well-formed quarter is valid, whatever the choices list.

    The listed choices only serve the display (counted by the engine or read from the
    database); validating against them would cost a query on every request.
    """

    def valid_value(self, value):
        return bool(START_PERIOD_PATTERN.match(str(value)))


class StartPeriodFilter(django_filters.MultipleChoiceFilter):
    field_class = StartPeriodField


class SearchQueryField(forms.CharField):
    """The free search text, whitespace collapsed and control characters removed."""

    def to_python(self, value):
        value = super().to_python(value)
        return " ".join(_IGNORED_CHARS.sub(" ", value).split())


class SearchQueryFilter(django_filters.CharFilter):
    field_class = SearchQueryField


class ProjectFilterSet(django_filters.FilterSet):
    """Filters and sort order of the project listing; unknown values become form errors."""

    q = SearchQueryFilter(
        method="filter_text",
        max_length=MAX_QUERY_LENGTH,
        label=_("Suchbegriff"),
    )
    # A project has one value of each single-valued field: no duplicate rows to remove, and a
    # DISTINCT would stop the listing from counting in the same scan (projects.paging).
    bundesland = django_filters.MultipleChoiceFilter(
        field_name="municipality__bundesland",
        choices=Bundesland.choices,
        widget=forms.CheckboxSelectMultiple,
        label=_("Bundesland"),
        distinct=False,
    )
    topic = LocalizedModelMultipleChoiceFilter(
        field_name="topics",
        queryset=canonical_topics,
        widget=forms.CheckboxSelectMultiple,
        label=_("Themenfeld"),
    )
    competency = LocalizedModelMultipleChoiceFilter(
        field_name="competence_profile__competency",
        queryset=canonical_competencies,
        widget=forms.CheckboxSelectMultiple,
        label=_("Kompetenz"),
    )
    status = django_filters.MultipleChoiceFilter(
        choices=ProjectStatus.choices,
        widget=forms.CheckboxSelectMultiple,
        label=_("Status"),
        distinct=False,
    )
    duration = django_filters.MultipleChoiceFilter(
        choices=DURATION_CHOICES,
        method="filter_duration",
        widget=forms.CheckboxSelectMultiple,
        label=_("Dauer"),
    )
    workload = django_filters.MultipleChoiceFilter(
        choices=Workload.choices,
        widget=forms.CheckboxSelectMultiple,
        label=_("Arbeitsumfang"),
        distinct=False,
    )
    remote = django_filters.MultipleChoiceFilter(
        choices=REMOTE_CHOICES,
        method="filter_remote",
        widget=forms.CheckboxSelectMultiple,
        label=_("Mobiles Arbeiten"),
    )
    start = StartPeriodFilter(
        choices=start_period_choices,
        method="filter_start",
        widget=forms.CheckboxSelectMultiple,
        label=_("Projektstart"),
    )
    sort = django_filters.ChoiceFilter(
        choices=SORT_CHOICES,
        method="sort_queryset",
        empty_label=None,
        label=_("Sortierung"),
    )

    class Meta:
        model = ProjectPage
        fields = [
            "q",
            "bundesland",
            "topic",
            "competency",
            "status",
            "duration",
            "workload",
            "remote",
            "start",
            "sort",
        ]

    def __init__(self, data=None, *args, any_words=False, **kwargs):
        # With any_words the text matches projects with any of its content words, ranked by
        # how many they contain (the listing's second try when all words found nothing).
        self.any_words = any_words
        # Without an explicit sort the form shows, and the listing uses, the default order:
        # relevance when there is a search text, the open projects first otherwise.
        if data is not None and not data.get("sort"):
            data = data.copy()
            data["sort"] = (
                DEFAULT_SORT_WITH_QUERY if str(data.get("q", "")).strip() else DEFAULT_SORT
            )
        super().__init__(data, *args, **kwargs)

    def filter_duration(self, queryset, name, value):
        """Projects whose duration falls into any of the chosen buckets."""
        condition = Q()
        for bucket in value:
            low, high = DURATION_BUCKETS[bucket]
            condition |= Q(duration_months__range=(low, high))
        return queryset.filter(condition)

    def filter_remote(self, queryset, name, value):
        """Projects whose share of mobile work falls into any of the chosen buckets."""
        condition = Q()
        for bucket in value:
            low, high = REMOTE_BUCKETS[bucket]
            condition |= Q(remote_share__range=(low, high))
        return queryset.filter(condition)

    def filter_text(self, queryset, name, value):
        """Projects matching every unit of the text somewhere (the engine-less search).

        See projects.text_search: besides the texts, a unit may match a topic, a competency
        of the profile ("UX" finds "UX/UI-Design"), the Bundesland (its name or abbreviation,
        "NRW") or the mode of work ("remote"), through a synonym, its umlaut spelling
        ("Muenchen") or a light stem. Each project gets a ``text_score`` for the relevance
        order. With ``any_words`` one of the content words (or of their compound parts) is
        enough, and projects with more of them come first (see ``__init__``).
        """
        if not value:
            return queryset
        lang = language_for_locale(translation.get_language())
        units = text_search.query_units(value, lang)
        # "auf", "dem": words without meaning of their own would match nearly every project.
        units = [unit for unit in units if content_words(unit, lang)] or units
        if self.any_words:
            words = [word.lower() for word in content_words(value, lang)] or units
            units = [unit for word in words for unit in text_search.query_units(word, lang)]
            if len(words) == 1:
                # A single compound that found nothing: its parts ("Impfzentren" -> "impf").
                units += compound_parts(words[0], lang)
            units = list(dict.fromkeys(units))[: text_search.MAX_UNITS]
        terms = [text_search.alternatives(unit, lang) for unit in units]
        conditions = [text_search.unit_condition(alts, lang) for alts in terms]
        projects = ProjectPage.objects.all()
        if self.any_words:
            matching = projects.filter(functools.reduce(operator.or_, conditions))
        else:
            matching = projects
            for condition in conditions:
                matching = matching.filter(condition)
        # A subquery rather than a join, so a project matching in two topics appears once.
        queryset = queryset.filter(pk__in=matching.values("pk"))
        score = functools.reduce(
            operator.add, (text_search.unit_score(alts, lang, projects) for alts in terms)
        )
        queryset = queryset.annotate(text_score=score)
        if self.any_words:
            # A project counts once per unit, however many fields match.
            matched = functools.reduce(
                operator.add,
                (
                    Case(
                        When(pk__in=projects.filter(condition).values("pk"), then=1),
                        default=0,
                        output_field=IntegerField(),
                    )
                    for condition in conditions
                ),
            )
            queryset = queryset.annotate(matched_words=matched)
        return queryset

    def filter_start(self, queryset, name, value):
        """Projects starting in any of the chosen quarters."""
        condition = Q()
        for period in value:
            condition |= Q(start_date__range=start_period_range(period))
        return queryset.filter(condition)

    def sort_queryset(self, queryset, name, value):
        """Order by one of the named sort orders; by relevance, projects with more of the
        words come first when the text was relaxed to any word."""
        annotations = queryset.query.annotations
        if value == "relevance" and "text_score" in annotations:
            first = ["-matched_words"] if "matched_words" in annotations else []
            return queryset.order_by(*first, "-text_score", *SORT_ORDERINGS[value])
        return queryset.order_by(*SORT_ORDERINGS[value])

    def facet_counts(self):
        """The database's facet counts: ``{param: {value: count}}`` like the search engine's.

        Disjunctive faceting: each facet counts the projects that match every *other* active
        filter (and the search text), so the options of a facet say how many projects its
        value would add or leave. Call after validating the form; invalid values are ignored
        as in the listing.

        The facets without an active value of their own all count the same projects (every
        filter applied): their one-value-per-project facets are counted in one scan, not one
        per facet (``_tally_columns``). Topics and competencies have a query each; the other
        facets with an active value are counted together in one query (UNION ALL).
        """
        cleaned = self.form.cleaned_data
        counts = {param: {} for param in FACET_VALUES}
        shared_scope = self._facet_scope(cleaned, exclude=None)
        parts = []
        in_python = []
        for param in FACET_VALUES:
            scope = self._facet_scope(cleaned, exclude=param) if cleaned.get(param) else None
            if param in MULTI_VALUED_FACETS:
                _count_multi_valued(shared_scope if scope is None else scope, param, counts)
            elif scope is not None:
                parts.append(_facet_rows(scope, param))
            else:
                in_python.append(param)
        for row in parts[0].union(*parts[1:], all=True) if parts else ():
            if row["facet_value"] not in (None, ""):
                counts[row["facet"]][row["facet_value"]] = row["count"]
        if in_python:
            _count_single_valued(shared_scope, in_python, counts)
        return counts

    def _facet_scope(self, cleaned, exclude):
        """The projects matching every filter but ``exclude``, unordered."""
        scope = self.queryset
        for name, value in cleaned.items():
            if name not in (exclude, "sort"):
                scope = self.filters[name].filter(scope, value)
        # Every filter is a condition on the project's own row or a subquery (topics,
        # competencies, the text): no join that would duplicate a project.
        return scope.order_by().prefetch_related(None)

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        if not self.form.cleaned_data.get("sort"):
            # An invalid sort value is reported on the form; the list still needs an order.
            queryset = queryset.order_by(*SORT_ORDERINGS[DEFAULT_SORT])
        return queryset


# Facet parameter -> the database expression of a project's value(s) for it; "start" is
# counted by year and quarter (see _facet_rows).
FACET_VALUES = {
    "bundesland": F("municipality__bundesland"),
    "topic": F("topics"),
    "competency": F("competence_profile__competency"),
    "status": F("status"),
    "duration": _bucket_of("duration_months", DURATION_BUCKETS),
    "workload": F("workload"),
    "remote": _bucket_of("remote_share", REMOTE_BUCKETS),
    "start": None,
}


# Facets a project can have several values of: counted from their own tables.
MULTI_VALUED_FACETS = {"topic", "competency"}

# The single-valued facets' fields and how a row's value becomes the facet's value.
_SINGLE_VALUED_FIELDS = {
    "bundesland": ("municipality__bundesland", lambda value: value),
    "status": ("status", lambda value: value),
    "duration": ("duration_months", duration_bucket),
    "workload": ("workload", lambda value: value),
    "remote": ("remote_share", remote_bucket),
    "start": ("start_date", lambda value: value and start_period_of(value)),
}


def _count_single_valued(scope, params, counts):
    """Add to ``counts`` the values of ``params`` (one per project) among ``scope``'s
    projects, read in one query."""
    fields = [_SINGLE_VALUED_FIELDS[param] for param in params]
    tallies = _tally_columns(scope.values_list(*(f for f, _ in fields)), len(params))
    for param, tally, (_field, convert) in zip(params, tallies, fields, strict=True):
        for value, count in tally.items():
            key = convert(value)
            if key not in (None, ""):
                counts[param][str(key)] = counts[param].get(str(key), 0) + count


def _tally_columns(rows, width):
    """One Counter per column of ``rows`` (a values_list of ``width`` columns): how many
    rows have each value.

    PostgreSQL counts all columns in one scan (GROUPING SETS): at 10,000 projects 10 ms
    instead of 60 for reading every row into Python. Other databases (SQLite for
    ``make run``) read the rows.
    """
    tallies = [collections.Counter() for _ in range(width)]
    connection = connections[rows.db]
    if connection.vendor != "postgresql":
        for row in rows:
            for tally, value in zip(tallies, row, strict=True):
                tally[value] += 1
        return tallies
    sql, params = rows.query.sql_with_params()
    columns = [f"c{i}" for i in range(width)]
    grouped = (
        f"SELECT {', '.join(columns)}, COUNT(*) FROM ({sql}) AS facet_values "
        f"({', '.join(columns)}) GROUP BY GROUPING SETS ({', '.join(f'({c})' for c in columns)})"
    )
    with connection.cursor() as cursor:
        cursor.execute(grouped, params)
        # Each row belongs to one column's set; the other columns are NULL (as is a NULL value
        # of its own, which no facet counts).
        for *values, count in cursor.fetchall():
            for tally, value in zip(tallies, values, strict=True):
                if value is not None:
                    tally[value] += count
    return tallies


def _count_multi_valued(scope, param, counts):
    """Add to ``counts`` how many of ``scope``'s projects have each topic or competency.

    A query of its own, grouped by the key as a number: in the facets' UNION ALL the keys
    had to be grouped as text, and sorting 30,000 competency rows by text took 20 ms.
    """
    if param == "topic":
        # Django's through table holds each pair once: no distinct count needed.
        rows = ProjectPage.topics.through.objects.filter(projectpage_id__in=scope)
        rows = rows.values_list("topic_id").annotate(count=Count("projectpage_id"))
    else:
        # A profile may list a competency twice: count the projects, not the rows.
        rows = ProjectCompetency.objects.filter(project_id__in=scope)
        rows = rows.values_list("competency_id").annotate(count=Count("project_id", distinct=True))
    for key, count in rows.order_by():
        counts[param][str(key)] = count


def _facet_rows(scope, param):
    """The rows ``facet`` (param), ``facet_value`` (text) and ``count`` of one facet among
    the projects whose keys ``scope`` selects."""
    label = Value(param, output_field=CharField())
    projects = ProjectPage.objects.filter(pk__in=scope)
    if param == "start":
        # By year and quarter, as the start filter's values: "2026-Q3".
        value = Concat(
            Cast(ExtractYear("start_date"), CharField()),
            Value("-Q"),
            Cast(ExtractQuarter("start_date"), CharField()),
            output_field=CharField(),
        )
    else:
        value = Cast(FACET_VALUES[param], CharField())
    return (
        projects.annotate(facet=label, facet_value=value)
        .values("facet", "facet_value")
        .annotate(count=Count("pk"))
        .order_by()
    )
