"""Signed-in visitors outside the Macher:innen group get an explanation, not the login form.

Wagtail's page privacy sends everyone who fails a group restriction to the login page. For
someone already signed in that is a loop: they log in again and land on the login page
again. This hook answers them with a 403 page that says why instead.
"""

from django.template.response import TemplateResponse
from wagtail import hooks
from wagtail.models import PageViewRestriction


@hooks.register("before_serve_page")
def explain_group_restriction(page, request, serve_args, serve_kwargs):
    """Return a 403 page if a signed-in user lacks the group a page is restricted to."""
    if not request.user.is_authenticated:
        return None  # Wagtail redirects to the login page, which is right here.
    for restriction in page.get_view_restrictions():
        if (
            restriction.restriction_type == PageViewRestriction.GROUPS
            and not restriction.accept_request(request)
        ):
            response = TemplateResponse(
                request, "learning/restricted.html", {"page": page}, status=403
            )
            response["Cache-Control"] = "private, no-store"
            return response
    return None
