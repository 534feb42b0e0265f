"""Security headers that Django and django-csp do not send on their own."""

from django.conf import settings

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
