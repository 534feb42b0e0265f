"""Competencies, topics and municipalities (translatable snippets, German by default)."""

import factory

from taxonomy.models import Bundesland, Competency, CompetencyCategory, Municipality, Topic
from tests.factories.core import LocalizedFactory


class CompetencyFactory(LocalizedFactory):
    class Meta:
        model = Competency

    name = factory.Sequence(lambda n: f"Kompetenz {n}")
    category = CompetencyCategory.DIGITAL


class TopicFactory(LocalizedFactory):
    class Meta:
        model = Topic

    name = factory.Sequence(lambda n: f"Themenfeld {n}")
    slug = factory.Sequence(lambda n: f"themenfeld-{n}")


class MunicipalityFactory(LocalizedFactory):
    class Meta:
        model = Municipality

    name = factory.Sequence(lambda n: f"Musterstadt {n}")
    bundesland = Bundesland.HESSEN
    population = 20000
