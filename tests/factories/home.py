"""The home page and content pages."""

import factory

from home.models import HomePage, StandardPage
from tests.factories.core import PageFactory


class HomePageFactory(PageFactory):
    class Meta:
        model = HomePage

    title = "Lokalprojekte"
    hero_title = "Macher:innen für Kommunen"


class StandardPageFactory(PageFactory):
    class Meta:
        model = StandardPage

    title = factory.Sequence(lambda n: f"Inhaltsseite {n}")
    intro = "Eine Einleitung."
