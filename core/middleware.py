"""Middleware adjustments for the site."""

from django.middleware.locale import LocaleMiddleware


class SiteLocaleMiddleware(LocaleMiddleware):
    """Django's LocaleMiddleware, minus its 404 redirect for paths outside the page tree.

    Django redirects any unprefixed 404 to /de/<path> when that path resolves, and Wagtail's
    catch-all resolves everything, so a JSON client asking for a missing API object would get
    a redirect to an HTML page instead of the API's own 404.
    """

    unprefixed_prefixes = ("/api/", "/admin/", "/documents/")

    def process_response(self, request, response):
        if request.path.startswith(self.unprefixed_prefixes):
            return response
        return super().process_response(request, response)
