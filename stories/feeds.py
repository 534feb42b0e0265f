"""RSS and Atom feeds of the success stories, served by StoryIndexPage's routes."""

from django.utils.html import strip_tags
from django.utils.translation import gettext

from core.feeds import PageFeed

FEED_LENGTH = 20


class StoryFeed(PageFeed):
    """The newest stories of one index page (one language tree)."""

    def description(self):
        return strip_tags(self.index_page.intro).strip() or gettext(
            "Was Macher:innen gemeinsam mit Kommunen erreicht haben."
        )

    def items(self):
        return self.index_page.stories().order_by("-first_published_at")[:FEED_LENGTH]

    def item_description(self, item):
        return item.summary or item.outcome

    def item_categories(self, item):
        return [topic.localized.name for topic in item.topics.all()]
