"""The news section: index page and items."""

import datetime

import factory

from news.models import NewsIndexPage, NewsPage
from tests.factories.core import PageFactory


class NewsIndexPageFactory(PageFactory):
    class Meta:
        model = NewsIndexPage

    title = "Aktuelles"
    slug = "aktuelles"


class NewsPageFactory(PageFactory):
    """A news item below a NewsIndexPage (``parent``)."""

    class Meta:
        model = NewsPage

    title = factory.Sequence(lambda n: f"Meldung {n}")
    date = datetime.date(2021, 10, 1)
    category = "news"
    teaser = "Die Pilotphase beginnt mit zehn bis fünfzehn Kommunen."
