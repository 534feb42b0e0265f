"""Models of the home app, re-exported so Django and other apps import them from here."""

from .base import BasePage
from .images import CustomImage, CustomRendition
from .pages import HomePage, StandardPage
from .settings import SiteSettings

__all__ = ["BasePage", "CustomImage", "CustomRendition", "HomePage", "SiteSettings", "StandardPage"]
