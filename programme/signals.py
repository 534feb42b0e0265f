"""Receivers: a published event gives free places to its waiting list; a published programme
page renews the footer link."""

from programme.models import EventIndexPage, EventPage
from programme.registrations import refill
from programme.templatetags.programme_tags import forget_footer_link


def event_published(sender, instance, **kwargs):
    """More places published (or registration reopened): the waiting list moves up at once."""
    if isinstance(instance, EventPage):
        refill(instance)
    if isinstance(instance, EventIndexPage):
        forget_footer_link(instance=instance)


def connect():
    """Connect the receivers (from ProgrammeConfig.ready)."""
    from django.db.models.signals import post_delete
    from wagtail.signals import page_published, page_unpublished

    page_published.connect(event_published, dispatch_uid="programme.published")
    page_unpublished.connect(forget_footer_link, dispatch_uid="programme.unpublished")
    post_delete.connect(forget_footer_link, dispatch_uid="programme.deleted")
