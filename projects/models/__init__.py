"""Projects: taxonomies, project pages and the back office's records."""

from .backoffice import ContactRequest
from .pages import ProjectCompetency, ProjectIndexPage, ProjectPage, ProjectStatus
from .taxonomies import Bundesland, Competency, CompetencyCategory, Municipality, Topic

__all__ = [
    "Bundesland",
    "Competency",
    "CompetencyCategory",
    "ContactRequest",
    "Municipality",
    "ProjectCompetency",
    "ProjectIndexPage",
    "ProjectPage",
    "ProjectStatus",
    "Topic",
]
