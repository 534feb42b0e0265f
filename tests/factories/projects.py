"""The project listing and projects with their competence profile."""

import datetime

import factory
from django.utils import timezone

from projects.models import ProjectCompetency, ProjectIndexPage, ProjectPage, Requirement
from taxonomy.models import CompetencyLevel
from tests.factories.core import PageFactory
from tests.factories.taxonomy import CompetencyFactory, MunicipalityFactory


class ProjectIndexPageFactory(PageFactory):
    class Meta:
        model = ProjectIndexPage

    title = "Projekte"
    slug = "projekte"


class ProjectCompetencyFactory(factory.django.DjangoModelFactory):
    """One row of a competence profile (must, advanced unless given)."""

    class Meta:
        model = ProjectCompetency

    project = factory.SubFactory("tests.factories.projects.ProjectPageFactory")
    competency = factory.SubFactory(CompetencyFactory)


class ProjectPageFactory(PageFactory):
    """An open project below a ProjectIndexPage (``parent``), starting in four months.

    ``topics=[...]`` sets its topics; ``profile=[...]`` adds its competence profile, in order:
    each item a Competency, ``(competency, requirement)`` or ``(competency, requirement, level)``
    (requirement must and level advanced unless given, as in the editor).
    The texts are neutral on purpose: searches in the tests find what the test wrote.
    """

    class Meta:
        model = ProjectPage

    title = factory.Sequence(lambda n: f"Projekt {n}")
    live = True
    # A live project has been published at some time: the listing sorts by it, feeds date by it.
    first_published_at = factory.Maybe("live", factory.LazyFunction(timezone.now), None)
    municipality = factory.SubFactory(MunicipalityFactory)
    challenge = "<p>Die Kommune sucht Unterstützung.</p>"
    intended_impact = "<p>Bessere Angebote.</p>"
    target_groups = "Bürger:innen"
    start_date = factory.LazyFunction(lambda: datetime.date.today() + datetime.timedelta(days=120))
    duration_months = 12

    @factory.post_generation
    def profile(project, create, extracted, **kwargs):
        if not create:
            return
        defaults = (Requirement.MUST, CompetencyLevel.ADVANCED)
        for sort_order, row in enumerate(extracted or ()):
            competency, *given = row if isinstance(row, tuple) else (row,)
            requirement, level = (*given, *defaults[len(given) :])
            ProjectCompetencyFactory(
                project=project,
                competency=competency,
                requirement=requirement,
                level=level,
                sort_order=sort_order,
            )
