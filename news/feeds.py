"""RSS and Atom feeds of the news section, served by NewsIndexPage's routes."""

from django.utils.html import strip_tags
from django.utils.translation import gettext

from core.feeds import PageFeed

FEED_LENGTH = 20


class NewsFeed(PageFeed):
    """The newest news, press items and publications of one index page (one language tree)."""

    def description(self):
        return strip_tags(self.index_page.intro).strip() or gettext(
            "Neuigkeiten, Presseberichte und Veröffentlichungen von Lokalprojekte."
        )

    def items(self):
        return self.index_page.listing_items()[:FEED_LENGTH]

    def item_description(self, item):
        return item.teaser

    def item_categories(self, item):
        return [str(item.get_category_display())]

    def item_pubdate(self, item):
        # The date the editors gave the item (a press article's publication date), at noon
        # so no time zone moves it to the day before.
        return item.published_at
