"""Admin hooks of the Begleitprogramm."""

from wagtail import hooks

from programme.models import EventPage
from programme.registrations import refill


@hooks.register("after_publish_page")
def move_up_after_more_places(request, page):
    """More places published (or registration reopened): the waiting list moves up at once."""
    if isinstance(page.specific_deferred, EventPage):
        refill(page.specific)
