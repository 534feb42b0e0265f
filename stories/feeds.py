"""RSS and Atom feeds of the success stories, served by StoryIndexPage's routes."""

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import strip_tags
from django.utils.translation import gettext

FEED_LENGTH = 20


class StoryRssFeed(Feed):
    """The newest stories of one index page (one language tree) as RSS 2.0."""

    def __init__(self, index_page):
        super().__init__()
        self.index_page = index_page
        self.language = index_page.locale.language_code

    def title(self):
        return f"{self.index_page.title} – {settings.WAGTAIL_SITE_NAME}"

    def link(self):
        return self.index_page.full_url

    def description(self):
        return strip_tags(self.index_page.intro).strip() or gettext(
            "Was Macher:innen gemeinsam mit Kommunen erreicht haben."
        )

    def items(self):
        return self.index_page.stories().order_by("-first_published_at")[:FEED_LENGTH]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary or item.outcome

    def item_link(self, item):
        return item.full_url

    def item_guid(self, item):
        return item.full_url

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at

    def item_categories(self, item):
        return [topic.localized.name for topic in item.topics.all()]


class StoryAtomFeed(StoryRssFeed):
    """The same stories as an Atom 1.0 feed."""

    feed_type = Atom1Feed

    def subtitle(self):
        return self.description()
