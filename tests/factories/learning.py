"""The learning library, its resources, the expert pool and the experts (snippets)."""

import factory

from learning.models import Expert, ExpertIndexPage, LearningIndexPage, LearningResourcePage
from tests.factories.core import LocalizedFactory, PageFactory


class LearningIndexPageFactory(PageFactory):
    class Meta:
        model = LearningIndexPage

    title = "Lernbibliothek"
    slug = "lernen"


class LearningResourcePageFactory(PageFactory):
    """A resource below the library; ``macherinnen_only=True`` with ``publish=True`` applies
    the page privacy (publishing does)."""

    class Meta:
        model = LearningResourcePage

    title = factory.Sequence(lambda n: f"Lernangebot {n}")
    format = "article"


class ExpertIndexPageFactory(PageFactory):
    class Meta:
        model = ExpertIndexPage

    title = "Expert:innenpool"
    slug = "expertinnen"


class ExpertFactory(LocalizedFactory):
    class Meta:
        model = Expert

    name = factory.Sequence(lambda n: f"Expertin {n}")
    slug = factory.Sequence(lambda n: f"expertin-{n}")
    organisation = "Beispiel e. V."
    bio = "<p>Berät Kommunen seit vielen Jahren.</p>"
    contact_email = factory.Sequence(lambda n: f"expertin{n}@example.org")
