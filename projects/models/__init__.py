"""Projects: taxonomies, project pages and the back office's records."""

from .backoffice import ContactRequest
from .pages import (
    CompetencyLevel,
    ProjectCompetency,
    ProjectIndexPage,
    ProjectPage,
    ProjectStatus,
    Requirement,
    Workload,
)
from .taxonomies import Bundesland, Competency, CompetencyCategory, Municipality, Topic

__all__ = [
    "Bundesland",
    "Competency",
    "CompetencyLevel",
    "CompetencyCategory",
    "ContactRequest",
    "Municipality",
    "ProjectCompetency",
    "ProjectIndexPage",
    "ProjectPage",
    "ProjectStatus",
    "Requirement",
    "Topic",
    "Workload",
]
