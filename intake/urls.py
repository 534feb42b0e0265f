"""Public routes of the projects app outside the page tree: the applicant's private status page.

Included inside i18n_patterns; the paths are German under /de/ and English under /en/.
"""

from django.urls import path
from django.utils.functional import lazy
from django.utils.translation import get_language

from intake import views

app_name = "intake"


def route_by_language(de, en):
    """A route whose text follows the active language, like a gettext_lazy route, but with
    both spellings fixed here (the URL must not change when a translation is edited)."""
    return lazy(lambda: en if (get_language() or "de").startswith("en") else de, str)()


urlpatterns = [
    path(
        route_by_language("bewerbung/<slug:token>/", "application/<slug:token>/"),
        views.application_status,
        name="application_status",
    ),
    path(
        route_by_language(
            "bewerbung/<slug:token>/zurueckziehen/", "application/<slug:token>/withdraw/"
        ),
        views.application_withdraw,
        name="application_withdraw",
    ),
    path(
        route_by_language(
            "bewerbung/<slug:token>/talentpool/", "application/<slug:token>/talent-pool/"
        ),
        views.application_join_talent_pool,
        name="application_join_talent_pool",
    ),
]
