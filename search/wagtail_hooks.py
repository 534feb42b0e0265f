"""The search-log reports in the admin's "Berichte" menu, for editors."""

from django.contrib.auth.models import Permission
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from search.reports import FrequentQueriesView, ZeroResultQueriesView

VIEW_PERMISSION = "site_search.view_searchqueryday"


class SearchLogMenuItem(MenuItem):
    """Shown to users who may read the search log (editors and moderators by default)."""

    def is_shown(self, request):
        return request.user.has_perm(VIEW_PERMISSION)


@hooks.register("register_admin_urls")
def register_search_log_urls():
    """The two reports, each with its results-only URL for the filters."""
    return [
        path(
            "berichte/suchanfragen-ohne-treffer/",
            ZeroResultQueriesView.as_view(),
            name="search_log_zero_results",
        ),
        path(
            "berichte/suchanfragen-ohne-treffer/ergebnisse/",
            ZeroResultQueriesView.as_view(results_only=True),
            name="search_log_zero_results_results",
        ),
        path(
            "berichte/haeufige-suchanfragen/",
            FrequentQueriesView.as_view(),
            name="search_log_frequent",
        ),
        path(
            "berichte/haeufige-suchanfragen/ergebnisse/",
            FrequentQueriesView.as_view(results_only=True),
            name="search_log_frequent_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_zero_results_report():
    return SearchLogMenuItem(
        _("Suchanfragen ohne Treffer"),
        reverse("search_log_zero_results"),
        name="search-log-zero-results",
        icon_name="search",
        order=1310,
    )


@hooks.register("register_reports_menu_item")
def register_frequent_queries_report():
    return SearchLogMenuItem(
        _("Häufige Suchanfragen"),
        reverse("search_log_frequent"),
        name="search-log-frequent",
        icon_name="search",
        order=1320,
    )


@hooks.register("register_permissions")
def register_search_log_permission():
    """Lets administrators give the reports to further groups in the group editor."""
    return Permission.objects.filter(
        content_type__app_label="site_search", codename="view_searchqueryday"
    )
