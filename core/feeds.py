"""The base of the site's RSS and Atom feeds: the newest items of one listing page."""

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed

from core.public_url import absolute_url

FEED_TYPES = {"rss": Rss201rev2Feed, "atom": Atom1Feed}


class PageFeed(Feed):
    """A feed of the pages a listing page shows, in that page's language.

    Subclasses provide ``items()``, ``description()`` and ``item_description()``; the same
    class serves RSS 2.0 and Atom 1.0 (``kind``).
    """

    def __init__(self, index_page, kind="rss"):
        super().__init__()
        self.index_page = index_page
        self.language = index_page.locale.language_code
        self.feed_type = FEED_TYPES[kind]

    def get_feed(self, obj, request):
        self.feed_path = request.path
        return super().get_feed(obj, request)

    def feed_url(self):
        # The feed's own address (Atom's rel="self"); Django would take the request's host.
        return absolute_url(self.feed_path)

    def title(self):
        return f"{self.index_page.title} – {settings.WAGTAIL_SITE_NAME}"

    def link(self):
        return self.index_page.full_url

    def subtitle(self):
        # Atom's name for the description; RSS ignores it.
        return self.description()

    def item_title(self, item):
        return item.title

    def item_link(self, item):
        return item.full_url

    def item_guid(self, item):
        return item.full_url

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at
