"""factory_boy factories for the site's models, shared by every test module."""

import datetime

import factory
import wagtail_factories
from wagtail.models import Locale

from home.models import HomePage, StandardPage
from learning.models import Expert, ExpertIndexPage, LearningIndexPage, LearningResourcePage
from projects.models import ProjectCompetency, ProjectIndexPage, ProjectPage
from stories.models import StoryIndexPage, StoryPage
from taxonomy.models import Bundesland, Competency, CompetencyCategory, Municipality, Topic


class DefaultLocaleMixin(factory.django.DjangoModelFactory):
    locale = factory.LazyFunction(Locale.get_default)


class CompetencyFactory(DefaultLocaleMixin):
    class Meta:
        model = Competency

    name = factory.Sequence(lambda n: f"Kompetenz {n}")
    category = CompetencyCategory.DIGITAL


class TopicFactory(DefaultLocaleMixin):
    class Meta:
        model = Topic

    name = factory.Sequence(lambda n: f"Themenfeld {n}")
    slug = factory.Sequence(lambda n: f"themenfeld-{n}")


class MunicipalityFactory(DefaultLocaleMixin):
    class Meta:
        model = Municipality

    name = factory.Sequence(lambda n: f"Musterstadt {n}")
    bundesland = Bundesland.HESSEN
    population = 20000


class ExpertFactory(DefaultLocaleMixin):
    class Meta:
        model = Expert

    name = factory.Sequence(lambda n: f"Expertin {n}")
    slug = factory.Sequence(lambda n: f"expertin-{n}")
    organisation = "Beispiel e. V."
    bio = "<p>Berät Kommunen seit vielen Jahren.</p>"
    contact_email = factory.Sequence(lambda n: f"expertin{n}@example.org")


class HomePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = HomePage

    title = "Lokalprojekte"
    hero_title = "Macher:innen für Kommunen"


class StandardPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = StandardPage

    title = factory.Sequence(lambda n: f"Inhaltsseite {n}")
    intro = "Eine Einleitung."


class ProjectIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ProjectIndexPage

    title = "Projekte"
    slug = "projekte"


class ProjectPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ProjectPage

    title = factory.Sequence(lambda n: f"Projekt {n}")
    municipality = factory.SubFactory(MunicipalityFactory)
    challenge = "<p>Die Verwaltung möchte Abläufe digitalisieren.</p>"
    intended_impact = "<p>Bürger:innen erledigen Anliegen online.</p>"
    target_groups = "Bürger:innen, Verwaltung"
    start_date = factory.LazyFunction(lambda: datetime.date.today() + datetime.timedelta(days=120))
    duration_months = 12


class ProjectCompetencyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProjectCompetency

    project = factory.SubFactory(ProjectPageFactory)
    competency = factory.SubFactory(CompetencyFactory)


class StoryIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = StoryIndexPage

    title = "Erfolgsgeschichten"
    slug = "geschichten"


class StoryPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = StoryPage

    title = factory.Sequence(lambda n: f"Geschichte {n}")
    municipality = factory.SubFactory(MunicipalityFactory)
    subject = "Papierlos – aber richtig!"
    period_start = datetime.date(2021, 10, 1)
    period_end = datetime.date(2022, 4, 30)
    maker_role = "Informatikerin"
    outcome = "Die E-Akte ist eingeführt."


class LearningIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = LearningIndexPage

    title = "Lernbibliothek"
    slug = "lernen"


class LearningResourcePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = LearningResourcePage

    title = factory.Sequence(lambda n: f"Lernangebot {n}")
    format = "article"


class ExpertIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ExpertIndexPage

    title = "Expert:innenpool"
    slug = "expertinnen"


def publish_translation(page, locale, **changes):
    """Translate a published page as wagtail-localize would, apply changes, and publish it.

    The parent must already have a translation in ``locale``.
    """
    translated = page.copy_for_translation(locale)
    for name, value in changes.items():
        setattr(translated, name, value)
    translated.save_revision().publish()
    translated.refresh_from_db()
    return translated


def translate_snippet(instance, locale, **changes):
    """Create the translation of a taxonomy or expert snippet in ``locale``."""
    translated = instance.copy_for_translation(locale)
    for name, value in changes.items():
        setattr(translated, name, value)
    translated.save()
    return translated
