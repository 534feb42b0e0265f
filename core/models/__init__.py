"""The base pages, image model and site settings that every page app builds on."""

from .base import BasePage
from .images import CustomImage, CustomRendition, prefetch_renditions
from .listing import ListingPage
from .settings import SiteSettings

__all__ = [
    "BasePage",
    "CustomImage",
    "CustomRendition",
    "ListingPage",
    "SiteSettings",
    "prefetch_renditions",
]
