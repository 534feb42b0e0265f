"""The headless JSON API (Wagtail API v2): pages, images, documents and the expert pool.

Wagtail's pages endpoint already leaves out pages behind page privacy for clients that
do not pass the restriction, and serves every language tree (filter with ``?locale=en``).
The documents endpoint leaves out documents in restricted collections.
"""

from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.models import CollectionViewRestriction

from learning.api import ExpertsAPIViewSet
from projects.models import ProjectPage
from taxonomy.localization import taxonomy_name_cache


class SitePagesAPIViewSet(PagesAPIViewSet):
    """Wagtail's pages endpoint; project fields load in a fixed number of queries."""

    def dispatch(self, request, *args, **kwargs):
        with taxonomy_name_cache():
            return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        queryset = super().get_queryset()
        if queryset.model is ProjectPage:
            queryset = queryset.select_related("municipality", "locale").prefetch_related(
                "topics", "competence_profile__competency"
            )
        return queryset


class PublicDocumentsAPIViewSet(DocumentsAPIViewSet):
    """Wagtail's documents endpoint without documents in collections with a view restriction.

    Wagtail serves such files to permitted visitors only, but its API would list their titles
    and download addresses to anyone (e.g. the Macher:innen-only material).
    """

    def get_queryset(self):
        queryset = super().get_queryset()
        # A restriction covers the collection and every collection below it.
        for path in CollectionViewRestriction.objects.values_list("collection__path", flat=True):
            queryset = queryset.exclude(collection__path__startswith=path)
        return queryset


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", SitePagesAPIViewSet)
api_router.register_endpoint("images", ImagesAPIViewSet)
api_router.register_endpoint("documents", PublicDocumentsAPIViewSet)
api_router.register_endpoint("experts", ExpertsAPIViewSet)
