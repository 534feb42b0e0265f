"""The editors' reports on the search log: queries without results and frequent queries.

Both sum the daily counts (``SearchQueryDay``) of the chosen period per query, language and
search, and can be downloaded as CSV or XLSX like Wagtail's own reports.
"""

import datetime

import django_filters
from django.conf import settings
from django.db.models import Sum
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, NumberColumn
from wagtail.admin.views.reports import ReportView
from wagtail.permission_policies import ModelPermissionPolicy

from search.models import SearchQueryDay, SearchScope

PERIOD_CHOICES = [("30", _("Letzte 30 Tage")), ("90", _("Letzte 90 Tage"))]
DEFAULT_PERIOD = 30

# Spreadsheet programs read a cell starting with one of these as a formula; a visitor typed
# the query, so "=HYPERLINK(...)" must arrive as text (as backoffice.exports does it; the
# search app may not import that app).
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def _as_text(value):
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return value


def _language_name(code):
    return dict(settings.LANGUAGES).get(code, code)


class SearchLogFilterSet(WagtailFilterSet):
    """Period (30 days unless 90 are chosen), language and search."""

    period = django_filters.ChoiceFilter(
        label=_("Zeitraum"), choices=PERIOD_CHOICES, method="filter_period", empty_label=None
    )
    locale = django_filters.ChoiceFilter(
        label=_("Sprache"), choices=lambda: list(settings.LANGUAGES)
    )
    scope = django_filters.ChoiceFilter(label=_("Suche"), choices=SearchScope.choices)

    class Meta:
        model = SearchQueryDay
        fields = ["period", "locale", "scope"]

    def filter_period(self, queryset, name, value):
        """The days of the last ``value`` days, today included."""
        return queryset.filter(date__gt=timezone.localdate() - datetime.timedelta(days=int(value)))

    def filter_queryset(self, queryset):
        if not self.form.cleaned_data.get("period"):
            queryset = self.filter_period(queryset, "period", DEFAULT_PERIOD)
        return super().filter_queryset(queryset)


class SearchLogReportView(ReportView):
    """Sums of the daily counts per query, language and search over the chosen period."""

    model = SearchQueryDay
    permission_policy = ModelPermissionPolicy(SearchQueryDay)
    permission_required = "view"
    header_icon = "search"
    filterset_class = SearchLogFilterSet
    is_searchable = True
    search_fields = ["query"]
    export_headings = {
        "query": _("Suchanfrage"),
        "locale": _("Sprache"),
        "scope": _("Suche"),
        "zero_results_total": _("Suchen ohne Treffer"),
        "searches_total": _("Suchen insgesamt"),
    }
    list_export = ["query", "locale", "scope", "zero_results_total", "searches_total"]

    @cached_property
    def columns(self):
        return [
            Column("query", label=_("Suchanfrage"), sort_key="query"),
            Column(
                "locale", label=_("Sprache"), accessor=lambda row: _language_name(row["locale"])
            ),
            Column(
                "scope",
                label=_("Suche"),
                accessor=lambda row: SearchScope(row["scope"]).label,
            ),
            NumberColumn(
                "zero_results_total", label=_("Suchen ohne Treffer"), sort_key="zero_results_total"
            ),
            NumberColumn("searches_total", label=_("Suchen insgesamt"), sort_key="searches_total"),
        ]

    def get_queryset(self):
        # Filter and search the days first, then sum them: the period decides what is summed.
        days = self.search_queryset(self.filter_queryset(SearchQueryDay.objects.all()))
        rows = days.values("query", "locale", "scope").annotate(
            searches_total=Sum("searches"), zero_results_total=Sum("zero_results")
        )
        return self.order_queryset(self.restrict(rows))

    def restrict(self, rows):
        """Narrow the summed rows (the zero-results report keeps those with such searches)."""
        return rows

    def order_queryset(self, queryset):
        # The query text breaks ties, so the order (and paging) is stable.
        return queryset.order_by(self.ordering, "query", "locale", "scope")

    def to_row_dict(self, item):
        row = super().to_row_dict(item)
        row["locale"] = _language_name(row["locale"])
        row["scope"] = SearchScope(row["scope"]).label
        return row

    def write_csv_row(self, writer, row_dict):
        # Only the CSV: XLSX already stores formula-like values as text.
        return writer.writerow(
            {
                field: _as_text(self.preprocess_field_value(field, value, self.FORMAT_CSV))
                for field, value in row_dict.items()
            }
        )

    def stream_csv(self, queryset):
        # Excel guesses the encoding of a CSV file without a BOM and shows "MÃ¼nchen".
        yield "\ufeff"
        yield from super().stream_csv(queryset)

    def write_csv_response(self, queryset):
        response = super().write_csv_response(queryset)
        response["Content-Type"] = "text/csv; charset=utf-8"
        return response


class ZeroResultQueriesView(SearchLogReportView):
    """Queries that found nothing, the most frequent first: candidates for synonyms."""

    page_title = _("Suchanfragen ohne Treffer")
    index_url_name = "search_log_zero_results"
    index_results_url_name = "search_log_zero_results_results"
    default_ordering = "-zero_results_total"
    export_filename = "suchanfragen-ohne-treffer"

    def restrict(self, rows):
        return rows.filter(zero_results_total__gt=0)


class FrequentQueriesView(SearchLogReportView):
    """All queries, the most frequent first."""

    page_title = _("Häufige Suchanfragen")
    index_url_name = "search_log_frequent"
    index_results_url_name = "search_log_frequent_results"
    default_ordering = "-searches_total"
    export_filename = "haeufige-suchanfragen"
