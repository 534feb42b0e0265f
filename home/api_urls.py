"""The JSON APIs under /api/v2/: the project search (django-ninja) and Wagtail's API v2."""

from django.urls import path

from home.api import api_router
from projects.api import api as project_search_api

urlpatterns = [
    # Before Wagtail's API router, which would otherwise claim every /api/v2/ path.
    path("projects/", project_search_api.urls),
    path("", api_router.urls),
]
