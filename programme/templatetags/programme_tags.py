"""The link to the programme page in the site's footer."""

from django import template
from django.conf import settings
from django.core.cache import cache
from django.utils.translation import get_language

from programme.models import EventIndexPage

register = template.Library()

# The footer is on every page: its link is kept in the shared cache, so a page costs no
# query for it. Publishing, unpublishing or deleting a programme page forgets it (apps.py).
CACHE_KEY = "programme:footer-link:{}".format
_MISSING = "none"


def forget_footer_link(**kwargs):
    """Drop the cached footer links (a signal receiver)."""
    sender = kwargs.get("instance")
    if sender is None or isinstance(sender, EventIndexPage):
        cache.delete_many([CACHE_KEY(code) for code, _name in settings.LANGUAGES])


def _lookup(language):
    page = EventIndexPage.objects.live().public().first()
    if page is None:
        return None
    page = page.localized
    if not page.live:
        return None
    return {"url": page.url, "title": page.title, "calendar_url": page.calendar_url()}


@register.simple_tag
def programme_link():
    """URL, title and calendar URL of the live programme page in the active language, or None."""
    language = (get_language() or settings.LANGUAGE_CODE)[:2]
    link = cache.get(CACHE_KEY(language))
    if link is None:
        link = _lookup(language) or _MISSING
        cache.set(CACHE_KEY(language), link, timeout=60 * 60)
    return None if link == _MISSING else link
