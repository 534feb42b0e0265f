"""The learning library and the expert pool."""

from .experts import Expert, ExpertAvailability, ExpertIndexPage
from .resources import LearningIndexPage, LearningResourcePage, ResourceFormat, ResourceLevel

__all__ = [
    "Expert",
    "ExpertAvailability",
    "ExpertIndexPage",
    "LearningIndexPage",
    "LearningResourcePage",
    "ResourceFormat",
    "ResourceLevel",
]
