"""Routes of the site search, included inside i18n_patterns: /de/suche/ and /en/search/."""

from django.urls import path
from django.utils.functional import lazy
from django.utils.translation import get_language

from search import views


def _segment_for_language(segments):
    return segments.get((get_language() or "de").split("-")[0], segments["de"])


# A lazy route is resolved and reversed per active language, just like a gettext_lazy one;
# the segments live here rather than in the .po catalogues because a URL must not change
# when the compiled catalogues are missing (they are build output, see `make messages`).
_localized_route = lazy(_segment_for_language, str)

SEARCH_ROUTE = {"de": "suche/", "en": "search/"}
AUTOCOMPLETE_ROUTE = {"de": "suche/autocomplete/", "en": "search/autocomplete/"}

urlpatterns = [
    path(_localized_route(SEARCH_ROUTE), views.search, name="search"),
    path(_localized_route(AUTOCOMPLETE_ROUTE), views.autocomplete, name="search_autocomplete"),
]
