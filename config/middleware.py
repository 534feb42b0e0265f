"""Security headers that Django and django-csp do not send on their own; the request size cap."""

from django.conf import settings
from django.http import HttpResponse
from django.template import loader

# The Wagtail admin (and wagtail-localize's editor inside it) sets inline styles and runs a
# few inline scripts; the public site needs neither, so only the admin gets them.
ADMIN_PREFIX = "/admin/"
ADMIN_CSP_UPDATE = {
    "style-src": ["'unsafe-inline'"],
    "script-src": ["'unsafe-inline'"],
    "img-src": ["blob:"],
}


class SecurityHeadersMiddleware:
    """Add Permissions-Policy everywhere and relax the CSP for the Wagtail admin only.

    Sits before django-csp's middleware in the response phase (after it in MIDDLEWARE), so
    the ``_csp_update`` it sets on admin responses is merged into the policy header.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        policy = getattr(settings, "PERMISSIONS_POLICY", "")
        if policy and "Permissions-Policy" not in response:
            response["Permissions-Policy"] = policy
        if request.path_info.startswith(ADMIN_PREFIX) and not hasattr(response, "_csp_update"):
            response._csp_update = ADMIN_CSP_UPDATE
        return response


class RequestSizeLimitMiddleware:
    """Answer 413 to a request whose body is larger than ``REQUEST_BODY_MAX_BYTES``.

    Django caps only the non-file part of a post (``DATA_UPLOAD_MAX_MEMORY_SIZE``); uploads
    would otherwise be read to disk however large they are. The cap sits just above the CV
    limit, so a CV that is slightly too big still gets the form's own message. The reverse
    proxy has the same limit (docs/operations.md); this one protects the application behind
    any proxy. A body without a length (chunked) is left to the proxy and gunicorn.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if length > settings.REQUEST_BODY_MAX_BYTES:
            # Rendered without context processors or a database: nothing of the request is read.
            html = loader.get_template("413.html").render()
            response = HttpResponse(html, status=413)
            # The client may still be sending; close the connection rather than read it all.
            response["Connection"] = "close"
            return response
        return self.get_response(request)
