"""Site-wide routes outside the page tree and the language prefix: sitemap, robots, favicon."""

from django.urls import path
from wagtail.contrib.sitemaps.views import sitemap

from core import views
from core.sitemap import MultilingualSitemap

urlpatterns = [
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": MultilingualSitemap}}, name="sitemap"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    # Browsers ask for /favicon.ico whatever the page links to.
    path("favicon.ico", views.favicon, name="favicon"),
]
