"""Success stories and their listing."""

import datetime

import factory

from stories.models import StoryIndexPage, StoryPage
from tests.factories.core import PageFactory
from tests.factories.taxonomy import MunicipalityFactory


class StoryIndexPageFactory(PageFactory):
    class Meta:
        model = StoryIndexPage

    title = "Erfolgsgeschichten"
    slug = "geschichten"


class StoryPageFactory(PageFactory):
    """A story below a StoryIndexPage (``parent``); ``project`` and ``topics`` are optional."""

    class Meta:
        model = StoryPage

    title = factory.Sequence(lambda n: f"Geschichte {n}")
    municipality = factory.SubFactory(MunicipalityFactory)
    subject = "Papierlos – aber richtig!"
    period_start = datetime.date(2021, 10, 1)
    period_end = datetime.date(2022, 4, 30)
    maker_role = "Informatikerin"
    outcome = "Die E-Akte ist eingeführt."
