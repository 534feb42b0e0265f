"""The headless JSON API (Wagtail API v2): pages, images, documents and the expert pool."""

from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet

from learning.api import ExpertsAPIViewSet


class PublicPagesAPIViewSet(PagesAPIViewSet):
    """Pages, without those restricted by page privacy (e.g. Macher:innen-only resources)."""

    def get_base_queryset(self):
        return super().get_base_queryset().public()


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PublicPagesAPIViewSet)
api_router.register_endpoint("images", ImagesAPIViewSet)
api_router.register_endpoint("documents", DocumentsAPIViewSet)
api_router.register_endpoint("experts", ExpertsAPIViewSet)
