"""Pages behind a secret link (the applicant's status page, the municipality's decision page).

Their responses are kept out of search engines and caches and pass no referrer on, so the
secret in the address never reaches another site. ``Referrer-Policy: no-referrer`` makes
browsers send ``Origin: null`` with the forms on such pages, which Django's CSRF check would
refuse; ``csrf_protect_private_link`` accepts that one origin and still checks the CSRF token.
"""

from django.middleware.csrf import CsrfViewMiddleware
from django.utils.decorators import decorator_from_middleware
from django.views.decorators.csrf import csrf_exempt


def private_headers(response):
    """Headers for pages behind a secret link: not indexed, not cached, link not passed on."""
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["Referrer-Policy"] = "no-referrer"
    response["Cache-Control"] = "private, no-store"
    return response


class _PrivateLinkCsrfMiddleware(CsrfViewMiddleware):
    """Django's CSRF check for forms on no-referrer pages.

    The browser hides the origin ("null"), so the origin cannot be compared; the CSRF token
    (cookie and form field) is still required, and the form's address carries a secret a
    forging site cannot know. Any other origin is checked as usual.
    """

    def _origin_verified(self, request):
        return request.META.get("HTTP_ORIGIN") == "null" or super()._origin_verified(request)


def csrf_protect_private_link(view):
    """Like ``csrf_protect``, for views whose forms are posted from a no-referrer page."""
    # The site-wide middleware skips the view (csrf_exempt on the outside); the decorator's
    # own check runs on the inner view, which is not marked exempt.
    return csrf_exempt(decorator_from_middleware(_PrivateLinkCsrfMiddleware)(view))
