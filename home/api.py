"""The headless JSON API (Wagtail API v2): pages, images, documents and the expert pool.

Wagtail's pages endpoint already leaves out pages behind page privacy for clients that
do not pass the restriction, and serves every language tree (filter with ``?locale=en``).
"""

from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet

from learning.api import ExpertsAPIViewSet

api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PagesAPIViewSet)
api_router.register_endpoint("images", ImagesAPIViewSet)
api_router.register_endpoint("documents", DocumentsAPIViewSet)
api_router.register_endpoint("experts", ExpertsAPIViewSet)
