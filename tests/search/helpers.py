"""Small helpers shared by the search tests."""

import datetime

from django.utils import timezone

from tests import factories
from tests.markup import parse


def result_titles(response):
    """The titles of the ordinary search results, in the order the page lists them."""
    lists = parse(response).select("ol.search-results")
    ordinary = [ol for ol in lists if "search-results--promoted" not in ol.classes]
    return ordinary[0].texts("a.card__link") if ordinary else []


def promoted_titles(response):
    """The titles of the editor's picks above the results."""
    picks = parse(response).select("ol.search-results.search-results--promoted")
    return picks[0].texts("a.card__link") if picks else []


def standard_page(parent, title, **kwargs):
    """A published StandardPage under ``parent``."""
    return factories.StandardPageFactory(parent=parent, title=title, **kwargs)


def translate(page, locale, title, **fields):
    """Publish an English (or other) translation of ``page`` with the given title and fields."""
    return factories.publish_translation(page, locale, title=title, **fields)


def days_ago(days):
    """An aware datetime ``days`` days before now (for first_published_at)."""
    return timezone.now() - datetime.timedelta(days=days)
