"""factory_boy factories, one module per app (as the apps are layered, see docs/architecture.md).

Re-exported here for convenience: ``from tests import factories`` then
``factories.ProjectPageFactory(...)``.
"""

from tests.factories.core import (
    ImageFactory,
    LocalizedFactory,
    PageFactory,
    publish,
    publish_translation,
    translate_snippet,
)
from tests.factories.home import HomePageFactory, StandardPageFactory
from tests.factories.intake import (
    MINIMAL_PDF,
    PIPELINE_ROUTES,
    ApplicationFactory,
    ApplicationNoteFactory,
    CandidateCompetencyFactory,
    CandidateFactory,
    CompanyOfferFactory,
    ConsentRecordFactory,
    ContactRequestFactory,
    FormPageFactory,
    MunicipalityRequestFactory,
)
from tests.factories.learning import (
    ExpertFactory,
    ExpertIndexPageFactory,
    LearningIndexPageFactory,
    LearningResourcePageFactory,
)
from tests.factories.news import NewsIndexPageFactory, NewsPageFactory
from tests.factories.programme import EventIndexPageFactory, EventPageFactory
from tests.factories.projects import (
    ProjectCompetencyFactory,
    ProjectIndexPageFactory,
    ProjectPageFactory,
)
from tests.factories.stories import StoryIndexPageFactory, StoryPageFactory
from tests.factories.taxonomy import CompetencyFactory, MunicipalityFactory, TopicFactory
from tests.factories.users import UserFactory

__all__ = [
    "MINIMAL_PDF",
    "PIPELINE_ROUTES",
    "ApplicationFactory",
    "ApplicationNoteFactory",
    "CandidateCompetencyFactory",
    "CandidateFactory",
    "CompanyOfferFactory",
    "CompetencyFactory",
    "ConsentRecordFactory",
    "ContactRequestFactory",
    "EventIndexPageFactory",
    "EventPageFactory",
    "ExpertFactory",
    "ExpertIndexPageFactory",
    "FormPageFactory",
    "HomePageFactory",
    "ImageFactory",
    "LearningIndexPageFactory",
    "LearningResourcePageFactory",
    "LocalizedFactory",
    "MunicipalityFactory",
    "MunicipalityRequestFactory",
    "NewsIndexPageFactory",
    "NewsPageFactory",
    "PageFactory",
    "ProjectCompetencyFactory",
    "ProjectIndexPageFactory",
    "ProjectPageFactory",
    "StandardPageFactory",
    "StoryIndexPageFactory",
    "StoryPageFactory",
    "TopicFactory",
    "UserFactory",
    "publish",
    "publish_translation",
    "translate_snippet",
]
